// A merchant sets Brygga up from nothing in the real desktop app, in normal mode, against the shop
// and the warehouse as separate simulator processes: the go-live wizard (connections into the real
// keychain, both mappings, settings, the first-sync preview, go live), then an order that travels
// to the warehouse and comes back shipped with its tracking number, then an order held for a
// shipping method left unmapped, fixed from the dashboard, and a delivery that differs from its
// purchase order, reviewed and acknowledged. Run by scripts/desktop-e2e.sh.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session } from './webdriver.mjs';
import {
  checkout,
  receiveGoods,
  releasePickAndShip,
  skuInStock,
  startSystems,
  warehouseOrderId,
  warehousePurchaseOrderId,
} from './systems.mjs';

const driver = process.env.BRYGGA_E2E_DRIVER ?? 'http://127.0.0.1:4444';
const application = process.env.BRYGGA_E2E_APP;
const cli = process.env.BRYGGA_E2E_CLI;
const shots = resolve(import.meta.dirname, '../../target/e2e');
mkdirSync(shots, { recursive: true });

/** Schenker parcel: the suggestion maps it to a carrier. */
const MAPPED_METHOD = 15;
/** PostNord MyPack Home: the merchant leaves it unmapped in the wizard. */
const UNMAPPED_METHOD = 12;

let systems;
let app;

before(async () => {
  assert.ok(application && cli, 'BRYGGA_E2E_APP and BRYGGA_E2E_CLI name the built binaries');
  systems = await startSystems(cli);
  const dataDir = mkdtempSync(join(tmpdir(), 'brygga-e2e-golive-'));
  app = await Session.start({ driver, application, args: ['--data-dir', dataDir] });
});

after(async () => {
  await app?.end();
  systems?.stop();
});

const shot = async (name) => writeFileSync(join(shots, `desktop-${name}.png`), await app.screenshot());
const present = async (selector) => (await app.find(selector)).length > 0;
const attribute = (selector, name) => app.attribute(selector, name);

/** The values of every element matching `selector` (e.g. a select's options). */
async function values(selector) {
  return app.call('POST', '/execute/sync', {
    script: 'return [...document.querySelectorAll(arguments[0])].map((e) => e.value);',
    args: [selector],
  });
}

async function next(step) {
  await app.click('[data-testid="wizard-next"]');
  await app.waitFor(`the wizard step ${step}`, async () =>
    (await attribute('[data-testid="wizard-step"]', 'data-step')) === step,
  );
}

async function runNow(flow) {
  // Through the dashboard, so the sync log opens afresh with no earlier run's "done" on it.
  await app.click('button[data-screen="dashboard"]');
  await app.waitFor('the dashboard', () => present('[data-testid="overview"]'));
  await app.click('button[data-screen="syncLog"]');
  await app.waitFor('the run-now buttons', () => present(`[data-testid="run-now"][data-flow="${flow}"]`));
  await app.click(`[data-testid="run-now"][data-flow="${flow}"]`);
  await app.waitFor(
    `the ${flow} run to finish`,
    async () => (await present('[data-testid="run-done"]')) || (await app.text('[data-testid="run-now-error"]')),
    60000,
  );
  assert.equal(await app.text('[data-testid="run-now-error"]'), null, `running ${flow} now raises no error`);
}

