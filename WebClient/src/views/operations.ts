// Admin operations page: every silo, gateway and bot with version, uptime and last report, and the last hour of
// connections, actions per second, latency, errors and Telegram updates drawn with uPlot (a ~50 kB time-series
// library on canvas). Loaded on demand: players never download it.

import { accessToken, api } from '../api';
import { drawChart } from '../charts';
import { h, mount, toast } from '../dom';
import { t } from '../i18n';
import { chartData, chartNames, formatDuration, secondsBetween, type ChartName } from '../operations';
import type { OperationsResponse } from '../wire';

const refreshMs = 10_000;

/** Draws the page into `body` and redraws it every few seconds while it is on screen. */
export async function operationsView(body: HTMLElement): Promise<void> {
  const s = t();
  const report = await api.get<OperationsResponse>('/api/admin/operations');
  const titles: Record<ChartName, string> = {
    connections: s.chartConnections, actions: s.chartActions, latency: s.chartLatency, errors: s.chartErrors, updates: s.chartUpdates,
  };
  const section = h('section.card-box', { id: 'operations', 'data-processes': report.processes.length });
  const header = h('div.ops-head', null,
    h('h3', null, s.operations),
    h('button', { id: 'operations-refresh', onclick: () => void operationsView(body) }, s.refresh),
    report.dashboardPath ? h('button', { id: 'open-dashboard', title: s.dashboardNote, onclick: () => void openDashboard(report.dashboardPath!) }, s.openDashboard) : null,
    report.dashboardPath ? h('button', { id: 'copy-dashboard', title: s.dashboardNote, onclick: () => void copyDashboard(report.dashboardPath!) }, s.copyDashboard) : null);
  if (report.processes.length === 0) {
    mount(body, h('section.card-box', { id: 'operations', 'data-processes': 0 }, header, h('p', { id: 'operations-empty' }, s.noOperationsData)));
    schedule(body);
    return;
  }

  const list = h('div.grid', { id: 'operations-processes' },
    h('div.row.head', null, h('span', null, s.process), h('span', null, s.version), h('span', null, s.uptime), h('span', null, s.lastSeen)),
    report.processes.map((p) => h('div.row', { 'data-kind': p.process.kind, 'data-process': p.process.id },
      h('span', null, h('b', null, p.process.kind), h('small', null, ` ${p.process.id}`)),
      h('span', null, p.process.version),
      h('span', null, formatDuration(secondsBetween(p.process.startedAt, report.at))),
      h('span', null, `${formatDuration(secondsBetween(p.lastSeen, report.at))} ${s.ago}`))));
  const charts = chartNames.map((name) => {
    const data = chartData(report, name, s);
    const box = h('div.ops-chart', { 'data-chart': name, 'data-points': data.points }, h('h4', null, titles[name]));
    if (data.points === 0) box.append(h('p.no-data', null, s.noChartData));
    return { box, data };
  });
  mount(section, header, h('p.hint', null, s.operationsWindow), list, charts.map((c) => c.box));
  mount(body, section);
  const width = Math.max(280, section.clientWidth - 24);
  for (const { box, data } of charts) {
    if (data.points === 0) continue;
    drawChart(box, { width, height: 170, series: data.labels.map((label) => ({ label })), data: data.data });
  }
  schedule(body);
}

/** Redraws after a while, unless the admin left the page (the element is gone) or it was redrawn meanwhile. */
function schedule(body: HTMLElement): void {
  const drawn = body.firstElementChild;
  window.setTimeout(() => {
    if (body.isConnected && body.firstElementChild === drawn) void operationsView(body).catch(() => undefined);
  }, refreshMs);
}

/** The dashboard's address with the access token, which the gateway swaps for a cookie on the first request. */
async function dashboardLink(path: string): Promise<string> {
  return `${path.replace(/\/$/, '')}/?access_token=${encodeURIComponent(await accessToken())}`;
}

/** The dashboard in a new tab, on this origin (the gateway's own port; nginx does not serve it). */
async function openDashboard(path: string): Promise<void> {
  window.open(await dashboardLink(path), '_blank', 'noopener');
}

/** The link on the clipboard, to paste after the address of an SSH tunnel to a gateway. */
async function copyDashboard(path: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(await dashboardLink(path));
    toast(t().dashboardCopied);
  } catch (e) {
    toast((e as Error).message, 'error');
  }
}
