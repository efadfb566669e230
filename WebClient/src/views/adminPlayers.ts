// Admin console, players: search by name, @username or Telegram id; a player's page (profile, balance, ban and lift
// with a reason, the ledger paged and filtered, recent hands); every player's transactions, paged and filtered alike.

import { api } from '../api';
import { download, h, mount, toast } from '../dom';
import { formatChips } from '../format';
import { language, ledgerKindName, ledgerNote, t } from '../i18n';
import { firstPage, hasNextPage, ledgerKinds, ledgerQuery, type LedgerFilter } from '../ledgerQuery';
import type { AdminPlayer, HandSummary, LedgerEntry, PageResponse, PlayerProfile } from '../wire';

const when = (at: string) => new Date(at).toLocaleString(language() === 'fa' ? 'fa-IR' : 'en-US');
const chips = (n: number) => formatChips(n, language());

/** The search box and its results (links to each player's page). */
export function playerSearch(): HTMLElement {
  const s = t();
  const input = h('input', { id: 'player-search', placeholder: s.searchPlayers, maxlength: '64' }) as HTMLInputElement;
  const results = h('div.grid', { id: 'player-results' });
  const search = async () => {
    try {
      const found = await api.get<PlayerProfile[]>(`/api/admin/players?q=${encodeURIComponent(input.value.trim())}`);
      mount(results, found.length === 0 ? h('p', null, s.noPlayers) : found.map((p) => h('a.row', { href: `#/admin/players/${p.playerId}`, 'data-player': p.playerId },
        h('b', null, p.displayName), h('span', null, p.username ? `@${p.username}` : ''), h('small', null, String(p.playerId)))));
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  };
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') void search(); });
  return h('section.card-box', null, h('h3', null, s.players), input, h('button.primary', { id: 'player-search-go', onclick: search }, s.search), results);
}

/** A player's page. */
export async function playerPage(body: HTMLElement, playerId: string): Promise<void> {
  const s = t();
  const [player, hands] = await Promise.all([
    api.get<AdminPlayer>(`/api/admin/players/${playerId}`),
    api.get<PageResponse<HandSummary>>(`/api/admin/players/${playerId}/hands?pageSize=10`),
  ]);
  const p = player.profile;
  const reason = h('input', { id: 'ban-reason', placeholder: s.reason, maxlength: '200' }) as HTMLInputElement;
  const act = (verb: 'ban' | 'unban') => async () => {
    try {
      await api.post(`/api/admin/players/${playerId}/${verb}`, { reason: reason.value });
      toast('✓');
      await playerPage(body, playerId);
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  };
  const ban = player.ban;
  const banText = ban
    ? s.bannedBy.replace('{at}', when(ban.at)).replace('{admin}', String(ban.adminId)).replace('{reason}', ban.reason)
    : '';
  const ledger = h('div', { id: 'player-ledger' });
  mount(body,
    h('section.card-box', { id: 'player-profile', 'data-player': p.playerId },
      h('h3', null, p.displayName, p.username ? h('small', null, ` @${p.username}`) : null),
      h('dl.stats', null,
        h('dt', null, s.playerId), h('dd', null, String(p.playerId)),
        h('dt', null, 'Telegram'), h('dd', null, p.telegramId ? String(p.telegramId) : '—'),
        h('dt', null, s.language), h('dd', null, p.language),
        h('dt', null, s.balance), h('dd', { id: 'player-balance', 'data-balance': player.balance }, chips(player.balance)),
        h('dt', null, s.handsPlayed), h('dd', null, String(player.stats.handsPlayed)),
        h('dt', null, s.tables), h('dd', null, player.tables.join(', ') || '—')),
      h('p', { id: 'ban-status', 'data-banned': String(ban !== null) }, h('b', null, ban ? s.banned : s.notBanned), ban ? ` ${banText}` : ''),
      player.isAdmin
        ? h('p', null, s.adminAccount)
        : h('div', null, reason, ban
          ? h('button', { id: 'unban-apply', onclick: act('unban') }, s.unban)
          : h('button.danger', { id: 'ban-apply', onclick: act('ban') }, s.ban))),
    h('section.card-box', null, h('h3', null, s.ledger), ledger,
      h('button.csv', { id: 'player-ledger-csv', title: s.ledgerCsvTitle, onclick: () => csv(playerId) }, s.ledgerCsv)),
    h('section.card-box', { id: 'player-hands' }, h('h3', null, s.hands),
      hands.items.length === 0 ? h('p', null, s.noHands) : hands.items.map((x) => h('div.row', { 'data-hand': `${x.tableId}#${x.handNo}` },
        h('span', null, when(x.endedAt)), h('span', null, x.tableId), h('span', null, `#${x.handNo}`), h('span', null, `${s.pot} ${chips(x.pot)}`)))));
  await ledgerTable(ledger, `/api/admin/players/${playerId}/ledger`, false);
}

/** The player's ledger of the last year as CSV (the room's export, for one player). */
async function csv(playerId: string): Promise<void> {
  const to = new Date();
  const from = new Date(to.getTime() - 365 * 24 * 3600 * 1000);
  try {
    const text = await api.get<string>(`/api/admin/ledger/export?from=${from.toISOString()}&to=${to.toISOString()}&playerId=${playerId}`);
    download(`ledger-${playerId}.csv`, text);
  } catch (e) {
    toast((e as Error).message, 'error');
  }
}

/** Every player's transactions. */
export async function transactionsPage(body: HTMLElement): Promise<void> {
  const box = h('div', { id: 'transactions' });
  mount(body, h('section.card-box', null, h('h3', null, t().transactions), box));
  await ledgerTable(box, '/api/admin/transactions', true);
}

/** Filters (kind, from, to), one page of entries, and the pager; each change loads the page again. */
async function ledgerTable(container: HTMLElement, path: string, withPlayer: boolean, filter: LedgerFilter = firstPage()): Promise<void> {
  const s = t();
  let page: PageResponse<LedgerEntry>;
  try {
    page = await api.get<PageResponse<LedgerEntry>>(path + ledgerQuery(filter));
  } catch (e) {
    toast((e as Error).message, 'error');
    return;
  }
  const kind = h('select', { id: 'ledger-kind' }, h('option', { value: '' }, s.allKinds),
    ledgerKinds.map((k) => h('option', { value: k, selected: k === filter.kind }, ledgerKindName(k, s)))) as HTMLSelectElement;
  const from = h('input', { id: 'ledger-from', type: 'datetime-local', value: filter.from, 'aria-label': s.from }) as HTMLInputElement;
  const to = h('input', { id: 'ledger-to', type: 'datetime-local', value: filter.to, 'aria-label': s.to }) as HTMLInputElement;
  const load = (next: Partial<LedgerFilter>) => () => ledgerTable(container, path, withPlayer, { ...filter, ...next });
  mount(container,
    h('div.filters', null, kind, h('label', null, `${s.from} `, from), h('label', null, `${s.to} `, to),
      h('button', { id: 'ledger-filter', onclick: () => load({ kind: kind.value, from: from.value, to: to.value, page: 1 })() }, s.filter)),
    h('div.grid.ledger', { id: 'ledger-rows' },
      h('div.row.head', null, h('span', null, s.time), withPlayer ? h('span', null, s.player) : null, h('span', null, s.kind),
        h('span', null, s.amount), h('span', null, s.balance), h('span', null, s.details)),
      page.items.map((e) => h('div.row', { 'data-kind': e.kind, 'data-transfer': e.transferId },
        h('span', null, when(e.at)),
        withPlayer ? h('a', { href: `#/admin/players/${e.playerId}` }, String(e.playerId)) : null,
        h('span', null, ledgerKindName(e.kind, s)), h('span.amount', null, (e.amount > 0 ? '+' : '') + chips(e.amount)), h('span', null, chips(e.balanceAfter)),
        h('span', null, [e.tableId, e.note && ledgerNote(e.note, s)].filter(Boolean).join(' · '))))),
    h('div.pager', null,
      h('button', { id: 'ledger-prev', disabled: filter.page <= 1, onclick: load({ page: filter.page - 1 }) }, s.prev),
      h('span', { id: 'ledger-page', 'data-page': filter.page }, s.pageOf.replace('{page}', String(filter.page))),
      h('button', { id: 'ledger-next', disabled: !hasNextPage(page.items.length, filter.pageSize), onclick: load({ page: filter.page + 1 }) }, s.next)));
}
