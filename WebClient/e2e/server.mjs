// Starts a real silo (co-hosted gateway) on free ports for the end-to-end tests, and Chromium through playwright-core.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '..', '..');
export const screenshots = join(repo, 'test-output', 'screenshots');
// Each test file's silo writes its log here (node --test runs every file in a process of its own): read it when a test failed.
const siloLogs = join(repo, 'test-output', 'results');
export const botToken = '123456789:e2e-test-token';
export const adminTelegramId = 4242;

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** Starts the silo and waits for /health/ready; returns { url, stop }. Its output goes to test-output/results/webclient-e2e-<test file>.silo.log. */
export async function startSilo() {
  const [http, silo, gateway] = [await freePort(), await freePort(), await freePort()];
  const dll = process.env.POKER_SILO_DLL ?? join(repo, 'Silo', 'bin', 'Release', 'net10.0', 'Orleans.Poker.Silo.dll');
  const child = spawn('dotnet', [dll], {
    cwd: repo,
    env: {
      ...process.env,
      POKER__Http__Port: String(http),
      POKER__Cluster__SiloPort: String(silo),
      POKER__Cluster__GatewayPort: String(gateway),
      POKER__Gateway__WebRoot: join(repo, 'Gateway', 'wwwroot'),
      POKER__Auth__BotToken: botToken,
      POKER__Auth__AdminTelegramIds: String(adminTelegramId),
      POKER__Bot__Token: '',
      // Operations samples every 2 s (10 s by default) so the operations page has data soon.
      POKER__Telemetry__OperationsInterval: '00:00:02',
      // Analytics snapshots every minute (5 min by default; the first comes about a minute after the start either way).
      POKER__Analytics__SnapshotInterval: '00:01:00',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  mkdirSync(siloLogs, { recursive: true });
  const log = createWriteStream(join(siloLogs, `webclient-e2e-${basename(process.argv[1] ?? 'silo', '.mjs')}.silo.log`));
  // Both streams write into the log, which ends once the silo's streams have closed.
  child.stdout.pipe(log, { end: false });
  child.once('close', () => log.end());
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; log.write(d); });
  const url = `http://127.0.0.1:${http}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`silo exited ${child.exitCode}: ${stderr.slice(-2000)}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('silo did not become ready in 120 s');
    await new Promise((r) => setTimeout(r, 500));
  }
  // The default tables open on the first start: wait until the lobby lists them.
  const guest = await (await fetch(`${url}/api/auth/guest`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":"probe"}' })).json();
  for (;;) {
    const lobby = await (await fetch(`${url}/api/lobby?pageSize=100`, { headers: { Authorization: `Bearer ${guest.accessToken}` } })).json();
    if (lobby.items?.some((t) => t.tableId === 'nlhe-cash-1') && lobby.items.some((t) => t.tableId === 'deuce-single-draw-1')) break;
    if (Date.now() > deadline) throw new Error('default tables did not open');
    await new Promise((r) => setTimeout(r, 500));
  }
  const stop = () => new Promise((ok) => {
    if (child.exitCode !== null) return ok();
    child.once('exit', () => ok());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
  return { url, stop };
}

export async function launchBrowser() {
  mkdirSync(screenshots, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Signed Telegram Mini App initData for a user (HMAC-SHA256 with the key derived from the bot token); `extra` adds fields (start_param). */
export function telegramInitData(user, extra = {}) {
  const fields = { auth_date: String(Math.floor(Date.now() / 1000)), query_id: 'AAE2E', user: JSON.stringify(user), ...extra };
  const check = Object.keys(fields).sort().map((k) => `${k}=${fields[k]}`).join('\n');
  const secret = createHmac('sha256', 'WebAppData').update(botToken).digest();
  const hash = createHmac('sha256', secret).update(check).digest('hex');
  return new URLSearchParams({ ...fields, hash }).toString();
}

/** A phone-sized page signed in as a guest (through the sign-in form); `prepare` gets its context before the page opens (routes). */
export async function guestPage(browser, url, name, prepare = async () => undefined) {
  const context = await browser.newContext({ viewport: { width: 420, height: 860 }, deviceScaleFactor: 1 });
  await prepare(context);
  const page = await context.newPage();
  page.on('dialog', (d) => d.accept());
  await page.goto(url);
  await page.fill('#guest-name', name);
  await page.click('#guest-signin');
  await page.waitForSelector('#tables .row[data-table]');
  return page;
}

/** Sits at a table at the given seat with the suggested buy-in. */
export async function sitAt(page, url, tableId, seat) {
  await page.goto(`${url}/#/table/${tableId}`);
  await page.waitForSelector(`#felt [data-seat="${seat}"]`);
  await page.click(`#felt .seat.empty[data-seat="${seat}"] button[data-action=sit]`);
  await page.waitForSelector('#felt .seat.me');
}

/** Calls the gateway's REST API; resolves to { status, body } (JSON parsed when there is any). */
export async function rest(url, method, path, token, body) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: parsed };
}

/** Signs in through the gateway: a guest by name, or a Telegram user (the admin when the id is adminTelegramId). */
export async function signIn(url, who) {
  const response = typeof who === 'string'
    ? await rest(url, 'POST', '/api/auth/guest', null, { name: who })
    : await rest(url, 'POST', '/api/auth/telegram', null, { initData: telegramInitData(who) });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { token: response.body.accessToken, playerId: response.body.player.profile.playerId };
}

/** The session the web client stored for a signed-in page: { accessToken, playerId, ... }. */
export function pageSession(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('poker.session')));
}

/**
 * A fake Telegram.WebApp for page.addInitScript: initData and themeParams as given, and every call to ready, expand,
 * BackButton, MainButton and HapticFeedback recorded in window.__tgCalls (button handlers in window.__tgHandlers).
 */
export function fakeTelegram({ initData, themeParams = {}, colorScheme = 'dark' }) {
  const calls = [];
  const handlers = { back: [], main: [] };
  const record = (name) => (...args) => { calls.push([name, ...args]); };
  const button = (name, list) => ({
    show: record(`${name}.show`),
    hide: record(`${name}.hide`),
    setText: record(`${name}.setText`),
    onClick: (cb) => { calls.push([`${name}.onClick`]); list.push(cb); },
    offClick: (cb) => { calls.push([`${name}.offClick`]); const i = list.indexOf(cb); if (i >= 0) list.splice(i, 1); },
  });
  window.__tgCalls = calls;
  window.__tgHandlers = handlers;
  window.Telegram = {
    WebApp: {
      initData,
      initDataUnsafe: Object.fromEntries(new URLSearchParams(initData)),
      themeParams,
      colorScheme,
      ready: record('ready'),
      expand: record('expand'),
      onEvent: record('onEvent'),
      BackButton: button('BackButton', handlers.back),
      MainButton: button('MainButton', handlers.main),
      HapticFeedback: { impactOccurred: record('HapticFeedback.impactOccurred'), notificationOccurred: record('HapticFeedback.notificationOccurred') },
    },
  };
}

/**
 * One silo and one Chromium for a test file (node:test before/after hooks). The returned object gets `url` and
 * `browser` once started, then `ready(env)` runs; `shot(page, name)` saves a screenshot under test-output/screenshots.
 */
export function useSilo(ready = async () => undefined) {
  const env = {
    url: '',
    browser: null,
    silo: null,
    shot: (page, name, fullPage = true) => page.screenshot({ path: join(screenshots, `${name}.png`), fullPage }),
  };
  before(async () => {
    env.silo = await startSilo();
    env.url = env.silo.url;
    env.browser = await launchBrowser();
    await ready(env);
  }, { timeout: 180_000 });
  after(async () => {
    await env.browser?.close();
    await env.silo?.stop();
  });
  return env;
}

/** Clicks a passive action (check, call or bring-in, never fold) on whichever page has its turn until `done` holds. */
export async function playUntil(pages, done, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`the table did not get there in ${timeoutMs} ms`);
    for (const page of pages) {
      const button = await page.$('#action-bar [data-action=check], #action-bar [data-action=call], #action-bar [data-action=bring-in]');
      if (button) await button.click({ timeout: 2_000 }).catch(() => undefined);
    }
    await pages[0].waitForTimeout(150);
  }
}
