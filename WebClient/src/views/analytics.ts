// Admin analytics page: a range (24 h, 7 or 30 days), uPlot charts of players and open tables (snapshots), hands
// and rake per hour and hands per day by game (hourly statistics), the waitlist waits of the room and the busiest
// queues (seat history), the top tables, a recompute of the range's hourly
// statistics, CSV of each chart's data, the room's insights (acknowledge) and the audit log with filters and paging.
// Loaded on demand with uPlot.

import { api } from '../api';
import {
  handsAndRakePerHour, handsPerDayByVariant, insightDetails, insightParams, playersOverTime, rangeKeys, rangeOf, rebuildRange, seriesCsv, toCsv, topTables,
  waitsByTable, waitsCsv, type InsightFilter, type Range, type RangeKey, type SeriesData,
} from '../analytics';
import { drawChart } from '../charts';
import { download, h, mount, toast } from '../dom';
import { formatChips, variantName } from '../format';
import { language, t } from '../i18n';
import type { AnalyticsSnapshot, AuditEntry, HourlyStats, Insight, PageResponse, RebuildResponse, WaitReport } from '../wire';

let chosen: RangeKey = '24h';
const auditPageSize = 20;
const insightPageSize = 20;

const query = (range: Range) => `from=${encodeURIComponent(range.from.toISOString())}&to=${encodeURIComponent(range.to.toISOString())}`;
const utc = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

