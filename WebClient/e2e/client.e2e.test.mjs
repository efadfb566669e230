// End-to-end: the built mini-app in Debian's Chromium against a real silo + co-hosted gateway.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { adminTelegramId, guestPage, playUntil, rest, signIn, sitAt, telegramInitData, useSilo } from './server.mjs';

const env = useSilo();
const shot = (page, name) => env.shot(page, name);

const seq = (page) => page.$eval('#view', (el) => Number(el.dataset.seq ?? -1));

test('two guests sit at the NLHE table, play a hand to showdown and see the same result; a dropped connection resyncs; the replayer steps through it', async () => {
  const { url, browser } = env;
  const ann = await guestPage(browser, url, 'Ann');
  await shot(ann, 'lobby');
  const bob = await guestPage(browser, url, 'Bob');
  await sitAt(ann, url, 'nlhe-cash-1', 0);
  await sitAt(bob, url, 'nlhe-cash-1', 1);

  // Mid-hand: somebody has a turn and the action bar shows only the legal actions.
  await Promise.race([ann.waitForSelector('#action-bar button', { timeout: 60_000 }), bob.waitForSelector('#action-bar button', { timeout: 60_000 })]);
  const acting = (await ann.$('#action-bar button')) ? ann : bob;
  assert.equal(await acting.$$eval('#my-cards .card', (c) => c.length), 2);
  assert.equal(await acting.$('#action-bar [data-action=check]') !== null && await acting.$('#action-bar [data-action=call]') !== null, false,
    'check and call are never offered together');
  const slider = await acting.$('#bet-slider');
  if (slider) {
    const [min, max] = await slider.evaluate((s) => [Number(s.min), Number(s.max)]);
    await acting.fill('#bet-amount', String(max * 10));
    await acting.dispatchEvent('#bet-amount', 'change');
    assert.equal(Number(await acting.inputValue('#bet-amount')), max, 'amounts are clamped to the maximum');
    assert.ok(min <= max);
    // The raise button sends the amount it shows, and a double tap acts once: the second tap for the turn sends nothing
    // (it was refused as stale, with an error toast after the raise had worked).
    await acting.click('#action-bar [data-preset=min]');
    const amount = Number((await acting.textContent('#action-bar [data-action=raise]')).replace(/\D/g, ''));
    assert.equal(amount, min);
    await acting.dblclick('#action-bar [data-action=raise]');
    await acting.waitForSelector(`#felt .seat.me .bet[data-bet="${amount}"]`);
    await acting.waitForTimeout(1_000);
    assert.equal(await acting.$('#toast.show.error'), null, `no error after a double tap: ${await acting.textContent('#toast')}`);
  }
  await shot(acting, 'table-mid-hand');

  await playUntil([ann, bob], async () => (await ann.$('#showdown')) !== null && (await bob.$('#showdown')) !== null);
  const result = (page) => page.$eval('#showdown', (el) => ({ hand: el.dataset.hand, text: el.textContent }));
  const [a, b] = [await result(ann), await result(bob)];
  assert.equal(a.hand, b.hand);
  assert.equal(a.text, b.text);
  assert.match(a.text, /wins/);
  await shot(ann, 'table-showdown');

  // Drop Ann's connection while the table moves on; she reconnects by herself and catches up from a snapshot.
  const before = await seq(bob);
  await ann.evaluate(() => window.__poker.dropTableConnection());
  await bob.waitForFunction((s) => Number(document.getElementById('view').dataset.seq) > s, before, { timeout: 60_000 });
  const missed = await seq(bob);
  await ann.waitForFunction((s) => Number(document.getElementById('view').dataset.seq) >= s, missed, { timeout: 60_000 });
  const states = await ann.evaluate(() => window.__poker.linkHistory);
  assert.ok(states.includes('reconnecting') || states.includes('disconnected'), `the indicator showed the drop: ${states}`);
  assert.equal(states.at(-1), 'connected');
  assert.equal(await ann.$eval('#link', (el) => el.dataset.state), 'connected');

  // Hand history: the finished hand is listed; the replayer steps street by street.
  await bob.goto(`${url}/#/hands`);
  await bob.waitForSelector('#hands .row a.button', { timeout: 30_000 });
  await bob.click('#hands .row a.button');
  await bob.waitForSelector('#replay');
  await bob.click('[data-step=next-street]');
  await bob.click('[data-step=next-street]');
  assert.ok((await bob.$$eval('#replay-board .card', (c) => c.length)) >= 3, 'the flop is on the board after stepping');
  await shot(bob, 'replayer');
});

