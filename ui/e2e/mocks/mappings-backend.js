// A small stateful stand-in for the mapping commands, run in the page before the app (see
// harness.mjs `openApp(url, appInfo, backend)`). The warehouse's 3PL has added 425
// "Sendt/Dellevert" since the status mapping was saved; the shipping method "DB Schenker Ombud"
// is unmapped and holds two orders. Saving checks ids like the backend and keeps what was saved.
// Plain script, no imports: the page has a frozen Object.prototype and a strict CSP.
(() => {
  const shopStatuses = [
    { statusId: 1, idCode: 'created', name: 'Ny', nameEn: 'New', sendsEmail: false, suggested: 'send' },
    { statusId: 2, idCode: 'picking', name: 'Plockas', nameEn: 'Picking', sendsEmail: false, suggested: null },
    { statusId: 3, idCode: 'completed', name: 'Skickad', nameEn: 'Sent', sendsEmail: true, suggested: null },
    { statusId: 4, idCode: 'canceled', name: 'Makulerad', nameEn: 'Cancelled', sendsEmail: true, suggested: 'cancel' },
    { statusId: 7, idCode: null, name: 'Väntar på betalning', nameEn: null, sendsEmail: false, suggested: null },
  ];
  const warehouseStatuses = [
    { number: 200, text: 'Open', suggested: { stage: 'open', shopStatus: null } },
    { number: 300, text: 'Släppt till plock', suggested: { stage: 'started', shopStatus: 2 } },
    { number: 425, text: 'Sendt/Dellevert', suggested: { stage: 'sent', shopStatus: 3 } },
    { number: 450, text: 'Sent', suggested: { stage: 'sent', shopStatus: 3 } },
    { number: 1000, text: 'Cancelled', suggested: { stage: 'cancelled', shopStatus: 4 } },
  ];
  let statusMapping = {
    shop: new Map([
      [1, 'send'],
      [4, 'cancel'],
    ]),
    warehouse: new Map([
      [200, { stage: 'open', shopStatus: null }],
      [300, { stage: 'started', shopStatus: 2 }],
      [450, { stage: 'sent', shopStatus: 3 }],
      [1000, { stage: 'cancelled', shopStatus: 4 }],
    ]),
  };

  const methods = [
    { shippingMethodId: 11, name: 'PostNord MyPack Collect', nameEn: null, active: true, clickAndCollect: false, externalId: 'PN-MPC', suggested: { kind: 'carrier', transporterCode: 'PNL', serviceCode: 'P19', trackerType: 1 } },
    { shippingMethodId: 12, name: 'PostNord MyPack Home', nameEn: null, active: true, clickAndCollect: false, externalId: 'PN-MPH', suggested: { kind: 'carrier', transporterCode: 'PNL', serviceCode: 'P19', trackerType: 1 } },
    { shippingMethodId: 13, name: 'DB Schenker Ombud', nameEn: null, active: true, clickAndCollect: false, externalId: 'DBS-OMBUD', suggested: { kind: 'carrier', transporterCode: 'SBTL', serviceCode: 'BPA', trackerType: 2 } },
    { shippingMethodId: 15, name: 'Hämta i butik', nameEn: null, active: true, clickAndCollect: true, externalId: null, suggested: { kind: 'notSent' } },
  ];
  const contracts = [
    { transporterCode: 'PNL', transporterName: 'PostNord Sverige', services: [
      { serviceCode: 'P19', serviceName: 'MyPack Collect' },
      { serviceCode: 'P17', serviceName: 'MyPack Home' },
    ] },
    { transporterCode: 'SBTL', transporterName: 'DB Schenker', services: [
      { serviceCode: 'BPA', serviceName: 'DB SCHENKERparcel' },
      { serviceCode: 'BHP', serviceName: 'DB SCHENKERprivpak Ombud Standard' },
    ] },
  ];
  const trackingTypes = [
    { trackerType: 1, name: 'PostNord' },
    { trackerType: 2, name: 'DB Schenker' },
  ];
  let transport = new Map([
    [11, { kind: 'carrier', transporterCode: 'PNL', serviceCode: 'P19', trackerType: 1 }],
    [12, { kind: 'carrier', transporterCode: 'PNL', serviceCode: 'P17', trackerType: 1 }],
    [15, { kind: 'notSent' }],
  ]);
  // Held orders by the method that was unmapped when they were planned (cleared by the next sync).
  const held = new Map([[13, [1031, 1032]]]);

  const requests = [];
  globalThis.BryggaMockRequests = requests;

  function requestOf(cmd, args) {
    if (!args || typeof args !== 'object' || !('req' in args)) {
      throw { code: 'validation', message: `${cmd} expects its request under the argument name req` };
    }
    requests.push({ cmd, req: args.req });
    return args.req;
  }

  function statusView() {
    return {
      shop: shopStatuses.map((s) => ({ ...s, rule: statusMapping.shop.get(s.statusId) ?? null })),
      warehouse: warehouseStatuses.map((w) => ({
        ...w,
        rule: statusMapping.warehouse.get(w.number) ?? null,
        shopStatusMissing: false,
      })),
      staleShop: [],
      staleWarehouse: [],
      saved: true,
      releaseProblem: null,
    };
  }

  function transportView() {
    let total = 0;
    for (const ids of held.values()) total += ids.length;
    return {
      methods: methods.map((m) => {
        const ids = held.get(m.shippingMethodId) ?? [];
        return {
          ...m,
          transport: transport.get(m.shippingMethodId) ?? null,
          contractMissing: false,
          held: { count: ids.length, orderIds: ids },
        };
      }),
      stale: [],
      contracts,
      trackingTypes,
      heldTotal: total,
      saved: true,
    };
  }

  function saveStatus(req) {
    const problems = [];
    for (const s of req.mapping.shop) {
      if (!shopStatuses.some((x) => x.statusId === s.statusId)) problems.push(`the shop has no order status ${s.statusId}`);
    }
    for (const w of req.mapping.warehouse) {
      if (!warehouseStatuses.some((x) => x.number === w.number)) problems.push(`the warehouse has no order status ${w.number}`);
    }
    if (problems.length > 0) throw { code: 'validation', message: `the status mapping was not saved: ${problems.join('; ')}` };
    statusMapping = {
      shop: new Map(req.mapping.shop.map((s) => [s.statusId, s.rule])),
      warehouse: new Map(req.mapping.warehouse.map((w) => [w.number, { stage: w.stage, shopStatus: w.shopStatus }])),
    };
    return statusView();
  }

  function saveTransport(req) {
    const problems = [];
    for (const entry of req.methods) {
      const t = entry.transport;
      if (t.kind === 'carrier') {
        const contract = contracts.find((c) => c.transporterCode === t.transporterCode);
        if (!contract || !contract.services.some((s) => s.serviceCode === t.serviceCode)) {
          problems.push(`shipping method ${entry.shippingMethodId}: no contract ${t.transporterCode} / ${t.serviceCode}`);
        }
      }
    }
    if (problems.length > 0) throw { code: 'validation', message: `the transport mapping was not saved: ${problems.join('; ')}` };
    transport = new Map(req.methods.map((e) => [e.shippingMethodId, e.transport]));
    return transportView();
  }

  globalThis.BryggaMockBackend = (cmd, args) => {
    const req = requestOf(cmd, args);
    switch (cmd) {
      case 'status_mapping_overview':
        return statusView();
      case 'save_status_mapping':
        return new Promise((resolve, reject) =>
          setTimeout(() => {
            try {
              resolve(saveStatus(req));
            } catch (error) {
              reject(error);
            }
          }, 200),
        );
      case 'transport_mapping_overview':
        return transportView();
      case 'save_transport_mapping':
        return new Promise((resolve, reject) =>
          setTimeout(() => {
            try {
              resolve(saveTransport(req));
            } catch (error) {
              reject(error);
            }
          }, 200),
        );
      default:
        throw { code: 'unknown', message: `no mock for ${cmd}` };
    }
  };
})();
