// The returns screen's golden path in Debian's Chromium with the backend replaced by a stateful
// mock (e2e/mocks/returns-backend.js): open Returer, see the merchant's and the warehouse's own
// returns in one list and a received complaint's differences; find a shop order by the customer's
// name, pick quantities (more than can be returned is refused on the spot), a cause and a note,
// register; follow the new return to received and refunded (amount stored as minor units); close
// another with a note. Then the errors in words: an order never delivered, and a warehouse whose
// returns API is not switched on.
//
// Expects `npm run build` and `npm run build:mocks` to have run; fails with a clear message if not.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { browserSuite, screenshot } from './harness.mjs';

const backend = join(import.meta.dirname, 'mocks/returns-backend.js');
const suite = browserSuite(backend);

const dataOf = (locator, key) => locator.evaluateAll((found, k) => found.map((el) => el.dataset[k]), key);
const plain = (text) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const sentOf = (page, cmd) => page.evaluate((c) => globalThis.BryggaMockRequests.filter((r) => r.cmd === c), cmd);
const row = (page, id) => page.locator(`[data-testid="return-row"][data-return="${id}"]`);

async function openReturns(page) {
  await page.getByRole('button', { name: 'Returer' }).click();
  await page.getByTestId('return-list').waitFor();
}

test('a return is registered, received, refunded; another is closed with a note', async () => {
  const { page } = await suite.open();
  await openReturns(page);

  const rows = page.getByTestId('return-row');
  assert.deepEqual(await dataOf(rows, 'return'), ['RET-1', 'RET-2', 'RET-3', 'RET-4'], 'the refunded RET-5 is hidden');
  assert.deepEqual(await dataOf(rows, 'kind'), ['regret', 'complaint', 'unclaimed', 'unannounced']);
  assert.deepEqual(await dataOf(rows, 'state'), ['announced', 'received', 'announced', 'announced']);
  assert.deepEqual(await dataOf(rows, 'waiting'), ['false', 'true', 'true', 'true'], 'goods arrived and wait for the merchant');
  assert.equal(await page.getByTestId('return-waiting-count').textContent(), '3 returer har kommit in och väntar på återbetalning eller avslut.');
  assert.equal(await row(page, 'RET-4').getByTestId('return-order').textContent(), 'Ingen order kopplad');
  assert.deepEqual(await dataOf(rows, 'delivery'), ['waiting', 'sent', 'sent', 'sent'], 'RET-1 waits to be sent');
  assert.equal(await row(page, 'RET-1').getByTestId('return-delivery').textContent(), 'Väntar på att skickas');
  assert.equal(await row(page, 'RET-2').getByTestId('return-differences').textContent(), '2');
  await page.getByText('Trasig vara (DAMAGED)').first().waitFor();

  await row(page, 'RET-2').getByTestId('return-open').click();
  const detail = page.getByTestId('return-detail');
  await detail.waitFor();
  const lines = detail.getByTestId('return-line');
  assert.deepEqual(await dataOf(lines, 'sku'), ['HAT-2', 'SCARF-9']);
  assert.deepEqual(await dataOf(lines, 'deviation'), ['under rejected', 'unadvised'], 'differences read like inbound deviations');
  assert.equal(await lines.first().getByTestId('return-line-difference').textContent(), '−1');
  assert.equal(await lines.first().getByTestId('return-line-condition').textContent(), 'Skadad');

  // Register: find the order by the customer's name; two orders match.
  await page.getByTestId('return-search').fill('Anna');
  await page.getByTestId('return-search-submit').click();
  await page.getByTestId('return-hits').waitFor();
  assert.deepEqual(await dataOf(page.getByTestId('return-order-pick'), 'order'), ['1042', '1043']);
  await page.locator('[data-testid="return-order-pick"][data-order="1042"]').click();
  const form = page.getByTestId('return-form');
  await form.waitFor();
  const line = (sku) => form.locator(`[data-testid="return-order-line"][data-sku="${sku}"]`);
  assert.deepEqual(await dataOf(form.getByTestId('return-order-line'), 'returnable'), ['2', '0', '3']);
  assert.equal(await line('HAT-1').getByTestId('return-qty').isDisabled(), true, 'the hat was already returned');

  await line('SOCK-1').getByTestId('return-qty').fill('5');
  assert.equal(await form.getByTestId('return-qty-over').textContent(), 'Högst 2 av SOCK-1 kan returneras.');
  assert.equal(await form.getByTestId('return-register').isDisabled(), true, 'more than can be returned is not sent');
  await line('SOCK-1').getByTestId('return-qty').fill('2');
  await line('MITT-1').getByTestId('return-qty').fill('1');
  assert.deepEqual(
    await form.getByTestId('return-kind-select').locator('option').allTextContents(),
    ['Ångerköp', 'Reklamation', 'Outlöst paket'],
    'the merchant announces regret purchases, complaints and unclaimed parcels',
  );
  await form.getByTestId('return-kind-select').selectOption('complaint');
  await form.locator('[data-testid="return-cause"] option[value="SIZE"]').waitFor({ state: 'attached' });
  await form.getByTestId('return-cause').selectOption('SIZE');
  await form.getByTestId('return-note').fill('Kunden vill ha en större storlek');
  await screenshot(page, 'returns-register');
  await form.getByTestId('return-register').click();

  const registered = page.getByTestId('return-registered');
  await registered.waitFor();
  assert.match(await registered.textContent(), /Retur RET-6 är registrerad och aviserad till lagret\.En kommentar har lagts på order 1042\./);
  assert.deepEqual(await sentOf(page, 'register_return'), [
    {
      cmd: 'register_return',
      req: {
        orderNumber: '1042',
        kind: 'complaint',
        cause: 'SIZE',
        note: 'Kunden vill ha en större storlek',
        lines: [
          { sku: 'SOCK-1', quantity: 2 },
          { sku: 'MITT-1', quantity: 1 },
        ],
      },
    },
  ]);
  await row(page, 'RET-6').waitFor();
  assert.equal(await row(page, 'RET-6').getAttribute('data-state'), 'announced');
  assert.equal(await detail.getAttribute('data-return'), 'RET-6', 'the new return is opened');

  // Received, then refunded with an amount typed the Swedish way.
  await detail.getByTestId('return-mark-received').click();
  await page.locator('[data-testid="return-detail"][data-state="received"]').waitFor();
  await detail.getByTestId('return-refund-amount').fill('199,50');
  await detail.getByTestId('return-mark-refunded').click();
  await page.locator('[data-testid="return-detail"][data-state="refunded"]').waitFor();
  assert.equal(plain(await detail.getByTestId('return-refund').textContent()), '199,50 kr');
  const refunded = (await sentOf(page, 'set_return_state')).at(-1);
  assert.deepEqual(refunded.req, { number: 'RET-6', state: 'refunded', refund: { minorUnits: 19950, currency: 'SEK' }, note: null });
  await page.waitForFunction(() => !document.querySelector('[data-testid="return-row"][data-return="RET-6"]'), undefined, {
    timeout: 5000,
  });

  // Close RET-1: a note is required.
  await row(page, 'RET-1').getByTestId('return-open').click();
  await page.locator('[data-testid="return-detail"][data-return="RET-1"]').waitFor();
  await detail.getByTestId('return-close').click();
  assert.equal(await detail.getByTestId('return-handling-problem').textContent(), 'Skriv en anteckning om varför returen avslutas.');
  await detail.getByTestId('return-close-note').fill('Kunden ångrade returen');
  await detail.getByTestId('return-close').click();
  await page.locator('[data-testid="return-detail"][data-state="closed"]').waitFor();
  assert.equal(await detail.getByTestId('return-handling-note').textContent(), 'Kunden ångrade returen');

  await page.getByTestId('return-show-closed').check();
  await row(page, 'RET-5').waitFor();
  assert.deepEqual(await dataOf(rows, 'state'), ['refunded', 'closed', 'received', 'announced', 'announced', 'refunded']);
  await screenshot(page, 'returns');
});

