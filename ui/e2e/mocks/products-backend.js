// A small stateful stand-in for the products and stock reconciliation commands, run in the page
// before the app (see harness.mjs `openApp(url, appInfo, backend)`). It holds 1,500 products (one
// failed send, one with validation problems, one left only in the warehouse) and a reconciliation
// that finds three differences; correcting removes the chosen ones. Plain script, no imports: the
// page has a frozen Object.prototype and a strict CSP.
(() => {
  const requests = [];
  globalThis.BryggaMockRequests = requests;

  function row(sku, extra) {
    return {
      sku,
      name: `Ullsocka ${sku}`,
      state: 'current',
      inShop: true,
      problems: [],
      orphaned: false,
      warehouseArticleId: 100,
      sentAt: '2026-11-20T08:00:00Z',
      failure: null,
      warehouseSellable: 12,
      shopQuantity: 12,
      writtenQuantity: 12,
      writtenAt: '2026-11-20T09:00:00Z',
      ...extra,
    };
  }

  const rows = [];
  for (let i = 0; i < 1497; i += 1) rows.push(row(`SOCK-${String(i).padStart(4, '0')}`, {}));
  rows.push(
    row('HAT RED/1', {
      name: 'Mössa <röd>',
      state: 'neverSent',
      sentAt: null,
      warehouseArticleId: null,
      warehouseSellable: null,
      shopQuantity: null,
      writtenQuantity: null,
      writtenAt: null,
      problems: [
        {
          kind: 'skuCharacters',
          detail: "' ', '/'",
          message: "the SKU contains ' ', '/'; only letters A-Z, digits, '.', '_' and '-' are allowed",
        },
      ],
    }),
    row('OLD-HAT-1', {
      name: null,
      state: 'neverSent',
      inShop: false,
      orphaned: true,
      sentAt: null,
      shopQuantity: null,
      writtenQuantity: null,
      writtenAt: null,
      warehouseSellable: 4,
    }),
    row('SCARF-1', { name: 'Halsduk', state: 'failed', failure: 'the warehouse refused the article: barcode in use' }),
  );
  rows.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));

  function counts() {
    const count = (test) => rows.filter(test).length;
    return {
      all: rows.length,
      neverSent: count((r) => r.state === 'neverSent'),
      current: count((r) => r.state === 'current'),
      changed: count((r) => r.state === 'changed'),
      pending: count((r) => r.state === 'pending'),
      failed: count((r) => r.state === 'failed'),
      problems: count((r) => r.problems.length > 0),
      orphaned: count((r) => r.orphaned),
    };
  }

  let differences = [
    { sku: 'SOCK-0001', name: 'Ullsocka SOCK-0001', warehouse: 40, shop: 12, difference: 28 },
    { sku: 'SOCK-0002', name: 'Ullsocka SOCK-0002', warehouse: 3, shop: 5, difference: -2 },
    { sku: 'SOCK-0003', name: 'Ullsocka SOCK-0003', warehouse: 7, shop: 30, difference: -23 },
  ];
  let last = null;

  function report() {
    const raisedOutside = differences
      .filter((d) => d.sku === 'SOCK-0003')
      .map((d) => ({ sku: d.sku, name: d.name, written: 9, shown: d.shop }));
    return { ranAt: '2026-11-23T06:00:00Z', differences, notInShop: ['OLD-HAT-1'], raisedOutside, unchanged: 1494, read: 1498 };
  }

  function later(value, ms) {
    return new Promise((resolve) => setTimeout(() => resolve(value), ms));
  }

  function requestOf(cmd, args) {
    if (!args || typeof args !== 'object' || !('req' in args)) {
      throw { code: 'validation', message: `${cmd} expects its request under the argument name req` };
    }
    requests.push({ cmd, req: args.req });
    return args.req;
  }

  globalThis.BryggaMockBackend = (cmd, args) => {
    const req = requestOf(cmd, args);
    switch (cmd) {
      case 'products_overview':
        return { rows, counts: counts(), shopRead: true, shopProblem: null, readAt: '2026-11-23T10:00:00Z' };
      case 'retry_product': {
        const found = rows.find((r) => r.sku === req.sku && r.state === 'failed');
        if (!found) throw { code: 'validation', message: `article ${req.sku} has no failed send to try again` };
        found.state = 'current';
        found.failure = null;
        return later({ sent: true, failure: null }, 300);
      }
      case 'export_orphaned_articles':
        return { path: '/home/handlare/Hämtningar/brygga-orphaned-articles-2026-11-23-101500.csv', rows: 1, fromWarehouse: true };
      case 'stock_reconciliation_overview':
        return {
          last,
          reportOnly: false,
          raisedOutside: last === null ? [] : last.raisedOutside.filter((r) => differences.some((d) => d.sku === r.sku)),
          raisedCheckedAt: last === null ? null : last.ranAt,
        };
      case 'run_stock_reconciliation':
        last = report();
        return later(last, 800);
      case 'apply_stock_corrections': {
        const chosen = req.skus ?? differences.map((d) => d.sku);
        differences = differences.filter((d) => !chosen.includes(d.sku));
        if (last !== null) last = { ...last, differences };
        return later({ written: chosen, failed: [], alreadyRight: [] }, 500);
      }
      default:
        throw { code: 'unknown', message: `no mock for ${cmd}` };
    }
  };
})();