test('a lobby whose connection the server closed connects again: the indicator says so, and tables opened meanwhile and afterwards are listed', async () => {
  const { url, browser } = env;
  // Hal's lobby connection runs through a route that can hand the page what the gateway sends when it closes a
  // connection (HubGuardFilter aborting it): a close message that allows no reconnect, so SignalR's own reconnect skips it.
  const lobbySockets = [];
  const hal = await guestPage(browser, url, 'Hal', (context) => context.routeWebSocket(/\/hubs\/lobby/, (ws) => {
    ws.connectToServer();
    lobbySockets.push(ws);
  }));
  assert.equal(lobbySockets.length, 1);
  const seen = await hal.evaluate(() => window.__poker.linkHistory.length);
  await lobbySockets[0].send(`${JSON.stringify({ type: 7, error: 'Connection closed with an error.' })}\u001e`);
  await hal.waitForFunction((n) => window.__poker.linkHistory.slice(n).includes('disconnected'), seen);

  const ivy = await signIn(url, 'Ivy');
  const open = async () => {
    const created = await rest(url, 'POST', '/api/tables', ivy.token, { templateId: 'nlhe-cash' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body.table.tableId;
  };
  const meanwhile = await open();
  await hal.waitForFunction((n) => {
    const states = window.__poker.linkHistory.slice(n);
    return states.includes('disconnected') && states.at(-1) === 'connected';
  }, seen, { timeout: 30_000 });
  assert.equal(lobbySockets.length, 2, 'the lobby connected once more');
  assert.equal(await hal.$eval('#link', (el) => el.dataset.state), 'connected');
  const afterwards = await open();
  await hal.waitForSelector(`#tables .row[data-table="${meanwhile}"]`, { timeout: 30_000 });
  await hal.waitForSelector(`#tables .row[data-table="${afterwards}"]`, { timeout: 30_000 });
});

test('a draw-game table shows five cards and performs a discard', async () => {
  const { url, browser } = env;
  const cid = await guestPage(browser, url, 'Cid');
  const dee = await guestPage(browser, url, 'Dee');
  await sitAt(cid, url, 'deuce-single-draw-1', 0);
  await sitAt(dee, url, 'deuce-single-draw-1', 1);
  await cid.waitForFunction(() => document.querySelectorAll('#my-cards .card').length === 5, null, { timeout: 60_000 });
  assert.equal(await dee.$$eval('#my-cards .card', (c) => c.length), 5);

  let discarded = null;
  let drawer = null;
  const replaced = async () => drawer !== null && drawer.evaluate((gone) => {
    const cards = [...document.querySelectorAll('#my-cards .card')].map((c) => c.dataset.card);
    return cards.length === 5 && gone.every((c) => !cards.includes(c));
  }, discarded);
  await playUntil([cid, dee], async () => {
    for (const page of [cid, dee]) {
      if (!(await page.$('#action-bar [data-action=discard]'))) continue;
      if (discarded === null) {
        await page.click('#my-cards .card.pick:nth-child(1)');
        await page.click('#my-cards .card.pick:nth-child(2)');
        discarded = await page.$$eval('#my-cards .card.selected', (c) => c.map((x) => x.dataset.card));
        assert.equal(discarded.length, 2);
        assert.match(await page.textContent('#action-bar [data-action=discard]'), /2/);
        drawer = page;
      }
      await page.click('#action-bar [data-action=discard]').catch(() => undefined);
    }
    return replaced();
  });
  await shot(drawer, 'table-draw');
});

test('a Telegram admin signs in with initData and sees the admin pages; Persian is right-to-left; the profile shows the product version', async () => {
  const { url, browser } = env;
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const initData = telegramInitData({ id: adminTelegramId, first_name: 'Admin', language_code: 'en' });
  await context.addInitScript((data) => {
    const button = { show() {}, hide() {}, onClick() {}, offClick() {}, setText() {} };
    window.Telegram = { WebApp: { initData: data, themeParams: { bg_color: '#101820' }, ready() {}, expand() {}, BackButton: button, MainButton: button, HapticFeedback: { impactOccurred() {}, notificationOccurred() {} } } };
  }, initData);
  const page = await context.newPage();
  await page.goto(`${url}/#/admin/tables`);
  await page.waitForSelector('#admin-tables .row[data-table]', { timeout: 30_000 });
  await shot(page, 'admin-tables');
  await page.goto(`${url}/#/admin/templates`);
  await page.waitForSelector('#admin-templates .row[data-template]');
  await shot(page, 'admin-templates');
  await page.goto(`${url}/#/admin/analytics`);
  await page.waitForSelector('#analytics #analytics-audit h4');
  // A chart is drawn only with data points; without, it says so (no empty axes); no data at all: one message, no charts.
  const chartsDrawnOnlyWithData = async () => {
    const charts = await page.$$('#analytics .ops-chart');
    assert.equal(charts.length === 0, (await page.$('#analytics-empty')) !== null);
    for (const box of charts) {
      const points = Number(await box.getAttribute('data-points'));
      assert.equal((await box.$('.no-data')) !== null, points === 0, `${await box.getAttribute('data-chart')}: ${points} points`);
      if (await box.getAttribute('data-chart') !== 'top') assert.equal((await box.$('canvas')) !== null, points > 0);
    }
  };
  await chartsDrawnOnlyWithData();
  await shot(page, 'admin-analytics');

  await page.goto(`${url}/#/profile`);
  await page.waitForSelector('#language');
  await page.selectOption('#language', 'fa');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  await page.waitForSelector('#stats');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
  // The profile names the product version: package.json's, which the deploy tests keep equal to the server's.
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  assert.equal(await page.textContent('#app-version'), version);
  await shot(page, 'profile-persian');
  await page.goto(`${url}/#/admin/analytics`);
  await page.waitForSelector('#analytics #analytics-audit h4');
  assert.equal(await page.textContent('#analytics-range [data-range="7d"]'), '۷ روز اخیر');
  await chartsDrawnOnlyWithData();
  await shot(page, 'admin-analytics-persian');
  await context.close();
});

test('a player creates a private table from a template and a friend joins it through the invite link', async () => {
  const { url, browser } = env;
  const admin = await (await fetch(`${url}/api/auth/telegram`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ initData: telegramInitData({ id: adminTelegramId, first_name: 'Admin' }) }),
  })).json();
  const created = await fetch(`${url}/api/admin/templates`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin.accessToken}` },
    body: JSON.stringify({ id: 'friends-nlhe', config: { name: 'Friends NLHE', variant: 'NT', smallBlind: 1, bigBlind: 2, minBuyIn: 80, maxBuyIn: 400, maxPlayers: 6, isPrivate: true } }),
  });
  assert.equal(created.status, 201, await created.text());

  const eve = await guestPage(browser, url, 'Eve');
  await eve.selectOption('#template', 'friends-nlhe');
  await eve.click('#create-table');
  const fromPrivateTemplate = await (await eve.waitForSelector('#invite-url')).inputValue();
  assert.match(fromPrivateTemplate, /#\/join\/t[a-z0-9]+%3A/);

  // A public template made private for this one table.
  await eve.selectOption('#template', 'nlhe-cash');
  await eve.check('#private-table');
  await eve.click('#create-table');
  await eve.waitForFunction((previous) => document.querySelector('#invite-url')?.value !== previous, fromPrivateTemplate);
  const link = await (await eve.waitForSelector('#invite-url')).inputValue();
  assert.match(link, /#\/join\/t[a-z0-9]+%3A/);
  await shot(eve, 'lobby-invite');

  const fay = await guestPage(browser, url, 'Fay');
  await fay.goto(link);
  await fay.waitForFunction(() => document.querySelector('#invite-code')?.value.includes(':'));
  await fay.fill('#invite-buyin', '200');
  await fay.click('#join-invite');
  await fay.waitForSelector('#felt .seat.me');
  assert.equal(await fay.$eval('#felt .seat.me .stack', (el) => el.dataset.stack), '200');
});

test('a table left before it finished loading never draws over the page shown since', async () => {
  const { url, browser } = env;
  const gus = await guestPage(browser, url, 'Gus');
  // The table's chat lines (the last thing the table page loads before drawing) are held until Gus is back in the lobby.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let asked;
  const chatAsked = new Promise((resolve) => { asked = resolve; });
  await gus.route('**/api/tables/nlhe-cash-1/chat', async (route) => {
    asked();
    await held;
    await route.continue();
  });
  await gus.goto(`${url}/#/table/nlhe-cash-1`);
  await chatAsked;
  await gus.goto(`${url}/#/lobby`);
  await gus.waitForSelector('#tables .row[data-table]');
  const answered = gus.waitForResponse('**/api/tables/nlhe-cash-1/chat');
  release();
  await answered;
  await gus.waitForTimeout(1000);
  assert.equal(await gus.locator('#table-view').count(), 0, 'the table page drew over the lobby');
  assert.ok(await gus.locator('#tables .row[data-table]').count() > 0);
});
