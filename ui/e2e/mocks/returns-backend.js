// A small stateful stand-in for the returns commands, run in the page before the app (see
// harness.mjs `openApp(url, appInfo, backend)`). Shop orders: 1042 (Anna Svensson, delivered, one
// hat already returned), 1043 (Anna Svensson again, not yet delivered) and 1050 (Bo Ek). Returns
// to begin with: RET-1 a regret purchase announced, RET-2 a complaint that arrived with one
// fewer than announced (and that one sorted out) plus an article never announced, RET-3 an
// unclaimed parcel and RET-4 an unannounced return the warehouse registered itself, RET-5
// already refunded (shown only with the finished ones). Setting `globalThis.BryggaReturnsApiOff = true` makes the warehouse's returns API refuse.
// Plain script, no imports: the page has a frozen Object.prototype and a strict CSP.
(() => {
  const NOW = '2026-11-23T09:00:00.000Z';
  const orders = [
    {
      orderNumber: '1042',
      customerName: 'Anna Svensson',
      email: 'anna@example.se',
      lines: [
        { sku: 'SOCK-1', ordered: 2, delivered: 2, alreadyReturned: 0 },
        { sku: 'HAT-1', ordered: 1, delivered: 1, alreadyReturned: 1 },
        { sku: 'MITT-1', ordered: 3, delivered: 3, alreadyReturned: 0 },
      ],
    },
    {
      orderNumber: '1043',
      customerName: 'Anna Svensson',
      email: 'anna@example.se',
      lines: [{ sku: 'SOCK-2', ordered: 1, delivered: 0, alreadyReturned: 0 }],
    },
    {
      orderNumber: '1050',
      customerName: 'Bo Ek',
      email: 'bo.ek@example.se',
      lines: [{ sku: 'SCARF-9', ordered: 1, delivered: 1, alreadyReturned: 0 }],
    },
  ];
  const causes = [
    { code: 'REGRET', name: 'Ångerköp', removesFromStock: false, commentRequired: false },
    { code: 'SIZE', name: 'Fel storlek', removesFromStock: false, commentRequired: false },
    { code: 'DAMAGED', name: 'Trasig vara', removesFromStock: true, commentRequired: true },
  ];
  const returns = [
    ret('RET-1', 'regret', 'announced', '1040', 'REGRET', [line('SOCK-2', 1, 0, [])]),
    ret('RET-2', 'complaint', 'received', '1031', 'DAMAGED', [line('HAT-2', 2, 1, ['Skadad'], 1), line('SCARF-9', 0, 1, ['Hel'])]),
    ret('RET-3', 'unclaimed', 'announced', '1035', null, [line('MITT-1', 2, 2, ['Hel'])]),
    ret('RET-4', 'unannounced', 'announced', null, null, [line('SOCK-1', 0, 1, ['Hel'])]),
    ret('RET-5', 'regret', 'refunded', '1020', 'REGRET', [line('HAT-1', 1, 1, ['Hel'])]),
  ];
  returns[4].refund = { minorUnits: 29900, currency: 'SEK' };
  returns[0].delivery = { state: 'waiting', message: 'the shop answered 429 Too Many Requests' };
  const requests = [];
  globalThis.BryggaMockRequests = requests;

  function line(sku, announced, received, conditions, removed = 0) {
    return { sku, name: null, announced, received, removed, cause: null, conditions };
  }

  function ret(number, kind, state, orderNumber, cause, lines) {
    return { number, kind, state, orderNumber, cause, lines, note: null, handlingNote: null, refund: null, createdAt: NOW };
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
      orderNumber: order.orderNumber,
      customerName: order.customerName,
      email: order.email,
      delivered: order.lines.some((l) => l.delivered > 0),
      lines: order.lines.map((l) => ({ ...l, returnable: Math.max(0, l.delivered - l.alreadyReturned) })),
    };
  }

  const arrived = (r) => r.lines.some((l) => l.received > 0);

  // Like inbound deviations: fewer only counts once the return is received.
  function differences(r) {
    const finished = r.state !== 'announced';
    return r.lines.flatMap((l) => {
      const kinds = [];
      if (l.announced === 0) {
        if (l.received > 0) kinds.push('unadvised');
      } else if (l.received > l.announced) kinds.push('over');
      else if (l.received < l.announced && finished) kinds.push('under');
      if (l.removed > 0) kinds.push('rejected');
      if (kinds.length === 0) return [];
      return [{ sku: l.sku, announced: l.announced, received: l.received, removed: l.removed, difference: l.received - l.announced, kinds }];
    });
  }

  function summary(r) {
    return {
      number: r.number,
      kind: r.kind,
      state: r.state,
      orderNumber: r.orderNumber,
      cause: r.cause,
      warehouseStatus: arrived(r) ? 'Mottagen' : 'Aviserad',
      announced: r.lines.reduce((sum, l) => sum + l.announced, 0),
      received: r.lines.reduce((sum, l) => sum + l.received, 0),
      differences: differences(r).length,
      waitingForMerchant: arrived(r) && (r.state === 'announced' || r.state === 'received'),
      refund: r.refund,
      delivery: r.delivery ?? { state: 'sent', message: null },
      createdAt: r.createdAt,
    };
  }

  function detail(r) {
    return {
      summary: summary(r),
      note: r.note,
      handlingNote: r.handlingNote,
      lines: r.lines.map((l) => ({ ...l, conditions: [...l.conditions] })),
      differences: differences(r),
    };
  }

  const saved = (r) => ({ detail: detail(r), shopCommentWritten: r.orderNumber !== null, comment: r.orderNumber !== null ? 'written' : 'none', problem: null });

  function find(number) {
    const r = returns.find((x) => x.number === number);
    if (!r) throw { code: 'validation', message: `there is no return ${number}` };
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
    const order = orders.find((o) => o.orderNumber === req.orderNumber);
    if (!order) throw { code: 'validation', message: `there is no shop order ${req.orderNumber}` };
    const problems = [];
    if (!order.lines.some((l) => l.delivered > 0)) {
      problems.push(`order ${order.orderNumber} has not been delivered, so nothing on it can be returned`);
    }
    if (req.kind !== 'regret' && req.kind !== 'complaint') problems.push(`a ${req.kind} return comes from the warehouse`);
    for (const wanted of req.lines) {
      const l = order.lines.find((x) => x.sku === wanted.sku);
      if (!l) problems.push(`${wanted.sku} is not on order ${order.orderNumber}`);
      else if (wanted.quantity > l.delivered - l.alreadyReturned) {
        problems.push(`${wanted.sku}: ${wanted.quantity} is more than can be returned (${l.delivered - l.alreadyReturned} returnable)`);
      }
    }
    const cause = causes.find((c) => c.code === req.cause);
    if (!cause) problems.push(`the warehouse has no return cause "${req.cause}"`);
    else if (cause.commentRequired && !req.note) problems.push(`the return cause ${req.cause} needs a note`);
    if (problems.length > 0) throw { code: 'validation', message: problems.join('; ') };
    for (const wanted of req.lines) order.lines.find((x) => x.sku === wanted.sku).alreadyReturned += wanted.quantity;
    const r = ret(
      `RET-${returns.length + 1}`,
      req.kind,
      'announced',
      order.orderNumber,
      req.cause,
      req.lines.map((l) => line(l.sku, l.quantity, 0, [])),
    );
    r.note = req.note;
    returns.unshift(r);
    return saved(r);
  }

  function setState(req) {
    const r = find(req.number);
    const allowed = {
      announced: ['received', 'closed'],
      received: ['refunded', 'closed'],
      refunded: [],
      closed: [],
    };
    if (!allowed[r.state].includes(req.state)) {
      throw { code: 'validation', message: `a return that is ${r.state} cannot become ${req.state}` };
    }
    if (req.state === 'refunded' && (!req.refund || !Number.isInteger(req.refund.minorUnits) || req.refund.minorUnits <= 0)) {
      throw { code: 'validation', message: 'a refund needs its amount in minor units and its currency' };
    }
    if (req.state === 'closed' && (req.note ?? '').trim() === '') {
      throw { code: 'validation', message: 'closing a return needs a note saying why' };
    }
    r.state = req.state;
    if (req.state === 'refunded') r.refund = req.refund;
    if (req.note) r.handlingNote = req.note;
    return saved(r);
  }

  globalThis.BryggaMockBackend = (cmd, args) => {
    const req = requestOf(cmd, args);
    switch (cmd) {
      case 'find_returnable_orders': {
        const q = req.query.trim().toLowerCase();
        const hits = orders.filter(
          (o) => o.orderNumber === q || o.customerName.toLowerCase().includes(q) || o.email.toLowerCase().includes(q),
        );
        return later({ orders: hits.map(returnable) });
      }
      case 'list_return_causes':
        apiOff();
        return later({ causes });
      case 'register_return':
        return later(register(req));
      case 'list_returns': {
        const shown = returns.filter((r) => req.includeFinished || (r.state !== 'refunded' && r.state !== 'closed'));
        return later({ returns: shown.map(summary), waitingForMerchant: returns.map(summary).filter((r) => r.waitingForMerchant).length }, 50);
      }
      case 'return_detail':
        return later(detail(find(req.number)), 50);
      case 'set_return_state':
        return later(setState(req));
      default:
        throw { code: 'unknown', message: `no mock for ${cmd}` };
    }
  };
})();
