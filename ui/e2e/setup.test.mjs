// The setup screens' golden paths in Debian's Chromium with the backend replaced by a stateful
// mock: a new installation completes the go-live wizard and lands on the dashboard; on a live
// installation the connections are tested and saved, and the settings changed and saved.
//
// Expects `npm run build` and `npm run build:mocks` to have run; fails with a clear message if not.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { browserSuite, sampleAppInfo, screenshot } from './harness.mjs';

const backend = join(import.meta.dirname, 'mocks/setup-backend.js');
const mappingsBackend = join(import.meta.dirname, 'mocks/mappings-backend.js');
const suite = browserSuite(backend);

/** Opens the app on a live installation with both connections saved. */
async function openLive() {
  const app = await suite.open();
  await app.page.evaluate(() => globalThis.sessionStorage.setItem('brygga.mock.live', '1'));
  await app.page.reload();
  return app.page;
}

async function verdictOf(page, side) {
  const verdict = page.getByTestId(`${side}-verdict`);
  await verdict.waitFor();
  return verdict.getAttribute('data-verdict');
}

test('a new installation goes through the wizard to live and lands on the dashboard', async () => {
  const app = await suite.open();
  const { page } = app;
  // The mapping editors in the wizard talk to the mapping screens' mock.
  await page.addInitScript({ path: mappingsBackend });
  await page.reload();

  await page.getByTestId('go-live-wizard').waitFor();
  assert.equal(await page.getByTestId('wizard-step').getAttribute('data-step'), 'connections');
  await page.getByTestId('connections').waitFor();

  await page.getByTestId('ongoing-api-url').fill('https://api.ongoingsystems.se/Kaj/');
  await page.getByTestId('ongoing-user').fill('kaj-api');
  await page.getByTestId('ongoing-goods-owner').fill('43');
  await page.getByTestId('ongoing-password').fill('lager-pw');
  await page.getByTestId('ongoing-test').click();
  await page.getByText('Inloggningen fungerar, men användaren får inte arbeta för det varuägar-id:t').waitFor();
  assert.equal(await verdictOf(page, 'ongoing'), 'wrongGoodsOwner', 'a wrong goods owner id is named as such');
  await page.getByTestId('ongoing-goods-owner').fill('42');
  await page.getByTestId('ongoing-test').click();
  await page.getByText('Inloggad som varuägare Kaj Handel AB.').waitFor();
  await page.getByTestId('ongoing-save').click();
  await page.getByTestId('ongoing-saved').waitFor();
  assert.equal(await page.getByTestId('ongoing-password').inputValue(), '', 'the password field is emptied after saving');

  await page.getByTestId('starweb-api-url').fill('https://kaj.starwebserver.se/api/v2');
  await page.getByTestId('starweb-client-id').fill('client-1');
  await page.getByTestId('starweb-client-secret').fill('shop-secret');
  await page.getByTestId('starweb-test').click();
  assert.equal(await verdictOf(page, 'starweb'), 'ok');
  await page.getByTestId('starweb-save').click();
  await page.getByTestId('starweb-saved').waitFor();
  await page.locator('[data-testid="wizard-step-connections"][data-done="true"]').waitFor();
  await screenshot(page, 'setup-wizard-connections');

  await page.getByTestId('wizard-next').click();
  assert.equal(await page.getByTestId('wizard-step').getAttribute('data-step'), 'statusMapping');
  await page.getByTestId('status-apply-suggestion').click();
  await page.getByTestId('status-save').click();
  await page.getByTestId('status-saved').waitFor();
  await page.locator('[data-testid="wizard-step-statusMapping"][data-done="true"]').waitFor();
  await page.getByTestId('wizard-next').click();

  assert.equal(await page.getByTestId('wizard-step').getAttribute('data-step'), 'transportMapping');
  const method = page.locator('[data-testid="shipping-method"][data-method="13"]');
  await method.getByTestId('transport-select').selectOption('carrier|SBTL|BHP');
  await page.getByTestId('transport-save').click();
  await page.getByTestId('transport-saved').waitFor();
  await page.locator('[data-testid="wizard-step-transportMapping"][data-done="true"]').waitFor();
  await screenshot(page, 'setup-wizard-transport');
  await page.getByTestId('wizard-next').click();

  assert.equal(await page.getByTestId('wizard-step').getAttribute('data-step'), 'settings');
  await page.getByTestId('sync-settings').waitFor();
  await page.getByTestId('settings-start-date').fill('2025-11-21');
  await page.getByTestId('schedule-minutes-orders').fill('15');
  await page.getByTestId('settings-save').click();
  await page.getByTestId('settings-saved').waitFor();
  await page.locator('[data-testid="wizard-step-settings"][data-done="true"]').waitFor();
  await page.getByTestId('wizard-next').click();

  assert.equal(await page.getByTestId('wizard-step').getAttribute('data-step'), 'preview');
  assert.match(await page.getByTestId('first-sync-guard').textContent(), /ändras aldrig i butiken/);
  assert.equal(await page.getByTestId('go-live').isDisabled(), true, 'going live waits for the preview');
  await page.getByTestId('preview-run').click();
  await page.getByTestId('preview-result').waitFor();
  assert.match(await page.getByTestId('preview-orders-from').textContent(), /21 nov\. 2025/);
  const orders = page.locator('[data-testid="preview-flow"][data-flow="orders"]');
  assert.equal(await orders.getByTestId('preview-writes').textContent(), 'Ändringar: 2');
  await orders.locator('summary').click();
  assert.deepEqual(await orders.getByTestId('preview-write').allTextContents(), [
    'Order till lagret: order:1031',
    'Order till lagret: order:1032',
  ]);
  await screenshot(page, 'setup-wizard-preview');

  await page.getByTestId('go-live').click();
  await page.getByTestId('go-live-result').waitFor();
  assert.match(await page.getByTestId('go-live-result').textContent(), /Brygga är live/);
  await screenshot(page, 'setup-wizard-live');
  await page.getByTestId('go-live-done').click();
  await page.getByTestId('schema-version').waitFor();
  assert.equal(await page.getByTestId('screen-title').textContent(), 'Översikt', 'the dashboard follows going live');
  assert.equal(await page.getByTestId('go-live-wizard').count(), 0);

  const calls = await page.evaluate(() => globalThis.BryggaMockSetup.requests.map((r) => r.cmd));
  assert.equal(calls.filter((c) => c === 'go_live').length, 1, 'going live is asked for once');
  const saves = await page.evaluate(() =>
    globalThis.BryggaMockSetup.requests.filter((r) => r.cmd === 'save_sync_settings').map((r) => r.req.settings),
  );
  assert.equal(saves[0].startDate, '2025-11-21');
  assert.equal(saves[0].schedules.find((s) => s.flow === 'orders').minutes, 15);
});

