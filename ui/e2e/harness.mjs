// Shared set-up for the browser tests: a static server for ui/dist, Debian's Chromium through
// playwright-core (no browser download), and Tauri's IPC mocks injected before the app loads.
//
// Builds nothing itself. Before `npm run e2e`, run `npm run build` (ui/dist) and
// `npm run build:mocks` (e2e/.build/tauri-mocks.iife.js).

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { after, afterEach, before } from 'node:test';
import { chromium } from 'playwright-core';

const ui = resolve(import.meta.dirname, '..');
export const dist = join(ui, 'dist');
export const mocksBundle = join(ui, 'e2e/.build/tauri-mocks.iife.js');
export const screenshots = resolve(ui, '../target/e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The app's CSP from src-tauri/tauri.conf.json, less the IPC origins the mocks do not need. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/** Fails at once, naming the missing step, when a build output is not there. */
export function requireBuildOutputs() {
  for (const [path, step] of [
    [join(dist, 'index.html'), 'npm run build'],
    [mocksBundle, 'npm run build:mocks'],
  ]) {
    assert.ok(existsSync(path), `${path} is missing: run \`${step}\` before \`npm run e2e\` (the e2e run builds nothing)`);
  }
  const chromiumPresent = existsSync(CHROMIUM);
  assert.ok(
    chromiumPresent,
    `${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y --no-install-recommends chromium)`,
  );
}

/** Serves ui/dist on 127.0.0.1 with a free port and the app's CSP; returns { url, close }. */
export async function serveDist() {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = resolve(dist, `.${pathname === '/' ? '/index.html' : pathname}`);
    const inside = file === dist || file.startsWith(dist + sep);
    if (!inside || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'cache-control': 'no-store',
    });
    response.end(readFileSync(file));
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.close(done)),
  };
}

/**
 * Starts Chromium with a fresh profile and opens the app with `app_info` answered by `appInfo`
 * (an object, or `{ error: {code, message} }` to reject). Other commands go to `backend`, when
 * given: the path of a script run before the app that sets `globalThis.BryggaMockBackend` to a
 * function `(cmd, args) => reply` (see e2e/mocks/release-backend.js). Returns { page, problems,
 * close }, where `problems` collects console errors, page errors and CSP violations seen so far.
 */
export async function openApp(baseUrl, appInfo, backend) {
  const profile = mkdtempSync(join(tmpdir(), 'brygga-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

  await page.addInitScript({ path: mocksBundle });
  if (backend) await page.addInitScript({ path: backend });
  await page.addInitScript((reply) => {
    // tauri.conf.json sets freezePrototype; the app must run with a frozen Object.prototype.
    Object.freeze(Object.prototype);
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
    globalThis.TauriMocks.mockIPC((cmd, args) => {
      if (cmd === 'app_info') {
        if (!args || typeof args !== 'object' || !('req' in args)) {
          throw { code: 'validation', message: 'app_info expects its request under the argument name req' };
        }
        if (reply && typeof reply === 'object' && 'error' in reply) throw reply.error;
        return reply;
      }
      if (typeof globalThis.BryggaMockBackend === 'function') return globalThis.BryggaMockBackend(cmd, args);
      throw { code: 'unknown', message: `no mock for ${cmd}` };
    });
  }, appInfo);
  await page.goto(baseUrl);

  return {
    page,
    problems,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `ui-${name}.png`), fullPage: true });
}

const DATA_DIR = '/home/handlare/.local/share/se.brygga.desktop';

export function sampleAppInfo(overrides = {}) {
  return {
    version: '0.1.0',
    mode: 'normal',
    dataDir: DATA_DIR,
    logDir: `${DATA_DIR}/logs`,
    database: {
      path: `${DATA_DIR}/brygga.sqlite3`,
      schemaVersion: 1,
      supportedSchemaVersion: 1,
      problem: null,
    },
    secrets: { backend: 'secretService', problem: null },
    ...overrides,
  };
}

/**
 * The set-up every browser test file shares: the built UI served once for the file, and an app
 * per test that is closed after it, failing the test if the page logged an error or broke the CSP.
 * `open(appInfo, backend)` opens one (defaults: the sample app info and the file's `backend`).
 */
export function browserSuite(backend) {
  let server;
  let app;
  before(async () => {
    requireBuildOutputs();
    server = await serveDist();
  });
  afterEach(async () => {
    const problems = app?.problems ?? [];
    await app?.close();
    app = undefined;
    assert.deepEqual(problems, [], 'the page logs no errors and breaks no CSP rule (strict CSP: no inline code)');
  });
  after(async () => {
    await server?.close();
  });
  return {
    async open(appInfo = sampleAppInfo(), withBackend = backend) {
      app = await openApp(server.url, appInfo, withBackend);
      return app;
    },
  };
}
