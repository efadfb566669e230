// Hand history: my recent hands, a PHH replayer stepping action by action or street by street, PHH download.

import { api } from '../api';
import { cardEl } from '../cards';
import { h, mount, toast } from '../dom';
import { errorText } from '../errors';
import { formatChips, formatNumber, variantName } from '../format';
import { language, t } from '../i18n';
import { actionLabel, parsePhh, Replayer, type ReplayAction } from '../phh';
import type { HandSummary, PageResponse } from '../wire';

export async function handsView(root: HTMLElement): Promise<void> {
  const s = t();
  const page = await api.get<PageResponse<HandSummary>>('/api/players/me/hands?pageSize=50');
  mount(root, h('h2', null, s.myHands),
    page.items.length === 0 ? h('p.hint', null, s.noHands) : null,
    h('div.hand-list', { id: 'hands' }, page.items.map((x) => h('div.row', { 'data-hand': `${x.tableId}/${x.handNo}` },
      h('span.hand-id', null, `${x.tableId} #${formatNumber(x.handNo, language())}`),
      h('span', null, variantName(x.variant)),
      h('span', null, formatChips(x.pot, language())),
      h('span', null, new Date(x.endedAt).toLocaleString(language() === 'fa' ? 'fa-IR' : 'en-US')),
      h('span.act', null, h('a.button', { href: `#/replay/${x.tableId}/${x.handNo}` }, s.replay), downloadButton(x.tableId, x.handNo))))));
}

function downloadButton(tableId: string, handNo: number): HTMLElement {
  const s = t();
  return h('button', {
    'data-action': 'download',
    onclick: async () => {
      let phh: Blob;
      try {
        phh = await api.blob(`/api/tables/${tableId}/hands/${handNo}/phh`);
      } catch (e) {
        return toast(errorText(e, language()), 'error');
      }
      const url = URL.createObjectURL(phh);
      const a = h('a', { href: url, download: `${tableId}-${handNo}.phh` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
  }, s.download);
}

export async function replayView(root: HTMLElement, params: string[]): Promise<void> {
  const [tableId, handNo] = [params[0], Number(params[1])];
  const s = t();
  const text = await api.get<string>(`/api/tables/${tableId}/hands/${handNo}/phh`);
  const hand = parsePhh(text);
  const replayer = new Replayer(hand);
  let step = 0;
  const stage = h('div.replay-stage', { id: 'replay' });
  const fmt = (n: number) => formatChips(n, language());
  const num = (n: number) => formatNumber(n, language());
  // Readable labels in the player's language ("Ann: Raise to 20"); the history's own code stays in data-phh.
  const label = (action: ReplayAction, withName: boolean) => actionLabel(action, hand.players, s, fmt, withName);

  const render = () => {
    const state = replayer.at(step);
    mount(stage,
      h('div.replay-head', null, `${variantName(hand.variant)} · ${tableId} #${num(handNo)} · ${num(step)}/${num(replayer.length)}`),
      h('div.board', { id: 'replay-board' }, state.board.map((c) => cardEl(c))),
      h('div.pots', null, `${s.pots}: ${fmt(state.pot)}`),
      h('div.replay-players', null, state.players.map((p, i) => h(`div.rp${p.folded ? '.folded' : ''}`, { 'data-player': i },
        h('b', null, p.name), ' ', fmt(p.stack), p.bet ? ` (${fmt(p.bet)})` : '',
        h('div.cards.small', null, p.cards.map((c) => cardEl(c))),
        p.action ? h('small', { 'data-phh': p.lastAction }, label(p.action, false)) : null))),
      h('div.last', { id: 'replay-last', 'data-phh': state.lastAction ?? '' }, state.action ? label(state.action, true) : ''));
  };

  const go = (to: number) => { step = Math.max(0, Math.min(replayer.length, to)); render(); };
  mount(root,
    h('h2', null, s.replay),
    stage,
    h('div.replay-controls', null,
      h('button', { 'data-step': 'first', onclick: () => go(0) }, s.first),
      h('button', { 'data-step': 'prev-street', onclick: () => go(replayer.previousStreet(step)) }, s.prevStreet),
      h('button', { 'data-step': 'prev', onclick: () => go(step - 1) }, s.prev),
      h('button', { 'data-step': 'next', onclick: () => go(step + 1) }, s.next),
      h('button', { 'data-step': 'next-street', onclick: () => go(replayer.nextStreet(step)) }, s.nextStreet),
      h('button', { 'data-step': 'last', onclick: () => go(replayer.length) }, s.last),
      downloadButton(tableId, handNo)),
    h('details', null, h('summary', null, 'PHH'), h('pre', null, text)));
  render();
}
