// The release screen's golden path in Debian's Chromium with the backend replaced by a stateful
// mock: open Ordersläpp, see the waiting orders with their pickability, tick one, release it, and
// find it in the history.
//
// Expects `npm run build` and `npm run build:mocks` to have run; fails with a clear message if not.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { browserSuite, sampleAppInfo, screenshot } from './harness.mjs';

const backend = join(import.meta.dirname, 'mocks/release-backend.js');
const suite = browserSuite(backend);

test('a selected order is released and shows up in the history', async () => {
  const app = await suite.open();
  const { page } = app;

  await page.getByRole('button', { name: 'Ordersläpp' }).click();
  const rows = page.getByTestId('candidate');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 2, 'both waiting orders are listed');
  assert.match(
    await rows.nth(0).getByTestId('pickability').textContent(),
    /Allt i lager/,
    'pickability is said in words',
  );
  assert.match(await rows.nth(1).getByTestId('fate').textContent(), /Väntar: inte helt plockbar/);
  assert.equal(await page.getByTestId('history-empty').count(), 1, 'no batch has run yet');
  await screenshot(page, 'release-before');

  await page.getByRole('checkbox', { name: 'Välj order 1032' }).check();
  const release = page.getByTestId('release-now');
  assert.equal(await release.textContent(), 'Släpp valda (1)', 'the button says what it releases');
  await release.click();
  await page.getByText('Släpper…').waitFor();
  assert.equal(await release.isDisabled(), true, 'the button waits while the release runs');

  const batch = page.getByTestId('history-batch');
  await batch.waitFor();
  await page.getByTestId('release-result').waitFor();
  assert.match(await batch.getByTestId('history-counts').textContent(), /1 släppta/);
  await batch.locator('summary').click();
  assert.equal(
    await batch.getByTestId('history-order').textContent(),
    'Order 1032: Släppt',
    'the history keeps the released order with its outcome',
  );
  assert.deepEqual(
    await page.getByTestId('candidate').evaluateAll((found) => found.map((row) => row.dataset.order)),
    ['1031'],
    'the released order no longer waits',
  );
  const sent = await page.evaluate(() => globalThis.BryggaMockRequests.filter((r) => r.cmd === 'release_now'));
  assert.deepEqual(sent, [{ cmd: 'release_now', req: { orders: [1032] } }], 'exactly the ticked order is sent');
  await screenshot(page, 'release-after');
});
