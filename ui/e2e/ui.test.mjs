// The built UI in Debian's Chromium with the backend replaced by Tauri's IPC mocks: the golden
// paths of the shell and the dashboard, as a merchant clicks them.
//
// Expects `npm run build` and `npm run build:mocks` to have run; fails with a clear message if not.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { browserSuite, sampleAppInfo, screenshot } from './harness.mjs';

// The dashboard's sync part (health, flows, attention) comes from the runs mock.
const runsBackend = join(import.meta.dirname, 'mocks/runs-backend.js');
const suite = browserSuite(runsBackend);

test('the dashboard shows the schema version and folders from app_info', async () => {
  const info = sampleAppInfo({ database: { ...sampleAppInfo().database, schemaVersion: 4, supportedSchemaVersion: 4 } });
  const app = await suite.open(info);
  const { page } = app;

  await page.getByTestId('overview').waitFor();
  const schema = page.getByTestId('schema-version');
  await schema.waitFor();
  assert.equal(await schema.textContent(), '4', 'the schema version is the number the backend sent');
  assert.equal(await page.getByTestId('data-dir').textContent(), info.dataDir, 'the data folder is shown as sent');
  assert.equal(await page.getByTestId('log-dir').textContent(), info.logDir, 'the log folder is shown as sent');
  assert.equal(await page.locator('html').getAttribute('lang'), 'sv', 'Swedish is the default language');
  assert.equal(
    await page.getByRole('button', { name: 'Översikt' }).getAttribute('aria-current'),
    'page',
    'the app opens on the dashboard and marks it in the navigation',
  );
  assert.equal(await page.getByTestId('database-problem').count(), 0, 'a healthy database shows no banner');
  await screenshot(page, 'dashboard');
});

test('a database from a newer Brygga shows a banner with the reason', async () => {
  const problem = {
    code: 'databaseNewerThanApp',
    message: 'the database /data/brygga.sqlite3 has schema 9; this version supports up to 4',
  };
  const app = await suite.open(sampleAppInfo({ database: { ...sampleAppInfo().database, schemaVersion: null, problem } }), null);
  const { page } = app;

  const banner = page.getByTestId('database-problem');
  await banner.waitFor();
  const text = await banner.textContent();
  assert.match(text, /Databasen är från en nyare version av Brygga/, 'the title is the Swedish text for the code');
  assert.ok(text.includes(problem.message), 'the backend message is shown as the detail');
  assert.equal(await banner.getAttribute('role'), 'alert', 'the problem is announced to screen readers');
  await screenshot(page, 'database-newer');
});

test('a failed app_info call shows the error and a retry button', async () => {
  const app = await suite.open({ error: { code: 'dataDirUnreadable', message: 'permission denied: /data' } }, null);
  const { page } = app;

  const banner = page.getByTestId('app-info-error');
  await banner.waitFor();
  assert.match(await banner.textContent(), /Datamappen går inte att läsa/, 'the title comes from the error code');
  assert.ok(await page.getByRole('button', { name: 'Försök igen' }).isVisible(), 'the merchant can try again');
});

test('demo mode says that shop and warehouse are simulated', async () => {
  const app = await suite.open(sampleAppInfo({ mode: 'demo', secrets: { backend: 'memory', problem: null } }), null);
  const { page } = app;

  const note = page.getByTestId('demo-note');
  await note.waitFor();
  assert.match(await note.textContent(), /simulerade/, 'demo data must never be mistaken for real');
  assert.equal(await page.getByTestId('app-mode').textContent(), 'Demo', 'the mode badge says demo');
});

test('switching to English changes the navigation and is remembered', async () => {
  const app = await suite.open(sampleAppInfo(), null);
  const { page } = app;

  await page.getByTestId('schema-version').waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Release batches' }).waitFor();
  assert.equal(await page.getByTestId('screen-title').textContent(), 'Dashboard', 'the header follows the language');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the document language follows the choice');
  await screenshot(page, 'english');

  await page.reload();
  await page.getByRole('button', { name: 'Stock reconciliation' }).waitFor();
  assert.equal(
    await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'),
    'true',
    'the language chosen before the reload is still chosen (localStorage)',
  );
});

test('the returns screen opens from the navigation', async () => {
  const app = await suite.open(sampleAppInfo(), null);
  const { page } = app;

  await page.getByRole('button', { name: 'Returer' }).click();
  await page.getByTestId('returns-loading').or(page.getByTestId('returns-error')).first().waitFor();
  assert.equal(await page.getByTestId('not-built').count(), 0, 'every screen of the product is built');
  assert.equal(await page.getByTestId('screen-title').textContent(), 'Returer', 'the header names the chosen screen');
  assert.equal(
    await page.getByRole('button', { name: 'Returer' }).getAttribute('aria-current'),
    'page',
    'the navigation marks the screen the merchant is on',
  );
});
