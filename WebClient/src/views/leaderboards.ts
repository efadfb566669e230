// Leaderboards: today, this week or all time (UTC), by profit or by hands; the player's own row highlighted, and shown
// below the top when it is not in it.

import { api } from '../api';
import { h, mount, toast } from '../dom';
import { formatChips } from '../format';
import { language, t } from '../i18n';
import { boardQuery, boardRows } from '../results';
import type { Leaderboard, LeaderboardOrder, LeaderboardPeriod } from '../wire';

let period: LeaderboardPeriod = 'Day';
let by: LeaderboardOrder = 'Profit';

export async function leaderboardsView(root: HTMLElement): Promise<void> {
  const s = t();
  const board = await api.get<Leaderboard>(`/api/leaderboards?${boardQuery(period, by)}&take=20`);
  const fmt = (n: number) => formatChips(n, language());
  const redraw = () => void leaderboardsView(root).catch((e: Error) => toast(e.message, 'error'));
  const switches = <T extends string>(id: string, options: [T, string][], value: T, set: (v: T) => void) =>
    h('div.range', { id, role: 'group' }, options.map(([key, label]) => h(`button${key === value ? '.on' : ''}`, {
      'data-key': key.toLowerCase(), 'aria-pressed': String(key === value), onclick: () => { set(key); redraw(); },
    }, label)));
  const rows = boardRows(board);
  mount(root,
    h('h2', null, s.leaderboards),
    h('section.card-box.analytics', { id: 'leaderboard', 'data-period': period.toLowerCase(), 'data-by': by.toLowerCase() },
      switches('board-period', [['Day', s.periodDay], ['Week', s.periodWeek], ['All', s.periodAll]], period, (v) => { period = v; }),
      switches('board-by', [['Profit', s.byProfit], ['Hands', s.byHands]], by, (v) => { by = v; }),
      rows.length === 0
        ? h('p.no-data', { id: 'board-empty' }, s.boardEmpty)
        : h('div.grid.results', { id: 'board-rows' },
          h('div.row.head', null, h('span', null, s.rank), h('span', null, s.player), h('span', null, s.hands), h('span', null, s.net)),
          rows.map((r) => h(`div.row${r.own ? '.own' : ''}${r.apart ? '.apart' : ''}`, { 'data-player': r.entry.playerId, 'data-rank': r.entry.rank },
            h('span', null, `#${r.entry.rank}`),
            h('span', null, (r.entry.displayName ?? `#${r.entry.playerId}`) + (r.own ? ` (${s.you})` : '')),
            h('span', null, fmt(r.entry.hands)),
            h('span', null, (r.entry.net > 0 ? '+' : '') + fmt(r.entry.net))))),
      h('p', { id: 'board-own' }, board.own
        ? s.rankedOf.replace('{rank}', String(board.own.rank)).replace('{ranked}', String(board.ranked))
        : s.notRanked),
      h('p.hint', null, s.boardUtc)));
}
