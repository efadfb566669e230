// End-to-end, second silo: stud up/down cards, sit out / top up, the waitlist and seat holds, the time bank's ring, table chat (text only,
// emotes, mute, report, an admin's deletion), admin actions with their audit entries, the operations page's charts after played hands, a player's page and the leaderboards, two tabs of one player refreshing their session at once, the Telegram theme and buttons (a fake
// WebApp, a real signed initData), a landscape phone, and the admin console's player pages (search, ban, ledger).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { adminTelegramId, fakeTelegram, guestPage, pageSession, playUntil, rest, signIn, sitAt, telegramInitData, useSilo } from './server.mjs';

let url;
let browser;
let admin;
const env = useSilo(async (started) => {
  ({ url, browser } = started);
  admin = await signIn(url, { id: adminTelegramId, first_name: 'Admin' });
});
const shot = (page, name, fullPage = true) => env.shot(page, name, fullPage);

const state = async (tableId, token) => {
  const r = await rest(url, 'GET', `/api/tables/${tableId}/state`, token);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
};
/** How many pixels a chart's canvas has drawn (not a blank canvas). */
const inkedPixels = (page, selector) => page.$eval(selector, (c) => {
  const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) n++;
  return n;
});
const balance = async (token) => (await rest(url, 'GET', '/api/players/me', token)).body.balance;
const createTable = async (token, templateId) => {
  const r = await rest(url, 'POST', '/api/tables', token, { templateId, private: false });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.table.tableId;
};

/** Cards the page shows on the felt for a seat, and its own cards below the felt, with their up/down marks. */
const feltCards = (page, seat) => page.$$eval(`#felt .seat[data-seat="${seat}"] .card`, (cards) => cards.map((c) => ({
  card: c.dataset.card, hidden: c.classList.contains('hidden'), face: c.classList.contains('down') ? 'down' : c.classList.contains('up') ? 'up' : null,
})));
const myCards = (page) => page.$$eval('#my-cards .card', (cards) => cards.map((c) => ({ card: c.dataset.card, face: c.classList.contains('down') ? 'down' : 'up' })));

test('seven-card stud: own down cards face up for the owner, backs for the others, up cards for everyone', async () => {
  const sam = await guestPage(browser, url, 'Sam');
  const sue = await guestPage(browser, url, 'Sue');
  await sitAt(sam, url, 'stud-1', 0);
  await sitAt(sue, url, 'stud-1', 1);
  const players = [{ page: sam, seat: 0 }, { page: sue, seat: 1 }];
  const pages = players.map((p) => p.page);
  const dealt = (n) => async () => (await Promise.all(pages.map((p) => p.$$eval('#my-cards .card', (c) => c.length)))).every((c) => c === n);

  const check = async (faces) => {
    for (const [i, me] of players.entries()) {
      const other = players[1 - i];
      const mine = await myCards(me.page);
      assert.deepEqual(mine.map((c) => c.face), faces, 'own cards below the felt carry their up/down marks');
      assert.ok(mine.every((c) => c.card !== '??'), 'the owner sees every own card face up');
      const onMySeat = await feltCards(me.page, me.seat);
      assert.deepEqual(onMySeat.map((c) => c.card), mine.map((c) => c.card), 'the owner sees own down cards face up on the felt too');
      assert.deepEqual(onMySeat.map((c) => c.face), faces);

      const theirs = await myCards(other.page);
      const seen = await feltCards(me.page, other.seat);
      assert.equal(seen.length, faces.length);
      faces.forEach((face, k) => {
        if (face === 'up') assert.equal(seen[k].card, theirs[k].card, `the other player's up card ${k} is visible`);
        else assert.ok(seen[k].hidden && seen[k].card === '??', `the other player's down card ${k} is a back`);
      });
      // Their down cards appear nowhere on my page, and the server never sent them to me.
      const down = theirs.filter((c) => c.face === 'down').map((c) => c.card);
      assert.equal(await me.page.evaluate((cards) => cards.filter((c) => document.querySelector(`[data-card="${c}"]`)).length, down), 0);
      const token = (await pageSession(me.page)).accessToken;
      const snap = await state('stud-1', token);
      assert.deepEqual(snap.view.seats[other.seat].cards, seen.map((c) => c.card));
      assert.deepEqual(snap.mine.cards, mine.map((c) => c.card));
    }
  };

  await Promise.all(pages.map((p) => p.waitForFunction(() => document.querySelectorAll('#my-cards .card').length === 3, null, { timeout: 60_000 })));
  await check(['down', 'down', 'up']);
  await playUntil(pages, dealt(4));
  await check(['down', 'down', 'up', 'up']);
  await playUntil(pages, dealt(7));
  await check(['down', 'down', 'up', 'up', 'up', 'up', 'down']);
  await shot(sam, 'table-stud');

  // The showdown turns every card up for both players.
  await playUntil(pages, async () => (await sam.$('#showdown')) !== null && (await sue.$('#showdown')) !== null);
  assert.ok((await sam.$$eval('#showdown .award', (a) => a.length)) >= 1);
  for (const p of pages) {
    await rest(url, 'POST', '/api/tables/stud-1/leave', (await pageSession(p)).accessToken);
    await p.context().close();
  }
});

test('sit out and back in; top up within the maximum buy-in (balance goes down); a too-large top-up changes nothing', async () => {
  const tia = await guestPage(browser, url, 'Tia');
  const { accessToken: token, playerId } = await pageSession(tia);
  const tableId = await createTable(token, 'limit-holdem'); // buy-in 40–200
  await tia.goto(`${url}/#/table/${tableId}`);
  await tia.waitForSelector('#felt .seat.empty[data-seat="0"] button[data-action=sit]');
  await tia.fill('#buy-in', '100');
  await tia.click('#felt .seat.empty[data-seat="0"] button[data-action=sit]');
  await tia.waitForSelector('#felt .seat.me .stack[data-stack="100"]');
  const afterBuyIn = await balance(token);

  await tia.click('#sit-out');
  await tia.waitForSelector('#felt .seat.me.out .tag');
  await tia.waitForSelector('#sit-in');
  assert.equal((await state(tableId, token)).view.seats[0].sittingOut, true);
  await shot(tia, 'table-sitting-out');
  await tia.click('#sit-in');
  await tia.waitForSelector('#felt .seat.me:not(.out)');
  assert.equal((await state(tableId, token)).view.seats[0].sittingOut, false);

  assert.equal(await tia.getAttribute('#top-up-amount', 'max'), '100', 'the input offers what keeps the stack within 200');
  await tia.fill('#top-up-amount', '50');
  await tia.click('#top-up');
  await tia.waitForSelector('#felt .seat.me .stack[data-stack="150"]');
  assert.equal((await state(tableId, token)).view.seats[0].stack, 150);
  assert.equal(await balance(token), afterBuyIn - 50);

  // 60 more would take the stack past 200: the table refuses, the UI says why, nothing moves.
  await tia.fill('#top-up-amount', '60');
  await tia.click('#top-up');
  await tia.waitForSelector('#toast.show.error');
  assert.match(await tia.textContent('#toast'), /200/);
  assert.equal((await state(tableId, token)).view.seats[0].stack, 150);
  assert.equal(await balance(token), afterBuyIn - 50);
  const refused = await rest(url, 'POST', `/api/tables/${tableId}/top-up`, token, { amount: 60 });
  assert.ok(refused.status >= 400 && refused.status < 500, `status ${refused.status}`);
  assert.match(refused.type, /problem\+json/);

  // Leaving cashes the stack out.
  await tia.click('#leave');
  await tia.waitForSelector('#felt .seat.empty[data-seat="0"] button[data-action=sit]');
  assert.equal(await balance(token), afterBuyIn + 100);
  assert.equal((await state(tableId, token)).view.seats[0].playerId ?? null, null);
  assert.ok(playerId > 0);
  await tia.context().close();
});

