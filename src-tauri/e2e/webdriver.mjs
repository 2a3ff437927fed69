// A small W3C WebDriver client over fetch, enough to drive the desktop app through tauri-driver:
// start a session with the app binary, find elements, read text, click, take screenshots, and wait
// for a condition by polling it (never a fixed sleep).

import { readdirSync, readFileSync } from 'node:fs';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** How long WebKitWebDriver gets to attach to a new window before the start is tried again. */
const ATTACH_TIMEOUT_MS = 90_000;
const START_ATTEMPTS = 3;

export class Session {
  /**
   * Starts the app under the driver. WebKitWebDriver now and then never attaches to a new window;
   * such a start is abandoned after ATTACH_TIMEOUT_MS, the window it left is ended (so its data
   * folder is free again) and the start is made again.
   */
  static async start({ driver, application, args = [] }) {
    const failures = [];
    for (let attempt = 0; attempt < START_ATTEMPTS; attempt += 1) {
      try {
        const reply = await request(
          driver,
          'POST',
          '/session',
          { capabilities: { alwaysMatch: { 'tauri:options': { application, args } } } },
          AbortSignal.timeout(ATTACH_TIMEOUT_MS),
        );
        return new Session(driver, reply.sessionId);
      } catch (error) {
        failures.push(`attempt ${attempt + 1}: ${error.message}`);
        endStrays(application, args);
      }
    }
    throw new Error(`the app never came up under the driver:\n${failures.join('\n')}`);
  }

  constructor(driver, id) {
    this.driver = driver;
    this.id = id;
  }

  call(method, path, body) {
    return request(this.driver, method, `/session/${this.id}${path}`, body);
  }

  async find(selector) {
    const found = await this.call('POST', '/elements', { using: 'css selector', value: selector });
    return found.map((element) => element[ELEMENT]);
  }

  async text(selector) {
    const [element] = await this.find(selector);
    if (!element) return null;
    return this.call('GET', `/element/${element}/text`);
  }

  async attribute(selector, name) {
    const [element] = await this.find(selector);
    if (!element) return null;
    return this.call('GET', `/element/${element}/attribute/${name}`);
  }

  /** Scrolls the first match into view and resolves after the next two painted frames. */
  async scrollIntoView(selector) {
    const [element] = await this.find(selector);
    if (!element) throw new Error(`no element matches ${selector}`);
    await this.call('POST', '/execute/async', {
      script:
        'const [el, done] = arguments; el.scrollIntoView({ block: "center" }); ' +
        'requestAnimationFrame(() => requestAnimationFrame(() => done(true)));',
      args: [{ [ELEMENT]: element }],
    });
  }

  async click(selector) {
    const [element] = await this.find(selector);
    if (!element) throw new Error(`no element matches ${selector}`);
    await this.call('POST', `/element/${element}/click`, {});
  }

  /** Replaces the text of the first input matching `selector`. */
  async type(selector, text) {
    const [element] = await this.find(selector);
    if (!element) throw new Error(`no element matches ${selector}`);
    await this.call('POST', `/element/${element}/clear`, {});
    await this.call('POST', `/element/${element}/value`, { text });
  }

  /** Chooses the option with this value in the first `<select>` matching `selector`. */
  async choose(selector, value) {
    await this.click(`${selector} option[value="${value}"]`);
  }

  /** Polls `probe` until it returns a truthy value, and returns that value. */
  async waitFor(what, probe, timeoutMs = 20000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
      try {
        last = await probe();
        if (last) return last;
      } catch (error) {
        last = error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}; last probe gave ${last}`);
  }

  async screenshot() {
    return Buffer.from(await this.call('GET', '/screenshot'), 'base64');
  }

  async end() {
    await request(this.driver, 'DELETE', `/session/${this.id}`);
  }
}

/** Ends every process started as `application` with exactly `args` (Linux: read from /proc). */
function endStrays(application, args) {
  const wanted = [application, ...args].join('\0');
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let cmdline;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0$/, '');
    } catch {
      continue;
    }
    if (cmdline === wanted) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
  }
}

async function request(driver, method, path, body, signal = undefined) {
  const response = await fetch(`${driver}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
    signal,
  });
  const payload = await response.json();
  if (!response.ok) {
    const { error, message } = payload.value ?? {};
    throw new Error(`${method} ${path}: ${response.status} ${error}: ${message}`);
  }
  return payload.value;
}
