// A small stateful stand-in for the setup commands (connections, settings, language, going live),
// run in the page before the app (see harness.mjs `openApp(url, appInfo, backend)`). The
// installation starts new and not live; with sessionStorage `brygga.mock.live` = "1" (set it,
// then reload) it starts live with both connections saved. The mapping commands belong to the
// mapping screens' mock (mappings-backend.js): when that script runs after this one, its backend
// answers them and a successful save marks the mapping as saved here; without it,
// `globalThis.BryggaMockSetup.saveMappings()` does. Requests to these commands are logged in
// `BryggaMockSetup.requests`. Plain script, no imports: the page has a frozen Object.prototype and a
// strict CSP.
(() => {
  const WAREHOUSE = { apiUrl: 'https://api.ongoingsystems.se/Kaj/', user: 'kaj-api', goodsOwnerId: 42, password: 'lager-pw' };
  const SHOP = { apiUrl: 'https://kaj.starwebserver.se/api/v2', clientId: 'client-1', clientSecret: 'shop-secret' };
  const startsLive = globalThis.sessionStorage.getItem('brygga.mock.live') === '1';

  const state = {
    live: startsLive,
    baseline: startsLive ? '2025-11-20T08:00:00Z' : null,
    ongoing: startsLive ? { apiUrl: WAREHOUSE.apiUrl, user: WAREHOUSE.user, goodsOwnerId: 42 } : null,
    ongoingSecret: startsLive ? WAREHOUSE.password : null,
    starweb: startsLive ? { apiUrl: SHOP.apiUrl, clientId: SHOP.clientId } : null,
    starwebSecret: startsLive ? SHOP.clientSecret : null,
    statusMapping: startsLive,
    transportMapping: startsLive,
    settingsSaved: false,
    settings: {
      schedules: [
        { flow: 'articles', mode: 'every', minutes: 30, days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '07:00', to: '20:00', at: null },
        { flow: 'orders', mode: 'every', minutes: 5, days: [], from: null, to: null, at: null },
        { flow: 'statuses', mode: 'every', minutes: 10, days: [], from: null, to: null, at: null },
        { flow: 'stock', mode: 'every', minutes: 10, days: [], from: null, to: null, at: null },
        { flow: 'reconcile', mode: 'daily', minutes: null, days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: null, to: null, at: '02:30' },
      ],
      startDate: null,
      currencies: [],
      warehouses: [],
    },
    language: 'sv',
    previews: 0,
    goneLive: 0,
  };
  const requests = [];
  // Another mock backend loaded later answers the commands this one does not know.
  let fallback = null;
  globalThis.BryggaMockSetup = {
    state,
    requests,
    saveMappings() {
      state.statusMapping = true;
      state.transportMapping = true;
    },
  };

  function requestOf(cmd, args) {
    if (!args || typeof args !== 'object' || !('req' in args)) {
      throw { code: 'validation', message: `${cmd} expects its request under the argument name req` };
    }
    // Secrets are not kept in the request log, as the backend never logs them.
    const logged = JSON.parse(JSON.stringify(args.req));
    if (logged && typeof logged === 'object') {
      if ('password' in logged && logged.password !== null) logged.password = '<typed>';
      if ('clientSecret' in logged && logged.clientSecret !== null) logged.clientSecret = '<typed>';
    }
    requests.push({ cmd, req: logged });
    return args.req;
  }

  function overview() {
    return {
      ongoing: state.ongoing && { ...state.ongoing, secretStored: state.ongoingSecret !== null },
      starweb: state.starweb && { ...state.starweb, secretStored: state.starwebSecret !== null },
    };
  }

  function goLiveState() {
    return {
      mode: 'normal',
      live: state.live,
      baseline: state.baseline,
      connections: state.ongoingSecret !== null && state.starwebSecret !== null,
      statusMapping: state.statusMapping,
      transportMapping: state.transportMapping,
      settings: state.settingsSaved,
    };
  }

  function secretOr(typed, stored, field) {
    if (typeof typed === 'string' && typed !== '') return typed;
    if (stored !== null) return stored;
    throw { code: 'validation', message: `the ${field} is empty and none is stored yet; enter it` };
  }

  function requireText(value, field) {
    if (typeof value !== 'string' || value.trim() === '') throw { code: 'validation', message: `${field} is empty` };
  }

  function testOngoing(req) {
    requireText(req.apiUrl, 'Ongoing API URL');
    const password = secretOr(req.password, state.ongoingSecret, 'Ongoing password');
    if (req.apiUrl !== WAREHOUSE.apiUrl) {
      return { verdict: 'wrongUrl', name: null, message: 'Ongoing refused list goods owners (404): Not Found' };
    }
    if (req.user !== WAREHOUSE.user || password !== WAREHOUSE.password) {
      return { verdict: 'wrongCredentials', name: null, message: 'Ongoing refused the login (401)' };
    }
    if (req.goodsOwnerId !== WAREHOUSE.goodsOwnerId) {
      return {
        verdict: 'wrongGoodsOwner',
        name: null,
        message: `the API user may act for goods owner 42, not ${req.goodsOwnerId}; check the goods owner id`,
      };
    }
    return { verdict: 'ok', name: 'Kaj Handel AB', message: 'goods owner 42 (Kaj Handel AB)' };
  }

  function testStarweb(req) {
    requireText(req.apiUrl, 'Starweb API URL');
    const secret = secretOr(req.clientSecret, state.starwebSecret, 'Starweb client secret');
    if (req.apiUrl !== SHOP.apiUrl) return { verdict: 'wrongUrl', name: null, message: 'Starweb refused the access token request (404)' };
    if (req.clientId !== SHOP.clientId || secret !== SHOP.clientSecret) {
      return { verdict: 'wrongCredentials', name: null, message: 'Starweb refused the login (400): invalid_client' };
    }
    return { verdict: 'ok', name: 'Kaj Handel', message: 'shop Kaj Handel' };
  }

  function preview() {
    state.previews += 1;
    return {
      flows: [
        {
          flow: 'articles',
          writes: 1,
          firstWrites: [{ write: 'warehouseArticle', subject: 'article:KAJ-001' }],
          findings: 0,
          firstFindings: [],
          counts: { read: 12, unchanged: 11 },
          error: null,
        },
        {
          flow: 'orders',
          writes: 2,
          firstWrites: [
            { write: 'warehouseOrder', subject: 'order:1031' },
            { write: 'warehouseOrder', subject: 'order:1032' },
          ],
          findings: 1,
          firstFindings: [{ subject: 'order:1033', code: 'order.unmapped_shipping', message: 'shipping method 7 is not mapped' }],
          counts: { read: 33, skipped: 30, held: 1 },
          error: null,
        },
        { flow: 'statuses', writes: 0, firstWrites: [], findings: 0, firstFindings: [], counts: { read: 0 }, error: null },
        { flow: 'stock', writes: 0, firstWrites: [], findings: 0, firstFindings: [], counts: { read: 12, unchanged: 12 }, error: null },
      ],
      ordersFrom: state.settings.startDate === null ? new Date().toISOString() : `${state.settings.startDate}T00:00:00+01:00`,
      startDateChosen: state.settings.startDate !== null,
    };
  }

  function saveSettings(req) {
    for (const row of req.settings.schedules) {
      if (row.mode === 'every' && (row.minutes === null || row.minutes < 1)) {
        throw { code: 'validation', message: `schedule for ${row.flow}: the interval must be at least 1 minute` };
      }
    }
    state.settings = req.settings;
    state.settingsSaved = true;
    return settingsView();
  }

  function settingsView() {
    return { settings: state.settings, schedulesSaved: state.settingsSaved, baseline: state.baseline };
  }

  const MAPPING_SAVES = { save_status_mapping: 'statusMapping', save_transport_mapping: 'transportMapping' };

  function setup(cmd, args) {
    if (fallback !== null && !OWN.has(cmd)) {
      const answer = Promise.resolve(fallback(cmd, args));
      const step = MAPPING_SAVES[cmd];
      return step === undefined ? answer : answer.then((saved) => ((state[step] = true), saved));
    }
    const req = requestOf(cmd, args);
    switch (cmd) {
      case 'go_live_state':
        return goLiveState();
      case 'connections_overview':
        return overview();
      case 'test_ongoing_connection':
        return testOngoing(req);
      case 'test_starweb_connection':
        return testStarweb(req);
      case 'save_ongoing_connection': {
        requireText(req.apiUrl, 'Ongoing API URL');
        requireText(req.user, 'Ongoing API user');
        state.ongoingSecret = secretOr(req.password, state.ongoingSecret, 'Ongoing password');
        state.ongoing = { apiUrl: req.apiUrl, user: req.user, goodsOwnerId: req.goodsOwnerId };
        return overview();
      }
      case 'save_starweb_connection': {
        requireText(req.apiUrl, 'Starweb API URL');
        requireText(req.clientId, 'Starweb client id');
        state.starwebSecret = secretOr(req.clientSecret, state.starwebSecret, 'Starweb client secret');
        state.starweb = { apiUrl: req.apiUrl, clientId: req.clientId };
        return overview();
      }
      case 'sync_settings':
        return settingsView();
      case 'save_sync_settings':
        return saveSettings(req);
      case 'list_warehouses':
        if (state.ongoingSecret === null) throw { code: 'notConfigured', message: 'connection.ongoing has not been set up yet' };
        return {
          warehouses: [
            { id: 1, code: 'BOR', name: 'Borås' },
            { id: 2, code: 'RET', name: 'Returlagret' },
          ],
        };
      case 'ui_language':
        return { language: state.language };
      case 'save_ui_language':
        state.language = req.language;
        return { language: state.language };
      case 'first_sync_preview':
        if (state.ongoingSecret === null || state.starwebSecret === null) {
          throw { code: 'notConfigured', message: 'connection.ongoing has not been set up yet' };
        }
        return preview();
      case 'go_live': {
        const ready = goLiveState();
        if (ready.live) throw { code: 'validation', message: 'this installation is live already' };
        if (!ready.connections || !ready.statusMapping || !ready.transportMapping) {
          throw { code: 'validation', message: 'save both connections, the mappings before going live' };
        }
        state.goneLive += 1;
        state.live = true;
        state.baseline = '2025-11-24T09:00:00Z';
        return {
          baseline: state.baseline,
          flows: [
            { flow: 'articles', queued: 1, error: null },
            { flow: 'orders', queued: 2, error: null },
            { flow: 'statuses', queued: 0, error: null },
            { flow: 'stock', queued: 0, error: null },
          ],
          done: 3,
          failed: 0,
          retrying: 0,
          problems: [],
        };
      }
      default:
        throw { code: 'unknown', message: `no mock for ${cmd}` };
    }
  }

  const OWN = new Set([
    'go_live_state',
    'connections_overview',
    'test_ongoing_connection',
    'test_starweb_connection',
    'save_ongoing_connection',
    'save_starweb_connection',
    'sync_settings',
    'save_sync_settings',
    'list_warehouses',
    'ui_language',
    'save_ui_language',
    'first_sync_preview',
    'go_live',
  ]);

  Object.defineProperty(globalThis, 'BryggaMockBackend', {
    configurable: true,
    get: () => setup,
    set: (other) => {
      fallback = other;
    },
  });
})();