test('chat at a table: seated players post text (never markup) and emotes, a watcher reads but cannot post, mutes a sender for themselves; a report reaches the admins, who mute and delete from the admin console; a deleted line goes for everybody', async () => {
  const ann = await guestPage(browser, url, 'Ann <b>');
  const bob = await guestPage(browser, url, 'Bob');
  const cat = await guestPage(browser, url, 'Cat');
  const { accessToken: annToken } = await pageSession(ann);
  const tableId = await createTable(annToken, 'limit-holdem');
  await sitAt(ann, url, tableId, 0);
  await sitAt(bob, url, tableId, 1);
  await cat.goto(`${url}/#/table/${tableId}`);
  await cat.waitForSelector('#chat .hint');
  assert.equal(await cat.$('#chat-input'), null, 'a watcher gets no input');

  const markup = '<img src=x onerror="window.__pwned=1"><b>nice hand</b> & more';
  await ann.fill('#chat-input', markup);
  await ann.click('#chat-send');
  for (const page of [ann, bob, cat]) {
    await page.waitForSelector('#chat-lines .chat-line .chat-text:not(.gone)');
    assert.equal(await page.textContent('#chat-lines .chat-line .chat-text'), markup, 'the line reads as typed');
    assert.equal(await page.textContent('#chat-lines .chat-line .chat-name'), 'Ann <b>');
    assert.equal(await page.$$eval('#chat-lines img, #chat-lines b', (els) => els.length), 0, 'no markup was rendered');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  }
  assert.equal(await ann.inputValue('#chat-input'), '', 'the input is cleared once sent');

  await bob.click('#chat .emote[data-emote="clap"]');
  await ann.waitForSelector('#chat-lines .chat-line.emote');
  assert.equal(await ann.textContent('#chat-lines .chat-line.emote .chat-text'), '👏');
  await cat.waitForSelector('#chat-lines .chat-line.emote');
  await shot(ann, 'table-chat');

  // Bob reports Ann's line from its menu; the admins see a copy of it.
  const annLine = bob.locator('#chat-lines .chat-line:not(.own)').first();
  await annLine.locator('.chat-more').click();
  await annLine.locator('[data-chat-action=report]').click();
  await bob.waitForSelector('#toast.show:not(.error)');
  const reports = await rest(url, 'GET', '/api/admin/chat/reports?pageSize=100', admin.token);
  const report = reports.body.items.find((r) => r.tableId === tableId);
  assert.equal(report?.message.text, markup);

  // Cat mutes Ann for themselves: Ann's lines go from Cat's panel only.
  const catAnn = cat.locator('#chat-lines .chat-line[data-player]').first();
  await catAnn.locator('.chat-more').click();
  await catAnn.locator('[data-chat-action=mute]').click();
  await cat.waitForSelector('#chat-show-muted');
  assert.equal(await cat.$$eval('#chat-lines .chat-line', (els) => els.length), 1, 'only Bob\'s emote is left for Cat');
  assert.equal(await bob.$$eval('#chat-lines .chat-line', (els) => els.length), 2, 'Bob still sees both lines');

  // On the admin console's chat page the report reads as typed; the admin mutes Ann room-wide, deletes the line (it
  // goes for everybody, its text too) and lifts the mute.
  const deskContext = await browser.newContext({ viewport: { width: 900, height: 1100 } });
  await deskContext.addInitScript(fakeTelegram, { initData: telegramInitData({ id: adminTelegramId, first_name: 'Admin' }) });
  const desk = await deskContext.newPage();
  await desk.goto(`${url}/#/admin/chat`);
  const row = `#chat-reports .row[data-report="${report.id}"]`;
  await desk.waitForSelector(row);
  assert.equal(await desk.textContent(`${row} .chat-text`), markup);
  assert.equal(await desk.$$eval('#chat-reports img, #chat-reports .chat-text b', (els) => els.length), 0, 'no markup was rendered');
  await desk.fill('#mute-reason', 'e2e spam');
  await desk.click(`${row} [data-action=mute]`);
  const muted = `#chat-mutes .row[data-muted="${report.message.playerId}"]`;
  await desk.waitForSelector(muted);
  await shot(desk, 'admin-chat');
  await desk.click(`${row} [data-action=delete]`);
  await bob.waitForSelector('#chat-lines .chat-line.deleted');
  await ann.waitForSelector('#chat-lines .chat-line.deleted');
  assert.doesNotMatch(await bob.textContent('#chat-lines'), /nice hand/);
  await desk.click(`${muted} [data-action=unmute]`);
  await desk.waitForSelector(muted, { state: 'detached' });
  const audit = (await rest(url, 'GET', '/api/admin/audit?pageSize=100', admin.token)).body.items;
  for (const action of ['chat.mute', 'chat.delete', 'chat.unmute']) assert.ok(audit.some((e) => e.action === action), `audit ${action}`);
  for (const page of [ann, bob, cat, desk]) await page.context().close();
});

