// Shared by the browser scripts: headless Chromium (Debian's /usr/bin/chromium) driven by
// playwright-core, what a person does on the gateway's pages (sign in, allow, deny), a loopback
// redirect target as a native app runs one (RFC 8252), PKCE, and a small step recorder whose JSON
// lines the Java side (BrowserIT, McpClientsBrowserIT) turns into one test result per step.
import { chromium } from 'playwright-core';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Chromium with a fresh profile; hostMap maps names to 127.0.0.1 (e.g. gateway.test). */
export async function launch(hostMap = []) {
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  if (hostMap.length > 0) {
    args.push(`--host-resolver-rules=${hostMap.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}`);
  }
  // launch() gives every run its own throw-away user-data-dir
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}

export function fail(message) {
  throw new Error(message);
}

export function check(condition, message) {
  if (!condition) {
    fail(message);
  }
}

/** Runs named steps in order, prints one JSON line per step, never stops at the first failure. */
export class Steps {
  constructor(prefix) {
    this.prefix = prefix;
    this.failed = 0;
  }

  async run(name, body) {
    const started = Date.now();
    try {
      await body();
      console.log(JSON.stringify({ step: `${this.prefix}${name}`, ok: true, ms: Date.now() - started }));
    } catch (error) {
      this.failed++;
      console.log(JSON.stringify({ step: `${this.prefix}${name}`, ok: false, ms: Date.now() - started,
        error: String(error?.stack || error) }));
    }
  }
}

/** A page that remembers its last main-frame document response and saves screenshots. */
export class Person {
  /** Pages (of every Person) wider than the viewport when their screenshot was taken. */
  static tooWide = [];

  constructor(context, page, shots, label) {
    this.context = context;
    this.page = page;
    this.shots = shots;
    this.label = label;
    this.console = [];
    page.on('console', (message) => this.console.push(message.text()));
    mkdirSync(shots, { recursive: true });
  }

  static async open(browser, shots, label) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return new Person(context, page, shots, label);
  }

  async goto(url) {
    return this.navigation(() => this.page.goto(String(url), { waitUntil: 'load' }));
  }

  /** Clicks what submits a form; the final document response after redirects. */
  async submit(selector) {
    return this.navigation(() => Promise.all([
      this.page.waitForNavigation({ waitUntil: 'load' }),
      this.page.click(selector),
    ]));
  }

  /**
   * The last main-frame document response of a navigation. Chromium shows its own error page for
   * an error status with an empty body (net::ERR_HTTP_RESPONSE_CODE_FAILURE): that is still an
   * answer to check, so the response is returned rather than the navigation error.
   */
  async navigation(navigate) {
    let last = null;
    const seen = (response) => {
      if (response.request().isNavigationRequest() && response.frame() === this.page.mainFrame()) {
        last = response;
      }
    };
    this.page.on('response', seen);
    try {
      await navigate();
    } catch (error) {
      if (!String(error).includes('ERR_HTTP_RESPONSE_CODE_FAILURE') || last === null) {
        throw new Error(`${error.message}\nlast response: ${last?.status()} ${last?.url()}\nChromium said: `
          + this.console.slice(-3).join(' | '));
      }
    } finally {
      this.page.off('response', seen);
    }
    return last;
  }

  /** Saves a screenshot and notes a page wider than the phone-sized viewport (sideways scrolling). */
  async shot(name) {
    const [content, viewport] = await this.page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    if (content > viewport) {
      Person.tooWide.push(`${this.label}-${name} (${content}px in ${viewport}px)`);
    }
    await this.page.screenshot({ path: path.join(this.shots, `${this.label}-${name}.png`), fullPage: true });
  }

  async text() {
    return this.page.locator('body').innerText();
  }

  async heading() {
    return (await this.page.locator('h1').first().innerText()).trim();
  }

  /** Fills the sign-in form shown now and submits it. */
  async signIn(email, password) {
    await this.page.fill('input[name=email]', email);
    await this.page.fill('input[name=password]', password);
    return this.submit('form[action="/web/login"] button[type=submit]');
  }

  /** Signs out the way a person does: the sign-out page, then its button. */
  async signOut(base) {
    await this.goto(new URL('/web/logout', base));
    if (await this.page.locator('form[action="/web/logout"] button[type=submit]').count() > 0) {
      return this.submit('form[action="/web/logout"] button[type=submit]');
    }
    return null;
  }

  async decide(decision) {
    return this.submit(`button[name=decision][value=${decision}]`);
  }

  async close() {
    await this.context.close();
  }
}

/** Expects a response with this status; the message says what the person saw. */
export async function expectStatus(person, response, status, what) {
  const seen = response ? response.status() : 'no response';
  if (seen !== status) {
    const body = await person.text().catch(() => '');
    fail(`${what}: expected HTTP ${status}, got ${seen} at ${person.page.url()}: ${body.slice(0, 400)}`);
  }
}

export async function expectText(person, fragment, what) {
  const body = await person.text();
  check(body.toLowerCase().includes(fragment.toLowerCase()), `${what}: "${fragment}" not on the page at `
    + `${person.page.url()}: ${body.slice(0, 400)}`);
}

export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function randomState() {
  return randomBytes(16).toString('base64url');
}

/**
 * A loopback HTTP server as a native app's redirect target: {@code callback} resolves with the
 * first callback URL, {@code next()} with the next one not yet taken.
 */
export async function loopback(pathname = '/callback') {
  const arrived = [];
  const waiting = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url, `http://127.0.0.1:${server.address().port}`);
    if (url.pathname !== pathname) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><title>App</title><h1>Back in the app</h1><p>You can close this window.</p>');
    const taker = waiting.shift();
    if (taker) {
      taker(url);
    } else {
      arrived.push(url);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  const next = () => (arrived.length > 0 ? Promise.resolve(arrived.shift())
    : new Promise((resolve) => waiting.push(resolve)));
  return {
    redirectUri: `http://127.0.0.1:${port}${pathname}`,
    get callback() {
      if (!this.first) {
        this.first = next();
      }
      return this.first;
    },
    next,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

/**
 * What a person does when an app opens the browser at an authorization URL: sign in if asked,
 * allow on the consent page. Resolves with the last document response (the app's redirect target).
 */
export async function signInAndAllow(person, url, account, shotPrefix = '', onConsentPage = async () => {}) {
  let response = await person.goto(url);
  if (new URL(person.page.url()).pathname === '/web/login') {
    await person.shot(`${shotPrefix}sign-in`);
    response = await person.signIn(account.email, account.password);
  }
  if (await person.page.locator('button[name=decision][value=approve]').count() > 0) {
    await person.shot(`${shotPrefix}consent`);
    await onConsentPage(person);
    response = await person.decide('approve');
  }
  return response;
}

/**
 * A URL for this script's own HTTP calls: a name only Chromium resolves (--host-resolver-rules)
 * is reached at 127.0.0.1 here.
 */
export function direct(url, mappedHost) {
  const target = new URL(String(url));
  if (mappedHost && target.hostname === mappedHost) {
    target.hostname = '127.0.0.1';
  }
  return target;
}

export async function postForm(url, fields) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString() });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, json, text };
}

/** A new account through the legacy registration endpoint (what the dashboard does). */
export async function newAccount(base, prefix) {
  const email = `${prefix}-${Date.now()}-${randomBytes(3).toString('hex')}@example.com`;
  const password = 'correct horse 12';
  const response = await fetch(new URL('/v1/auth/register', base), { method: 'POST',
    headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  check(response.status < 300, `registering ${email}: ${response.status} ${await response.text()}`);
  return { email, password };
}