test('a new installation goes live through the wizard against both systems', async () => {
  await app.waitFor('the go-live wizard of a new installation', () => present('[data-testid="go-live-wizard"]'), 30000);

  // Connections: a wrong password gets its own verdict, the right one is saved to the keychain.
  const { warehouse, shop } = systems;
  await app.waitFor('the connection forms', () => present('[data-testid="ongoing-api-url"]'), 30000);
  await app.type('[data-testid="ongoing-api-url"]', warehouse.apiUrl);
  await app.type('[data-testid="ongoing-user"]', warehouse.user);
  await app.type('[data-testid="ongoing-goods-owner"]', warehouse.goodsOwnerId);
  await app.type('[data-testid="ongoing-password"]', 'not-the-password');
  await app.click('[data-testid="ongoing-test"]');
  const wrong = await app.waitFor('the warehouse verdict', () => attribute('[data-testid="ongoing-verdict"]', 'data-verdict'));
  assert.equal(wrong, 'wrongCredentials', 'a wrong password is named as such, not as an unreachable warehouse');
  await app.type('[data-testid="ongoing-password"]', warehouse.password);
  await app.click('[data-testid="ongoing-test"]');
  await app.waitFor('the warehouse to accept the login', async () =>
    (await attribute('[data-testid="ongoing-verdict"]', 'data-verdict')) === 'ok',
  );
  await app.click('[data-testid="ongoing-save"]');
  await app.waitFor('the warehouse connection to be saved', () => present('[data-testid="ongoing-saved"]'));

  await app.type('[data-testid="starweb-api-url"]', shop.apiUrl);
  await app.type('[data-testid="starweb-client-id"]', shop.clientId);
  await app.type('[data-testid="starweb-client-secret"]', shop.clientSecret);
  await app.click('[data-testid="starweb-test"]');
  await app.waitFor('the shop to accept the login', async () =>
    (await attribute('[data-testid="starweb-verdict"]', 'data-verdict')) === 'ok',
  );
  await app.click('[data-testid="starweb-save"]');
  await app.waitFor('the shop connection to be saved', () => present('[data-testid="starweb-saved"]'));
  assert.equal(
    await attribute('[data-testid="starweb-secret-stored"]', 'data-stored'),
    'true',
    'the client secret is in the keychain (the window only learns that it is there)',
  );
  await shot('wizard-connections');

  // Status mapping: the suggestion from both live lists.
  await next('statusMapping');
  await app.waitFor('the status lists', () => present('[data-testid="status-save"]'), 30000);
  if (await present('[data-testid="status-apply-suggestion"]')) await app.click('[data-testid="status-apply-suggestion"]');
  await app.click('[data-testid="status-save"]');
  await app.waitFor('the status mapping to be saved', () => present('[data-testid="status-saved"]'));

  // Transport mapping: the suggestion, less one shipping method the merchant leaves for later.
  await next('transportMapping');
  const unmappedRow = `[data-testid="shipping-method"][data-method="${UNMAPPED_METHOD}"]`;
  await app.waitFor('the shipping methods', () => present(unmappedRow), 30000);
  if (await present('[data-testid="transport-apply-suggestion"]')) await app.click('[data-testid="transport-apply-suggestion"]');
  await app.choose(`${unmappedRow} [data-testid="transport-select"]`, '');
  assert.notEqual(
    await app.call('POST', '/execute/sync', {
      script: 'return document.querySelector(arguments[0]).value;',
      args: [`[data-testid="shipping-method"][data-method="${MAPPED_METHOD}"] [data-testid="transport-select"]`],
    }),
    '',
    'the suggestion maps the Schenker parcel method to a carrier',
  );
  await app.click('[data-testid="transport-save"]');
  await app.waitFor('the transport mapping to be saved', () => present('[data-testid="transport-saved"]'));
  await shot('wizard-transport');

  // Settings as they come, then the preview and going live.
  await next('settings');
  await app.waitFor('the settings', () => present('[data-testid="sync-settings"]'), 30000);
  await next('preview');
  assert.ok(await present('[data-testid="first-sync-guard"]'), 'the first-sync guard is explained before going live');
  await app.click('[data-testid="preview-run"]');
  await app.waitFor('the dry-run plan', () => present('[data-testid="preview-result"]'), 60000);
  await shot('wizard-preview');
  await app.click('[data-testid="go-live"]');
  const live = await app.waitFor(
    'going live',
    async () =>
      ((await present('[data-testid="go-live-result"]')) && 'live') ||
      (await app.text('[data-testid="go-live-error"]')),
    90000,
  );
  assert.equal(live, 'live', 'going live succeeds');
  await shot('wizard-live');
  await app.click('[data-testid="go-live-done"]');
  await app.waitFor('the dashboard', () => present('[data-testid="overview"]'), 30000);
  const runner = await app.waitFor('the scheduler to run', async () =>
    (await attribute('[data-testid="live-status"]', 'data-runner')) === 'true' && 'running',
  );
  assert.equal(runner, 'running', 'after going live the background scheduler runs the integration');
});

test('an order travels to the warehouse and comes back sent with its tracking number', async () => {
  const sku = await skuInStock(systems.shop);
  const order = await checkout(systems.shop, { sku, shippingMethodId: MAPPED_METHOD });
  await runNow('orders');
  const inWarehouse = await app.waitFor('the order in the warehouse', () => warehouseOrderId(systems.warehouse, order));
  const shipped = await releasePickAndShip(systems.warehouse, inWarehouse);
  const waybill = shipped?.orderInfo?.wayBill;
  assert.ok(waybill, `the warehouse shipped the order with a waybill: ${JSON.stringify(shipped?.orderInfo)}`);
  await runNow('statuses');

  await app.click('button[data-screen="orders"]');
  const row = `[data-testid="order-row"][data-order="${order}"]`;
  await app.waitFor(`order ${order} in the list`, () => present(row), 30000);
  await app.click(`${row} [data-testid="order-open"]`);
  await app.waitFor('the tracking event on the timeline', () =>
    present('[data-testid="timeline-entry"][data-kind="warehouse.tracking"]'),
  30000);
  const tracking = await app.text('[data-testid="order-tracking"]');
  assert.ok(tracking?.includes(waybill), `the order page shows the waybill ${waybill} as tracking: ${tracking}`);
  const state = await attribute('[data-testid="order-page"] [data-testid="order-state"]', 'data-state');
  assert.equal(state, 'shipped', 'the order is shown as handed to the carrier');
  await app.scrollIntoView('[data-testid="order-timeline"]');
  await shot('order-shipped');
});

