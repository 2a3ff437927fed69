// The inbound screen's golden path in Debian's Chromium with the backend replaced by a stateful
// mock (e2e/mocks/inbound-backend.js): open Inleveranser, see the deviations of a received
// delivery and acknowledge one with a note; create a purchase order whose lines come from a file
// (a bad file first: every bad row named, nothing taken); see a change refused once the warehouse
// started receiving, with the reason; cancel an advised purchase order; create the initial
// stock-in after a confirmation that says how many lines it gets.
//
// Expects `npm run build` and `npm run build:mocks` to have run; fails with a clear message if not.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { browserSuite, screenshot } from './harness.mjs';

const backend = join(import.meta.dirname, 'mocks/inbound-backend.js');
const suite = browserSuite(backend);

const dataOf = (locator, key) => locator.evaluateAll((found, k) => found.map((el) => el.dataset[k]), key);
const plain = (text) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const sentOf = (page, cmd) => page.evaluate((c) => globalThis.BryggaMockRequests.filter((r) => r.cmd === c), cmd);
const csv = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

test('deviations are reviewed and acknowledged with a note', async () => {
  const { page } = await suite.open();
  await page.getByRole('button', { name: 'Inleveranser' }).click();

  const list = page.getByTestId('po-list');
  await list.waitFor();
  assert.deepEqual(await dataOf(page.getByTestId('po-row'), 'po'), ['PO-000001', 'PO-000002', 'PO-000003']);
  const received = page.locator('[data-testid="po-row"][data-po="PO-000001"]');
  assert.equal(await received.getByTestId('po-stage').textContent(), 'Inlevererad');
  assert.equal(await received.getByTestId('po-open-deviations').textContent(), '3 öppna');

  const rows = page.getByTestId('deviation-row');
  await rows.first().waitFor();
  assert.deepEqual(await dataOf(rows, 'sku'), ['SOCK-1', 'HAT-1', 'SCARF-9'], 'the line that came as advised is not a deviation');
  assert.deepEqual(await dataOf(rows, 'kind'), ['under', 'over rejected', 'unadvised']);
  const short = page.locator('[data-testid="deviation-row"][data-sku="SOCK-1"]');
  assert.equal(await short.getByTestId('deviation-difference').textContent(), '−2');
  assert.equal(plain(await short.getByTestId('deviation-percent').textContent()), '−20 %');
  const unadvised = page.locator('[data-testid="deviation-row"][data-sku="SCARF-9"]');
  assert.equal(await unadvised.getByTestId('deviation-percent').textContent(), 'ej aviserad');

  await received.getByTestId('po-open').click();
  const detail = page.getByTestId('po-detail');
  await detail.waitFor();
  assert.deepEqual(
    await dataOf(detail.getByTestId('po-line-row'), 'sku'),
    ['SOCK-1', 'HAT-1', 'MITT-1', 'SCARF-9'],
    'the lines as ordered, then what arrived unadvised',
  );
  assert.equal(await detail.getByTestId('po-edit').isDisabled(), true, 'a received purchase order cannot be changed');
  await screenshot(page, 'inbound-deviations');

  await short.getByTestId('deviation-note').fill('Restnoterat, kommer vecka 49');
  await short.getByTestId('deviation-ack').click();
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="deviation-row"][data-sku="SOCK-1"]'),
    undefined,
    { timeout: 5000 },
  );
  assert.deepEqual(await dataOf(rows, 'sku'), ['HAT-1', 'SCARF-9'], 'the acknowledged deviation leaves the open list');
  assert.deepEqual(await sentOf(page, 'acknowledge_deviations'), [
    {
      cmd: 'acknowledge_deviations',
      req: { deviations: [{ number: 'PO-000001', sku: 'SOCK-1' }], note: 'Restnoterat, kommer vecka 49' },
    },
  ]);
  await page.getByTestId('deviations-show-acknowledged').check();
  const acknowledged = page.locator('[data-testid="deviation-row"][data-sku="SOCK-1"]');
  await acknowledged.waitFor();
  assert.match(await acknowledged.getByTestId('deviation-acknowledged').textContent(), /Restnoterat, kommer vecka 49/);
});