test('waitlist: a full heads-up table queues players in order; a leaving player frees a seat held for the first, the next moves up', async () => {
  const created = await rest(url, 'POST', '/api/admin/templates', admin.token, {
    id: 'e2e-heads-up', config: { name: 'Heads-up NLHE', variant: 'NT', smallBlind: 1, bigBlind: 2, minBuyIn: 80, maxBuyIn: 400, maxPlayers: 2 },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const hal = await signIn(url, 'Hal');
  const ivy = await signIn(url, 'Ivy');
  const tableId = await createTable(hal.token, 'e2e-heads-up');
  // Paused: no hand starts, so a leaving player leaves at once.
  assert.equal((await rest(url, 'POST', `/api/admin/tables/${tableId}/pause`, admin.token)).status, 204);
  for (const [p, seat] of [[hal, 0], [ivy, 1]]) {
    const sat = await rest(url, 'POST', `/api/tables/${tableId}/sit`, p.token, { buyIn: 100, seat });
    assert.equal(sat.status, 200, JSON.stringify(sat.body));
  }

  // Joe queues from the lobby: the row shows his place.
  const joe = await guestPage(browser, url, 'Joe');
  const joeId = (await pageSession(joe)).playerId;
  await joe.waitForSelector(`#tables .row[data-table="${tableId}"] .seats`);
  assert.equal(await joe.textContent(`#tables .row[data-table="${tableId}"] .seats`), '2/2');
  await joe.click(`#tables .row[data-table="${tableId}"] [data-action=queue]`);
  await joe.waitForSelector(`#tables .row[data-table="${tableId}"] .queued[data-position="1"]`);
  await shot(joe, 'lobby-queued');
  await joe.goto(`${url}/#/table/${tableId}`);
  await joe.waitForSelector('#wait-position');
  assert.match(await joe.textContent('#wait-position'), /: 1$/);
  assert.ok(await joe.$('#leave-waitlist'));

  // Kim queues from the table page, second in line.
  const kim = await guestPage(browser, url, 'Kim');
  await kim.goto(`${url}/#/table/${tableId}`);
  await kim.click('#join-waitlist');
  await kim.waitForSelector('#wait-position');
  assert.match(await kim.textContent('#wait-position'), /: 2$/);

  // Ivy leaves: her seat is held for Joe, Kim moves up to first.
  assert.equal((await rest(url, 'POST', `/api/tables/${tableId}/leave`, ivy.token)).status, 200);
  await joe.waitForSelector('#seat-offer[data-seat="1"]');
  await joe.waitForSelector('#felt .seat.held.for-me[data-seat="1"] button[data-action=sit]');
  await joe.waitForFunction(() => !document.getElementById('wait-position'));
  await kim.waitForFunction(() => /: 1$/.test(document.getElementById('wait-position')?.textContent ?? ''));
  assert.equal(await kim.$('#felt .seat[data-seat="1"] button[data-action=sit]'), null, 'a seat held for Joe is not Kim\'s to take');
  const held = (await state(tableId, hal.token)).view.seats[1];
  assert.equal(held.heldFor, joeId);
  assert.equal((await rest(url, 'GET', `/api/tables/${tableId}/waitlist/position`, (await pageSession(kim)).accessToken)).body.position, 1);
  await shot(joe, 'table-seat-offer');

  await joe.click('#take-held-seat');
  await joe.waitForSelector('#felt .seat.me[data-seat="1"]');
  assert.equal((await state(tableId, hal.token)).view.seats[1].playerId, joeId);
  await joe.context().close();
  await kim.context().close();
});

test('time bank: a player out of turn time goes on the bank, shown to both players as a second ring', async () => {
  const created = await rest(url, 'POST', '/api/admin/templates', admin.token, {
    id: 'e2e-time-bank', config: { name: 'Time bank NLHE', variant: 'NT', smallBlind: 1, bigBlind: 2, minBuyIn: 80, maxBuyIn: 400, maxPlayers: 2, turnTime: '00:00:05', timeBank: '00:00:40' },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const uma = await guestPage(browser, url, 'Uma');
  const vic = await guestPage(browser, url, 'Vic');
  const tableId = await createTable((await pageSession(uma)).accessToken, 'e2e-time-bank');
  await sitAt(uma, url, tableId, 0);
  await sitAt(vic, url, tableId, 1);

  // Nobody acts: after the 5 s turn clock the player to act is on the 40 s bank, and both pages show its ring.
  for (const page of [uma, vic]) await page.waitForSelector('#felt .seat.acting .timer.bank', { timeout: 30_000 });
  const view = (await state(tableId, (await pageSession(uma)).accessToken)).view;
  assert.equal(view.onTimeBank, true);
  assert.equal(view.seats[view.actorSeat].timeBankSeconds, 40);
  await shot(uma, 'table-time-bank');
  await uma.context().close();
  await vic.context().close();
});

test('pre-action buttons: the player waiting picks "check" before the turn, and it is played the moment the turn comes', async () => {
  const created = await rest(url, 'POST', '/api/admin/templates', admin.token, {
    id: 'e2e-pre-actions', config: { name: 'Pre-action NLHE', variant: 'NT', smallBlind: 1, bigBlind: 2, minBuyIn: 80, maxBuyIn: 400, maxPlayers: 2 },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const ida = await guestPage(browser, url, 'Ida');
  const jon = await guestPage(browser, url, 'Jon');
  const tableId = await createTable((await pageSession(ida)).accessToken, 'e2e-pre-actions');
  await sitAt(ida, url, tableId, 0);
  await sitAt(jon, url, tableId, 1);
  const token = (await pageSession(ida)).accessToken;
  const until = async (done, ms) => {
    for (const end = Date.now() + ms; !(await done());) {
      if (Date.now() > end) throw new Error(`not there in ${ms} ms`);
      await new Promise((r) => setTimeout(r, 150));
    }
  };
  await until(async () => (await state(tableId, token)).view.actorSeat != null, 30_000);
  const { view } = await state(tableId, token);
  const [actor, waiting] = view.actorSeat === 0 ? [ida, jon] : [jon, ida];

  // The big blind, facing nothing more, is offered check/fold, check and call any; the actor sees its own buttons instead.
  await waiting.waitForSelector('.action-bar [data-pre-action="Check"]');
  assert.deepEqual(await waiting.$$eval('.action-bar [data-pre-action]', (b) => b.map((x) => x.dataset.preAction)), ['CheckFold', 'Check', 'CallAny']);
  assert.equal(await actor.$$eval('.action-bar [data-pre-action]', (b) => b.length), 0);
  await waiting.click('.action-bar [data-pre-action="Check"]');
  await waiting.waitForSelector('.action-bar [data-pre-action="Check"][aria-pressed="true"]');
  await shot(waiting, 'table-pre-actions');

  await actor.click('.action-bar [data-action="call"]');
  await until(async () => (await state(tableId, token)).view.street === 1, 15_000);
  const flop = (await state(tableId, token)).view;
  assert.equal(flop.handNo, view.handNo, 'the same hand moved to the flop without the big blind touching a button');
  assert.equal(await waiting.$$eval('.action-bar [aria-pressed="true"]', (b) => b.length), 0, 'a pre-action is used once');
  await ida.context().close();
  await jon.context().close();
});

test('the lobby and the table summary count the waitlist; nobody queues while a seat is free or while seated', async () => {
  const lea = await signIn(url, 'Lea');
  const max = await signIn(url, 'Max');
  const ned = await signIn(url, 'Ned');
  const tableId = await createTable(lea.token, 'e2e-heads-up');
  assert.equal((await rest(url, 'POST', `/api/admin/tables/${tableId}/pause`, admin.token)).status, 204);
  const length = async () => {
    const summary = (await rest(url, 'GET', `/api/tables/${tableId}`, ned.token)).body.waitlistLength;
    const lobby = (await rest(url, 'GET', '/api/lobby?pageSize=100', ned.token)).body.items.find((t) => t.tableId === tableId);
    assert.equal(lobby?.waitlistLength, summary, 'the lobby row and the table summary agree');
    return summary;
  };
  const refused = async (token, code) => {
    const r = await rest(url, 'POST', `/api/tables/${tableId}/waitlist`, token);
    assert.equal(r.status, 409, JSON.stringify(r.body));
    assert.match(r.type, /problem\+json/);
    assert.equal(r.body.code, code);
  };

  await refused(ned.token, 'seat_free');
  assert.equal(await length(), 0);
  for (const [p, seat] of [[lea, 0], [max, 1]]) {
    assert.equal((await rest(url, 'POST', `/api/tables/${tableId}/sit`, p.token, { buyIn: 100, seat })).status, 200);
  }
  await refused(lea.token, 'already_seated');
  const joined = await rest(url, 'POST', `/api/tables/${tableId}/waitlist`, ned.token);
  assert.equal(joined.status, 200, JSON.stringify(joined.body));
  assert.equal(joined.body.position, 1);
  assert.equal(await length(), 1);
  assert.equal((await rest(url, 'DELETE', `/api/tables/${tableId}/waitlist`, ned.token)).status, 204);
  assert.equal(await length(), 0);
  assert.equal((await rest(url, 'GET', `/api/tables/${tableId}/waitlist/position`, ned.token)).body.position, null);
});

test('two tabs of one player refresh at once: one rotation, both stay signed in; reopened with expired access tokens, the same', async () => {
  const context = await browser.newContext({ viewport: { width: 420, height: 860 } });
  const refreshes = [];
  context.on('response', (r) => { if (new URL(r.url()).pathname === '/api/auth/refresh') refreshes.push(r.status()); });
  const one = await context.newPage();
  await one.goto(url);
  await one.fill('#guest-name', 'Pia');
  await one.click('#guest-signin');
  await one.waitForSelector('#tables .row[data-table]');
  const two = await context.newPage();
  await two.goto(url);
  await two.waitForSelector('#tables .row[data-table]'); // signed in from the session the tabs share
  const tabs = [one, two];
  const sessions = () => Promise.all(tabs.map((p) => p.evaluate(() => window.__poker.currentSession())));
  const [first] = await sessions();
  assert.deepEqual((await sessions()).map((x) => x.refreshToken), [first.refreshToken, first.refreshToken]);
  assert.equal(await one.evaluate(() => 'locks' in navigator), true, 'Chromium has Web Locks here (a secure context)');

  // Both tabs refresh at the same moment: the first to get the lock rotates, the other takes its tokens.
  const both = await Promise.all(tabs.map((p) => p.evaluate(() => window.__poker.refreshSession())));
  assert.ok(both.every((x) => x !== null), `both tabs still have a session (refresh answers: ${refreshes})`);
  assert.equal(both[0].refreshToken, both[1].refreshToken);
  assert.notEqual(both[0].refreshToken, first.refreshToken);
  assert.deepEqual(refreshes, [200], 'one rotation, no reuse');

  // The family is intact: rotating from there again succeeds (a revoked family answers 401).
  const again = await one.evaluate(() => window.__poker.refreshSession());
  assert.ok(again);
  assert.deepEqual(refreshes, [200, 200]);
  assert.equal((await two.evaluate(() => window.__poker.refreshSession())).refreshToken, again.refreshToken);
  assert.deepEqual(refreshes, [200, 200], 'the second tab took the first tab\'s new tokens');

  // Both tabs reopen with an expired access token: each needs a refresh before its first call; still one rotation.
  for (const page of tabs) {
    await page.evaluate(() => {
      for (const store of [sessionStorage, localStorage]) {
        const s = JSON.parse(store.getItem('poker.session'));
        store.setItem('poker.session', JSON.stringify({ ...s, expiresAt: new Date(Date.now() - 1_000).toISOString() }));
      }
    });
  }
  await Promise.all(tabs.map((p) => p.reload()));
  await Promise.all(tabs.map((p) => p.waitForSelector('#tables .row[data-table], #guest-name')));
  assert.deepEqual(await Promise.all(tabs.map((p) => p.$('#guest-name'))), [null, null], 'neither tab was signed out');
  assert.deepEqual(refreshes, [200, 200, 200]);
  const reopened = await sessions();
  assert.equal(reopened[0].refreshToken, reopened[1].refreshToken);
  assert.ok(Date.parse(reopened[0].expiresAt) > Date.now() + 60_000);

  // A later authenticated call succeeds in both tabs (the profile loads the player from the gateway).
  for (const page of tabs) {
    await page.goto(`${url}/#/profile`);
    await page.waitForSelector('#stats');
    assert.equal(await page.$('#guest-name'), null);
    const me = await page.evaluate(async () => (await fetch('/api/players/me', {
      headers: { Authorization: `Bearer ${window.__poker.currentSession().accessToken}` },
    })).status);
    assert.equal(me, 200);
  }
  assert.ok(refreshes.every((status) => status === 200), `refresh answers: ${refreshes}`);

  // Signing out (profile page) revokes the refresh token at the gateway: it refreshes no more.
  const ending = (await sessions())[0];
  const loggedOut = one.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/logout');
  await one.goto(`${url}/#/profile`);
  await one.click('#sign-out');
  assert.equal((await loggedOut).status(), 204);
  await one.waitForSelector('#guest-name');
  assert.equal((await rest(url, 'POST', '/api/auth/refresh', null, { refreshToken: ending.refreshToken })).status, 401);
  await context.close();
});

test('admin: create, edit (new version) and deactivate a template; pause, kick and close a table; adjust a balance; the audit log lists it all', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
  await context.addInitScript(fakeTelegram, { initData: telegramInitData({ id: adminTelegramId, first_name: 'Admin' }) });
  const page = await context.newPage();

  // Templates: create from the editor, save a new version, deactivate.
  await page.goto(`${url}/#/admin/templates`);
  await page.waitForSelector('#admin-templates .row[data-template]');
  const config = { name: 'E2E Omaha', variant: 'PO', smallBlind: 1, bigBlind: 2, minBuyIn: 80, maxBuyIn: 400, maxPlayers: 6 };
  await page.fill('#template-id', 'e2e-omaha');
  await page.fill('#template-json', JSON.stringify(config));
  await page.click('#template-create');
  const row = '#admin-templates .row[data-template="e2e-omaha"]';
  await page.waitForSelector(`${row} .version[data-version="1"]`);
  assert.equal((await rest(url, 'GET', '/api/templates/e2e-omaha', admin.token)).body.version, 1);

  await page.click(`${row} [data-action=edit]`);
  const edited = JSON.parse(await page.inputValue('#template-json'));
  assert.equal(edited.name, 'E2E Omaha');
  await page.fill('#template-json', JSON.stringify({ ...edited, name: 'E2E Omaha 2/4', smallBlind: 2, bigBlind: 4 }));
  await page.click('#template-save');
  await page.waitForSelector(`${row} .version[data-version="2"]`);
  const v2 = (await rest(url, 'GET', '/api/templates/e2e-omaha', admin.token)).body;
  assert.deepEqual([v2.version, v2.config.name, v2.config.bigBlind], [2, 'E2E Omaha 2/4', 4]);

  await page.click(`${row} [data-action=deactivate]`);
  await page.waitForSelector(`${row} .active[data-active="false"]`);
  const guest = await signIn(url, 'Uma');
  assert.ok(!(await rest(url, 'GET', '/api/templates', guest.token)).body.some((x) => x.id === 'e2e-omaha'), 'players no longer see it');
  const refused = await rest(url, 'POST', '/api/tables', guest.token, { templateId: 'e2e-omaha' });
  assert.equal(refused.status, 409);
  await shot(page, 'admin-templates-edited');

  // Tables: Uma and Vic sit at a fresh table; pause it, kick Vic, close it.
  const vic = await signIn(url, 'Vic');
  const tableId = await createTable(guest.token, 'nlhe-cash');
  const vicBefore = await balance(vic.token);
  assert.equal((await rest(url, 'POST', `/api/tables/${tableId}/sit`, vic.token, { buyIn: 100, seat: 2 })).status, 200);
  await page.goto(`${url}/#/admin/tables`);
  const tableRow = `#admin-tables .row[data-table="${tableId}"]`;
  await page.waitForSelector(tableRow);
  await page.click(`${tableRow} [data-action=pause]`);
  await page.waitForSelector(`${tableRow} .status[data-status="Paused"]`);
  assert.equal((await rest(url, 'GET', `/api/tables/${tableId}`, guest.token)).body.status, 'Paused');

  await page.fill('#kick-player', String(vic.playerId));
  await page.click(`${tableRow} [data-action=kick]`);
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === '0/9', `${tableRow} .seats`);
  assert.ok(!(await state(tableId, guest.token)).view.seats.some((s) => s.playerId === vic.playerId), 'Vic no longer sits there');
  assert.equal(await balance(vic.token), vicBefore, 'the kicked player got the stack back');
  await shot(page, 'admin-tables-actions');

  await page.click(`${tableRow} [data-action=close]`);
  await page.waitForSelector(tableRow, { state: 'detached' });
  assert.equal((await rest(url, 'GET', `/api/tables/${tableId}`, guest.token)).body.status, 'Ended');

  // Balance adjustment.
  await page.goto(`${url}/#/admin/players`);
  await page.fill('#adjust-player', String(vic.playerId));
  await page.fill('#adjust-amount', '123');
  await page.fill('#adjust-reason', 'e2e goodwill');
  await page.click('#adjust-apply');
  await page.waitForSelector(`#adjust-result [data-balance="${vicBefore + 123}"]`);
  assert.equal(await balance(vic.token), vicBefore + 123);
  assert.equal((await rest(url, 'GET', `/api/admin/players/${vic.playerId}`, admin.token)).body.balance, vicBefore + 123);
  const ledger = (await rest(url, 'GET', '/api/players/me/ledger?pageSize=5', vic.token)).body.items;
  assert.ok(ledger.some((e) => e.amount === 123 && /e2e goodwill/.test(e.note ?? '')), JSON.stringify(ledger));

  // The audit log shows each action with its target, in the UI and through REST.
  await page.goto(`${url}/#/admin/audit`);
  await page.waitForSelector('#audit .row');
  const expected = [
    ['template.create', 'e2e-omaha'], ['template.update', 'e2e-omaha'], ['template.deactivate', 'e2e-omaha'],
    ['table.pause', tableId], ['table.kick', tableId], ['table.close', tableId], ['player.adjust', String(vic.playerId)],
  ];
  for (const [action, target] of expected) {
    assert.ok(await page.$(`#audit .row[data-action="${action}"][data-target="${target}"]`), `audit row ${action} ${target}`);
  }
  const audit = (await rest(url, 'GET', '/api/admin/audit?pageSize=100', admin.token)).body.items;
  for (const [action, target] of expected) {
    assert.ok(audit.some((e) => e.action === action && e.target === target), `audit entry ${action} ${target}`);
  }
  await shot(page, 'admin-audit');
  await context.close();
});

test('admin console: find a player, their page, ban and lift it (their token refused meanwhile), their ledger filtered and paged, every transaction; a broadcast started and cancelled', async () => {
  const cheat = await signIn(url, { id: 5151, first_name: 'Mallory', username: 'mallory_e2e' });
  for (const [amount, reason] of [[50, 'e2e one'], [-20, 'e2e two'], [30, 'e2e three']]) {
    assert.equal((await rest(url, 'POST', `/api/admin/players/${cheat.playerId}/adjust`, admin.token, { amount, reason })).status, 200);
  }
  const context = await browser.newContext({ viewport: { width: 900, height: 1100 } });
  await context.addInitScript(fakeTelegram, { initData: telegramInitData({ id: adminTelegramId, first_name: 'Admin' }) });
  const page = await context.newPage();

  await page.goto(`${url}/#/admin/players`);
  await page.fill('#player-search', 'MALLORY');
  await page.click('#player-search-go');
  await page.click(`#player-results .row[data-player="${cheat.playerId}"]`);
  await page.waitForSelector(`#player-profile[data-player="${cheat.playerId}"] #ban-status[data-banned="false"]`);
  assert.equal(await page.textContent('#player-profile h3'), 'Mallory @mallory_e2e');

  await page.fill('#ban-reason', 'e2e <b>collusion</b>');
  await page.click('#ban-apply');
  await page.waitForSelector('#ban-status[data-banned="true"]');
  assert.match(await page.textContent('#ban-status'), /e2e <b>collusion<\/b>/, 'the reason is shown as text');
  assert.equal(await page.$('#ban-status b b'), null, 'the reason is never markup');
  const refused = await rest(url, 'GET', '/api/players/me', cheat.token);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.code, 'banned');
  await page.waitForSelector('#ledger-rows .row[data-kind="Grant"]');
  await shot(page, 'admin-player');

  await page.selectOption('#ledger-kind', 'AdminAdjustment');
  await page.click('#ledger-filter');
  await page.waitForFunction(() => !document.querySelector('#ledger-rows .row[data-kind="Grant"]'));
  const kinds = await page.$$eval('#ledger-rows .row[data-kind]', (rows) => rows.map((r) => r.dataset.kind));
  assert.deepEqual(kinds, ['AdminAdjustment', 'AdminAdjustment', 'AdminAdjustment']);
  assert.equal(await page.isDisabled('#ledger-next'), true, 'three entries fit one page');
  await shot(page, 'admin-ledger');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#player-ledger-csv')]);
  assert.equal(csv.suggestedFilename(), `ledger-${cheat.playerId}.csv`);
  const csvRows = readFileSync(await csv.path(), 'utf8').replace(/^\ufeff/, '').trim().split('\n').slice(1);
  assert.deepEqual(csvRows.map((r) => r.split(',')[2]), Array(4).fill(String(cheat.playerId)), 'the grant and three adjustments, this player only');

  await page.fill('#ban-reason', 'appeal upheld');
  await page.click('#unban-apply');
  await page.waitForSelector('#ban-status[data-banned="false"]');
  assert.equal((await rest(url, 'GET', '/api/players/me', cheat.token)).status, 200);
  const audit = (await rest(url, 'GET', '/api/admin/audit?pageSize=100', admin.token)).body.items;
  for (const action of ['player.ban', 'player.unban']) {
    assert.ok(audit.some((e) => e.action === action && e.target === String(cheat.playerId)), `audit ${action}`);
  }

  await page.goto(`${url}/#/admin/transactions`);
  await page.waitForSelector(`#ledger-rows .row a[href="#/admin/players/${cheat.playerId}"]`);
  assert.equal(await page.isDisabled('#ledger-prev'), true, 'the first page has no previous one');

  // A broadcast confirmed from the form (no bot here: it stays running), its text shown as text, then cancelled.
  await page.goto(`${url}/#/admin/broadcast`);
  await page.fill('#broadcast-text', 'e2e <b>freeroll</b> tonight');
  page.once('dialog', (dialog) => dialog.accept());
  await page.click('#broadcast-send');
  await page.waitForSelector('#broadcast[data-status="Running"] #broadcast-cancel');
  assert.equal(await page.textContent('#broadcast .broadcast-text'), 'e2e <b>freeroll</b> tonight');
  await shot(page, 'admin-broadcast');
  await page.click('#broadcast-cancel');
  await page.waitForSelector('#broadcast[data-status="Cancelled"]');
  await context.close();
});

test('operations: after a few played hands an admin sees the silo with version and uptime and uPlot charts of real figures', async () => {
  const ann = await guestPage(browser, url, 'Opal');
  const ben = await guestPage(browser, url, 'Otto');
  const { accessToken: token } = await pageSession(ann);
  const tableId = await createTable(token, 'limit-holdem');
  await sitAt(ann, url, tableId, 0);
  await sitAt(ben, url, tableId, 1);
  await playUntil([ann, ben], async () => (await state(tableId, token)).view.handNo >= 4);

  // The silo reports every 2 s: its samples count the actions just played.
  const actionsReported = async () => {
    const r = await rest(url, 'GET', '/api/admin/operations', admin.token);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const silo = r.body.processes.find((p) => p.process.kind === 'silo');
    return silo ? silo.samples.reduce((sum, x) => sum + x.actionsPerSecond * x.intervalSeconds, 0) : 0;
  };
  const deadline = Date.now() + 30_000;
  while ((await actionsReported()) < 6 && Date.now() < deadline) await ann.waitForTimeout(500);
  assert.ok((await actionsReported()) >= 6, 'the silo reported the actions of three hands');
  assert.equal((await rest(url, 'GET', '/api/admin/operations', (await pageSession(ann)).accessToken)).status, 403);

  const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
  await context.addInitScript(fakeTelegram, { initData: telegramInitData({ id: adminTelegramId, first_name: 'Admin' }) });
  const page = await context.newPage();
  await page.goto(`${url}/#/admin/operations`);
  await page.waitForSelector('#operations #operations-processes .row[data-kind="silo"]');
  const row = await page.textContent('#operations-processes .row[data-kind="silo"]');
  assert.match(row, /\d+\.\d+\.\d+/, 'the version');
  assert.match(row, /\d+ (s|min|h)/, 'the uptime');
  for (const chart of ['connections', 'actions', 'latency', 'errors']) {
    await page.waitForSelector(`#operations .ops-chart[data-chart="${chart}"] .uplot canvas`);
    const points = Number(await page.getAttribute(`#operations .ops-chart[data-chart="${chart}"]`, 'data-points'));
    assert.ok(points > 0, `${chart}: ${points} points`);
  }
  // The bot does not run here: its chart says so instead of drawing.
  assert.ok(await page.$('#operations .ops-chart[data-chart="updates"] .no-data'));
  assert.equal(await page.$('#operations .ops-chart[data-chart="updates"] canvas'), null);
  // The actions chart's canvas has drawn pixels (not a blank canvas).
  const inked = await inkedPixels(page, '#operations .ops-chart[data-chart="actions"] canvas');
  assert.ok(inked > 100, `drawn pixels: ${inked}`);
  assert.ok(await page.$('#open-dashboard'), 'the dashboard link is offered');
  await shot(page, 'operations');
  await context.close();
  for (const p of [ann, ben]) {
    await rest(url, 'POST', `/api/tables/${tableId}/leave`, (await pageSession(p)).accessToken);
    await p.context().close();
  }
});

test('analytics: hands played, the hourly statistics recomputed, an admin sees charts of them, the waitlist waits, the top tables, CSV and the audit log', async () => {
  const pia = await guestPage(browser, url, 'Pia');
  const rex = await guestPage(browser, url, 'Rex');
  const { accessToken: token } = await pageSession(pia);
  const tableId = await createTable(token, 'limit-holdem');
  await sitAt(pia, url, tableId, 0);
  await sitAt(rex, url, tableId, 1);
  await playUntil([pia, rex], async () => (await state(tableId, token)).view.handNo >= 3);
  for (const p of [pia, rex]) {
    await rest(url, 'POST', `/api/tables/${tableId}/leave`, (await pageSession(p)).accessToken);
    await p.context().close();
  }

  // Recompute the last hours (the table stores its hands through an outbox: try again until both are counted).
  const range = () => `from=${encodeURIComponent(new Date(Date.now() - 3 * 3600_000).toISOString())}&to=${encodeURIComponent(new Date().toISOString())}`;
  const counted = async () => {
    const rebuilt = await rest(url, 'POST', `/api/admin/analytics/hourly/rebuild?${range()}`, admin.token);
    assert.equal(rebuilt.status, 200, JSON.stringify(rebuilt.body));
    const hourly = await rest(url, 'GET', `/api/admin/analytics/hourly?${range()}&tableId=${tableId}`, admin.token);
    assert.equal(hourly.status, 200, JSON.stringify(hourly.body));
    return hourly.body.reduce((n, r) => n + r.hands, 0);
  };
  const deadline = Date.now() + 20_000;
  while ((await counted()) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
  assert.ok((await counted()) >= 2, 'the hourly statistics count the two hands');

  // A queue at a full heads-up table: Lou waits, Moe leaves, Lou takes the seat held for him (the seat history).
  const template = await rest(url, 'POST', '/api/admin/templates', admin.token, {
    id: 'e2e-heads-up-waits', config: { name: 'Heads-up waits', variant: 'NT', smallBlind: 1, bigBlind: 2, minBuyIn: 80, maxBuyIn: 400, maxPlayers: 2 },
  });
  assert.equal(template.status, 201, JSON.stringify(template.body));
  const [kay, moe, lou] = [await signIn(url, 'Kay'), await signIn(url, 'Moe'), await signIn(url, 'Lou')];
  const queueTable = await createTable(kay.token, 'e2e-heads-up-waits');
  assert.equal((await rest(url, 'POST', `/api/admin/tables/${queueTable}/pause`, admin.token)).status, 204);
  for (const [p, seat] of [[kay, 0], [moe, 1]]) assert.equal((await rest(url, 'POST', `/api/tables/${queueTable}/sit`, p.token, { buyIn: 100, seat })).status, 200);
  assert.equal((await rest(url, 'POST', `/api/tables/${queueTable}/waitlist`, lou.token)).status, 200);
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal((await rest(url, 'POST', `/api/tables/${queueTable}/leave`, moe.token)).status, 200);
  const tookSeat = await rest(url, 'POST', `/api/tables/${queueTable}/sit`, lou.token, { buyIn: 100, seat: 1 });
  assert.equal(tookSeat.status, 200, JSON.stringify(tookSeat.body));
  for (const p of [kay, lou]) await rest(url, 'POST', `/api/tables/${queueTable}/leave`, p.token);
  // The seat history is written by the silo about once a second: wait until the waits count Lou's.
  const queued = async () => (await rest(url, 'GET', `/api/admin/analytics/waits?${range()}&tableId=${queueTable}`, admin.token)).body;
  const waitDeadline = Date.now() + 20_000;
  while ((await queued()).room.seated < 1 && Date.now() < waitDeadline) await new Promise((r) => setTimeout(r, 500));
  const waited = (await queued()).room;
  assert.equal(waited.seated, 1, JSON.stringify(waited));
  assert.ok(waited.averageWaitSeconds >= 1, `waited ${waited.averageWaitSeconds} s`);

  const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, acceptDownloads: true });
  await context.addInitScript(fakeTelegram, { initData: telegramInitData({ id: adminTelegramId, first_name: 'Admin' }) });
  const page = await context.newPage();
  await page.goto(`${url}/#/admin/analytics`);
  await page.waitForSelector('#analytics[data-range="24h"] .ops-chart[data-chart="hands"] .uplot canvas');
  assert.equal(await page.$('#analytics-empty'), null, 'no "no data" message when there is data');
  for (const chart of ['hands', 'variants']) {
    await page.waitForSelector(`#analytics .ops-chart[data-chart="${chart}"] .uplot canvas`);
    const points = Number(await page.getAttribute(`#analytics .ops-chart[data-chart="${chart}"]`, 'data-points'));
    assert.ok(points > 0, `${chart}: ${points} points`);
    const inked = await inkedPixels(page, `#analytics .ops-chart[data-chart="${chart}"] canvas`);
    assert.ok(inked > 100, `${chart}: drawn pixels ${inked}`);
  }
  // Snapshots come every 5 minutes, the first about a minute after the silo started: a chart, or it says there are none yet.
  const players = Number(await page.getAttribute('#analytics .ops-chart[data-chart="players"]', 'data-points'));
  if (players > 0) assert.ok(await page.$('#analytics .ops-chart[data-chart="players"] canvas'));
  else assert.ok(await page.$('#analytics .ops-chart[data-chart="players"] .no-data') && !(await page.$('#analytics .ops-chart[data-chart="players"] canvas')));
  assert.ok(Number(await page.getAttribute(`#analytics-top .row[data-table="${tableId}"]`, 'data-hands')) >= 2, 'the table is among the top tables');

  // The waits chart: bars of the room and the queue's table, and its CSV with Lou's wait.
  await page.waitForSelector('#analytics .ops-chart[data-chart="waits"] .uplot canvas');
  assert.ok(Number(await page.getAttribute('#analytics .ops-chart[data-chart="waits"]', 'data-points')) >= 2, 'the room and the queue\'s table');
  assert.ok(await inkedPixels(page, '#analytics .ops-chart[data-chart="waits"] canvas') > 100, 'the waits chart is drawn');
  const [waitsFile] = await Promise.all([page.waitForEvent('download'), page.click('#analytics [data-csv="waits"]')]);
  assert.match(waitsFile.suggestedFilename(), /^waits-24h\.csv$/);
  const waitLines = readFileSync(await waitsFile.path(), 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
  assert.match(waitLines[0], /^Table,Joins,Seated,/);
  assert.match(waitLines[1], /^Whole room,[1-9]/);
  assert.ok(waitLines.some((l) => l.startsWith(`${queueTable},1,1,`)), waitLines.join('\n'));

  // The CSV of the hands chart: a header, then an hour a line, with the two hands in it.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#analytics [data-csv="hands"]')]);
  assert.match(download.suggestedFilename(), /^hands-24h\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], 'Time,hands,rake (right axis)');
  assert.ok(lines.length >= 24, `${lines.length} lines`);
  assert.ok(lines.slice(1).reduce((n, l) => n + Number(l.split(',')[1]), 0) >= 2, csv);

  // The ledger of the range as CSV: the header, and the buy-ins of the players who sat down.
  const [ledger] = await Promise.all([page.waitForEvent('download'), page.click('#analytics-ledger-csv')]);
  assert.match(ledger.suggestedFilename(), /^ledger-24h\.csv$/);
  const rows = readFileSync(await ledger.path(), 'utf8').replace(/^\ufeff/, '').trim().split('\n');
  assert.equal(rows[0], 'at,transfer_id,player_id,kind,amount,balance_after,table_id,note');
  assert.ok(rows.some((r) => r.includes(`,buy_in,`) && r.includes(`,${tableId},`)), rows.slice(0, 5).join('\n'));

  // Recompute from the page: the message says how many rows; the audit log, filtered by the action, lists it.
  await page.click('#analytics-rebuild');
  await page.waitForSelector('#analytics-rebuild-result[data-rows]');
  assert.match(await page.textContent('#analytics-rebuild-result'), /^Recomputed [1-9]\d* hourly rows from \d{4}-\d\d-\d\d \d\d:00 to /);
  await page.fill('#audit-filter-action', 'analytics.rebuild');
  await page.click('#audit-filter-apply');
  await page.waitForSelector('#analytics-audit[data-filter-action="analytics.rebuild"] .row[data-action]');
  const actions = await page.$$eval('#analytics-audit .row[data-action]', (rows) => rows.map((r) => r.dataset.action));
  assert.ok(actions.length >= 2 && actions.every((a) => a === 'analytics.rebuild'), actions.join());
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'analytics');

  // Another range redraws with the same hands.
  await page.click('#analytics-range [data-range="7d"]');
  await page.waitForSelector('#analytics[data-range="7d"] .ops-chart[data-chart="variants"] .uplot canvas');
  assert.ok(Number(await page.getAttribute('#analytics .ops-chart[data-chart="hands"]', 'data-points')) > 0);
  await context.close();
});

test('a player\'s page after played hands: the profit curve drawn, sessions and games; the leaderboard marks the player; the lobby card shows the last hour', async () => {
  const uma = await guestPage(browser, url, 'Uma');
  const vic = await guestPage(browser, url, 'Vic');
  const { accessToken: token } = await pageSession(uma);
  const tableId = await createTable(token, 'limit-holdem');
  await sitAt(uma, url, tableId, 0);
  await sitAt(vic, url, tableId, 1);
  await playUntil([uma, vic], async () => (await state(tableId, token)).view.handNo >= 4);
  await rest(url, 'POST', `/api/tables/${tableId}/leave`, (await pageSession(vic)).accessToken);
  await vic.context().close();
  await rest(url, 'POST', `/api/tables/${tableId}/leave`, token);

  // The table stores its hands through an outbox: wait until three are on the player's page.
  const results = async () => (await rest(url, 'GET', '/api/players/me/results', token)).body;
  const deadline = Date.now() + 20_000;
  while ((await results()).hands < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
  const mine = await results();
  assert.ok(mine.hands >= 3, JSON.stringify(mine));

  await uma.setViewportSize({ width: 900, height: 1100 });
  await uma.evaluate(() => { location.hash = '#/stats'; });
  await uma.waitForSelector('#player-stats .ops-chart[data-chart="profit"] .uplot canvas');
  assert.equal(Number(await uma.getAttribute('#player-stats', 'data-hands')), mine.hands);
  assert.equal(Number(await uma.getAttribute('#player-stats .ops-chart[data-chart="profit"]', 'data-points')), mine.profit.length);
  const inked = await uma.$eval('#player-stats .ops-chart[data-chart="profit"] canvas', (c) => {
    const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) n++;
    return n;
  });
  assert.ok(inked > 100, `profit chart: drawn pixels ${inked}`);
  assert.ok((await uma.$$('#stats-sessions .row:not(.head)')).length >= 1, 'a session');
  assert.match(await uma.textContent('#stats-variants'), /hold'em/i);
  assert.equal(await uma.textContent('#stats-net'), (mine.net > 0 ? '+' : '') + mine.net.toLocaleString('en-US'));
  await uma.evaluate(() => window.scrollTo(0, 0));
  await shot(uma, 'player-stats');

  // All time by hands: the player is ranked, and the own row is marked.
  await uma.evaluate(() => { location.hash = '#/leaderboards'; });
  await uma.waitForSelector('#leaderboard[data-period="day"]');
  await uma.click('#board-period [data-key="all"]');
  await uma.waitForSelector('#leaderboard[data-period="all"]');
  await uma.click('#board-by [data-key="hands"]');
  await uma.waitForSelector('#leaderboard[data-period="all"][data-by="hands"] .row.own');
  assert.equal(Number(await uma.getAttribute('#leaderboard .row.own', 'data-player')), mine.playerId);
  assert.match(await uma.textContent('#board-own'), /^You are #\d+ of \d+\.$/);
  await shot(uma, 'leaderboards');

  // The lobby card: the gateway's figures are at most 30 s old.
  const activityDeadline = Date.now() + 40_000;
  const listed = async () => (await rest(url, 'GET', '/api/lobby/activity', token)).body.find((a) => a.tableId === tableId);
  while (!((await listed())?.handsLastHour >= 3) && Date.now() < activityDeadline) await new Promise((r) => setTimeout(r, 1000));
  await uma.evaluate(() => { location.hash = '#/lobby'; });
  const card = `#tables .row[data-table="${tableId}"] .activity`;
  await uma.waitForSelector(`${card}:not([data-hands="0"])`);
  assert.match(await uma.textContent(card), /^\d+ hands in the last hour · average pot [\d,]+ · last (just now|\d+ min ago)$/);

  // In Persian, right to left, with the same chart.
  await uma.evaluate(() => { localStorage.setItem('poker.language', 'fa'); location.hash = '#/stats'; location.reload(); });
  await uma.waitForSelector('html[dir="rtl"] #player-stats .ops-chart[data-chart="profit"] .uplot canvas');
  assert.equal(await uma.textContent('#player-stats h4'), 'سود بر پایهٔ دست‌های بازی‌شده');
  await uma.evaluate(() => window.scrollTo(0, 0));
  await shot(uma, 'player-stats-persian');
  await uma.context().close();
});

test('Telegram: theme colours become the page colours; silent sign-in; BackButton, MainButton and haptics on the player\'s turn', async () => {
  const theme = {
    bg_color: '#f4f1e8', text_color: '#1b1b1b', hint_color: '#7d7d7d', link_color: '#8e44ad',
    button_color: '#c0392b', button_text_color: '#fffefa', secondary_bg_color: '#e6e0d0',
  };
  const context = await browser.newContext({ viewport: { width: 420, height: 860 } });
  await context.addInitScript(fakeTelegram, { initData: telegramInitData({ id: 777001, first_name: 'Tess', language_code: 'en' }), themeParams: theme, colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('#tables .row[data-table]');
  assert.equal(await page.$('#guest-name'), null, 'no sign-in form inside Telegram');
  assert.equal(await page.textContent('#bar .me'), 'Tess');
  const colours = await page.evaluate(() => {
    const css = (el) => getComputedStyle(el);
    return {
      bg: css(document.body).backgroundColor, fg: css(document.body).color, bar: css(document.getElementById('bar')).backgroundColor,
      button: css(document.getElementById('create-table')).backgroundColor, buttonText: css(document.getElementById('create-table')).color,
      link: css(document.querySelector('#bar nav a:not(.brand)')).color, scheme: css(document.documentElement).colorScheme,
      variable: document.documentElement.style.getPropertyValue('--tg-bg-color'),
    };
  });
  assert.deepEqual(colours, {
    bg: 'rgb(244, 241, 232)', fg: 'rgb(27, 27, 27)', bar: 'rgb(230, 224, 208)', button: 'rgb(192, 57, 43)', buttonText: 'rgb(255, 254, 250)',
    link: 'rgb(142, 68, 173)', scheme: 'light', variable: '#f4f1e8',
  });
  const calls = () => page.evaluate(() => window.__tgCalls.map((c) => c.join(':')));
  assert.ok((await calls()).includes('ready') && (await calls()).includes('expand'));
  assert.ok((await calls()).includes('BackButton.hide'), 'no back button in the lobby');

  // A table with robots: Telegram's back button appears; on Tess's turn the phone buzzes and the main button offers check/call.
  const { accessToken: token } = await pageSession(page);
  const tableId = await createTable(token, 'practice');
  await sitAt(page, url, tableId, 3);
  assert.ok((await calls()).includes('BackButton.show'));
  await page.waitForFunction(() => window.__tgCalls.some((c) => c[0] === 'HapticFeedback.impactOccurred'), null, { timeout: 60_000 });
  await page.waitForFunction(() => window.__tgCalls.some((c) => c[0] === 'MainButton.show') && window.__tgHandlers.main.length === 1, null, { timeout: 30_000 });
  const label = (await calls()).filter((c) => c.startsWith('MainButton.setText:')).at(-1).slice('MainButton.setText:'.length);
  assert.match(label, /^(Check|Call \d+)$/);
  assert.equal(label, await page.textContent('#action-bar [data-action=check], #action-bar [data-action=call]'));
  await shot(page, 'telegram-theme');

  // Pressing Telegram's main button acts: the turn passes (well before the 30 s turn clock) and the main button hides.
  const seq = await page.$eval('#view', (el) => Number(el.dataset.seq));
  assert.equal((await state(tableId, token)).view.actorSeat, 3);
  await page.evaluate(() => window.__tgHandlers.main[0]());
  await page.waitForFunction((s) => Number(document.getElementById('view').dataset.seq) > s && !document.querySelector('#action-bar [data-action=check], #action-bar [data-action=call]'), seq, { timeout: 10_000 });
  assert.ok((await calls()).includes('MainButton.hide'));
  const after = (await state(tableId, token)).view;
  assert.equal(after.seats[3].sittingOut, false, 'not a timeout');

  // Telegram's back button goes back to the lobby, where it hides again.
  const hides = (await calls()).filter((c) => c === 'BackButton.hide').length;
  await page.evaluate(() => window.__tgHandlers.back.at(-1)());
  await page.waitForSelector('#tables .row[data-table]');
  assert.equal((await calls()).filter((c) => c === 'BackButton.hide').length, hides + 1);
  await context.close();
});

test('Telegram launch parameters in the fragment load the SDK; a startapp invite opens the lobby with the invite filled in', async () => {
  const theme = { bg_color: '#202830', text_color: '#fafafa', button_color: '#1e88e5', button_text_color: '#ffffff', secondary_bg_color: '#2a333d' };
  const host = await signIn(url, 'Wes');
  const created = await rest(url, 'POST', '/api/tables', host.token, { templateId: 'nlhe-cash', private: true });
  const [tableId, code] = created.body.invite.split(':');
  const initData = telegramInitData({ id: 777002, first_name: 'Xia' }, { start_param: `join_${tableId}_${code}` });
  const context = await browser.newContext({ viewport: { width: 420, height: 860 } });
  let served = 0;
  // Stands in for telegram.org's telegram-web-app.js: like it, it reads the launch parameters from the fragment.
  await context.route('https://telegram.org/js/telegram-web-app.js', (route) => {
    served++;
    return route.fulfill({
      contentType: 'application/javascript',
      body: `(() => {
        const p = new URLSearchParams(location.hash.slice(1));
        const initData = p.get('tgWebAppData') || '';
        const none = { show() {}, hide() {}, onClick() {}, offClick() {}, setText() {} };
        window.Telegram = { WebApp: { initData, initDataUnsafe: Object.fromEntries(new URLSearchParams(initData)),
          themeParams: JSON.parse(p.get('tgWebAppThemeParams') || '{}'), colorScheme: 'dark',
          ready() {}, expand() {}, BackButton: none, MainButton: none } };
      })();`,
    });
  });
  const page = await context.newPage();
  const launch = new URLSearchParams({ tgWebAppData: initData, tgWebAppVersion: '8.0', tgWebAppPlatform: 'android', tgWebAppThemeParams: JSON.stringify(theme) });
  await page.goto(`${url}/#${launch}`);
  await page.waitForFunction(() => document.querySelector('#invite-code')?.value.includes(':'));
  assert.equal(await page.inputValue('#invite-code'), `${tableId}:${code}`);
  assert.equal(served, 1);
  assert.equal(await page.textContent('#bar .me'), 'Xia');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(32, 40, 48)');
  await page.fill('#invite-buyin', '120');
  await page.click('#join-invite');
  await page.waitForSelector('#felt .seat.me .stack[data-stack="120"]');
  await context.close();

  // Outside Telegram no third-party script is requested.
  const plain = await browser.newContext();
  const requested = [];
  plain.on('request', (r) => { if (!r.url().startsWith(url)) requested.push(r.url()); });
  const guest = await plain.newPage();
  await guest.goto(url);
  await guest.fill('#guest-name', 'Yan');
  await guest.click('#guest-signin');
  await guest.waitForSelector('#tables .row[data-table]');
  assert.deepEqual(requested, []);
  await plain.close();
});

test('a phone in landscape shows the felt and the action bar side by side without horizontal scrolling', async () => {
  const context = await browser.newContext({ viewport: { width: 844, height: 390 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.fill('#guest-name', 'Zed');
  await page.click('#guest-signin');
  await page.waitForSelector('#tables .row[data-table]');
  const { accessToken: token } = await pageSession(page);
  const tableId = await createTable(token, 'practice');
  await sitAt(page, url, tableId, 3);
  await page.waitForSelector('#action-bar [data-action=check], #action-bar [data-action=call]', { timeout: 60_000 });
  const layout = await page.evaluate(() => {
    const box = (sel) => document.querySelector(sel).getBoundingClientRect().toJSON();
    return {
      scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth, height: window.innerHeight, scrollY: window.scrollY,
      bar: box('#action-bar .buttons'), felt: box('#felt'), cards: box('#my-cards'), seats: [...document.querySelectorAll('#felt .seat')].map((s) => s.getBoundingClientRect().toJSON()),
    };
  });
  assert.ok(layout.scrollWidth <= layout.width, `no horizontal overflow (${layout.scrollWidth} > ${layout.width})`);
  assert.equal(layout.scrollY, 0);
  assert.ok(layout.bar.top >= 0 && layout.bar.bottom <= layout.height && layout.bar.right <= layout.width, `action bar on screen: ${JSON.stringify(layout.bar)}`);
  assert.ok(layout.cards.bottom <= layout.height, 'own cards on screen');
  assert.ok(layout.felt.right <= layout.bar.left || layout.bar.top >= layout.felt.bottom, 'the action bar does not cover the felt');
  assert.ok(layout.seats.every((s) => s.left >= 0 && s.right <= layout.width && s.top >= 0 && s.bottom <= layout.height), 'every seat on screen');
  await shot(page, 'table-landscape', false);
  await context.close();
});