/** Draws the page into `body`; `message` is shown under the recompute button (the outcome of the last one). */
export async function analyticsView(body: HTMLElement, message?: HTMLElement): Promise<void> {
  const s = t();
  const now = new Date();
  const range = rangeOf(chosen, now);
  const [snapshots, hourly, waitReport] = await Promise.all([
    api.get<AnalyticsSnapshot[]>(`/api/admin/analytics/snapshots?${query(range)}`),
    api.get<HourlyStats[]>(`/api/admin/analytics/hourly?${query(range)}`),
    api.get<WaitReport>(`/api/admin/analytics/waits?${query(range)}`),
  ]);
  const rangeNames: Record<RangeKey, string> = { '24h': s.range24h, '7d': s.range7d, '30d': s.range30d };
  const result = message ?? h('p', { id: 'analytics-rebuild-result' });
  const rebuild = async (button: HTMLButtonElement) => {
    const span = rebuildRange(range, new Date());
    button.disabled = true;
    try {
      const r = await api.post<RebuildResponse>(`/api/admin/analytics/hourly/rebuild?${query(span)}`);
      const text = s.recomputed.replace('{rows}', String(r.rows)).replace('{from}', utc(span.from)).replace('{to}', utc(span.to));
      const outcome = h('p', { id: 'analytics-rebuild-result', 'data-rows': r.rows }, span.capped ? `${text} ${s.recomputeCapped}` : text);
      await analyticsView(body, outcome);
    } catch (e) {
      toast((e as Error).message, 'error');
      button.disabled = false;
    }
  };
  const ledger = h('button.csv', {
    id: 'analytics-ledger-csv', title: s.ledgerCsvTitle,
    onclick: () => void api.get<string>(`/api/admin/ledger/export?${query(range)}`)
      .then((csv) => download(`ledger-${chosen}.csv`, csv))
      .catch((e: Error) => toast(e.message, 'error')),
  }, s.ledgerCsv);
  const recompute = h('button', { id: 'analytics-rebuild', title: s.recomputeHint }) as HTMLButtonElement;
  recompute.textContent = s.recompute;
  recompute.addEventListener('click', () => void rebuild(recompute));

  const header = h('div.ops-head', null,
    h('h3', null, s.analytics),
    h('div.range', { id: 'analytics-range', role: 'group' }, rangeKeys.map((key) => h(`button${key === chosen ? '.on' : ''}`, {
      'data-range': key, 'aria-pressed': String(key === chosen),
      onclick: () => { chosen = key; void analyticsView(body).catch((e: Error) => toast(e.message, 'error')); },
    }, rangeNames[key]))),
    recompute,
    ledger);

  const players = playersOverTime(snapshots, [s.seriesPlayers, s.seriesTables]);
  const hours = handsAndRakePerHour(hourly, range, [s.seriesHands, s.seriesRake]);
  const days = handsPerDayByVariant(hourly, range);
  days.labels = days.variants.map(variantName);
  const waits = waitsByTable(waitReport, s.room, [s.seriesAverageWait, s.seriesMedianWait, s.seriesP90Wait]);
  const top = topTables(hourly);
  const lang = language();

  const charts: {
    name: string; title: string; empty: string; data: SeriesData; csv: () => string; scales?: ('y' | 'y2')[]; lines?: boolean[]; bucket?: number; categories?: string[];
  }[] = [
    { name: 'players', title: s.chartPlayers, empty: s.noSnapshots, data: players, csv: () => seriesCsv(players, s.time) },
    { name: 'hands', title: s.chartHandsRake, empty: s.noHourly, data: hours, csv: () => seriesCsv(hours, s.time), scales: ['y', 'y2'], lines: [false, true], bucket: 3600 },
    { name: 'variants', title: s.chartVariants, empty: s.noHourly, data: days, csv: () => seriesCsv(days, s.time, true), bucket: 86_400 },
    { name: 'waits', title: s.chartWaits, empty: s.noWaits, data: waits, csv: () => waitsCsv(waits, s.waitsCsvHeader.split(',')), categories: waits.categories },
  ];
  const boxes = charts.map((c) => {
    const box = h('div.ops-chart', { 'data-chart': c.name, 'data-points': c.data.points },
      h('div.chart-head', null, h('h4', null, c.title),
        c.data.points > 0 ? h('button.csv', { 'data-csv': c.name, title: s.csvTitle, onclick: () => download(`${c.name}-${chosen}.csv`, c.csv()) }, s.csv) : null));
    if (c.data.points === 0) box.append(h('p.no-data', null, c.empty));
    return box;
  });

  const topCsv = () => toCsv([s.table, s.variant, s.hands, s.pot, s.rake, s.peakPlayers],
    top.map((x) => [x.tableId, variantName(x.variant), x.hands, x.totalPot, x.rake, x.peakPlayers]));
  const topBox = h('div.ops-chart', { id: 'analytics-top', 'data-chart': 'top', 'data-points': top.length },
    h('div.chart-head', null, h('h4', null, s.topTables),
      top.length > 0 ? h('button.csv', { 'data-csv': 'top', title: s.csvTitle, onclick: () => download(`top-tables-${chosen}.csv`, topCsv()) }, s.csv) : null),
    top.length === 0
      ? h('p.no-data', null, s.noTopTables)
      : h('div.grid', null,
        h('div.row.head', null, h('span', null, s.table), h('span', null, s.variant), h('span', null, s.hands), h('span', null, s.pot), h('span', null, s.rake)),
        top.map((x) => h('div.row', { 'data-table': x.tableId, 'data-hands': x.hands },
          h('span', null, x.tableId), h('span', null, variantName(x.variant)), h('span', null, String(x.hands)),
          h('span', null, formatChips(x.totalPot, lang)), h('span', null, formatChips(x.rake, lang))))));

  const empty = snapshots.length === 0 && hourly.length === 0 && waitReport.room.joins === 0 && waitReport.room.seatings === 0;
  const insights = h('div', { id: 'analytics-insights' });
  const audit = h('div', { id: 'analytics-audit' });
  const section = h('section.card-box.analytics', { id: 'analytics', 'data-range': chosen },
    header, result,
    h('p.hint', null, s.analyticsUtc),
    // Nothing at all: one plain sentence instead of a row of empty charts.
    empty ? h('p', { id: 'analytics-empty' }, s.analyticsNone) : [...boxes, topBox],
    insights,
    audit);
  mount(body, section);

  const width = Math.max(280, section.clientWidth - 24);
  charts.forEach((c, i) => {
    if (empty || c.data.points === 0) return;
    drawChart(boxes[i], {
      width, height: 180, utc: true, barBucket: c.bucket, data: c.data.data, categories: c.categories, countX: c.categories ? s.table : undefined,
      xRange: [range.from.getTime() / 1000, range.to.getTime() / 1000],
      series: c.data.labels.map((label, k) => ({ label, scale: c.scales?.[k], bars: !c.lines?.[k] })),
    });
  });
  await Promise.all([insightList(insights, { openOnly: true }), auditList(audit, {})]);
}