test('on the connections screen a connection is tested and saved, keeping the stored password', async () => {
  const page = await openLive();
  await page.getByRole('button', { name: 'Kopplingar' }).click();
  await page.getByTestId('connections').waitFor();
  assert.equal(
    await page.getByTestId('ongoing-api-url').inputValue(),
    'https://api.ongoingsystems.se/Kaj/',
    'the saved connection is shown',
  );
  assert.equal(await page.getByTestId('ongoing-secret-stored').getAttribute('data-stored'), 'true');
  assert.equal(await page.getByTestId('ongoing-password').inputValue(), '', 'the password is never shown');

  await page.getByTestId('ongoing-api-url').fill('https://api.ongoingsystems.se/Fel/');
  await page.getByTestId('ongoing-test').click();
  assert.equal(await verdictOf(page, 'ongoing'), 'wrongUrl', 'a wrong address is named as such');
  await page.getByTestId('ongoing-api-url').fill('https://api.ongoingsystems.se/Kaj/');
  await page.getByTestId('ongoing-user').fill('kaj-api');
  await page.getByTestId('ongoing-test').click();
  await page.locator('[data-testid="ongoing-verdict"][data-verdict="ok"]').waitFor();
  await page.getByTestId('ongoing-save').click();
  await page.getByTestId('ongoing-saved').waitFor();

  await page.getByTestId('starweb-client-secret').fill('wrong');
  await page.getByTestId('starweb-test').click();
  assert.equal(await verdictOf(page, 'starweb'), 'wrongCredentials');
  await screenshot(page, 'setup-connections');

  const saved = await page.evaluate(() =>
    globalThis.BryggaMockSetup.requests.filter((r) => r.cmd === 'save_ongoing_connection').map((r) => r.req),
  );
  assert.deepEqual(
    saved,
    [{ apiUrl: 'https://api.ongoingsystems.se/Kaj/', user: 'kaj-api', goodsOwnerId: 42, password: null }],
    'an empty password field keeps the stored one',
  );
});

test('on the settings screen a schedule is changed and saved and survives a new visit', async () => {
  const page = await openLive();
  await page.getByRole('button', { name: 'Inställningar' }).click();
  await page.getByTestId('sync-settings').waitFor();
  await page.getByTestId('schedule-mode-articles').selectOption('manual');
  await page.getByTestId('schedule-mode-stock').selectOption('daily');
  await page.getByTestId('schedule-at-stock').fill('06:00');
  await page.getByTestId('settings-currencies').fill('SEK, eur');
  await page.getByTestId('warehouse-choices').waitFor();
  await page.getByTestId('warehouse-choice-2').uncheck();
  await page.getByTestId('settings-save').click();
  await page.getByTestId('settings-saved').waitFor();
  await screenshot(page, 'setup-settings');

  await page.getByRole('button', { name: 'Översikt' }).click();
  await page.getByRole('button', { name: 'Inställningar' }).click();
  await page.getByTestId('sync-settings').waitFor();
  assert.equal(await page.getByTestId('schedule-mode-articles').inputValue(), 'manual', 'the saved mode comes back');
  assert.equal(await page.getByTestId('schedule-at-stock').inputValue(), '06:00');
  assert.equal(await page.getByTestId('settings-currencies').inputValue(), 'SEK, EUR');
  assert.equal(await page.getByTestId('warehouse-choice-1').isChecked(), true);
  assert.equal(await page.getByTestId('warehouse-choice-2').isChecked(), false, 'the returns warehouse stays out');

  await page.getByTestId('settings-language').getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Save settings' }).waitFor();
  const language = await page.evaluate(() => globalThis.BryggaMockSetup.state.language);
  assert.equal(language, 'en', 'the language is saved in the backend for notifications');
});
