// A stateful stand-in for the orders commands, run in the page before the app (see harness.mjs
// `openApp(url, appInfo, backend)`). It holds 12 000 generated orders, so the list's
// virtualization and paging are exercised, and pages, filters and actions behave like the
// backend's. Order 22000 has travelled to "shipped" with its tracking number and has a call that
// gave up. Plain script, no imports: the page has a frozen Object.prototype and a strict CSP.
(() => {
  const TOTAL = 12_000;
  const TOP = 22_000;
  const START = Date.parse('2026-01-01T00:00:00Z');
  const STATES = ['sent', 'waiting', 'shipped', 'sent', 'held', 'cancelled', 'sent', 'baseline'];
  const SHOP_STATUSES = { 1: 'Ny', 2: 'Plockas', 4: 'Skickad', 9: 'Makulerad' };
  const requests = [];
  globalThis.BryggaMockRequests = requests;

  function row(id) {
    const n = TOP - id;
    const state = id === TOP ? 'shipped' : STATES[n % STATES.length];
    const inWarehouse = state === 'sent' || state === 'shipped';
    const warehouseStatus = state === 'shipped' ? 450 : inWarehouse ? (n % 3 === 0 ? 400 : 200) : null;
    const shopStatusId = state === 'shipped' ? 4 : state === 'cancelled' ? 9 : warehouseStatus === 400 ? 2 : 1;
    return {
      shopOrderId: id,
      createdAt: new Date(START + id * 60_000).toISOString(),
      state,
      locked: warehouseStatus !== null && warehouseStatus >= 300,
      warehouseStatus,
      warehouseStatusText: warehouseStatus === 450 ? 'Skickad' : warehouseStatus === 400 ? 'Plockad' : warehouseStatus === 200 ? 'Öppen-OK' : null,
      shopStatusId,
      shopStatusName: SHOP_STATUSES[shopStatusId] ?? null,
      tracking: id === TOP ? 'SE-TRACK-4711' : state === 'shipped' ? `SE${id}` : null,
      holdMessage: state === 'held' ? 'shipping method 7 is not mapped' : null,
    };
  }

  const orders = [];
  for (let id = TOP; id > TOP - TOTAL; id -= 1) orders.push(row(id));
  const overrides = new Map();
  const current = (id) => overrides.get(id) ?? orders.find((o) => o.shopOrderId === id);

  const calls = [
    {
      id: 11,
      kind: 'warehouse.upsert_order',
      key: '22000@1#0->9f1c',
      status: 'done',
      attempts: 1,
      maxAttempts: 8,
      lastErrorCode: null,
      lastError: null,
      createdAt: '2026-11-20T09:30:05.000Z',
      updatedAt: '2026-11-20T09:30:06.000Z',
      doneAt: '2026-11-20T09:30:06.000Z',
      payload: JSON.stringify({ kind: 'warehouse.upsert_order', shopOrderId: 22000, draft: { orderNumber: '22000', lines: [{ sku: 'MUG-1', quantity: 2 }] } }, null, 2),
    },
    {
      id: 12,
      kind: 'shop.set_status',
      key: '22000@1#0:450->4',
      status: 'dead',
      attempts: 8,
      maxAttempts: 8,
      lastErrorCode: 'shop.unavailable',
      lastError: 'the shop answered 503 Service Unavailable',
      createdAt: '2026-11-20T12:00:00.000Z',
      updatedAt: '2026-11-20T13:00:00.000Z',
      doneAt: null,
      payload: JSON.stringify({ kind: 'shop.set_status', shopOrderId: 22000, statusId: 4, tracking: { number: 'SE-TRACK-4711' } }, null, 2),
    },
  ];

  function entry(id, at, kind, fields) {
    return {
      id,
      at,
      kind,
      side: kind.startsWith('shop.') ? 'shop' : kind.startsWith('warehouse.') ? 'warehouse' : 'brygga',
      outcome: null,
      shopStatusId: null,
      shopStatusName: null,
      warehouseStatus: null,
      warehouseStatusText: null,
      tracking: null,
      trackingUrl: null,
      emailCustomer: null,
      code: null,
      message: null,
      attempts: null,
      callId: null,
      details: '{}',
      ...fields,
    };
  }

  const timeline = [
    entry(1, '2026-11-20T09:30:00.000Z', 'shop.seen', { shopStatusId: 1, shopStatusName: 'Ny' }),
    entry(2, '2026-11-20T09:30:06.000Z', 'warehouse.upsert_order', { outcome: 'done', attempts: 1, callId: 11 }),
    entry(3, '2026-11-20T10:00:00.000Z', 'warehouse.release_order', { outcome: 'done', warehouseStatus: 300 }),
    entry(4, '2026-11-20T11:00:00.000Z', 'warehouse.status', { warehouseStatus: 400, warehouseStatusText: 'Plockad' }),
    entry(5, '2026-11-20T12:00:00.000Z', 'warehouse.status', { warehouseStatus: 450, warehouseStatusText: 'Skickad' }),
    entry(6, '2026-11-20T12:00:00.000Z', 'warehouse.tracking', { tracking: 'SE-TRACK-4711', trackingUrl: 'https://tracking.example/SE-TRACK-4711' }),
    entry(7, '2026-11-20T13:00:00.000Z', 'shop.set_status', {
      outcome: 'dead',
      attempts: 8,
      shopStatusId: 4,
      shopStatusName: 'Skickad',
      warehouseStatus: 450,
      code: 'shop.unavailable',
      message: 'the shop answered 503 Service Unavailable',
      callId: 12,
    }),
  ];

  function requestOf(cmd, args) {
    if (!args || typeof args !== 'object' || !('req' in args)) {
      throw { code: 'validation', message: `${cmd} expects its request under the argument name req` };
    }
    requests.push({ cmd, req: args.req });
    return args.req;
  }

  function matches(order, req) {
    const created = Date.parse(order.createdAt);
    return (
      (req.state === null || order.state === req.state) &&
      (req.locked === null || order.locked === req.locked) &&
      (req.text === null || String(order.shopOrderId).includes(req.text) || (order.tracking ?? '').includes(req.text)) &&
      (req.createdFrom === null || created >= Date.parse(req.createdFrom)) &&
      (req.createdTo === null || created < Date.parse(req.createdTo))
    );
  }

  function detail(id) {
    const order = current(id);
    if (order === undefined) throw { code: 'validation', message: `order ${id} is not known to Brygga` };
    const travelled = id === TOP;
    return {
      order,
      warehouseOrderId: order.warehouseStatus === null ? null : 500_000 + id,
      sentAt: order.warehouseStatus === null ? null : order.createdAt,
      sends: order.warehouseStatus === null ? 0 : 1,
      hold: order.holdMessage === null ? null : { code: 'order.changeRefused', message: order.holdMessage, source: 'plan', clearable: true },
      heldBack: false,
      paid: true,
      releasedBatchId: travelled ? 3 : null,
      shopStatusWritten: travelled ? 2 : null,
      shopStatusWrittenName: travelled ? 'Plockas' : null,
      canResend: !order.locked && order.state !== 'cancelled' && order.state !== 'baseline',
      timeline: travelled ? timeline : [entry(1, order.createdAt, 'shop.seen', { shopStatusId: 1, shopStatusName: 'Ny' })],
      calls: travelled ? calls : [],
      returns: [],
    };
  }

  const later = (value) => new Promise((resolve) => setTimeout(() => resolve(value), 150));

  globalThis.BryggaMockBackend = (cmd, args) => {
    const req = requestOf(cmd, args);
    switch (cmd) {
      case 'list_orders': {
        const found = orders.map((o) => current(o.shopOrderId)).filter((o) => matches(o, req));
        return later({
          orders: found.slice(req.offset, req.offset + req.limit),
          total: found.length,
          offset: req.offset,
          shopStatusNames: true,
        });
      }
      case 'order_detail':
        return detail(req.shopOrderId);
      case 'retry_order_call': {
        const call = calls.find((c) => c.id === req.callId);
        if (call === undefined || call.status !== 'dead') {
          throw { code: 'validation', message: `call ${req.callId} is not a call that gave up` };
        }
        call.status = 'done';
        call.attempts = 1;
        call.doneAt = '2026-11-20T14:00:00.000Z';
        timeline.push(
          entry(8, '2026-11-20T14:00:00.000Z', 'shop.set_status', {
            outcome: 'done',
            attempts: 1,
            shopStatusId: 4,
            shopStatusName: 'Skickad',
            warehouseStatus: 450,
            tracking: 'SE-TRACK-4711',
            emailCustomer: true,
            callId: 12,
          }),
        );
        return later({ outcome: 'done', message: `call ${call.id} was made and accepted`, callId: call.id });
      }
      case 'resend_order': {
        const order = current(req.shopOrderId);
        if (order.locked) return later({ outcome: 'refused', message: 'the warehouse has started on it', callId: null });
        return later({ outcome: 'done', message: 'call 99 was made and accepted', callId: 99 });
      }
      case 'clear_order_hold': {
        const order = current(req.shopOrderId);
        overrides.set(order.shopOrderId, { ...order, state: 'sent', holdMessage: null });
        return later({ outcome: 'cleared', message: `order ${order.shopOrderId} is no longer held`, callId: null });
      }
      default:
        throw { code: 'unknown', message: `no mock for ${cmd}` };
    }
  };
})();
