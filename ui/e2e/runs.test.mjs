// The dashboard's and the sync log's golden paths in Debian's Chromium with the backend replaced by a
// stateful mock: see what needs attention and follow one item to its fix; in the sync log filter and
// page the runs, run a flow now and watch its progress, and retry a call that gave up.
//
// Expects `npm run build` and `npm run build:mocks` to have run; fails with a clear message if not.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { browserSuite, sampleAppInfo, screenshot } from './harness.mjs';

const backend = join(import.meta.dirname, 'mocks/runs-backend.js');
const suite = browserSuite(backend);

test('the dashboard lists what needs attention and one click opens the fix', async () => {
  const app = await suite.open();
  const { page } = app;

  const items = page.getByTestId('attention-item');
  await items.first().waitFor();
  assert.deepEqual(
    await items.evaluateAll((found) => found.map((item) => `${item.dataset.kind}:${item.dataset.focus}`)),
    [
      'failedFlow:statuses',
      'deadCall:77',
      'unmappedShippingMethod:12',
      'heldOrder:1031',
      'refusedChange:1035',
      'overdueBatch:5',
      'articleProblem:BAD;SKU',
    ],
    'every kind of problem is listed with what to open',
  );
  assert.match(
    await items.nth(2).textContent(),
    /Fraktsättet Budbee saknar transportör \(2 ordrar väntar\)/,
    'an unmapped method says how many orders it holds up',
  );
  assert.deepEqual(
    await page.getByTestId('connection-health').evaluateAll((found) => found.map((h) => h.dataset.state)),
    ['ok', 'failing'],
    'both connections have a health verdict',
  );
  assert.equal(
    await page.locator('[data-testid="flow-row"][data-flow="statuses"] [data-testid="flow-outcome"]').getAttribute('data-outcome'),
    'failed',
    'each flow shows its last outcome',
  );
  assert.equal(await page.getByTestId('count-orders').textContent(), '1\u00a0234', 'counts are grouped the Swedish way');
  assert.equal(await page.getByTestId('schema-version').textContent(), '1', 'the app information is still on the dashboard');

  await page.getByTestId('check-connections').click();
  const checks = page.getByTestId('connection-check');
  await checks.first().waitFor();
  assert.deepEqual(await checks.evaluateAll((found) => found.map((c) => c.dataset.ok)), ['true', 'false']);
  await screenshot(page, 'runs-dashboard');

  await page.locator('[data-testid="attention-item"][data-kind="unmappedShippingMethod"] [data-testid="attention-fix"]').click();
  await page.getByTestId('screen-title').getByText('Transportmappning').waitFor();

  await page.getByRole('button', { name: 'Översikt' }).click();
  await page.locator('[data-testid="attention-item"][data-kind="deadCall"] [data-testid="attention-fix"]').click();
  const focused = page.locator('[data-testid="call-row"][data-call-id="77"]');
  await focused.waitFor();
  assert.match(await focused.getAttribute('class'), /calls__item--focus/, 'the sync log opens at the call that gave up');
  assert.equal(await page.getByTestId('screen-title').textContent(), 'Synklogg');
});

test('the sync log filters and pages runs, runs a flow now with progress and retries a dead call', async () => {
  const app = await suite.open();
  const { page } = app;

  await page.getByRole('button', { name: 'Synklogg' }).click();
  const rows = page.getByTestId('run-row');
  await rows.first().waitFor();
  assert.equal(await page.getByTestId('log-total').getAttribute('data-total'), '60', 'every run is counted');
  assert.equal(await rows.count(), 25, 'a page holds 25 runs');
  assert.equal(await page.getByTestId('log-page').textContent(), 'Sida 1 av 3');
  await page.getByTestId('log-next').click();
  await page.getByTestId('log-page').getByText('Sida 2 av 3').waitFor();

  await page.getByTestId('log-flow-filter').selectOption('statuses');
  await page.getByTestId('log-total').and(page.locator('[data-total="15"]')).waitFor();
  assert.deepEqual(
    [...new Set(await rows.evaluateAll((found) => found.map((row) => row.dataset.flow)))],
    ['statuses'],
    'only the chosen flow is listed',
  );
  assert.equal(await page.getByTestId('log-page').textContent(), 'Sida 1 av 1', 'a new filter starts at page 1');
  const failed = page.locator('[data-testid="run-row"][data-outcome="failed"]');
  assert.match(await failed.getByTestId('run-error').textContent(), /503/, 'a failed run shows its error');

  // The runs span 22 Nov 16:00 to 23 Nov 06:45 UTC; 02:00 in any nearby time zone cuts through them.
  await page.getByTestId('log-from').fill('2026-11-23T02:00');
  await page.waitForFunction(() => document.querySelector('[data-testid="log-total"]')?.dataset.total !== '15');
  const within = Number(await page.getByTestId('log-total').getAttribute('data-total'));
  assert.ok(within > 0 && within < 15, `only the runs started after the chosen time are listed: ${within}`);
  await page.getByTestId('log-clear').click();
  await page.getByTestId('log-total').and(page.locator('[data-total="60"]')).waitFor();

  await page.locator('[data-testid="run-now"][data-flow="orders"]').click();
  const progress = page.getByTestId('run-progress');
  await progress.waitFor();
  await progress.getByText(/Skickar anrop \d av 3/).waitFor();
  assert.equal(
    await page.locator('[data-testid="run-now"][data-flow="stock"]').isDisabled(),
    true,
    'one run at a time while progress shows',
  );
  await screenshot(page, 'runs-progress');
  await page.getByTestId('run-done').waitFor();
  await page.getByTestId('log-total').and(page.locator('[data-total="61"]')).waitFor();
  assert.equal(await rows.first().getAttribute('data-flow'), 'orders', 'the new run is first in the log');

  const dead = page.locator('[data-testid="call-row"][data-state="dead"]');
  assert.match(await dead.getByTestId('call-error').textContent(), /X-1 does not exist/, 'the reason is shown');
  await dead.getByTestId('call-retry').click();
  await page.getByTestId('retry-result').waitFor();
  await page.locator('[data-testid="call-row"][data-call-id="77"][data-state="retrying"]').waitFor();
  const sent = await page.evaluate(() => globalThis.BryggaMockRequests.filter((r) => r.cmd === 'retry_calls'));
  assert.deepEqual(sent, [{ cmd: 'retry_calls', req: { ids: [77] } }], 'exactly the dead call is retried');
  assert.deepEqual(
    await page.evaluate(() => globalThis.BryggaMockRequests.filter((r) => r.cmd === 'run_flow_now').map((r) => r.req)),
    [{ flow: 'orders' }],
  );
  await screenshot(page, 'runs-sync-log');
});