/** The room's insights, newest first, by severity and open or all, a page at a time, each with an Acknowledge button. */
async function insightList(box: HTMLElement, filter: InsightFilter): Promise<void> {
  const s = t();
  const page = Math.max(1, filter.page ?? 1);
  const result = await api.get<PageResponse<Insight>>(`/api/admin/insights?${insightParams(filter, insightPageSize)}`);
  const locale = language() === 'fa' ? 'fa-IR' : undefined;
  const go = (next: InsightFilter) => void insightList(box, next).catch((e: Error) => toast(e.message, 'error'));
  const severities: Record<NonNullable<InsightFilter['severity']>, string> = { info: s.severityInfo, warning: s.severityWarning, critical: s.severityCritical };
  const severity = h('select', { id: 'insight-filter-severity', 'aria-label': s.severity },
    h('option', { value: '' }, s.all),
    Object.entries(severities).map(([value, label]) => h('option', { value, selected: filter.severity === value }, label))) as HTMLSelectElement;
  const openOnly = h('input', { id: 'insight-filter-open', type: 'checkbox', checked: filter.openOnly === true }) as HTMLInputElement;
  const apply = () => go({ severity: (severity.value || undefined) as InsightFilter['severity'], openOnly: openOnly.checked, page: 1 });
  const acknowledge = async (insight: Insight, button: HTMLButtonElement) => {
    button.disabled = true;
    try {
      await api.post<Insight>(`/api/admin/insights/${insight.id}/acknowledge`);
      await insightList(box, filter);
    } catch (e) {
      toast((e as Error).message, 'error');
      button.disabled = false;
    }
  };
  box.dataset.filterSeverity = filter.severity ?? '';
  box.dataset.filterOpen = String(filter.openOnly === true);
  mount(box,
    h('h4', null, s.insights),
    h('p.hint', null, s.insightsHint),
    h('form.audit-filter', { onsubmit: (e: Event) => { e.preventDefault(); apply(); } },
      severity, h('label', null, openOnly, ` ${s.openOnly}`),
      h('button', { id: 'insight-filter-apply', type: 'submit' }, s.filter)),
    result.items.length === 0
      ? h('p.no-data', { id: 'insights-empty' }, s.noInsights)
      : h('div.grid', { id: 'analytics-insight-rows', 'data-page': page },
        h('div.row.head', null, h('span', null, s.time), h('span', null, s.severity), h('span', null, s.details), h('span', null, '')),
        result.items.map((x) => {
          const severityKey = x.severity.toLowerCase() as NonNullable<InsightFilter['severity']>;
          const ack = h('button', { 'data-acknowledge': x.id }, s.acknowledge) as HTMLButtonElement;
          ack.addEventListener('click', () => void acknowledge(x, ack));
          return h(`div.row.insight.${severityKey}`, { 'data-insight': x.id, 'data-kind': x.kind, 'data-open': String(x.open) },
            h('span', null, new Date(x.createdAt).toLocaleString(locale)),
            h('span', null, severities[severityKey] ?? x.severity),
            h('span', null, h('b', null, x.summary), h('br'), h('small', null,
              [x.kind, insightDetails(x.details, locale), x.open ? s.stillOpen : `${s.resolved} ${new Date(x.resolvedAt ?? x.createdAt).toLocaleString(locale)}`]
                .filter((part) => part).join(' · '))),
            x.acknowledgedAt
              ? h('span', { 'data-acknowledged-by': x.acknowledgedBy ?? '' }, `${s.acknowledged} (${x.acknowledgedBy ?? ''})`)
              : h('span', null, ack));
        })),
    h('div.pager', null,
      h('button', { id: 'insights-newer', disabled: page <= 1, onclick: () => go({ ...filter, page: page - 1 }) }, s.newer),
      h('span', { id: 'insights-page' }, `${s.page} ${page}`),
      h('button', { id: 'insights-older', disabled: result.items.length < insightPageSize, onclick: () => go({ ...filter, page: page + 1 }) }, s.older)));
}

