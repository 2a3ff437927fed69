// The merchant's two systems for the desktop tests that set Brygga up from scratch: the simulated
// Starweb shop and Ongoing warehouse run as `brygga sim` processes on loopback, and the people
// around them are played through the simulators' control routes: a customer checks out, the 3PL
// releases, picks and ships.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Starts one `brygga sim` and resolves with the lines it printed once it serves. */
function startSimulator(cli, args) {
  const child = spawn(cli, ['sim', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = [];
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`brygga sim ${args[0]} stopped early (exit ${code})`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (line.startsWith('control routes:')) {
        child.removeAllListeners('exit');
        resolve({ child, lines });
      }
    });
  });
}

function field(lines, pattern, what) {
  for (const line of lines) {
    const match = line.match(pattern);
    if (match) return match[1];
  }
  throw new Error(`brygga sim printed no ${what}: ${lines.join(' | ')}`);
}

/** Both simulators with sample data, and how to log in to each. */
export async function startSystems(cli, { products = 20, orders = 10 } = {}) {
  const warehouse = await startSimulator(cli, ['ongoing', '--products', String(products)]);
  const shop = await startSimulator(cli, ['starweb', '--products', String(products), '--orders', String(orders)]);
  const systems = {
    warehouse: {
      apiUrl: field(warehouse.lines, /simulator: (\S+)/, 'warehouse URL'),
      user: field(warehouse.lines, /user: (\S+)/, 'warehouse user'),
      password: field(warehouse.lines, /password: (\S+)/, 'warehouse password'),
      goodsOwnerId: field(warehouse.lines, /goods owner id: (\d+)/, 'goods owner id'),
      root: field(warehouse.lines, /control routes: (\S+)\/_sim\//, 'warehouse control root'),
    },
    shop: {
      apiUrl: field(shop.lines, /simulator: (\S+)/, 'shop URL'),
      clientId: field(shop.lines, /client id: (\S+)/, 'client id'),
      clientSecret: field(shop.lines, /client secret: (\S+)/, 'client secret'),
      root: field(shop.lines, /control routes: (\S+)\/_sim\//, 'shop control root'),
    },
    stop() {
      warehouse.child.kill('SIGINT');
      shop.child.kill('SIGINT');
    },
  };
  return systems;
}

async function json(response, what) {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A SKU the shop has in stock, so an order of it can be picked in full. */
export async function skuInStock(shop, atLeast = 5) {
  const { data } = await json(await fetch(`${shop.root}/_sim/starweb/stock`), 'shop stock');
  const level = data.find((l) => l.quantity >= atLeast);
  if (!level) throw new Error(`no SKU with ${atLeast} in stock: ${JSON.stringify(data)}`);
  return level.sku;
}

/** Karin Lind checks out one item, paid with Klarna; resolves with the shop order id. */
export async function checkout(shop, { sku, quantity = 1, shippingMethodId }) {
  const body = {
    email: 'karin.lind@example.se',
    delivery: {
      firstName: 'Karin',
      lastName: 'Lind',
      address: 'Kungsgatan 5',
      postalCode: '411 19',
      city: 'Göteborg',
      countryCode: 'SE',
      mobilePhoneNo: '+46709876543',
    },
    lines: [{ sku, quantity }],
    shippingMethodId,
    paymentMethodId: 21,
  };
  const placed = await json(
    await fetch(`${shop.root}/_sim/starweb/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    'checkout',
  );
  return placed.data.orderId;
}

/** The warehouse's id of the order with this number, or null while the warehouse has none. */
export async function warehouseOrderId(warehouse, orderNumber) {
  const auth = Buffer.from(`${warehouse.user}:${warehouse.password}`).toString('base64');
  const url = `${warehouse.apiUrl}api/v1/orders?goodsOwnerId=${warehouse.goodsOwnerId}&orderNumber=${orderNumber}`;
  const orders = await json(await fetch(url, { headers: { authorization: `Basic ${auth}` } }), 'warehouse orders');
  return orders[0]?.orderInfo?.orderId ?? null;
}

/** The 3PL releases, picks and ships the order; resolves with the order as the warehouse has it. */
export async function releasePickAndShip(warehouse, orderId) {
  const post = async (action) =>
    json(
      await fetch(`${warehouse.root}/_sim/ongoing/orders/${orderId}/${action}`, { method: 'POST' }),
      `warehouse ${action}`,
    );
  await post('release');
  await post('pick');
  return post('ship');
}

/** The warehouse's id of the purchase order with this number, or null while it has none. */
export async function warehousePurchaseOrderId(warehouse, number) {
  const auth = Buffer.from(`${warehouse.user}:${warehouse.password}`).toString('base64');
  const url = `${warehouse.apiUrl}api/v1/purchaseOrders?goodsOwnerId=${warehouse.goodsOwnerId}&purchaseOrderNumber=${number}`;
  const found = await json(await fetch(url, { headers: { authorization: `Basic ${auth}` } }), 'warehouse purchase orders');
  return found[0]?.purchaseOrderInfo?.purchaseOrderId ?? null;
}

/** The 3PL receives goods for a purchase order: `lines` of `{articleNumber, numberOfItems}`. */
export async function receiveGoods(warehouse, purchaseOrderId, lines, complete = true) {
  return json(
    await fetch(`${warehouse.root}/_sim/ongoing/purchaseOrders/${purchaseOrderId}/receive`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lines, complete }),
    }),
    'goods receipt',
  );
}
