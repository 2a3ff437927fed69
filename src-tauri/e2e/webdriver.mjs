// A small W3C WebDriver client over fetch, enough to drive the desktop app through tauri-driver:
// start a session with the app binary, find elements, read text, click, take screenshots, and wait
// for a condition by polling it (never a fixed sleep).

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class Session {
  static async start({ driver, application, args = [] }) {
    const reply = await request(driver, 'POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application, args } } },
    });
    return new Session(driver, reply.sessionId);
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

async function request(driver, method, path, body) {
  const response = await fetch(`${driver}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const payload = await response.json();
  if (!response.ok) {
    const { error, message } = payload.value ?? {};
    throw new Error(`${method} ${path}: ${response.status} ${error}: ${message}`);
  }
  return payload.value;
}
