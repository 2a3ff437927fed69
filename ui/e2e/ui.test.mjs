// The built UI in Debian's Chromium with the backend replaced by Tauri's IPC mocks: the golden paths
// of the shell and the dashboard, as a merchant clicks them. Expects `npm run build` and
// `npm run build:mocks` to have run (make test does both in its "ui build" layer).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ui = resolve(import.meta.dirname, '..');
const dist = join(ui, 'dist');
const mocks = join(ui, 'e2e/.build/tauri-mocks.iife.js');
const shots = resolve(ui, '../target/e2e');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' };

let server;
let base;
let browser;

before(async () => {
  for (const [path, step] of [[join(dist, 'index.html'), 'npm run build'], [mocks, 'npm run build:mocks']]) {
    assert.ok(existsSync(path), `${path} is missing: run \`${step}\` first`);
  }
  mkdirSync(shots, { recursive: true });
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dist, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dist) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // Playwright gives every launch a fresh temporary profile of its own.
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

const appInfo = (overrides = {}) => ({
  version: '0.1.0',
  mode: 'normal',
  dataDir: '/home/handlare/.local/share/se.brygga.desktop',
  logDir: '/home/handlare/.local/share/se.brygga.desktop/logs',
  database: { path: '/home/handlare/.local/share/se.brygga.desktop/brygga.sqlite3', schemaVersion: 1, supportedSchemaVersion: 1, problem: null },
  secrets: { backend: 'secretService', problem: null },
  ...overrides,
});

/** Opens the app with `app_info` answered by `reply`; returns the page. */
async function open(reply) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript({ path: mocks });
  await page.addInitScript((info) => {
    globalThis.TauriMocks.mockIPC((cmd) => {
      if (cmd === 'app_info') return info;
      throw { code: 'unknown', message: `no mock for ${cmd}` };
    });
  }, reply);
  await page.goto(base);
  return page;
}

test('the dashboard shows the schema version and data folder from app_info', async () => {
  const page = await open(appInfo({ database: { ...appInfo().database, schemaVersion: 4, supportedSchemaVersion: 4 } }));
  await page.getByTestId('schema-version').waitFor();
  assert.equal(await page.getByTestId('schema-version').textContent(), '4', 'the number is what the backend sent');
  assert.equal(await page.getByTestId('data-dir').textContent(), appInfo().dataDir);
  assert.equal(await page.locator('html').getAttribute('lang'), 'sv', 'Swedish is the default language');
  await page.screenshot({ path: join(shots, 'ui-dashboard.png') });
  await page.close();
});

test('a database from a newer Brygga shows a banner with the reason', async () => {
  const problem = { code: 'databaseNewerThanApp', message: 'the database /data/brygga.sqlite3 was written by a newer Brygga (schema 9)' };
  const page = await open(appInfo({ database: { ...appInfo().database, schemaVersion: null, problem } }));
  const banner = page.getByTestId('database-problem');
  await banner.waitFor();
  const text = await banner.textContent();
  assert.match(text, /nyare version av Brygga/, 'the title is the Swedish text for the code');
  assert.match(text, /\/data\/brygga\.sqlite3/, 'the detail names the file');
  await page.screenshot({ path: join(shots, 'ui-database-newer.png') });
  await page.close();
});

test('switching to English changes the navigation', async () => {
  const page = await open(appInfo());
  await page.getByTestId('language').selectOption('en');
  await page.getByRole('button', { name: 'Release batches' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the document language follows the choice');
  await page.close();
});

test('a screen that is not built yet says so plainly', async () => {
  const page = await open(appInfo());
  await page.getByRole('button', { name: 'Returer' }).click();
  const notice = page.getByTestId('not-built');
  await notice.waitFor();
  assert.match(await notice.textContent(), /finns inte ännu/, 'the merchant is told the screen is not there yet');
  await page.screenshot({ path: join(shots, 'ui-not-built.png') });
  await page.close();
});