test('an order held for an unmapped shipping method is fixed from the dashboard', async () => {
  const sku = await skuInStock(systems.shop);
  const order = await checkout(systems.shop, { sku, shippingMethodId: UNMAPPED_METHOD });
  await runNow('orders');
  assert.equal(await warehouseOrderId(systems.warehouse, order), null, 'an order with an unmapped method is not sent');

  await app.click('button[data-screen="dashboard"]');
  const item = `[data-testid="attention-item"][data-kind="unmappedShippingMethod"][data-focus="${UNMAPPED_METHOD}"]`;
  await app.waitFor('the unmapped method among what needs attention', () => present(item), 30000);
  await shot('dashboard-attention');
  await app.click(`${item} [data-testid="attention-fix"]`);

  const row = `[data-testid="shipping-method"][data-method="${UNMAPPED_METHOD}"]`;
  await app.waitFor('the method, focused, on the transport mapping', async () =>
    (await attribute(row, 'data-focused')) === 'true',
  30000);
  // The row names the order it holds up (after the screen has read the mapping afresh).
  await app.waitFor(`the row to name order ${order}`, async () =>
    ((await app.text(`${row} [data-testid="held-orders"]`)) ?? '').includes(String(order)),
  30000);
  const carrier = (await values(`${row} [data-testid="transport-select"] option`)).find((v) => v.startsWith('carrier|'));
  assert.ok(carrier, 'the live transporter contracts are offered');
  await app.choose(`${row} [data-testid="transport-select"]`, carrier);
  await app.click('[data-testid="transport-save"]');
  await app.waitFor('the mapping to be saved', () => present('[data-testid="transport-saved"]'));
  await shot('transport-fixed');

  await runNow('orders');
  const sent = await app.waitFor('the held order in the warehouse', () => warehouseOrderId(systems.warehouse, order));
  assert.ok(sent, 'once its method is mapped the held order goes to the warehouse');
});

test('a delivery that differs from its purchase order is reviewed and acknowledged', async () => {
  const sku = await skuInStock(systems.shop);
  await app.click('button[data-screen="inbound"]');
  await app.waitFor('the purchase orders', () => present('[data-testid="po-list"], [data-testid="po-list-empty"]'), 30000);
  await app.click('[data-testid="po-new"]');
  await app.waitFor('the purchase order form', () => present('[data-testid="po-form"]'));
  await app.type('[data-testid="po-supplier"]', 'Garnhuset AB');
  await app.type('[data-testid="po-line-sku"]', sku);
  await app.type('[data-testid="po-line-qty"]', '10');
  await app.click('[data-testid="po-save"]');
  const number = await app.waitFor(
    'the purchase order to be saved',
    async () => (await app.text('[data-testid="po-error"]')) || app.attribute('[data-testid="po-detail"]', 'data-po'),
    60000,
  );
  assert.match(number, /^PO-\d{6}$/, 'the purchase order is saved under Brygga\u2019s number');
  const advised = await warehousePurchaseOrderId(systems.warehouse, number);
  assert.ok(advised, 'saving pre-advises the purchase order to the warehouse');

  // The 3PL counts twelve where ten were ordered, and reports the delivery done.
  await receiveGoods(systems.warehouse, advised, [{ articleNumber: sku, numberOfItems: 12 }]);
  await runNow('purchaseOrders');

  await app.click('button[data-screen="inbound"]');
  const row = `[data-testid="deviation-row"][data-po="${number}"][data-sku="${sku}"]`;
  await app.waitFor('the deviation to be listed', () => present(`${row}[data-open="true"]`), 30000);
  assert.match((await attribute(row, 'data-kind')) ?? '', /over/, 'two more than advised is an over-delivery');
  assert.match((await app.text(`${row} [data-testid="deviation-difference"]`)) ?? '', /2/, 'the difference is two units');
  await shot('inbound-deviation');
  await app.type(`${row} [data-testid="deviation-note"]`, 'Två extra, behålls');
  await app.click(`${row} [data-testid="deviation-ack"]`);
  await app.waitFor('the deviation to be acknowledged', async () =>
    !(await present(`[data-testid="deviation-row"][data-po="${number}"][data-sku="${sku}"][data-open="true"]`)),
  30000);
});
