// A small stateful stand-in for the returns commands, run in the page before the app (see
// harness.mjs `openApp(url, appInfo, backend)`). Shop orders: 1042 (Anna Svensson, delivered, one
// hat already returned), 1043 (Anna Svensson again, not yet delivered) and 1050 (Bo Ek). Returns
// to begin with: RET-1 a regret purchase announced, RET-2 a complaint received with one fewer than
// announced and an article never announced, RET-3 an unclaimed parcel and RET-4 an unannounced
// return the warehouse registered itself, RET-5 already refunded (shown only with the finished
// ones). Setting `globalThis.BryggaReturnsApiOff = true` makes the warehouse's returns API refuse.
// Plain script, no imports: the page has a frozen Object.prototype and a strict CSP.
(() => {
  const NOW = '2026-11-23T09:00:00.000Z';
  const orders = [
    {
      orderId: '1042',
      customerName: 'Anna Svensson',
      email: 'anna@example.se',
      placedAt: '2026-11-18T10:12:00.000Z',
      lines: [
        { sku: 'SOCK-1', name: 'Ullsocka grå', ordered: 2, delivered: 2, returned: 0 },
        { sku: 'HAT-1', name: 'Mössa', ordered: 1, delivered: 1, returned: 1 },
        { sku: 'MITT-1', name: 'Vante', ordered: 3, delivered: 3, returned: 0 },
      ],
    },
    {
      orderId: '1043',
      customerName: 'Anna Svensson',
      email: 'anna@example.se',
      placedAt: '2026-11-22T08:40:00.000Z',
      lines: [{ sku: 'SOCK-2', name: 'Bomullssocka', ordered: 1, delivered: 0, returned: 0 }],
    },
    {
      orderId: '1050',
      customerName: 'Bo Ek',
      email: 'bo.ek@example.se',
      placedAt: '2026-11-15T14:00:00.000Z',
      lines: [{ sku: 'SCARF-9', name: 'Halsduk', ordered: 1, delivered: 1, returned: 0 }],
    },
  ];
  const causes = [
    { code: 'REGRET', name: 'Ångerköp' },
    { code: 'SIZE', name: 'Fel storlek' },
    { code: 'DAMAGED', name: 'Trasig vara' },
  ];
  const returns = [
    ret('RET-1', 'regret', 'announced', '1040', 'Carl Berg', 'Ångerköp', [{ sku: 'SOCK-2', announced: 1, received: 0, condition: null }]),
    ret('RET-2', 'complaint', 'received', '1031', 'Dana Lind', 'Trasig vara', [
      { sku: 'HAT-2', announced: 2, received: 1, condition: 'Skadad' },
      { sku: 'SCARF-9', announced: 0, received: 1, condition: 'Hel' },
    ]),
    ret('RET-3', 'unclaimed', 'received', '1035', 'Eva Holm', null, [{ sku: 'MITT-1', announced: 2, received: 2, condition: 'Hel' }]),
    ret('RET-4', 'unannounced', 'received', null, null, null, [{ sku: 'SOCK-1', announced: 0, received: 1, condition: 'Hel' }]),
    ret('RET-5', 'regret', 'refunded', '1020', 'Fia Ström', 'Ångerköp', [{ sku: 'HAT-1', announced: 1, received: 1, condition: 'Hel' }]),
  ];
  returns[4].refund = { minorUnits: 29900, currency: 'SEK' };
  const requests = [];
  globalThis.BryggaMockRequests = requests;

  function ret(id, kind, state, orderId, customerName, cause, lines) {
    return {
      id,
      kind,
      state,
      orderId,
      customerName,
      cause,
      lines,
      note: null,
      handlingNote: null,
      refund: null,
      registeredAt: NOW,
      receivedAt: state === 'announced' ? null : NOW,
    };
  }

  function requestOf(cmd, args) {
    if (!args || typeof args !== 'object' || !('req' in args)) {
      throw { code: 'validation', message: `${cmd} expects its request under the argument name req` };
    }
    requests.push({ cmd, req: args.req });
    return args.req;
  }

  const later = (value, ms = 150) => new Promise((resolve) => setTimeout(() => resolve(value), ms));

  function returnable(order) {
    return {
      orderId: order.orderId,
      customerName: order.customerName,
      email: order.email,
      placedAt: order.placedAt,
      delivered: order.lines.some((l) => l.delivered > 0),
      lines: order.lines.map((l) => ({ ...l, returnable: Math.max(0, l.delivered - l.returned) })),
    };
  }

  function summary(r) {
    return {
      id: r.id,
      kind: r.kind,
      state: r.state,
      orderId: r.orderId,
      customerName: r.customerName,
      cause: r.cause,
      announcedUnits: r.lines.reduce((sum, l) => sum + l.announced, 0),
      receivedUnits: r.lines.reduce((sum, l) => sum + l.received, 0),
      differences: r.receivedAt === null ? 0 : r.lines.filter((l) => l.received !== l.announced).length,
      registeredAt: r.registeredAt,
      refund: r.refund,
    };
  }

  function detail(r) {
    return {
      summary: summary(r),
      lines: r.lines.map((l) => ({ ...l })),
      note: r.note,
      handlingNote: r.handlingNote,
      receivedAt: r.receivedAt,
    };
  }

  function find(id) {
    const r = returns.find((x) => x.id === id);
    if (!r) throw { code: 'validation', message: `there is no return ${id}` };
    return r;
  }

  function apiOff() {
    if (globalThis.BryggaReturnsApiOff) {
      throw {
        code: 'remoteRefused',
        message:
          'the warehouse refused the returns call: its return-order API is not switched on; ask the 3PL to enable "ReturnOrders" for the goods owner in Ongoing',
      };
    }
  }

  function register(req) {
    apiOff();
    const order = orders.find((o) => o.orderId === req.orderId);
    if (!order) throw { code: 'validation', message: `there is no shop order ${req.orderId}` };
    if (!order.lines.some((l) => l.delivered > 0)) {
      throw { code: 'validation', message: `order ${order.orderId} has not been delivered, so nothing can be returned` };
    }
    const problems = [];
    for (const line of req.lines) {
      const l = order.lines.find((x) => x.sku === line.sku);
      if (!l) problems.push(`order ${order.orderId} has no line ${line.sku}`);
      else if (line.quantity > l.delivered - l.returned) {
        problems.push(`${line.sku}: ${line.quantity} is more than the ${l.delivered - l.returned} that can be returned`);
      }
    }
    if (!causes.some((c) => c.code === req.causeCode)) problems.push(`${req.causeCode} is not one of the warehouse's return causes`);
    if (problems.length > 0) throw { code: 'validation', message: problems.join('; ') };
    for (const line of req.lines) order.lines.find((x) => x.sku === line.sku).returned += line.quantity;
    const r = ret(
      `RET-${returns.length + 1}`,
      req.kind,
      'announced',
      order.orderId,
      order.customerName,
      causes.find((c) => c.code === req.causeCode).name,
      req.lines.map((l) => ({ sku: l.sku, announced: l.quantity, received: 0, condition: null })),
    );
    r.note = req.note;
    returns.unshift(r);
    return { detail: detail(r) };
  }

  function setState(req) {
    const r = find(req.id);
    const allowed = {
      announced: ['received', 'closed'],
      received: ['refunded', 'closed'],
      refunded: [],
      closed: [],
    };
    if (!allowed[r.state].includes(req.state)) {
      throw { code: 'validation', message: `return ${r.id} is ${r.state} and cannot become ${req.state}` };
    }
    if (req.state === 'refunded' && (!req.refund || !Number.isInteger(req.refund.minorUnits))) {
      throw { code: 'validation', message: 'a refund needs its amount in minor units and its currency' };
    }
    if (req.state === 'closed' && (req.note ?? '').trim() === '') {
      throw { code: 'validation', message: 'closing a return needs a note saying why' };
    }
    r.state = req.state;
    if (req.state === 'received' && r.receivedAt === null) r.receivedAt = NOW;
    if (req.state === 'refunded') r.refund = req.refund;
    if (req.note) r.handlingNote = req.note;
    return detail(r);
  }

  globalThis.BryggaMockBackend = (cmd, args) => {
    const req = requestOf(cmd, args);
    switch (cmd) {
      case 'find_returnable_orders': {
        const q = req.query.trim().toLowerCase();
        const hits = orders.filter(
          (o) => o.orderId === q || o.customerName.toLowerCase().includes(q) || o.email.toLowerCase() === q,
        );
        return later({ orders: hits.map(returnable) });
      }
      case 'return_causes':
        apiOff();
        return later({ causes });
      case 'register_return':
        return later(register(req));
      case 'list_returns':
        return later(
          { returns: returns.filter((r) => req.includeClosed || (r.state !== 'refunded' && r.state !== 'closed')).map(summary) },
          50,
        );
      case 'return_detail':
        return later(detail(find(req.id)), 50);
      case 'set_return_state':
        return later(setState(req));
      default:
        throw { code: 'unknown', message: `no mock for ${cmd}` };
    }
  };
})();
