// The inbound screen in the real desktop app in demo mode: both simulators run behind it, so a
// purchase order created on the screen goes through the real engine and outbox to the simulated
// warehouse, which pre-advises it; a change while it is only advised is taken, and cancelling it
// takes it back. Then the go-live stock-in pre-advises every stock article of the warehouse. Run by scripts/desktop-e2e.sh (see dashboard.test.mjs).

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

test('in demo mode a purchase order made on the inbound screen is advised to the warehouse, changed and cancelled', async () => {
  assert.ok(application, 'BRYGGA_E2E_APP names the built desktop binary');
  const dataDir = mkdtempSync(join(tmpdir(), 'brygga-e2e-inbound-'));
  const app = await Session.start({ driver, application, args: ['--demo', '--data-dir', dataDir] });
  try {
    await app.waitFor('the navigation', async () => (await app.find('button[data-screen="products"]')).length > 0);

    // A purchase order may only name articles the warehouse knows: take one the demo has sent.
    await app.click('button[data-screen="products"]');
    const sku = await app.waitFor(
      'an article the warehouse has accepted',
      () => app.attribute('[data-testid="product-row"][data-state="current"]', 'data-sku'),
      120000,
    );

    await app.click('button[data-screen="inbound"]');
    const shown = await app.waitFor(
      'the purchase orders or an error',
      async () => {
        if ((await app.find('[data-testid="inbound-error"]')).length > 0) {
          return `error: ${await app.text('[data-testid="inbound-error"]')}`;
        }
        return (await app.find('[data-testid="po-list"], [data-testid="po-list-empty"]')).length > 0 ? 'list' : null;
      },
      60000,
    );
    assert.equal(shown, 'list', 'the inbound screen renders without an error');

    await app.click('[data-testid="po-new"]');
    await app.waitFor('the purchase order form', async () => (await app.find('[data-testid="po-form"]')).length > 0);
    await app.type('[data-testid="po-supplier"]', 'Garnhuset AB');
    await app.type('[data-testid="po-reference"]', 'GH-4471');
    await app.type('[data-testid="po-line-sku"]', sku);
    await app.type('[data-testid="po-line-qty"]', '12');
    await app.click('[data-testid="po-save"]');

    const saved = await app.waitFor(
      'the saved purchase order or an error',
      async () => {
        if ((await app.find('[data-testid="po-error"]')).length > 0) {
          return `error: ${await app.text('[data-testid="po-error"]')}`;
        }
        return app.attribute('[data-testid="po-detail"]', 'data-po');
      },
      60000,
    );
    assert.match(saved, /^PO-\d{6}$/, 'the purchase order is saved under Brygga’s number');
    assert.equal(
      await app.attribute('[data-testid="po-saved"]', 'data-accepted'),
      'true',
      'the warehouse took the purchase order at once',
    );
    assert.equal(await app.text('[data-testid="po-detail"] [data-testid="po-stage"]'), 'Aviserad');
    assert.equal(
      await app.text(`[data-testid="po-row"][data-po="${saved}"] [data-testid="po-stage"]`),
      'Aviserad',
      'the list shows it advised',
    );
    writeFileSync(join(shots, 'desktop-inbound-created.png'), await app.screenshot());

    // While only advised, it may still be changed.
    await app.click('[data-testid="po-edit"]');
    await app.waitFor('the form with the purchase order', async () => (await app.find('[data-testid="po-form"]')).length > 0);
    await app.type('[data-testid="po-line-qty"]', '20');
    await app.click('[data-testid="po-save"]');
    await app.waitFor(
      'the change to be taken',
      async () => {
        if ((await app.find('[data-testid="po-error"]')).length > 0) {
          throw new Error(`refused: ${await app.text('[data-testid="po-error"]')}`);
        }
        return (await app.attribute('[data-testid="po-saved"]', 'data-accepted')) === 'true';
      },
      60000,
    );
    assert.match(
      (await app.text(`[data-testid="po-detail"] [data-testid="po-line-row"][data-sku="${sku}"]`)) ?? '',
      /20/,
      'the changed quantity is shown',
    );

    await app.click('[data-testid="po-cancel"]');
    await app.click('[data-testid="po-cancel-yes"]');
    await app.waitFor(
      'the purchase order to be cancelled',
      async () => (await app.attribute('[data-testid="po-detail"]', 'data-stage')) === 'cancelled',
      60000,
    );
    await app.waitFor(
      'the cancelled purchase order to leave the list',
      async () => (await app.find(`[data-testid="po-row"][data-po="${saved}"]`)).length === 0,
      30000,
    );
    writeFileSync(join(shots, 'desktop-inbound-cancelled.png'), await app.screenshot());

    // The go-live stock-in: every stock article the warehouse has, one of each, after a
    // confirmation that says how many lines it gets.
    await app.type('[data-testid="po-stock-in-qty"]', '1');
    await app.click('[data-testid="po-stock-in"]');
    const lines = await app.waitFor(
      'the confirmation with the number of lines',
      () => app.attribute('[data-testid="po-stock-in-confirm"]', 'data-lines'),
      60000,
    );
    assert.ok(Number(lines) > 0, `the demo warehouse has stock articles (confirmation says ${lines})`);
    await app.click('[data-testid="po-stock-in-yes"]');
    const result = await app.waitFor(
      'the stock-in result or an error',
      async () => {
        if ((await app.find('[data-testid="po-stock-in-error"]')).length > 0) {
          return `error: ${await app.text('[data-testid="po-stock-in-error"]')}`;
        }
        return (await app.find('[data-testid="po-stock-in-result"]')).length > 0 && app.text('[data-testid="po-stock-in-result"]');
      },
      60000,
    );
    assert.match(result, new RegExp(`^PO-\\d{6} är skapad med ${lines} rader\\.`), 'as many lines as the confirmation said');
    const stockIn = await app.waitFor('the stock-in purchase order opened', () => app.attribute('[data-testid="po-detail"]', 'data-po'));
    assert.notEqual(stockIn, saved, 'the stock-in is a purchase order of its own');
    await app.scrollIntoView('[data-testid="stock-in"]');
    writeFileSync(join(shots, 'desktop-inbound-stock-in.png'), await app.screenshot());
  } finally {
    await app.end();
  }
});
