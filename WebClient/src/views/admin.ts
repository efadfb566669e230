// Admin (admin role only): templates (create, edit as a new version, (de)activate), live tables (close, pause,
// resume, kick) and the room's maintenance switch, players (search, a player's page, bans, balance adjustments), every
// transaction, the broadcast and chat moderation, the audit log, and the operations and analytics pages (charts, loaded on demand).

import { api } from '../api';
import { h, mount, toast } from '../dom';
import { formatChips, formatStakes, variantName } from '../format';
import { language, t } from '../i18n';
import { playerPage, playerSearch, transactionsPage } from './adminPlayers';
import { broadcastPage, chatPage } from './adminRoom';
import type { AuditEntry, MaintenanceStatus, PageResponse, TableSummary, TemplateInfo } from '../wire';

const tabs = ['templates', 'tables', 'players', 'transactions', 'broadcast', 'chat', 'audit', 'operations', 'analytics'] as const;
type Tab = (typeof tabs)[number];

export async function adminView(root: HTMLElement, params: string[]): Promise<void> {
  const s = t();
  const tab: Tab = (tabs as readonly string[]).includes(params[0]) ? (params[0] as Tab) : 'templates';
  const names: Record<Tab, string> = { templates: s.templates, tables: s.tables, players: s.players, transactions: s.transactions, broadcast: s.broadcast, chat: s.chat, audit: s.audit, operations: s.operations, analytics: s.analytics };
  const body = h('div.admin-body', { id: `admin-${tab}` });
  mount(root, h('h2', null, s.admin),
    h('nav.tabs', null, tabs.map((x) => h(`a${x === tab ? '.on' : ''}`, { href: `#/admin/${x}` }, names[x]))), body);
  const run = (action: () => Promise<unknown>) => async () => {
    try {
      await action();
      toast('✓');
      await adminView(root, params);
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  };

  if (tab === 'templates') {
    const all = await api.get<TemplateInfo[]>('/api/templates?includeInactive=true');
    const editor = h('textarea', { id: 'template-json', rows: '12' }) as HTMLTextAreaElement;
    const idInput = h('input', { id: 'template-id', placeholder: s.id }) as HTMLInputElement;
    mount(body,
      h('div.grid', null,
        h('div.row.head', null, h('span', null, s.id), h('span', null, s.variant), h('span', null, s.stakes), h('span', null, s.version), h('span', null, s.active), h('span', null, s.actions)),
        all.map((x) => h('div.row', { 'data-template': x.id },
          h('span', null, x.id), h('span', null, variantName(x.config.variant)), h('span', null, formatStakes(x.config, language())),
          h('span.version', { 'data-version': x.version }, `v${x.version}`), h('span.active', { 'data-active': String(x.active) }, x.active ? '✓' : '—'),
          h('span.act', null,
            h('button', { 'data-action': 'edit', title: s.editAsNew, onclick: () => { idInput.value = x.id; editor.value = JSON.stringify(x.config, null, 2); editor.focus(); } }, '✎'),
            x.active
              ? h('button', { 'data-action': 'deactivate', onclick: run(() => api.post(`/api/admin/templates/${x.id}/deactivate`)) }, s.deactivate)
              : h('button', { 'data-action': 'activate', onclick: run(() => api.post(`/api/admin/templates/${x.id}/activate`)) }, s.activate))))),
      h('section.card-box', null, idInput, editor,
        h('button.primary', { id: 'template-save', onclick: run(() => api.put(`/api/admin/templates/${idInput.value}`, JSON.parse(editor.value))) }, s.editAsNew),
        h('button', { id: 'template-create', onclick: run(() => api.post('/api/admin/templates', { id: idInput.value, config: JSON.parse(editor.value) })) }, s.create)));
  } else if (tab === 'tables') {
    const page = await api.get<PageResponse<TableSummary>>('/api/admin/tables?pageSize=100');
    const maintenance = await api.get<MaintenanceStatus>('/api/admin/maintenance');
    const kickId = h('input', { id: 'kick-player', placeholder: s.playerId }) as HTMLInputElement;
    const note = h('input', { id: 'maintenance-note', placeholder: s.reason, maxlength: '200' }) as HTMLInputElement;
    mount(body,
      h('section.card-box', { id: 'maintenance', 'data-on': String(maintenance.on) },
        maintenance.on ? h('div.banner.maintenance', null, s.maintenance, maintenance.message ? ` ${maintenance.message}` : '') : null,
        maintenance.on ? null : note,
        h('button', {
          id: 'maintenance-switch',
          onclick: run(() => api.post('/api/admin/maintenance', { on: !maintenance.on, message: maintenance.on ? null : note.value.trim() || null })),
        }, maintenance.on ? s.maintenanceOff : s.maintenanceOn)),
      h('div.grid', null,
      h('div.row.head', null, h('span', null, s.tables), h('span', null, s.status), h('span', null, s.seats), h('span', null, s.hand), h('span', null, s.actions)),
      page.items.map((x) => h('div.row', { 'data-table': x.tableId },
        h('span', null, h('b', null, x.name), h('small', null, ` ${x.tableId}`)), h('span.status', { 'data-status': x.status }, x.status), h('span.seats', null, `${x.seatsTaken}/${x.maxPlayers}`),
        h('span', null, `#${x.handNo}`),
        h('span.act', null,
          x.status === 'Paused'
            ? h('button', { 'data-action': 'resume', onclick: run(() => api.post(`/api/admin/tables/${x.tableId}/resume`)) }, s.resume)
            : h('button', { 'data-action': 'pause', onclick: run(() => api.post(`/api/admin/tables/${x.tableId}/pause`)) }, s.pause),
          h('button', { 'data-action': 'close', onclick: run(() => api.post(`/api/admin/tables/${x.tableId}/close`, { reason: 'closed by admin' })) }, s.close),
          h('button', { 'data-action': 'kick', onclick: run(() => api.post(`/api/admin/tables/${x.tableId}/kick`, { playerId: Number(kickId.value), reason: 'admin' })) }, s.kick))))),
      h('label', null, `${s.kick} — ${s.playerId}: `, kickId));
  } else if (tab === 'players' && params[1]) {
    await playerPage(body, params[1]);
  } else if (tab === 'transactions') {
    await transactionsPage(body);
  } else if (tab === 'broadcast') {
    await broadcastPage(body);
  } else if (tab === 'chat') {
    await chatPage(body);
  } else if (tab === 'players') {
    const id = h('input', { id: 'adjust-player', placeholder: s.playerId }) as HTMLInputElement;
    const amount = h('input', { id: 'adjust-amount', type: 'number', placeholder: s.amount }) as HTMLInputElement;
    const reason = h('input', { id: 'adjust-reason', placeholder: s.reason }) as HTMLInputElement;
    const outcome = h('div', { id: 'adjust-result' });
    // One request id per adjustment: pressing Apply again after a failure retries it (applied once), while a change
    // to the form or a success starts a new one.
    let requestId = crypto.randomUUID();
    for (const input of [id, amount, reason]) input.addEventListener('input', () => { requestId = crypto.randomUUID(); });
    const apply = async () => {
      try {
        const r = await api.post<{ amount: number }>(`/api/admin/players/${id.value}/adjust`, { amount: Number(amount.value), reason: reason.value, requestId });
        requestId = crypto.randomUUID();
        mount(outcome, `${s.balanceNow}: `, h('b', { 'data-balance': r.amount }, formatChips(r.amount, language())));
        toast('✓');
      } catch (e) {
        toast((e as Error).message, 'error');
      }
    };
    mount(body, playerSearch(), h('section.card-box', null, h('h3', null, s.adjust), id, amount, reason,
      h('button.primary', { id: 'adjust-apply', onclick: apply }, s.apply), outcome));
  } else if (tab === 'audit') {
    const page = await api.get<PageResponse<AuditEntry>>('/api/admin/audit?pageSize=100');
    mount(body, h('div.grid', { id: 'audit' },
      h('div.row.head', null, h('span', null, s.time), h('span', null, s.admin), h('span', null, s.actions), h('span', null, s.target), h('span', null, s.details)),
      page.items.map((x) => h('div.row', { 'data-action': x.action, 'data-target': x.target },
      h('span', null, new Date(x.at).toLocaleString()), h('span', null, String(x.adminId)), h('span', null, x.action), h('span', null, x.target), h('span', null, x.details ?? '')))));
  } else if (tab === 'operations') {
    const { operationsView } = await import('./operations');
    await operationsView(body);
  } else {
    const { analyticsView } = await import('./analytics');
    await analyticsView(body);
  }
}