test('an order never delivered and a switched-off returns API are told in words', async () => {
  const { page } = await suite.open();
  await page.evaluate(() => {
    globalThis.BryggaReturnsApiOff = true;
  });
  await openReturns(page);
  assert.equal(
    await page.locator('[data-testid="return-row"][data-return="RET-2"] [data-testid="return-cause-name"]').textContent(),
    'DAMAGED',
    'without the causes, the list shows the code',
  );
  await page.getByTestId('return-search').fill('bo.ek@example.se');
  await page.getByTestId('return-search-submit').click();
  await page.locator('[data-testid="return-form"][data-order="1050"]').waitFor();
  const causes = page.getByTestId('return-causes-error');
  await causes.waitFor();
  assert.match(await causes.textContent(), /ask the 3PL to enable "ReturnOrders"/, 'the backend says what the 3PL must switch on');

  await page.getByTestId('return-search').fill('1043');
  await page.getByTestId('return-search-submit').click();
  const form = page.locator('[data-testid="return-form"][data-order="1043"]');
  await form.waitFor();
  assert.equal(
    await form.getByTestId('return-not-delivered').textContent(),
    'Ordern har inte levererats ännu, så det finns inget att returnera.',
  );
  assert.equal(await form.getByTestId('return-register').isDisabled(), true);

  await page.getByTestId('return-search').fill('nobody');
  await page.getByTestId('return-search-submit').click();
  assert.equal(await page.getByTestId('return-search-empty').textContent(), 'Ingen order matchar ”nobody”.');
  await screenshot(page, 'returns-errors');
});