interface AuditFilter {
  admin?: string;
  action?: string;
  page?: number;
}

/** The audit log, newest first, filtered by admin id and action, a page at a time. */
async function auditList(box: HTMLElement, filter: AuditFilter): Promise<void> {
  const s = t();
  const page = filter.page ?? 1;
  const params = new URLSearchParams({ page: String(page), pageSize: String(auditPageSize) });
  if (filter.admin) params.set('admin', filter.admin);
  if (filter.action) params.set('action', filter.action);
  const result = await api.get<PageResponse<AuditEntry>>(`/api/admin/audit?${params}`);
  box.dataset.filterAdmin = filter.admin ?? '';
  box.dataset.filterAction = filter.action ?? '';
  const admin = h('input', { id: 'audit-filter-admin', type: 'number', min: '1', placeholder: s.adminId, value: filter.admin ?? '' }) as HTMLInputElement;
  const action = h('input', { id: 'audit-filter-action', placeholder: s.action, value: filter.action ?? '', list: 'audit-actions' }) as HTMLInputElement;
  const go = (next: AuditFilter) => void auditList(box, next).catch((e: Error) => toast(e.message, 'error'));
  const apply = () => go({ admin: admin.value.trim() || undefined, action: action.value.trim() || undefined, page: 1 });
  const known = ['analytics.rebuild', 'insight.acknowledge', 'player.adjust', 'table.close', 'table.pause', 'table.resume', 'table.kick', 'template.create', 'template.update', 'template.activate', 'template.deactivate'];
  mount(box,
    h('h4', null, s.audit),
    h('form.audit-filter', { onsubmit: (e: Event) => { e.preventDefault(); apply(); } },
      admin, action, h('datalist', { id: 'audit-actions' }, known.map((a) => h('option', { value: a }))),
      h('button', { id: 'audit-filter-apply', type: 'submit' }, s.filter)),
    result.items.length === 0
      ? h('p.no-data', { id: 'audit-empty' }, s.noAudit)
      : h('div.grid', { id: 'analytics-audit-rows', 'data-page': page },
        h('div.row.head', null, h('span', null, s.time), h('span', null, s.admin), h('span', null, s.action), h('span', null, s.target), h('span', null, s.details)),
        result.items.map((x) => h('div.row', { 'data-action': x.action, 'data-target': x.target },
          h('span', null, new Date(x.at).toLocaleString(language() === 'fa' ? 'fa-IR' : undefined)), h('span', null, String(x.adminId)),
          h('span', null, x.action), h('span', null, x.target), h('span', null, x.details ?? '')))),
    h('div.pager', null,
      h('button', { id: 'audit-newer', disabled: page <= 1, onclick: () => go({ ...filter, page: page - 1 }) }, s.newer),
      h('span', { id: 'audit-page' }, `${s.page} ${page}`),
      // No total from the gateway: a full page means there may be more.
      h('button', { id: 'audit-older', disabled: result.items.length < auditPageSize, onclick: () => go({ ...filter, page: page + 1 }) }, s.older)));
}
