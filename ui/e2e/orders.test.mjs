// The orders screen's golden path in Debian's Chromium with the backend replaced by a stateful
// mock of 12 000 orders: open Ordrar, scroll the virtualized list to its end and see the oldest
// orders, filter by number, open the order that travelled to "shipped", read its timeline with the
// tracking number, and try its failed shop status write again.
//
// Expects `npm run build` and `npm run build:mocks` to have run; fails with a clear message if not.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { browserSuite, sampleAppInfo, screenshot } from './harness.mjs';

const backend = join(import.meta.dirname, 'mocks/orders-backend.js');
const suite = browserSuite(backend);

const shownOrders = (page) =>
  page.getByTestId('order-row').evaluateAll((rows) => rows.map((row) => Number(row.dataset.order)));

test('the list scrolls through 12 000 orders and an order shows its way to shipped with tracking', async () => {
  const app = await suite.open();
  const { page } = app;

  await page.getByRole('button', { name: 'Ordrar' }).click();
  await page.getByTestId('order-row').first().waitFor();
  assert.match(await page.getByTestId('orders-count').textContent(), /^12\s000 ordrar$/, 'every order is counted');
  const first = await shownOrders(page);
  assert.equal(first[0], 22000, 'newest order number first');
  assert.ok(first.length < 100, `only the rows in view are rendered, not 12 000 (got ${first.length})`);
  await screenshot(page, 'orders-list');

  await page.getByTestId('orders-list').evaluate((list) => {
    list.scrollTop = list.scrollHeight;
  });
  await page.locator('[data-testid="order-row"][data-order="10001"]').waitFor();
  const end = await shownOrders(page);
  assert.ok(end.includes(10001), 'the oldest order is reached by scrolling');
  assert.ok(!end.includes(22000), 'the first rows left the page as they scrolled out of view');
  const pagesAsked = await page.evaluate(() =>
    globalThis.BryggaMockRequests.filter((r) => r.cmd === 'list_orders').map((r) => r.req.offset),
  );
  assert.ok(
    pagesAsked.includes(11_800) && pagesAsked.length < 10,
    `the last page is fetched directly, not every page on the way: ${pagesAsked}`,
  );
  await screenshot(page, 'orders-list-end');

  await page.getByTestId('orders-filter-state').selectOption('shipped');
  await page.getByTestId('orders-filter-text').fill('22000');
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid="order-row"]')];
    return rows.length === 1 && rows[0].dataset.order === '22000';
  });
  const row = page.locator('[data-testid="order-row"][data-order="22000"]');
  assert.equal(await row.getByTestId('order-tracking').textContent(), 'SE-TRACK-4711');
  assert.equal(await row.getByTestId('order-state').textContent(), 'Skickad');

  await page.getByRole('button', { name: 'Öppna order 22000' }).click();
  const orderPage = page.getByTestId('order-page');
  await orderPage.getByTestId('order-timeline').waitFor();
  assert.equal(await orderPage.getAttribute('data-order'), '22000');
  assert.deepEqual(
    await page.getByTestId('timeline-entry').evaluateAll((entries) => entries.map((e) => e.dataset.kind)),
    [
      'shop.seen',
      'warehouse.upsert_order',
      'warehouse.release_order',
      'warehouse.status',
      'warehouse.status',
      'warehouse.tracking',
      'shop.set_status',
    ],
    'every event in time order',
  );
  assert.match(await page.getByTestId('timeline-tracking').textContent(), /SE-TRACK-4711/);
  assert.equal(await page.getByTestId('order-tracking').textContent(), 'SE-TRACK-4711');
  await page.getByTestId('timeline-payload').first().locator('summary').click();
  assert.match(await page.getByTestId('timeline-payload').first().textContent(), /"orderNumber": "22000"/);

  const dead = page.locator('[data-testid="order-call"][data-status="dead"]');
  assert.match(await dead.getByTestId('call-error').textContent(), /503/);
  await screenshot(page, 'orders-page');
  await dead.getByTestId('retry-call').click();
  const result = page.getByTestId('order-action-result');
  await result.waitFor();
  assert.equal(await result.getAttribute('data-outcome'), 'done');
  await page.locator('[data-testid="order-call"][data-call="12"][data-status="done"]').waitFor();
  assert.equal(
    await page.locator('[data-testid="timeline-entry"][data-outcome="done"][data-kind="shop.set_status"]').count(),
    1,
    'the status write that went through is in the timeline',
  );
  const retried = await page.evaluate(() => globalThis.BryggaMockRequests.filter((r) => r.cmd === 'retry_order_call'));
  assert.deepEqual(retried, [{ cmd: 'retry_order_call', req: { shopOrderId: 22000, callId: 12 } }]);
  await screenshot(page, 'orders-page-retried');

  await page.getByTestId('order-back').click();
  await row.waitFor();
  assert.equal(await page.getByTestId('orders-filter-text').inputValue(), '22000', 'the filters are kept');
});
