// End-to-end, own silo: a table's host sees their controls (nobody else does), changes the next hand's blinds and turn
// time, pauses, kicks and resumes; the room's maintenance switch shows a banner at the table and in the lobby.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adminTelegramId, fakeTelegram, guestPage, pageSession, playUntil, rest, signIn, sitAt, telegramInitData, useSilo } from './server.mjs';

let url;
let browser;
let admin;
const env = useSilo(async (started) => {
  ({ url, browser } = started);
  admin = await signIn(url, { id: adminTelegramId, first_name: 'Admin' });
});

const view = async (tableId, token) => {
  const r = await rest(url, 'GET', `/api/tables/${tableId}/state`, token);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.view;
};

test('a host changes the next hand, pauses, kicks and resumes from the table; others see no controls; maintenance shows a banner', async () => {
  const hana = await guestPage(browser, url, 'Hana');
  const { accessToken: hostToken, playerId: hostId } = await pageSession(hana);
  const created = await rest(url, 'POST', '/api/tables', hostToken, { templateId: 'nlhe-cash', name: 'Hana\'s game' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const tableId = created.body.table.tableId;
  await sitAt(hana, url, tableId, 0);
  const gus = await guestPage(browser, url, 'Gus');
  const { accessToken: gusToken, playerId: gusId } = await pageSession(gus);
  await sitAt(gus, url, tableId, 1);

  // Only the host has controls; the table refuses anyone else.
  await hana.waitForSelector('#host-controls:not([hidden]) #host-apply');
  assert.equal(await gus.$eval('#host-controls', (el) => el.hidden), true);
  const refused = await rest(url, 'POST', `/api/tables/${tableId}/host/pause`, gusToken);
  assert.equal(refused.status, 403);
  assert.match(refused.type, /problem\+json/);
  assert.match(await hana.textContent('#host-limits'), /2–8/);

  // Blinds 2/4 and 45 s from the next hand: announced to everyone as pending.
  await hana.fill('#host-big-blind', '4');
  await hana.fill('#host-turn-time', '45');
  await hana.click('#host-apply');
  await hana.waitForSelector('#host-next');
  assert.match(await hana.textContent('#host-next'), /2\/4 · 45 s/);
  const pending = await view(tableId, gusToken);
  assert.deepEqual([pending.nextSettings.smallBlind, pending.nextSettings.bigBlind], [2, 4]);
  await env.shot(hana, 'table-host');

  // Out of the limits: refused, the UI says why, nothing pending changes.
  await hana.fill('#host-big-blind', '50');
  await hana.click('#host-apply');
  await hana.waitForSelector('#toast.show.error');
  assert.match(await hana.textContent('#toast'), /between 2 and 8/);
  assert.equal((await view(tableId, gusToken)).nextSettings.bigBlind, 4);

  // Pause: the hand in play finishes, no new one starts.
  await hana.click('#host-pause');
  await hana.waitForSelector('#host-resume');
  await gus.waitForFunction(() => /Paused/.test(document.getElementById('table-status')?.textContent ?? ''));
  await playUntil([hana, gus], async () => (await view(tableId, gusToken)).actorSeat == null);
  const paused = await view(tableId, gusToken);
  assert.equal(paused.status, 'Paused');

  // The room's maintenance switch, from the admin page: both players see the banner, the lobby too; off, it goes.
  const adminContext = await browser.newContext({ viewport: { width: 900, height: 1000 } });
  await adminContext.addInitScript(fakeTelegram, { initData: telegramInitData({ id: adminTelegramId, first_name: 'Admin' }) });
  const adminPage = await adminContext.newPage();
  await adminPage.goto(`${url}/#/admin/tables`);
  await adminPage.fill('#maintenance-note', 'Update at 05:00');
  await adminPage.click('#maintenance-switch');
  await adminPage.waitForSelector('#maintenance[data-on="true"]');
  try {
    await gus.waitForSelector('#maintenance-banner');
    await hana.waitForSelector('#maintenance-banner');
    await env.shot(gus, 'table-maintenance');
    await gus.goto(`${url}/#/lobby`);
    await gus.waitForSelector('#maintenance-banner:not([hidden])');
    assert.match(await gus.textContent('#maintenance-banner'), /Update at 05:00/);
    await gus.goto(`${url}/#/table/${tableId}`);
    await gus.waitForSelector('#felt .seat.me');
  } finally {
    await adminPage.click('#maintenance-switch');
    await adminPage.waitForSelector('#maintenance[data-on="false"]');
    await adminContext.close();
  }
  assert.equal((await rest(url, 'GET', '/api/maintenance', gusToken)).body.on, false);
  const switched = await rest(url, 'GET', '/api/admin/audit?action=room.maintenance.on', admin.token);
  assert.equal(switched.body.items[0].details, 'Update at 05:00');
  await gus.waitForSelector('#maintenance-banner', { state: 'detached' });

  // Kick: Gus is cashed out at once between hands and his page shows the seat free.
  await hana.selectOption('#host-kick-player', String(gusId));
  await hana.click('#host-kick');
  await gus.waitForSelector('#felt .seat.empty[data-seat="1"]');
  assert.equal((await view(tableId, gusToken)).seats[1].playerId ?? null, null);
  await hana.waitForSelector('#host-controls #host-kick', { state: 'detached' });

  // Resume; the audit log has every host action under the host's id, newest first, each written before it was
  // carried out. The settings out of the limits have no entry: bad input is refused before it and changes nothing.
  await hana.click('#host-resume');
  await hana.waitForSelector('#host-pause');
  const audit = await rest(url, 'GET', `/api/admin/audit?admin=${hostId}`, admin.token);
  assert.deepEqual(audit.body.items.map((e) => e.action), ['host.resume', 'host.kick', 'host.pause', 'host.settings']);
  await hana.context().close();
  await gus.context().close();
});
