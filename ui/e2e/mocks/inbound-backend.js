// A small stateful stand-in for the inbound commands, run in the page before the app (see
// harness.mjs `openApp(url, appInfo, backend)`). Three purchase orders to begin with: PO-000001
// received with deviations (short, over, an unadvised article), PO-000002 advised but about to be
// received by the warehouse (so a change is refused), PO-000003 the go-live stock-in, received as
// advised. New purchase orders are accepted by the "warehouse" at once; the go-live stock-in is
// counted and made from the five stock articles of `warehouseArticles`. Plain script, no imports:
// the page has a frozen Object.prototype and a strict CSP.
(() => {
  const NOW = '2026-11-23T09:00:00.000Z';
  const orders = [
    {
      number: 'PO-000001',
      kind: 'regular',
      supplier: 'Garnhuset AB',
      reference: 'GH-4471',
      expectedDate: '2026-11-20',
      remark: 'Lossning vid port 2',
      lines: [
        { sku: 'SOCK-1', quantity: 10 },
        { sku: 'HAT-1', quantity: 5 },
        { sku: 'MITT-1', quantity: 4 },
      ],
      stage: 'received',
      warehouseStatus: 500,
      warehouseStatusText: 'Inlevererad',
      refusal: null,
      // Per SKU what the warehouse reported, and the acknowledgement if any.
      receipts: [
        { sku: 'SOCK-1', advised: 10, received: 8, rejected: 0, ack: null },
        { sku: 'HAT-1', advised: 5, received: 7, rejected: 1, ack: null },
        { sku: 'MITT-1', advised: 4, received: 4, rejected: 0, ack: null },
        { sku: 'SCARF-9', advised: 0, received: 2, rejected: 0, ack: null },
      ],
    },
    {
      number: 'PO-000002',
      kind: 'regular',
      supplier: 'Ullfabriken',
      reference: null,
      expectedDate: '2026-11-27',
      remark: null,
      lines: [{ sku: 'SOCK-2', quantity: 24 }],
      stage: 'advised',
      warehouseStatus: 100,
      warehouseStatusText: 'Aviserad',
      refusal: null,
      receipts: [],
      // The warehouse starts receiving it before the merchant's change arrives.
      startsReceiving: true,
    },
    {
      number: 'PO-000003',
      kind: 'initialStockIn',
      supplier: 'Initial inleverans',
      reference: null,
      expectedDate: null,
      remark: null,
      lines: [{ sku: 'SOCK-1', quantity: 3 }],
      stage: 'received',
      warehouseStatus: 500,
      warehouseStatusText: 'Inlevererad',
      refusal: null,
      receipts: [{ sku: 'SOCK-1', advised: 3, received: 3, rejected: 0, ack: null }],
    },
  ];
  const warehouseArticles = ['SOCK-1', 'SOCK-2', 'HAT-1', 'MITT-1', 'SCARF-9'];
  const requests = [];
  globalThis.BryggaMockRequests = requests;

  function requestOf(cmd, args) {
    if (!args || typeof args !== 'object' || !('req' in args)) {
      throw { code: 'validation', message: `${cmd} expects its request under the argument name req` };
    }
    requests.push({ cmd, req: args.req });
    return args.req;
  }

  const later = (value, ms = 150) => new Promise((resolve) => setTimeout(() => resolve(value), ms));

  function find(number) {
    const po = orders.find((o) => o.number === number);
    if (!po) throw { code: 'validation', message: `there is no purchase order ${number}` };
    return po;
  }

  function kindsOf(r, finished) {
    const kinds = [];
    const difference = r.received - r.advised;
    if (r.advised === 0) {
      if (r.received > 0) kinds.push('unadvised');
    } else if (difference > 0) kinds.push('over');
    else if (difference < 0 && finished) kinds.push('under');
    if (r.rejected > 0) kinds.push('rejected');
    const order = ['over', 'under', 'rejected', 'unadvised'];
    return kinds.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }

  function deviations(po) {
    const finished = po.stage === 'received';
    return po.receipts.flatMap((r) => {
      const kinds = kindsOf(r, finished);
      if (kinds.length === 0) return [];
      const difference = r.received - r.advised;
      const open = !(r.ack && r.ack.received === r.received && r.ack.rejected === r.rejected && r.ack.advised === r.advised);
      return [
        {
          number: po.number,
          supplier: po.supplier,
          sku: r.sku,
          advised: r.advised,
          received: r.received,
          rejected: r.rejected,
          difference,
          differencePercent: r.advised > 0 ? Math.round((difference * 1000) / r.advised) / 10 : null,
          kinds,
          open,
          note: r.ack ? r.ack.note : null,
          acknowledgedAt: r.ack ? r.ack.at : null,
          readAt: NOW,
        },
      ];
    });
  }

  function summary(po) {
    const editable = po.stage === 'notSent' || po.stage === 'advised';
    return {
      number: po.number,
      kind: po.kind,
      supplier: po.supplier,
      reference: po.reference,
      expectedDate: po.expectedDate,
      stage: po.stage,
      warehouseStatus: po.warehouseStatus,
      warehouseStatusText: po.warehouseStatusText,
      lineCount: po.lines.length,
      advisedUnits: po.lines.reduce((sum, l) => sum + l.quantity, 0),
      receivedUnits: po.receipts.reduce((sum, r) => sum + r.received, 0),
      openDeviations: deviations(po).filter((d) => d.open).length,
      editable,
      refusal: po.refusal,
      inWarehouse: po.stage !== 'notSent',
      createdAt: NOW,
      updatedAt: NOW,
      checkedAt: po.receipts.length > 0 ? NOW : null,
    };
  }

  function lockedReason(po) {
    if (po.stage === 'receiving' || po.stage === 'received') {
      return `the warehouse has started receiving purchase order ${po.number} (warehouse status ${po.warehouseStatus} ${po.warehouseStatusText})`;
    }
    if (po.stage === 'cancelled' || po.stage === 'cancelling') return `purchase order ${po.number} is cancelled`;
    return null;
  }

  function detail(po) {
    const lines = po.lines.map((l) => {
      const r = po.receipts.find((x) => x.sku === l.sku);
      return { sku: l.sku, ordered: l.quantity, advised: r ? r.advised : null, received: r ? r.received : 0, rejected: r ? r.rejected : 0 };
    });
    for (const r of po.receipts) {
      if (!po.lines.some((l) => l.sku === r.sku)) {
        lines.push({ sku: r.sku, ordered: 0, advised: r.advised, received: r.received, rejected: r.rejected });
      }
    }
    return { summary: summary(po), remark: po.remark, lines, deviations: deviations(po), lockedReason: lockedReason(po) };
  }

  function checkForm(form) {
    const problems = [];
    if (form.supplier.trim() === '') problems.push('the supplier is empty');
    if (form.lines.length === 0) problems.push('the purchase order has no lines');
    const seen = new Map();
    form.lines.forEach((l, i) => {
      const n = i + 1;
      if (l.sku.trim() === '') problems.push(`line ${n} has no SKU`);
      else if (l.quantity <= 0) problems.push(`line ${n}: the quantity of '${l.sku}' is ${l.quantity}; it must be above zero`);
      if (seen.has(l.sku)) problems.push(`line ${n}: '${l.sku}' is already on line ${seen.get(l.sku)}; put the whole quantity on one line`);
      else seen.set(l.sku, n);
    });
    if (problems.length > 0) throw { code: 'validation', message: problems.join('; ') };
  }

  function create(kind, form) {
    checkForm(form);
    const po = {
      number: `PO-${String(orders.length + 1).padStart(6, '0')}`,
      kind,
      supplier: form.supplier.trim(),
      reference: form.reference,
      expectedDate: form.expectedDate,
      remark: form.remark,
      lines: form.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
      stage: 'advised',
      warehouseStatus: 100,
      warehouseStatusText: 'Aviserad',
      refusal: null,
      receipts: [],
    };
    orders.unshift(po);
    return { detail: detail(po), accepted: true, problem: null };
  }

  function parse(text) {
    const lines = [];
    const errors = [];
    const first = new Map();
    let seenContent = false;
    text
      .replace(/^\ufeff/, '')
      .split(/\r?\n/)
      .forEach((raw, index) => {
        const number = index + 1;
        const row = raw.trim();
        if (row === '') return;
        const firstRow = !seenContent;
        seenContent = true;
        const fields = row.split(/[;,\t]/).map((f) => f.trim());
        const fail = (reason) => errors.push({ line: number, text: raw, reason });
        if (fields.length !== 2) return fail(`expected two fields, SKU and quantity, separated by ';', found ${fields.length}`);
        const [sku, quantity] = fields;
        if (firstRow && Number.isNaN(Number(quantity))) return undefined;
        if (sku === '') return fail('the SKU is empty');
        if (!/^-?\d+$/.test(quantity)) return fail(`the quantity '${quantity}' is not a whole number`);
        if (Number(quantity) <= 0) return fail(`the quantity ${quantity} is not above zero`);
        if (first.has(sku)) return fail(`'${sku}' is already on line ${first.get(sku)}; put the whole quantity on one row`);
        first.set(sku, number);
        lines.push({ sku, quantity: Number(quantity) });
        return undefined;
      });
    if (errors.length > 0) return { lines: [], errors, unknownSkus: [] };
    return { lines, errors, unknownSkus: lines.map((l) => l.sku).filter((sku) => !warehouseArticles.includes(sku)) };
  }

  // The go-live lines: stock articles matching the filter, with their own or the default quantity.
  function stockInLines(req) {
    const filter = (req.skuFilter ?? '').toLowerCase();
    const quantities = new Map(req.quantities.map((q) => [q.sku, q.quantity]));
    return warehouseArticles
      .filter((sku) => sku.toLowerCase().includes(filter))
      .flatMap((sku) => {
        const quantity = quantities.get(sku) ?? req.defaultQuantity;
        return quantity === null || quantity === undefined ? [] : [{ sku, quantity }];
      });
  }

  globalThis.BryggaMockBackend = (cmd, args) => {
    const req = requestOf(cmd, args);
    switch (cmd) {
      case 'list_purchase_orders': {
        const shown = orders.filter((po) => req.includeCancelled || po.stage !== 'cancelled').map(summary);
        return { purchaseOrders: shown, openDeviations: shown.reduce((sum, po) => sum + po.openDeviations, 0) };
      }
      case 'purchase_order_detail':
        return detail(find(req.number));
      case 'create_purchase_order':
        return later(create('regular', req));
      case 'update_purchase_order': {
        const po = find(req.number);
        if (po.startsReceiving) {
          po.stage = 'receiving';
          po.warehouseStatus = 200;
          po.warehouseStatusText = 'Ankomstregistrerad';
          po.receipts = po.lines.map((l) => ({ sku: l.sku, advised: l.quantity, received: 6, rejected: 0, ack: null }));
        }
        const locked = lockedReason(po);
        if (locked !== null) {
          throw { code: 'remoteRefused', message: `purchase order ${po.number} cannot be changed: ${locked}` };
        }
        checkForm(req.purchaseOrder);
        Object.assign(po, {
          supplier: req.purchaseOrder.supplier,
          reference: req.purchaseOrder.reference,
          expectedDate: req.purchaseOrder.expectedDate,
          remark: req.purchaseOrder.remark,
          lines: req.purchaseOrder.lines,
        });
        return later({ detail: detail(po), accepted: true, problem: null });
      }
      case 'cancel_purchase_order': {
        const po = find(req.number);
        const locked = lockedReason(po);
        if (locked !== null) {
          throw { code: 'remoteRefused', message: `purchase order ${po.number} cannot be cancelled: ${locked}` };
        }
        po.stage = 'cancelled';
        po.warehouseStatus = 1000;
        po.warehouseStatusText = 'Makulerad';
        return later({ detail: detail(po), accepted: true, problem: null });
      }
      case 'parse_purchase_order_lines':
        return later(parse(req.text), 50);
      case 'preview_initial_stock_in': {
        const lines = stockInLines(req);
        return later({ lines: lines.length, units: lines.reduce((sum, l) => sum + l.quantity, 0) });
      }
      case 'create_initial_stock_in': {
        const lines = stockInLines(req);
        return later(
          create('initialStockIn', {
            supplier: req.supplier ?? 'Initial stock-in',
            reference: null,
            expectedDate: req.expectedDate,
            remark: req.remark,
            lines,
          }),
        );
      }
      case 'list_deviations': {
        const all = orders.flatMap(deviations).filter((d) => req.includeAcknowledged || d.open);
        return { deviations: all, open: all.filter((d) => d.open).length };
      }
      case 'acknowledge_deviations': {
        let acknowledged = 0;
        for (const ref of req.deviations) {
          const r = find(ref.number).receipts.find((x) => x.sku === ref.sku);
          if (!r) continue;
          r.ack = { advised: r.advised, received: r.received, rejected: r.rejected, note: req.note, at: NOW };
          acknowledged += 1;
        }
        return later({ acknowledged, reported: [], problems: [] });
      }
      default:
        throw { code: 'unknown', message: `no mock for ${cmd}` };
    }
  };
})();
