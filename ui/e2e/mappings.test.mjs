// The status and transport mapping screens' golden paths in Debian's Chromium with the backend
// replaced by a stateful mock: see the unmapped warehouse status the 3PL added, take the suggestion
// and save; see the unmapped shipping method with the orders it holds, map it and save.
//
// Expects `npm run build` and `npm run build:mocks` to have run; fails with a clear message if not.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { browserSuite, sampleAppInfo, screenshot } from './harness.mjs';

const backend = join(import.meta.dirname, 'mocks/mappings-backend.js');
const suite = browserSuite(backend);

test('an unmapped warehouse status is flagged, the suggestion fills it in and the mapping is saved', async () => {
  const app = await suite.open();
  const { page } = app;

  await page.getByRole('button', { name: 'Statusmappning' }).click();
  const added = page.locator('[data-testid="warehouse-status"][data-number="425"]');
  await added.waitFor();
  assert.equal(await page.getByTestId('warehouse-status').count(), 5, 'every status of the live list is shown');
  assert.equal(await page.getByTestId('shop-status').count(), 5, 'every shop status is shown beside them');
  assert.match(await added.getByTestId('unmapped-flag').getAttribute('title'), /läses som påbörjad/);
  assert.equal(await added.getByTestId('locks').getAttribute('data-locks'), 'true', 'unmapped reads as started: locked');
  assert.match(await page.getByTestId('status-unmapped-summary').textContent(), /Omappade lagerstatusar: 1\. Omappade butiksstatusar: 3\./);
  assert.equal(await page.getByTestId('status-save').isDisabled(), true, 'nothing changed yet');
  await screenshot(page, 'status-mapping-before');

  await page.getByTestId('status-apply-suggestion').click();
  assert.equal(await added.getByTestId('stage-select').inputValue(), 'sent');
  assert.equal(await added.getByTestId('unmapped-flag').count(), 0, 'the flag goes once the status is mapped');
  const own = page.locator('[data-testid="shop-status"][data-status-id="7"]');
  await own.getByTestId('rule-select').selectOption('hold');
  const plockas = page.locator('[data-testid="shop-status"][data-status-id="2"]');
  await plockas.getByTestId('rule-select').selectOption('hold');
  const skickad = page.locator('[data-testid="shop-status"][data-status-id="3"]');
  await skickad.getByTestId('rule-select').selectOption('hold');
  assert.match(await page.getByTestId('status-unmapped-summary').textContent(), /Alla statusar i båda listorna är mappade/);

  const save = page.getByTestId('status-save');
  assert.equal(await save.textContent(), 'Spara statusmappningen');
  await save.click();
  await page.getByTestId('status-saved').waitFor();
  const saved = await page.evaluate(() =>
    globalThis.BryggaMockRequests.filter((r) => r.cmd === 'save_status_mapping').map((r) => r.req.mapping),
  );
  assert.equal(saved.length, 1, 'one save');
  assert.deepEqual(
    saved[0].warehouse.find((w) => w.number === 425),
    { number: 425, stage: 'sent', shopStatus: 3 },
    'the added status is saved as the suggestion said',
  );
  await screenshot(page, 'status-mapping-saved');
});

test('an unmapped shipping method shows the orders it holds and is mapped to a live contract', async () => {
  const app = await suite.open();
  const { page } = app;

  await page.getByRole('button', { name: 'Transportmappning' }).click();
  const method = page.locator('[data-testid="shipping-method"][data-method="13"]');
  await method.waitFor();
  assert.equal(await method.getAttribute('data-unmapped'), 'true');
  assert.equal(await method.getByTestId('unmapped-flag').count(), 1);
  assert.equal(await method.getByTestId('held-orders').textContent(), 'Håller 2 ordrar: 1031, 1032');
  assert.match(
    await page.getByTestId('transport-unmapped-summary').textContent(),
    /1 fraktsätt saknar mappning\. 2 ordrar väntar/,
  );
  await screenshot(page, 'transport-mapping-before');

  await method.getByTestId('transport-select').selectOption('carrier|SBTL|BHP');
  await method.getByTestId('tracker-select').selectOption('2');
  const save = page.getByTestId('transport-save');
  assert.equal(await save.textContent(), 'Spara transportmappningen', 'no unmapped method is left');
  await save.click();
  await page.getByTestId('transport-saved').waitFor();
  assert.equal(
    await method.getByTestId('held-waiting').textContent(),
    '2 ordrar skickas till lagret vid nästa ordersynk.',
    'the merchant learns when the held orders go',
  );
  const saved = await page.evaluate(() =>
    globalThis.BryggaMockRequests.filter((r) => r.cmd === 'save_transport_mapping').map((r) => r.req.methods),
  );
  assert.deepEqual(saved[0].find((m) => m.shippingMethodId === 13), {
    shippingMethodId: 13,
    transport: { kind: 'carrier', transporterCode: 'SBTL', serviceCode: 'BHP', trackerType: 2 },
  });
  await screenshot(page, 'transport-mapping-saved');
});
