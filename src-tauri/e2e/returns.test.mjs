// The returns screen in the real desktop app in demo mode: both simulators run behind it. An order
// the demo customer placed is released, the simulated 3PL picks and ships it, and a return of one
// unit is registered for it on the returns screen: a return order in the simulated warehouse with
// one of its return causes, listed as announced; then the merchant marks it received and records
// the refund. Run by scripts/desktop-e2e.sh (see dashboard.test.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session } from './webdriver.mjs';

const driver = process.env.BRYGGA_E2E_DRIVER ?? 'http://127.0.0.1:4444';
const application = process.env.BRYGGA_E2E_APP;
const shots = resolve(import.meta.dirname, '../../target/e2e');
mkdirSync(shots, { recursive: true });

test('in demo mode a return is registered for a shipped order, received and refunded', async () => {
  assert.ok(application, 'BRYGGA_E2E_APP names the built desktop binary');
  const dataDir = mkdtempSync(join(tmpdir(), 'brygga-e2e-returns-'));
  const app = await Session.start({ driver, application, args: ['--demo', '--data-dir', dataDir] });
  try {
    await app.waitFor('the navigation', async () => (await app.find('button[data-screen="releaseBatches"]')).length > 0);

    // Release what the demo customers ordered, so the simulated 3PL picks and ships it.
    await app.click('button[data-screen="releaseBatches"]');
    await app.waitFor(
      'orders to release',
      async () => {
        const button = await app.find('[data-testid="release-now"]:not([disabled])');
        return button.length > 0;
      },
      120000,
    );
    await app.click('[data-testid="release-now"]');
    await app.waitFor('the release result', async () => (await app.find('[data-testid="release-result"]')).length > 0, 60000);

    await app.click('button[data-screen="orders"]');
    const order = await app.waitFor(
      'an order shipped by the warehouse',
      () => app.attribute('[data-testid="order-row"][data-state="shipped"]', 'data-order'),
      180000,
    );

    await app.click('button[data-screen="returns"]');
    await app.waitFor(
      'the returns screen',
      async () => (await app.find('[data-testid="return-list"], [data-testid="return-list-empty"], [data-testid="returns-error"]')).length > 0,
      60000,
    );
    assert.equal((await app.find('[data-testid="returns-error"]')).length, 0, 'the returns list loads without an error');

    await app.type('[data-testid="return-search"]', order);
    await app.click('[data-testid="return-search-submit"]');
    await app.waitFor(
      'the order to return from',
      async () => (await app.find(`[data-testid="return-form"][data-order="${order}"]`)).length > 0,
      60000,
    );
    const line = '[data-testid="return-order-line"]:not([data-returnable="0"])';
    const sku = await app.attribute(line, 'data-sku');
    assert.ok(sku, 'a shipped order has a line that can be returned');
    await app.type(`${line} [data-testid="return-qty"]`, '1');
    const cause = await app.waitFor(
      'the warehouse’s return causes',
      async () => {
        if ((await app.find('[data-testid="return-causes-error"]')).length > 0) {
          return `error: ${await app.text('[data-testid="return-causes-error"]')}`;
        }
        return app.attribute('[data-testid="return-cause"] option:not([value=""])', 'value');
      },
      60000,
    );
    assert.doesNotMatch(cause, /^error:/, 'the simulated warehouse lists its return causes');
    await app.choose('[data-testid="return-cause"]', cause);
    await app.type('[data-testid="return-note"]', 'Fel storlek enligt kunden');
    await app.click('[data-testid="return-register"]');

    const registered = await app.waitFor(
      'the registered return or an error',
      async () => {
        if ((await app.find('[data-testid="return-error"]')).length > 0) {
          return `error: ${await app.text('[data-testid="return-error"]')}`;
        }
        if ((await app.find('[data-testid="return-registered"]')).length === 0) return null;
        return app.attribute('[data-testid="return-detail"]', 'data-return');
      },
      60000,
    );
    assert.doesNotMatch(registered, /^error:/, 'the return is registered in the warehouse');
    assert.equal(
      await app.attribute(`[data-testid="return-row"][data-return="${registered}"]`, 'data-order'),
      order,
      'the list shows the return linked to its shop order',
    );
    assert.equal(await app.attribute('[data-testid="return-detail"]', 'data-state'), 'announced');
    writeFileSync(join(shots, 'desktop-returns-registered.png'), await app.screenshot());

    await app.click('[data-testid="return-mark-received"]');
    await app.waitFor(
      'the return received',
      async () => (await app.find('[data-testid="return-detail"][data-state="received"]')).length > 0,
      30000,
    );
    await app.type('[data-testid="return-refund-amount"]', '199,50');
    await app.click('[data-testid="return-mark-refunded"]');
    await app.waitFor(
      'the return refunded',
      async () => (await app.find('[data-testid="return-detail"][data-state="refunded"]')).length > 0,
      30000,
    );
    const refund = (await app.text('[data-testid="return-refund"]')).replace(/[\u00a0\u202f]/g, ' ');
    assert.equal(refund, '199,50 kr', 'the refund is stored in öre and shown in kronor');
    writeFileSync(join(shots, 'desktop-returns-refunded.png'), await app.screenshot());
  } finally {
    await app.end();
  }
});
