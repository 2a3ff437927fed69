// A small stateful stand-in for the dashboard and sync log commands, run in the page before the app
// (see harness.mjs `openApp(url, appInfo, backend)`). It keeps sixty runs, one call that gave up and
// one being retried; "run now" goes through a few progress steps and adds a run; a retry queues the
// dead call again. Plain script, no imports: the page has a frozen Object.prototype and a strict CSP.
(() => {
  const flows = ['articles', 'orders', 'statuses', 'stock', 'reconcile'];
  const hour = 3600000;
  const base = Date.parse('2026-11-23T07:00:00Z');
  const iso = (ms) => new Date(ms).toISOString();
  const runs = [];
  for (let i = 0; i < 60; i += 1) {
    const flow = flows[i % 4];
    const failed = flow === 'statuses' && i === 58;
    runs.push({
      id: i + 1,
      flow,
      dryRun: false,
      startedAt: iso(base - (60 - i) * hour / 4),
      finishedAt: iso(base - (60 - i) * hour / 4 + 1200 + i * 10),
      durationMs: 1200 + i * 10,
      outcome: failed ? 'failed' : 'succeeded',
      counts: { read: i, queued: i % 3 },
      error: failed ? 'reading the warehouse failed: 503 Service Unavailable' : null,
    });
  }
  let calls = [
    {
      id: 77,
      kind: 'warehouse.upsert_order',
      subject: 'order:1040',
      state: 'dead',
      attempts: 5,
      maxAttempts: 5,
      errorCode: 'warehouse.refused',
      error: 'the article X-1 does not exist in the warehouse',
      nextAttemptAt: null,
      updatedAt: iso(base - hour),
    },
    {
      id: 78,
      kind: 'shop.set_stock',
      subject: 'stock:TSHIRT-M',
      state: 'retrying',
      attempts: 2,
      maxAttempts: 5,
      errorCode: 'shop.transient',
      error: 'Starweb answered 503',
      nextAttemptAt: iso(base + 60000),
      updatedAt: iso(base - 60000),
    },
  ];
  // Progress answers still to give for the run in progress; empty when idle.
  let steps = [];
  let running = null;
  const requests = [];
  globalThis.BryggaMockRequests = requests;

  function requestOf(cmd, args) {
    if (!args || typeof args !== 'object' || !('req' in args)) {
      throw { code: 'validation', message: `${cmd} expects its request under the argument name req` };
    }
    requests.push({ cmd, req: args.req });
    return args.req;
  }

  const latest = (flow) => {
    const found = runs.filter((run) => run.flow === flow);
    return found.length === 0 ? null : found[found.length - 1];
  };

  function dashboard() {
    const dead = calls.filter((call) => call.state === 'dead');
    return {
      live: true,
      baseline: '2026-11-20T07:00:00.000Z',
      runnerActive: true,
      connections: [
        { system: 'shop', state: 'ok', since: iso(base), message: null },
        {
          system: 'warehouse',
          state: 'failing',
          since: iso(base - hour),
          message: 'reading the warehouse failed: 503 Service Unavailable',
        },
      ],
      flows: flows.map((flow) => ({
        flow,
        scheduled: flow !== 'reconcile',
        nextRun: flow === 'reconcile' ? null : iso(base + 15 * 60000),
        lastRun: latest(flow),
      })),
      counts: {
        orders: 1234,
        ordersSent: 1200,
        ordersHeld: 3,
        ordersCancelled: 5,
        articles: 240,
        articlesSent: 238,
        articlesWithProblems: 1,
        articlesOrphaned: 1,
        callsWaiting: 2,
        callsRunning: 0,
        callsDead: dead.length,
      },
      attention: [
        {
          kind: 'failedFlow',
          focus: 'statuses',
          subject: 'statuses',
          code: 'flow.failed',
          message: 'reading the warehouse failed: 503 Service Unavailable',
          count: 1,
          at: null,
        },
        ...dead.map((call) => ({
          kind: 'deadCall',
          focus: String(call.id),
          subject: call.subject,
          code: call.errorCode,
          message: call.error,
          count: 1,
          at: call.updatedAt,
        })),
        {
          kind: 'unmappedShippingMethod',
          focus: '12',
          subject: 'Budbee',
          code: 'order.unmappedShippingMethod',
          message: 'shipping method Budbee (12) has no carrier in the transport mapping',
          count: 2,
          at: null,
        },
        {
          kind: 'heldOrder',
          focus: '1031',
          subject: '1031',
          code: 'order.numberReused',
          message: 'the warehouse already has another order with this number',
          count: 1,
          at: null,
        },
        {
          kind: 'refusedChange',
          focus: '1035',
          subject: '1035',
          code: 'order.changeRefused',
          message: 'the order was changed in the shop after the warehouse started on it',
          count: 1,
          at: null,
        },
        { kind: 'overdueBatch', focus: '5', subject: '2026-11-23T06:00:00.000Z', code: 'batch.overdue', message: '', count: 1, at: null },
        { kind: 'articleProblem', focus: 'BAD;SKU', subject: 'BAD;SKU', code: 'article.invalid', message: 'the SKU has a forbidden character', count: 1, at: null },
      ],
    };
  }

  function progress() {
    if (steps.length === 0) {
      return { runnerActive: true, phase: 'idle', flow: null, done: 0, total: 0, waiting: 0 };
    }
    const step = steps.shift();
    if (steps.length === 0 && running !== null) {
      const id = runs.length + 1;
      const now = Date.now();
      runs.push({
        id,
        flow: running,
        dryRun: false,
        startedAt: iso(now - 900),
        finishedAt: iso(now),
        durationMs: 900,
        outcome: 'succeeded',
        counts: { read: 7, queued: 3 },
        error: null,
      });
      running = null;
    }
    return step;
  }

  globalThis.BryggaMockBackend = (cmd, args) => {
    const req = requestOf(cmd, args);
    switch (cmd) {
      case 'dashboard':
        return dashboard();
      case 'check_connections':
        return {
          shop: { ok: true, message: 'shop Demobutiken' },
          warehouse: { ok: false, message: 'Ongoing answered 503' },
          checkedAt: iso(Date.now()),
        };
      case 'sync_log': {
        const from = req.from === null ? -Infinity : Date.parse(req.from);
        const to = req.to === null ? Infinity : Date.parse(req.to);
        const matching = runs
          .filter((run) => req.flow === null || run.flow === req.flow)
          .filter((run) => Date.parse(run.startedAt) >= from && Date.parse(run.startedAt) < to)
          .reverse();
        const start = req.page * req.pageSize;
        return { runs: matching.slice(start, start + req.pageSize), total: matching.length, page: req.page, pageSize: req.pageSize };
      }
      case 'failed_calls':
        return { calls };
      case 'retry_calls': {
        const ids = req.ids.length === 0 ? calls.filter((c) => c.state === 'dead').map((c) => c.id) : req.ids;
        calls = calls.map((call) =>
          ids.includes(call.id) ? { ...call, state: 'retrying', attempts: 0, nextAttemptAt: iso(Date.now()) } : call,
        );
        return { queued: ids.length };
      }
      case 'run_flow_now': {
        running = req.flow ?? 'orders';
        const flow = req.flow;
        steps = [
          { runnerActive: true, phase: 'flow', flow: flow ?? 'articles', done: 0, total: 0, waiting: 1 },
          { runnerActive: true, phase: 'flow', flow: flow ?? 'articles', done: 0, total: 0, waiting: 1 },
          { runnerActive: true, phase: 'draining', flow: null, done: 1, total: 3, waiting: 1 },
          { runnerActive: true, phase: 'draining', flow: null, done: 2, total: 3, waiting: 1 },
          { runnerActive: true, phase: 'draining', flow: null, done: 2, total: 3, waiting: 1 },
          { runnerActive: true, phase: 'idle', flow: null, done: 0, total: 0, waiting: 0 },
        ];
        return { via: 'runner' };
      }
      case 'sync_progress':
        return progress();
      default:
        throw { code: 'unknown', message: `no mock for ${cmd}` };
    }
  };
})();
