// The release screen in the real desktop app in demo mode: both simulators and the loop that keeps
// orders moving run behind it, so the overview comes from the real engine reading the simulated
// warehouse. Run by scripts/desktop-e2e.sh (see dashboard.test.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session } from './webdriver.mjs';

const driver = process.env.BRYGGA_E2E_DRIVER ?? 'http://127.0.0.1:4444';
const application = process.env.BRYGGA_E2E_APP;
const shots = resolve(import.meta.dirname, '../../target/e2e');
mkdirSync(shots, { recursive: true });

test('in demo mode the release screen shows the overview from the real engine and releases an order', async () => {
  assert.ok(application, 'BRYGGA_E2E_APP names the built desktop binary');
  const dataDir = mkdtempSync(join(tmpdir(), 'brygga-e2e-release-'));
  const app = await Session.start({ driver, application, args: ['--demo', '--data-dir', dataDir] });
  try {
    await app.waitFor('the navigation', async () => (await app.find('button[data-screen="releaseBatches"]')).length > 0);
    await app.click('button[data-screen="releaseBatches"]');
    const shown = await app.waitFor(
      'the release overview or an error',
      async () => {
        if ((await app.find('[data-testid="release-error"]')).length > 0) {
          return `error: ${await app.text('[data-testid="release-error"]')}`;
        }
        return (await app.find('[data-testid="next-batch"]')).length > 0 ? 'overview' : null;
      },
      60000,
    );
    assert.equal(shown, 'overview', 'the overview renders without an error');
    assert.ok(
      (await app.find('[data-testid="release-settings"]')).length > 0,
      'the rule and time editor is there',
    );
    assert.ok(
      (await app.find('[data-testid="history"], [data-testid="history-empty"]')).length > 0,
      'the history (or its empty note) is there',
    );
    writeFileSync(join(shots, 'desktop-release.png'), await app.screenshot());

    // The golden flow: the demo customer orders every ~15 s (some collect in the shop and never
    // reach the warehouse); the screen reads the overview again by itself every 15 s.
    const order = await app.waitFor(
      'an order waiting in the warehouse',
      () => app.attribute('[data-testid="candidate"]', 'data-order'),
      120000,
    );
    await app.click(`[data-testid="candidate"][data-order="${order}"] input[type="checkbox"]`);
    await app.waitFor('the release button to name the choice', async () =>
      /Släpp valda \(1\)/.test((await app.text('[data-testid="release-now"]')) ?? ''),
    );
    await app.click('[data-testid="release-now"]');
    const result = await app.waitFor(
      'the release result',
      async () => (await app.find('[data-testid="release-result"]')).length > 0 && app.text('[data-testid="release-result"]'),
      60000,
    );
    assert.match(result, /1 ordrar släpptes/, 'the warehouse took the release');
    await app.waitFor(
      'the batch in the history',
      async () => (await app.find(`[data-testid="history-order"][data-order="${order}"]`)).length > 0,
      30000,
    );
    await app.click('[data-testid="history-batch"] summary');
    const outcome = await app.waitFor('the order in the newest batch', () =>
      app.text(`[data-testid="history-batch"] [data-testid="history-order"][data-order="${order}"]`),
    );
    assert.equal(outcome, `Order ${order}: Släppt`, 'the history keeps the released order with its outcome');
    await app.waitFor('the release button to be free again', async () =>
      /^Släpp nu$/.test((await app.text('[data-testid="release-now"]')) ?? ''),
    );
    await app.scrollIntoView('[data-testid="history-batch"]');
    writeFileSync(join(shots, 'desktop-release-after.png'), await app.screenshot());
  } finally {
    await app.end();
  }
});