test('a purchase order is created from a file, a late change is refused, and one is cancelled', async () => {
  const { page } = await suite.open();
  await page.getByRole('button', { name: 'Inleveranser' }).click();
  await page.getByTestId('po-list').waitFor();

  await page.getByTestId('po-new').click();
  const form = page.getByTestId('po-form');
  await form.waitFor();
  await form.getByTestId('po-supplier').fill('Sockfabriken');
  await form.getByTestId('po-reference').fill('SF-12');
  await form.getByTestId('po-expected').fill('2026-12-01');
  await form.getByTestId('po-line-sku').fill('KEEP-1');
  await form.getByTestId('po-line-qty').fill('1');

  await form.getByTestId('po-csv-input').setInputFiles(csv('fel.csv', 'sku;antal\nSOCK-1;x\nHAT-1;2\n;3\nHAT-1;1\n'));
  const errors = form.getByTestId('po-csv-errors');
  await errors.waitFor();
  assert.deepEqual(await dataOf(errors.getByTestId('po-csv-error'), 'line'), ['2', '4', '5'], 'every bad row by its line number');
  assert.match(await errors.textContent(), /Inget lästes in från fel\.csv: 3 rader är felaktiga/);
  assert.deepEqual(
    await form.getByTestId('po-line-sku').evaluateAll((inputs) => inputs.map((i) => i.value)),
    ['KEEP-1'],
    'nothing is half-imported',
  );
  await screenshot(page, 'inbound-csv-errors');

  await form.getByTestId('po-csv-input').setInputFiles(csv('rätt.csv', 'SOCK-1;12\nHAT-1;6\n'));
  await form.getByTestId('po-csv-imported').waitFor();
  assert.deepEqual(await form.getByTestId('po-line-sku').evaluateAll((inputs) => inputs.map((i) => i.value)), ['SOCK-1', 'HAT-1']);
  await form.getByTestId('po-save').click();

  const detail = page.getByTestId('po-detail');
  await page.locator('[data-testid="po-detail"][data-po="PO-000004"]').waitFor();
  assert.equal(await detail.getByTestId('po-saved').textContent(), 'PO-000004 är sparad och skickas till lagret.');
  assert.equal(await page.locator('[data-testid="po-row"][data-po="PO-000004"]').getByTestId('po-stage').textContent(), 'Aviserad');
  assert.deepEqual((await sentOf(page, 'create_purchase_order')).map((r) => r.req), [
    {
      supplier: 'Sockfabriken',
      reference: 'SF-12',
      expectedDate: '2026-12-01',
      remark: null,
      lines: [
        { sku: 'SOCK-1', quantity: 12 },
        { sku: 'HAT-1', quantity: 6 },
      ],
    },
  ]);
  await screenshot(page, 'inbound-created');

  // The warehouse starts receiving PO-000002 before the merchant's change arrives.
  await page.locator('[data-testid="po-row"][data-po="PO-000002"]').getByTestId('po-open').click();
  await page.locator('[data-testid="po-detail"][data-po="PO-000002"]').getByTestId('po-edit').click();
  await form.getByTestId('po-line-qty').fill('30');
  await form.getByTestId('po-save').click();
  const refused = page.getByTestId('po-error');
  await refused.waitFor();
  assert.equal(await refused.getAttribute('data-error-code'), 'remoteRefused');
  assert.match(await refused.textContent(), /Ändringen nekades/);
  assert.match(await refused.textContent(), /started receiving purchase order PO-000002 \(warehouse status 200 Ankomstregistrerad\)/);
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="po-row"][data-po="PO-000002"]')?.getAttribute('data-stage') === 'receiving',
  );
  assert.equal(
    await page.locator('[data-testid="po-row"][data-po="PO-000002"]').getByTestId('po-stage').textContent(),
    'Inleverans pågår',
    'after the refusal the list shows that receiving has started',
  );
  await screenshot(page, 'inbound-refused');

  await form.getByTestId('po-form-close').click();
  await page.locator('[data-testid="po-row"][data-po="PO-000004"]').getByTestId('po-open').click();
  const created = page.locator('[data-testid="po-detail"][data-po="PO-000004"]');
  await created.getByTestId('po-cancel').click();
  await page.getByTestId('po-cancel-yes').click();
  await page.locator('[data-testid="po-detail"][data-stage="cancelled"]').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="po-row"][data-po="PO-000004"]'));
  assert.deepEqual(await sentOf(page, 'cancel_purchase_order'), [{ cmd: 'cancel_purchase_order', req: { number: 'PO-000004' } }]);
});

test('the initial stock-in is created after a confirmation with the number of lines', async () => {
  const { page } = await suite.open();
  await page.getByRole('button', { name: 'Inleveranser' }).click();
  const stockIn = page.getByTestId('stock-in');
  await stockIn.waitFor();
  await stockIn.getByTestId('po-stock-in-filter').fill('sock');
  await stockIn.getByTestId('po-stock-in-qty').fill('5');
  await stockIn.getByTestId('po-stock-in').click();
  const confirm = stockIn.getByTestId('po-stock-in-confirm');
  await confirm.waitFor();
  assert.equal(await confirm.getAttribute('data-lines'), '2', 'SOCK-1 and SOCK-2 match the filter');
  assert.match(await confirm.textContent(), /Inköpsordern får 2 rader med sammanlagt 10 enheter/);
  await screenshot(page, 'inbound-stock-in-confirm');
  await confirm.getByTestId('po-stock-in-yes').click();
  const result = stockIn.getByTestId('po-stock-in-result');
  await result.waitFor();
  assert.equal(await result.textContent(), 'PO-000004 är skapad med 2 rader.');
  await page.locator('[data-testid="po-detail"][data-po="PO-000004"]').waitFor();
  const request = { skuFilter: 'sock', defaultQuantity: 5, quantities: [], supplier: null, expectedDate: null, remark: null };
  assert.deepEqual((await sentOf(page, 'preview_initial_stock_in')).map((r) => r.req), [request], 'counted first');
  assert.deepEqual((await sentOf(page, 'create_initial_stock_in')).map((r) => r.req), [request], 'then made, once');
});
