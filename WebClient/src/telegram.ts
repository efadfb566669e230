// A small typed wrapper over the Telegram WebApp SDK (window.Telegram.WebApp). Every call is a no-op outside Telegram.

interface TelegramButton {
  show(): void;
  hide(): void;
  onClick(cb: () => void): void;
  offClick(cb: () => void): void;
  setText?(text: string): void;
}

interface TelegramWebApp {
  initData: string;
  initDataUnsafe?: { start_param?: string; user?: { language_code?: string } };
  colorScheme?: 'light' | 'dark';
  themeParams: Record<string, string | undefined>;
  ready(): void;
  expand(): void;
  BackButton: TelegramButton;
  MainButton: TelegramButton;
  HapticFeedback?: { impactOccurred(style: string): void; notificationOccurred(type: string): void };
  onEvent?(event: string, cb: () => void): void;
}

declare global {
  interface Window {
    Telegram?: { WebApp?: TelegramWebApp };
  }
}

/** Telegram's script that defines window.Telegram.WebApp from the launch parameters and talks to the Telegram client. */
export const sdkUrl = 'https://telegram.org/js/telegram-web-app.js';

/** True when the URL fragment carries Telegram's launch parameters (#tgWebAppData=...&tgWebAppVersion=...), i.e. no route. */
export function isLaunchHash(hash: string): boolean {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.has('tgWebAppData') || params.has('tgWebAppVersion');
}

/**
 * Loads Telegram's SDK when Telegram opened the app (launch parameters in the fragment) and the page does not have it
 * yet. Outside Telegram nothing is fetched: the guest sign-in needs no third-party script.
 */
export function loadTelegramSdk(): Promise<void> {
  if (typeof window === 'undefined' || window.Telegram?.WebApp || !isLaunchHash(location.hash)) return Promise.resolve();
  return new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = sdkUrl;
    script.onload = () => resolve();
    script.onerror = () => resolve(); // offline: carry on as a guest
    document.head.append(script);
  });
}

function app(): TelegramWebApp | null {
  const webApp = typeof window !== 'undefined' ? window.Telegram?.WebApp : undefined;
  return webApp && webApp.initData ? webApp : null;
}

/** True inside the Telegram client (signed initData present). */
export function inTelegram(): boolean {
  return app() !== null;
}

/** The signed initData to send to POST /api/auth/telegram, or null outside Telegram. */
export function initData(): string | null {
  return app()?.initData ?? null;
}

/** The deep-link parameter (t.me/<bot>/<app>?startapp=...), or null. */
export function startParam(): string | null {
  return app()?.initDataUnsafe?.start_param ?? null;
}

/** The Telegram user's language (IETF code, "fa", "en-US"...), or null. */
export function telegramLanguage(): string | null {
  return app()?.initDataUnsafe?.user?.language_code ?? null;
}

/** The table a link opens the app at (<url>?table=<id>, e.g. the bot's turn ping), or null; anything but a table id is ignored. */
export function startTable(search: string): string | null {
  const table = new URLSearchParams(search).get('table');
  return table && /^[A-Za-z0-9_-]{1,64}$/.test(table) ? table : null;
}

/** Tells Telegram the app is ready, expands it and maps theme colours onto CSS variables (--tg-bg-color...). */
export function startTelegram(): void {
  const webApp = app();
  if (!webApp) return;
  webApp.ready();
  webApp.expand();
  applyTheme(webApp);
  webApp.onEvent?.('themeChanged', () => applyTheme(webApp));
}

function applyTheme(webApp: TelegramWebApp): void {
  const root = document.documentElement.style;
  for (const [name, value] of Object.entries(themeVariables(webApp.themeParams))) root.setProperty(name, value);
  // Form controls and scrollbars follow Telegram's light or dark scheme.
  if (webApp.colorScheme) root.setProperty('color-scheme', webApp.colorScheme);
}

/** Telegram theme parameters as CSS variables: bg_color → --tg-bg-color; only colours (#rgb / #rrggbb) are taken. */
export function themeVariables(params: Record<string, string | undefined>): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (/^[a-z_]+$/.test(key) && value && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)) variables[`--tg-${key.replace(/_/g, '-')}`] = value;
  }
  return variables;
}

let backHandler: (() => void) | null = null;

/** Shows Telegram's back button with a handler, or hides it (null). */
export function setBackButton(handler: (() => void) | null): void {
  const webApp = app();
  if (!webApp) return;
  if (backHandler) webApp.BackButton.offClick(backHandler);
  backHandler = handler;
  if (handler) {
    webApp.BackButton.onClick(handler);
    webApp.BackButton.show();
  } else {
    webApp.BackButton.hide();
  }
}

let mainHandler: (() => void) | null = null;

/** Shows Telegram's main button with a label and handler, or hides it (null). */
export function setMainButton(text: string | null, handler: (() => void) | null): void {
  const webApp = app();
  if (!webApp) return;
  if (mainHandler) webApp.MainButton.offClick(mainHandler);
  mainHandler = handler;
  if (text && handler) {
    webApp.MainButton.setText?.(text);
    webApp.MainButton.onClick(handler);
    webApp.MainButton.show();
  } else {
    webApp.MainButton.hide();
  }
}

/** A short vibration (your turn, errors) where the device supports it. */
export function haptic(kind: 'turn' | 'error' | 'success'): void {
  const feedback = app()?.HapticFeedback;
  if (!feedback) return;
  if (kind === 'turn') feedback.impactOccurred('medium');
  else feedback.notificationOccurred(kind);
}
