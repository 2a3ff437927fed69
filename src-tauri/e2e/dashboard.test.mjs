// The real desktop app in a real window (Xvfb) driven through tauri-driver and WebKitWebDriver, with
// the real store, the real keychain (gnome-keyring on a private bus) and no mocks. Run by
// scripts/desktop-e2e.sh, which provides BRYGGA_E2E_APP, BRYGGA_E2E_CLI and the driver.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session } from './webdriver.mjs';

const driver = process.env.BRYGGA_E2E_DRIVER ?? 'http://127.0.0.1:4444';
const application = process.env.BRYGGA_E2E_APP;
const cli = process.env.BRYGGA_E2E_CLI;
const shots = resolve(import.meta.dirname, '../../target/e2e');
mkdirSync(shots, { recursive: true });

async function withApp(dataDir, body) {
  assert.ok(application, 'BRYGGA_E2E_APP names the built desktop binary');
  const session = await Session.start({ driver, application, args: ['--data-dir', dataDir] });
  try {
    await body(session);
  } finally {
    await session.end();
  }
}

test('the dashboard shows the database schema version that the Rust store reports', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'brygga-e2e-'));
  // An installation that went live earlier (a new one opens in the go-live wizard instead).
  execFileSync(cli, ['info', '--data-dir', dataDir], { encoding: 'utf8' });
  execFileSync('python3', [
    '-c',
    'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit(); c.close()',
    join(dataDir, 'brygga.sqlite3'),
    `insert into settings (key, value, updated_at_ms) values ('sync.baseline', '"2026-01-05T07:00:00Z"', 0)`,
  ]);
  await withApp(dataDir, async (app) => {
    const shown = await app.waitFor('the schema version on the dashboard', async () => {
      const text = await app.text('[data-testid="schema-version"]');
      return text && text.trim();
    });
    const info = JSON.parse(
      execFileSync(cli, ['info', '--json', '--data-dir', dataDir], { encoding: 'utf8' }),
    );
    assert.equal(
      shown,
      String(info.database.schemaVersion),
      'the window shows what the Rust store read from the same database file',
    );
    assert.equal(info.secrets.problem, null, 'the real Secret Service is up inside the test session');
    assert.equal(
      (await app.find('[data-testid="secrets-problem"]')).length,
      0,
      'with an unlocked keychain the dashboard shows no keychain problem',
    );
    writeFileSync(join(shots, 'desktop-dashboard.png'), await app.screenshot());
  });
});

test('a database from a newer Brygga is explained in the window and left untouched', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'brygga-e2e-newer-'));
  const file = join(dataDir, 'brygga.sqlite3');
  execFileSync('python3', [
    '-c',
    // A Brygga database (application id "BRYG") stamped with a schema from the future.
    'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("create table t(x)"); ' +
      'c.execute("pragma application_id = 1112693063"); c.execute("pragma user_version = 999"); ' +
      'c.commit(); c.close()',
    file,
  ]);
  const digest = () => createHash('sha256').update(readFileSync(file)).digest('hex');
  const before = digest();
  await withApp(dataDir, async (app) => {
    const banner = await app.waitFor('the database problem banner', () =>
      app.text('[data-testid="database-problem"]'),
    );
    assert.match(banner, /999/, 'the banner gives the version found in the file');
    assert.ok(banner.includes(file), 'the banner names the database file so support can find it');
    writeFileSync(join(shots, 'desktop-database-newer.png'), await app.screenshot());
  });
  assert.equal(digest(), before, 'a newer database must not be changed by an older Brygga');
});
