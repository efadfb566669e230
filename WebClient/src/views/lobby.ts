// Lobby: the live table list (lobby hub), filters, join or queue, "join any table" of a template (its waitlist), private
// tables from a template with an invite link, and the room's maintenance banner.

import { wholeAmount } from '../amount';
import { api } from '../api';
import { h, mount, single, toast } from '../dom';
import { formatChips, formatStakes, variantName } from '../format';
import { lobbyConnection, onLobbyReconnected } from '../hubs';
import { language, t } from '../i18n';
import { anyTableState, anyTableTemplates, isRoomTable, placeWorthAsking } from '../anyTable';
import { refusal } from '../errors';
import { parseInvite, rememberInvite } from '../invites';
import { newestOnly } from '../newest';
import { activityLine } from '../results';
import type { JoinedResponse, MaintenanceStatus, TableActivity, TableCreatedResponse, TableSummary, TemplateInfo, TemplateWaitlistStatus } from '../wire';

/** How often an open lobby asks for the tables' last hour (the gateway's figures are at most 30 s old). */
const activityEvery = 60_000;

export async function lobbyView(root: HTMLElement, params: string[]): Promise<() => void> {
  const s = t();
  const tables = new Map<string, TableSummary>();
  const queued = new Map<string, number>(); // my waitlist position at full tables
  const activity = new Map<string, TableActivity>();
  const anyStatus = new Map<string, TemplateWaitlistStatus>(); // my place in templates' waitlists for any table
  // Only the newest look-up or change of a place is shown (several may be under way after a burst of updates).
  const tablePlaces = newestOnly<string>();
  const templatePlaces = newestOnly<string>();
  let templates: TemplateInfo[] = [];
  let filter = '';
  const list = h('div.table-list', { id: 'tables' });
  const filters = h('div.filters', { id: 'filters' });
  const createBox = h('section.card-box', { id: 'create-private' });
  // Collapsed unless the player waits or is held a seat: a dozen games must not push the tables down.
  const anyBox = h('details.any-box', { id: 'any-table' }) as HTMLDetailsElement;
  const invitePrefill = params[0] ? decodeURIComponent(params[0]) : '';

  const render = () => {
    const all = [...tables.values()].sort((a, b) => a.name.localeCompare(b.name) || a.tableId.localeCompare(b.tableId));
    const variants = [...new Set(all.map((x) => x.variant))].sort();
    mount(filters,
      h(`button.chip${filter === '' ? '.on' : ''}`, { onclick: () => { filter = ''; render(); } }, s.all),
      variants.map((v) => h(`button.chip${filter === v ? '.on' : ''}`, { 'data-variant': v, onclick: () => { filter = v; render(); } }, variantName(v))));
    mount(list,
      h('div.row.head', null, h('span', null, s.variant), h('span', null, s.stakes), h('span', null, s.seats), h('span', null, s.waitlist), h('span', null, s.type), h('span')),
      all.filter((x) => !filter || x.variant === filter).map(row));
    const offered = anyTableTemplates(templates, all).filter((x) => !filter || x.config.variant === filter);
    anyBox.hidden = offered.length === 0;
    if (offered.some((x) => anyTableState(anyStatus.get(x.id), Date.now()).kind !== 'join')) anyBox.open = true;
    mount(anyBox, h('summary', null, s.anyTable), offered.map(anyRow));
  };

  const anyRow = (x: TemplateInfo) => {
    const state = anyTableState(anyStatus.get(x.id), Date.now());
    return h('div.row', { 'data-template': x.id },
      h('span.name', null, h('b', null, x.config.name), h('small', null, variantName(x.config.variant))),
      h('span', null, formatStakes(x.config, language())),
      h('span.act', null,
        state.kind === 'queued'
          ? [h('span.queued', { 'data-position': state.position, title: s.waitlistPosition }, `${s.queued}${state.position}`),
            h('button', { 'data-action': 'leave-any', onclick: () => leaveAny(x.id) }, s.leaveWaitlist)]
          : state.kind === 'offered'
            ? [h('span.offered', null, `${s.seatHeldAt} ${tables.get(state.tableId)?.name ?? state.tableId}`),
              h('a.button.primary', { href: `#/table/${state.tableId}`, 'data-action': 'take-seat' }, s.takeSeat)]
            : h('button', { 'data-action': 'join-any', onclick: (e: Event) => joinAny(e, x.id) }, s.joinAnyTable)));
  };

  /** Joins the template's waitlist; a seat free now opens its table instead (sit down there). */
  const joinAny = single(async (templateId: string) => {
    const ticket = templatePlaces.ask(templateId);
    try {
      const r = await api.post<TemplateWaitlistStatus>(`/api/templates/${templateId}/waitlist`);
      if (r.tableId && !r.heldUntil) {
        location.hash = `#/table/${r.tableId}`;
        return;
      }
      if (!templatePlaces.isNewest(templateId, ticket)) return;
      anyStatus.set(templateId, r);
      render();
      if (r.position) toast(`${s.waitlistPosition}: ${r.position}`);
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  });

  const leaveAny = async (templateId: string) => {
    const ticket = templatePlaces.ask(templateId);
    try {
      await api.del(`/api/templates/${templateId}/waitlist`);
      if (!templatePlaces.isNewest(templateId, ticket)) return;
      anyStatus.delete(templateId);
      render();
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  };

  /** Asks the template's waitlist where I stand; tells me when a seat is now held for me. */
  const refreshAny = async (templateId: string) => {
    const ticket = templatePlaces.ask(templateId);
    const r = await api.get<TemplateWaitlistStatus>(`/api/templates/${templateId}/waitlist/position`).catch(() => null);
    if (!r || !templatePlaces.isNewest(templateId, ticket)) return;
    const was = anyTableState(anyStatus.get(templateId), Date.now()).kind;
    anyStatus.set(templateId, r);
    render();
    const now = anyTableState(r, Date.now());
    if (now.kind === 'offered' && was !== 'offered') toast(`${s.seatHeldAt} ${tables.get(now.tableId)?.name ?? now.tableId}`);
  };

  const row = (x: TableSummary) => {
    const full = x.seatsTaken >= x.maxPlayers;
    return h('div.row', { 'data-table': x.tableId },
      h('span.name', null, h('b', null, x.name), h('small', null, variantName(x.variant)),
        h('small.activity', { 'data-hands': activity.get(x.tableId)?.handsLastHour ?? 0 },
          activityLine(activity.get(x.tableId), Date.now(), { activity: s.activity, quiet: s.activityQuiet, justNow: s.justNow, minutesAgo: s.minutesAgo }, (n) => formatChips(n, language())))),
      h('span', null, formatStakes(x, language())),
      h('span.seats', null, `${x.seatsTaken}/${x.maxPlayers}`),
      h('span', null, String(x.waitlistLength)),
      h('span', null, x.type + (x.status === 'Paused' ? ' ⏸' : '')),
      h('span.act', null,
        h('a.button', { href: `#/table/${x.tableId}`, 'data-action': 'open' }, full ? s.watch : s.join),
        queued.has(x.tableId)
          ? h('span.queued', { 'data-position': queued.get(x.tableId), title: s.waitlistPosition }, `${s.queued}${queued.get(x.tableId)}`)
          : full ? h('button', { 'data-action': 'queue', onclick: (e: Event) => queue(e, x.tableId) }, s.queue) : null));
  };

  const setPosition = (tableId: string, position: number | null) => {
    if (position) queued.set(tableId, position);
    else queued.delete(tableId);
  };

  const queue = single(async (tableId: string) => {
    const ticket = tablePlaces.ask(tableId);
    try {
      const r = await api.post<{ position: number | null }>(`/api/tables/${tableId}/waitlist`);
      if (!tablePlaces.isNewest(tableId, ticket)) return;
      setPosition(tableId, r.position);
      render();
      toast(`${s.waitlistPosition}: ${r.position ?? '-'}`);
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  });

  /** Asks the table's waitlist where I stand (after the queue moved). */
  const refreshPosition = async (tableId: string) => {
    const ticket = tablePlaces.ask(tableId);
    const r = await api.get<{ position: number | null }>(`/api/tables/${tableId}/waitlist/position`).catch(() => null);
    if (!r || !tablePlaces.isNewest(tableId, ticket)) return;
    setPosition(tableId, r.position);
    render();
  };

  templates = await api.get<TemplateInfo[]>('/api/templates').catch(() => [] as TemplateInfo[]);
  const select = h('select', { id: 'template' }, templates.map((x) => h('option', { value: x.id }, `${x.config.name}`))) as HTMLSelectElement;
  const privateBox = h('input', { id: 'private-table', type: 'checkbox', checked: true }) as HTMLInputElement;
  const inviteOut = h('div.invite', { id: 'invite' });
  const inviteIn = h('input', { id: 'invite-code', placeholder: 'tableId:code', value: invitePrefill }) as HTMLInputElement;
  const buyIn = h('input', { id: 'invite-buyin', type: 'number', min: '1', step: '1', placeholder: s.buyIn }) as HTMLInputElement;
  mount(createBox,
    h('h3', null, s.createPrivate),
    h('label', null, s.template, ' ', select),
    h('label', null, privateBox, ' ', s.privateTable),
    h('button.primary', {
      id: 'create-table',
      // One table per tap: the button is off while the table is being made.
      onclick: single(async () => {
        try {
          const created = await api.post<TableCreatedResponse>('/api/tables', { templateId: select.value, private: privateBox.checked });
          // The creator too sits down or queues at a private table with its code (the table page sends it).
          rememberInvite(created.invite);
          const url = created.invite ? `${location.origin}/#/join/${encodeURIComponent(created.invite)}` : `${location.origin}/#/table/${created.table.tableId}`;
          mount(inviteOut,
            h('label', null, s.invite), h('input', { readonly: true, value: url, id: 'invite-url' }),
            h('button', { onclick: () => navigator.clipboard?.writeText(url).then(() => toast('✓')) }, s.copy),
            h('a.button', { href: `#/table/${created.table.tableId}` }, s.open));
        } catch (e) {
          toast((e as Error).message, 'error');
        }
      }),
    }, s.create),
    inviteOut,
    h('h3', null, s.joinByInvite),
    inviteIn, buyIn,
    h('button', {
      id: 'join-invite',
      onclick: single(async () => {
        const invite = inviteIn.value.trim();
        // Whole chips only: the server would answer a decimal with its JSON reader's words.
        const chips = wholeAmount(buyIn.value);
        if (chips === null) {
          toast(s.errorWholeNumber, 'error');
          buyIn.focus();
          return;
        }
        try {
          const joined = await api.post<JoinedResponse>('/api/tables/join', { invite, buyIn: chips });
          rememberInvite(invite);
          location.hash = `#/table/${joined.tableId}`;
        } catch (e) {
          toast((e as Error).message, 'error');
          // The code was right but the table is full: its page offers its waitlist, which takes the code remembered here.
          const table = parseInvite(invite);
          if (refusal(e).code === 'table_full' && table) {
            rememberInvite(invite);
            location.hash = `#/table/${table.tableId}`;
          }
        }
      }),
    }, s.join));

  const banner = h('div.banner.maintenance', { id: 'maintenance-banner', role: 'status', hidden: true });
  mount(root, banner, h('h2', null, s.lobby), filters, anyBox, list, createBox);

  const hub = await lobbyConnection();
  const onTables = (all: TableSummary[]) => { tables.clear(); all.forEach((x) => tables.set(x.tableId, x)); render(); };
  const onUpdated = (x: TableSummary) => {
    tables.set(x.tableId, x);
    render();
    if (queued.has(x.tableId)) void refreshPosition(x.tableId);
    // A room table changed: my place in its template's queue may have moved, or a seat there is held for me.
    if (isRoomTable(x) && anyTableState(anyStatus.get(x.templateId), Date.now()).kind !== 'join') void refreshAny(x.templateId);
  };
  const onRemoved = (id: string) => { tables.delete(id); render(); };
  hub.on('tables', onTables);
  hub.on('tableUpdated', onUpdated);
  hub.on('tableRemoved', onRemoved);
  // The tables and my places in their queues, read on opening and each time the connection came back (the changes
  // made while it was away never reach it).
  const load = async () => {
    onTables(await hub.invoke<TableSummary[]>('List'));
    // Only full tables have a queue worth showing.
    [...tables.values()].filter((x) => x.seatsTaken >= x.maxPlayers).forEach((x) => void refreshPosition(x.tableId));
    anyTableTemplates(templates, [...tables.values()]).filter((x) => placeWorthAsking(x.id, [...tables.values()])).forEach((x) => void refreshAny(x.id));
  };
  await load();
  // A list that fails (the connection closed again) is read once it is back again.
  const offReconnected = onLobbyReconnected(() => void load().catch(() => undefined));
  // The cards' activity lines: additive to the live list, so a failure leaves them saying nothing new.
  const loadActivity = async () => {
    const list = await api.get<TableActivity[]>('/api/lobby/activity').catch(() => null);
    if (!list) return;
    activity.clear();
    list.forEach((a) => activity.set(a.tableId, a));
    render();
  };
  // The maintenance switch, read with the activity: the note is an admin's text, shown as text.
  const loadMaintenance = async () => {
    const status = await api.get<MaintenanceStatus>('/api/maintenance').catch(() => null);
    banner.hidden = !status?.on;
    banner.textContent = status?.on ? `${s.maintenance}${status.message ? ` ${status.message}` : ''}` : '';
  };
  void loadActivity();
  void loadMaintenance();
  const activityTimer = window.setInterval(() => { void loadActivity(); void loadMaintenance(); }, activityEvery);
  return () => {
    window.clearInterval(activityTimer);
    offReconnected();
    hub.off('tables', onTables);
    hub.off('tableUpdated', onUpdated);
    hub.off('tableRemoved', onRemoved);
  };
}
