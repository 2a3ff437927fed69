// A small stateful stand-in for the release commands, run in the page before the app (see
// harness.mjs `openApp(url, appInfo, backend)`). It keeps two orders waiting; releasing moves the
// chosen ones (or what the rule takes) into a batch in the history. Plain script, no imports: the
// page has a frozen Object.prototype and a strict CSP.
(() => {
  const settings = {
    mode: 'batches',
    times: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], at: '07:00' }],
    holidays: [],
    rule: { shopStatuses: [], paidOnly: false, shippingMethods: [], pickable: 'fully', maxPerBatch: null },
    releasedStatus: null,
  };
  let candidates = [
    {
      shopOrderId: 1031,
      warehouseOrderId: 5001,
      createdAt: '2025-11-24T08:15:00Z',
      pickability: 'all',
      heldBack: false,
      willRelease: true,
      skipReason: null,
      skipMessage: null,
    },
    {
      shopOrderId: 1032,
      warehouseOrderId: 5002,
      createdAt: '2025-11-24T08:20:00Z',
      pickability: 'some',
      heldBack: false,
      willRelease: false,
      skipReason: 'notFullyPickable',
      skipMessage: 'not fully pickable',
    },
  ];
  const history = [];
  const requests = [];
  globalThis.BryggaMockRequests = requests;

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
      case 'release_overview':
        return {
          candidates,
          nextBatches: ['2025-11-25T06:00:00Z'],
          overdue: [],
          settings,
          settingsSaved: true,
          releaseProblem: null,
          history,
        };
      case 'release_now': {
        const chosen = req.orders ?? candidates.filter((c) => c.willRelease).map((c) => c.shopOrderId);
        const batch = {
          id: history.length + 1,
          slotAt: null,
          startedBy: 'merchant',
          state: 'done',
          createdAt: '2025-11-24T09:00:00Z',
          finishedAt: '2025-11-24T09:00:01Z',
          note: null,
          released: chosen.length,
          refused: 0,
          skipped: 0,
          pending: 0,
          orders: chosen.map((id) => ({
            shopOrderId: id,
            outcome: 'released',
            reason: null,
            decidedAt: '2025-11-24T09:00:01Z',
          })),
        };
        history.unshift(batch);
        candidates = candidates.filter((c) => !chosen.includes(c.shopOrderId));
        return new Promise((resolve) =>
          setTimeout(() => resolve({ batch, taken: chosen, skipped: [], failed: 0, retrying: 0, problems: [] }), 300),
        );
      }
      default:
        throw { code: 'unknown', message: `no mock for ${cmd}` };
    }
  };
})();
