// A player's page: hands, won, net, the profit curve (uPlot, loaded with this page), sessions, biggest pots won and
// results per game. `#/stats` is the signed-in player's own; `#/stats/<id>` (admins) anyone's.

import { api } from '../api';
import { drawChart } from '../charts';
import { h, mount } from '../dom';
import { formatChips, variantName } from '../format';
import { language, t } from '../i18n';
import { profitSeries } from '../results';
import type { PlayerResults } from '../wire';

export async function statsView(root: HTMLElement, params: string[]): Promise<void> {
  const s = t();
  const other = params[0];
  const r = await api.get<PlayerResults>(other ? `/api/admin/players/${other}/results` : '/api/players/me/results');
  const lang = language();
  const fmt = (n: number) => formatChips(n, lang);
  const signed = (n: number) => (n > 0 ? '+' : '') + fmt(n);
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'fa' ? 'fa-IR' : 'en-US', { dateStyle: 'short', timeStyle: 'short' });
  const title = h('h2', null, other ? `${s.myStats} · #${other}` : s.myStats);
  if (r.hands === 0) {
    mount(root, title, h('section.card-box', { id: 'player-stats', 'data-hands': 0 }, h('p', { id: 'stats-empty' }, s.statsNoHands)));
    return;
  }

  const series = profitSeries(r.profit, s.profitSeries);
  const chart = h('div.ops-chart', { 'data-chart': 'profit', 'data-points': series.points }, h('div.chart-head', null, h('h4', null, s.profitChart)));
  const table = (id: string, head: string[], rows: (string | number)[][]) => h('div.grid.results', { id },
    h('div.row.head', null, head.map((x) => h('span', null, x))),
    rows.map((row) => h('div.row', null, row.map((x) => h('span', null, String(x))))));
  const section = h('section.card-box.analytics', { id: 'player-stats', 'data-hands': r.hands },
    h('dl', null,
      h('dt', null, s.handsPlayed), h('dd', { id: 'stats-hands' }, fmt(r.hands)),
      h('dt', null, s.handsWon), h('dd', null, fmt(r.handsWon)),
      h('dt', null, s.net), h('dd', { id: 'stats-net', class: r.net < 0 ? 'minus' : 'plus' }, signed(r.net))),
    chart,
    h('h4', null, s.perVariant),
    table('stats-variants', [s.variant, s.hands, s.handsWon, s.net], r.variants.map((v) => [variantName(v.variant), fmt(v.hands), fmt(v.handsWon), signed(v.net)])),
    h('h4', null, s.sessions),
    table('stats-sessions', [s.table, s.started, s.ended, s.hands, s.net], r.sessions.map((x) => [x.tableId, when(x.startedAt), when(x.endedAt), fmt(x.hands), signed(x.net)])),
    h('h4', null, s.biggestPots),
    table('stats-pots', [s.table, s.hand, s.variant, s.pot, s.won], r.biggestPots.map((p) => [p.tableId, fmt(p.handNumber), variantName(p.variant), fmt(p.pot), signed(p.net)])),
    h('p.hint', null, s.statsHint));
  mount(root, title, section);
  drawChart(chart, {
    width: Math.max(280, section.clientWidth - 24), height: 200, countX: s.handsAxis, signed: true, data: series.data,
    series: series.labels.map((label) => ({ label })),
  });
}
