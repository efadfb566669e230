// Entry: sign-in (Telegram initData inside Telegram, guest outside), header with navigation and connection state, hash routes.

import './styles.css';
import { currentSession, refreshSession, signInGuest, signInTelegram, signOut } from './api';
import { h, mount, toast } from './dom';
import { dropTableConnection, onLinkState, stopAll, type LinkState } from './hubs';
import { errorText } from './errors';
import { language, pickLanguage, savedLanguage, setLanguage, t } from './i18n';
import { initData, isLaunchHash, loadTelegramSdk, setBackButton, startParam, startTable, startTelegram, telegramLanguage } from './telegram';
import { adminView } from './views/admin';
import { handsView, replayView } from './views/hands';
import { leaderboardsView } from './views/leaderboards';
import { lobbyView } from './views/lobby';
import { profileView } from './views/profile';
import { tableView } from './views/table';
import { ViewSlot, type Cleanup } from './viewSlot';

type View = (root: HTMLElement, params: string[]) => Cleanup | Promise<Cleanup>;

const routes: [RegExp, View][] = [
  [/^#?\/?$/, lobbyView],
  [/^#\/lobby$/, lobbyView],
  [/^#\/join\/(.+)$/, lobbyView],
  [/^#\/table\/([^/]+)$/, tableView],
  [/^#\/hands$/, handsView],
  [/^#\/replay\/([^/]+)\/(\d+)$/, replayView],
  [/^#\/profile$/, profileView],
  // uPlot loads with the page that draws the chart.
  [/^#\/stats(?:\/(\d+))?$/, async (root, params) => { const { statsView } = await import('./views/stats'); await statsView(root, params); }],
  [/^#\/leaderboards$/, leaderboardsView],
  [/^#\/admin(?:\/(\w+))?(?:\/(\d+))?$/, adminView],
  [/^#\/signout$/, async () => { await logout(); }],
];

const app = document.getElementById('app')!;
const bar = document.getElementById('bar')!;
const views = new ViewSlot();
let link: LinkState | 'idle' = 'idle'; // no hub used yet (sign-in, profile opened first)

function header(): void {
  const s = t();
  const session = currentSession();
  mount(
    bar,
    h('nav', null,
      h('a.brand', { href: '#/lobby' }, s.appName),
      h('a', { href: '#/lobby' }, s.lobby),
      h('a', { href: '#/hands' }, s.hands),
      h('a', { href: '#/stats' }, s.myStats),
      h('a', { href: '#/leaderboards' }, s.leaderboards),
      h('a', { href: '#/profile' }, s.profile),
      session?.isAdmin ? h('a', { href: '#/admin' }, s.admin) : null,
    ),
    h(`span.link.${link}`, { id: 'link', 'data-state': link }, h('i'), link === 'idle' ? '' : s[link]),
    session ? h('span.me', null, session.name) : null,
  );
}

async function route(): Promise<void> {
  const ticket = views.leave();
  header();
  if (!currentSession()) return signInView();
  const hash = location.hash || '#/lobby';
  setBackButton(hash.startsWith('#/lobby') || hash === '#/' ? null : () => history.back());
  for (const [pattern, view] of routes) {
    const match = pattern.exec(hash);
    if (match) {
      // Each visit draws into a container of its own: a view that finishes loading after the page was left draws
      // into its detached container, never over the page shown since.
      const page = h('div.view', { id: 'view' });
      app.replaceChildren(page);
      try {
        views.loaded(ticket, await view(page, match.slice(1)));
      } catch (error) {
        // In the player's words (SignalR's "Cannot send data…" while the connection is down, say).
        toast(errorText(error, language()), 'error');
      }
      return;
    }
  }
  location.hash = '#/lobby';
}

function signInView(): void {
  const s = t();
  const input = h('input', { id: 'guest-name', placeholder: s.yourName, maxlength: '32', value: '' }) as HTMLInputElement;
  const form = h('form.signin', {
    onsubmit: async (e: Event) => {
      e.preventDefault();
      const name = input.value.trim() || `Guest ${Math.floor(Math.random() * 1000)}`;
      try {
        const auth = await signInGuest(name);
        setLanguage(pickLanguage(savedLanguage(), auth.player.profile.language));
        await route();
      } catch (error) {
        toast((error as Error).message, 'error');
      }
    },
  }, h('h1', null, s.appName), input, h('button.primary', { type: 'submit', id: 'guest-signin' }, s.signIn));
  mount(app, form);
}

async function start(): Promise<void> {
  await loadTelegramSdk();
  startTelegram();
  // Until the profile is read: a language chosen on this device, else Telegram's, else English (nothing is saved).
  setLanguage(pickLanguage(savedLanguage(), telegramLanguage()));
  onLinkState((state) => {
    link = state;
    linkHistory.push(state);
    const el = document.getElementById('link');
    if (el) {
      el.className = `link ${state}`;
      el.dataset.state = state;
      el.lastChild!.textContent = t()[state];
    }
  });
  const telegramData = initData();
  if (telegramData) {
    try {
      const auth = await signInTelegram(telegramData);
      setLanguage(pickLanguage(savedLanguage(), auth.player.profile.language, telegramLanguage()));
    } catch (error) {
      toast((error as Error).message, 'error');
    }
  }
  // A Telegram deep link (startapp=join_<tableId>_<code>) opens the lobby with the invite filled in.
  // Inside Telegram the fragment holds the launch parameters (the SDK has read them): it is no route.
  const start = startParam();
  const noRoute = !location.hash || isLaunchHash(location.hash);
  // The bot's turn ping opens the app at its table (<url>?table=<id>).
  const table = startTable(location.search);
  if (start?.startsWith('join_') && noRoute) history.replaceState(null, '', `#/join/${encodeURIComponent(start.slice(5).replace('_', ':'))}`);
  else if (table && noRoute) history.replaceState(null, '', `#/table/${table}`);
  else if (noRoute) history.replaceState(null, '', '#/lobby');
  window.addEventListener('hashchange', () => void route());
  await route();
}

/** Re-renders the current page (after a language change). */
export function rerender(): void {
  void route();
}

/** Signs out and returns to the sign-in page. */
export async function logout(): Promise<void> {
  await stopAll();
  signOut();
  location.hash = '#/lobby';
  await route();
}

// Hooks for the end-to-end tests: drop the table connection; the connection states seen so far; the session, and
// refreshing it now.
const linkHistory: LinkState[] = [];
(window as unknown as { __poker: unknown }).__poker = { dropTableConnection, linkHistory, refreshSession, currentSession };

void start();
