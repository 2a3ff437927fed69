// The products and stock reconciliation screens' golden paths in Debian's Chromium with the
// backend replaced by a stateful mock: find a product among 1,500, see its problems in words,
// send a failed one again and export the orphaned articles; reconcile stock with progress shown,
// correct one difference, then the rest, and end with an empty report.
//
// Expects `npm run build` and `npm run build:mocks` to have run; fails with a clear message if not.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { browserSuite, sampleAppInfo, screenshot } from './harness.mjs';

const backend = join(import.meta.dirname, 'mocks/products-backend.js');
const suite = browserSuite(backend);

const skusOf = (locator) => locator.evaluateAll((found) => found.map((row) => row.dataset.sku));

test('products: filter, problems in words, send again and the orphan export', async () => {
  const app = await suite.open();
  const { page } = app;

  await page.getByRole('button', { name: 'Artiklar' }).click();
  const rows = page.getByTestId('product-row');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 100, 'a catalogue of 1,500 is shown a page at a time');
  assert.match(await page.getByTestId('products-page-info').textContent(), /1–100 av 1\s500/);
  await page.getByTestId('products-page-next').click();
  assert.equal((await skusOf(rows))[0], 'SOCK-0097', 'the next page follows on');

  await page.locator('[data-testid="products-filter"][data-filter="problems"]').click();
  assert.deepEqual(await skusOf(rows), ['HAT RED/1'], 'the problem filter keeps the product held back');
  assert.match(
    await rows.first().getByTestId('product-problems').textContent(),
    /Artikelnumret innehåller ' ', '\/'/,
    'the problem is said in Swedish words',
  );

  await page.locator('[data-testid="products-filter"][data-filter="all"]').click();
  await page.getByTestId('products-search').fill('halsduk');
  assert.deepEqual(await skusOf(rows), ['SCARF-1'], 'free text finds the name');
  assert.equal(await rows.first().getAttribute('data-state'), 'failed');
  await screenshot(page, 'products-failed');
  await rows.first().getByTestId('product-retry').click();
  const answer = page.getByTestId('product-retry-result');
  await answer.waitFor();
  assert.equal(await answer.textContent(), 'SCARF-1 skickades till lagret.');
  await page.locator('[data-testid="product-row"][data-state="current"]').waitFor();
  assert.equal(await rows.first().getByTestId('product-state').textContent(), 'Skickad och aktuell');

  await page.getByTestId('products-search').fill('');
  await page.getByTestId('orphans-export').click();
  const exported = page.getByTestId('orphans-export-result');
  await exported.waitFor();
  assert.match(await exported.textContent(), /1 artiklar sparades i \/home\/handlare\/Hämtningar\//);
  const sent = await page.evaluate(() =>
    globalThis.BryggaMockRequests.filter((r) => ['retry_product', 'export_orphaned_articles'].includes(r.cmd)),
  );
  assert.deepEqual(
    sent,
    [
      { cmd: 'retry_product', req: { sku: 'SCARF-1' } },
      { cmd: 'export_orphaned_articles', req: { language: 'sv' } },
    ],
    'exactly the failed product is sent again, and the export asks for Swedish headers',
  );
  await screenshot(page, 'products');
});

test('stock reconciliation: report with progress, correct chosen, then all', async () => {
  const app = await suite.open();
  const { page } = app;

  await page.getByRole('button', { name: 'Lageravstämning' }).click();
  await page.getByTestId('reconcile-last-run').waitFor();
  assert.equal(await page.getByTestId('reconcile-last-run').textContent(), 'Ingen avstämning har gjorts ännu.');

  await page.getByTestId('reconcile-run').click();
  const progress = page.getByTestId('reconcile-progress');
  await progress.waitFor();
  assert.match(await progress.textContent(), /Jämför saldon…/, 'a long run says what it is doing');
  await screenshot(page, 'reconciliation-running');

  const rows = page.getByTestId('reconcile-row');
  await rows.first().waitFor();
  await progress.waitFor({ state: 'detached' });
  assert.deepEqual(await skusOf(rows), ['SOCK-0001', 'SOCK-0002', 'SOCK-0003']);
  assert.equal(await rows.nth(0).getByTestId('reconcile-difference').textContent(), '+28');
  assert.equal(await rows.nth(1).getByTestId('reconcile-difference').textContent(), '−2');
  assert.match(await page.getByTestId('reconcile-not-in-shop').textContent(), /OLD-HAT-1/);
  assert.equal(
    await page.getByTestId('reconcile-raised').textContent(),
    'SOCK-0003 Ullsocka SOCK-0003: Brygga skrev 9, butiken visar 30',
    'an article raised outside Brygga is named with both quantities',
  );
  await screenshot(page, 'reconciliation-report');

  await page.getByRole('checkbox', { name: 'Välj SOCK-0002' }).check();
  const apply = page.getByTestId('reconcile-apply');
  assert.equal(await apply.textContent(), 'Rätta valda (1)', 'the button says what it corrects');
  await apply.click();
  await page.getByTestId('reconcile-result').waitFor();
  assert.match(await page.getByTestId('reconcile-result').textContent(), /1 saldo skrevs till butiken/);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="reconcile-row"]').length === 2);
  assert.deepEqual(await skusOf(rows), ['SOCK-0001', 'SOCK-0003'], 'the corrected article leaves the report');

  assert.equal(await apply.textContent(), 'Rätta alla (2)');
  await apply.click();
  await page.getByTestId('reconcile-empty').waitFor();
  assert.equal(await page.getByTestId('reconcile-empty').textContent(), 'Butiken och lagret stämmer överens.');
  const sent = await page.evaluate(() =>
    globalThis.BryggaMockRequests.filter((r) => r.cmd === 'apply_stock_corrections'),
  );
  assert.deepEqual(sent, [
    { cmd: 'apply_stock_corrections', req: { skus: ['SOCK-0002'] } },
    { cmd: 'apply_stock_corrections', req: { skus: null } },
  ]);
  await screenshot(page, 'reconciliation');
});
