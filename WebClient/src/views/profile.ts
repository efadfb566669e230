// Profile: statistics, balance and ledger, daily top-up, language (English / Persian, right-to-left), the bot's turn pings
// (Telegram players only: guests are never pinged), the product version.

import { api } from '../api';
import { h, mount, toast } from '../dom';
import { formatChips } from '../format';
import { chooseLanguage, language, ledgerKindName, ledgerNote, t } from '../i18n';
import { appVersion } from '../version';
import type { LedgerEntry, PageResponse, PlayerSettings, PlayerSummary } from '../wire';

export async function profileView(root: HTMLElement): Promise<void> {
  const s = t();
  const [me, ledger] = await Promise.all([
    api.get<PlayerSummary>('/api/players/me'),
    api.get<PageResponse<LedgerEntry>>('/api/players/me/ledger?pageSize=20'),
  ]);
  const fmt = (n: number) => formatChips(n, language());
  const st = me.stats;
  const vpip = st.handsPlayed ? Math.round((100 * st.voluntarilyPutIn) / st.handsPlayed) : 0;
  const lang = h('select', { id: 'language' }, h('option', { value: 'en' }, 'English'), h('option', { value: 'fa' }, 'فارسی')) as HTMLSelectElement;
  lang.value = language();
  lang.onchange = async () => {
    chooseLanguage(lang.value);
    await api.put('/api/players/me/language', { language: lang.value }).catch(() => undefined);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  };
  const settings = me.profile.telegramId ? await api.get<PlayerSettings>('/api/players/me/settings').catch(() => null) : null;
  const pings = h('input', { id: 'turn-pings', type: 'checkbox' }) as HTMLInputElement;
  pings.checked = settings?.turnPings ?? true;
  pings.onchange = async () => {
    try {
      pings.checked = (await api.put<PlayerSettings>('/api/players/me/settings', { turnPings: pings.checked })).turnPings;
    } catch (e) {
      pings.checked = !pings.checked;
      toast((e as Error).message, 'error');
    }
  };
  mount(root,
    h('h2', null, me.profile.displayName),
    h('section.card-box', null,
      h('div.balance', { id: 'balance' }, `${s.balance}: `, h('b', null, fmt(me.balance))),
      h('button', {
        id: 'claim-top-up',
        onclick: async () => {
          try {
            const r = await api.post<{ amount: number }>('/api/players/me/top-up');
            toast(`${s.balance}: ${fmt(r.amount)}`);
          } catch (e) {
            toast((e as Error).message, 'error');
          }
        },
      }, s.claimTopUp),
      h('label', null, s.language, ' ', lang),
      settings ? h('label', null, pings, ' ', s.turnPings) : null,
      h('a.button', { id: 'sign-out', href: '#/signout' }, s.signOut)),
    h('section.card-box', { id: 'stats' }, h('h3', null, s.stats),
      h('dl', null,
        h('dt', null, s.handsPlayed), h('dd', null, fmt(st.handsPlayed)),
        h('dt', null, s.handsWon), h('dd', null, fmt(st.handsWon)),
        h('dt', null, s.net), h('dd', null, fmt(st.net)),
        h('dt', null, s.vpip), h('dd', null, `${vpip}%`),
        h('dt', null, s.showdowns), h('dd', null, fmt(st.showdownsSeen)),
        h('dt', null, s.biggestPot), h('dd', null, fmt(st.biggestPotWon)))),
    h('section.card-box', null, h('h3', null, s.ledger),
      h('div.ledger', { id: 'ledger' }, ledger.items.map((e) => h('div.row', { 'data-kind': e.kind },
        h('span', null, new Date(e.at).toLocaleString(language() === 'fa' ? 'fa-IR' : 'en-US')),
        h('span', null, ledgerKindName(e.kind, s)), h('span', null, (e.amount > 0 ? '+' : '') + fmt(e.amount)), h('span', null, fmt(e.balanceAfter)),
        h('span', null, e.tableId ?? ledgerNote(e.note ?? '', s)))))),
    h('p.about', { id: 'about' }, 'Orleans.Poker ', h('span', { id: 'app-version' }, appVersion)));
}
