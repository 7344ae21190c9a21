// Every page a person meets, in headless Chromium against a running gateway: sign-in (right and
// wrong password, lock-out), sign-out, authorization code + PKCE for a loopback client through
// login and consent, deny, device approval, the error pages, the rate-limit page. One JSON line
// per step; a screenshot per page under <shots>.
// Usage: node pages.mjs <base-url> <shots-dir> <label> [host-to-map-to-127.0.0.1]
// The jar runs with ONASIS_LOGIN_MAX_FAILURES=3 and a device interval of 1 s (see BrowserIT).
import {
  Person, Steps, check, direct, expectStatus, expectText, launch, loopback, newAccount, pkce, postForm, randomState,
} from './browser.mjs';

const [base, shots, label, mappedHost] = process.argv.slice(2);
const CLIENT = 'lanonasis-cli';
const steps = new Steps('');
const browser = await launch(mappedHost ? [mappedHost] : []);

const api = (pathname) => direct(new URL(pathname, base), mappedHost);

// a consent once given is remembered per client: steps that need the consent page use a client of their own
function authorizeUrl(redirectUri, challenge, state, client = CLIENT, scope = 'memories:read memories:write') {
  const url = new URL('/oauth/authorize', base);
  url.search = new URLSearchParams({ response_type: 'code', client_id: client, redirect_uri: redirectUri,
    scope, state, code_challenge: challenge, code_challenge_method: 'S256' }).toString();
  return url.toString();
}

async function tokenWorks(accessToken, what) {
  const response = await fetch(api('/api/v1/memory'), { headers: { authorization: `Bearer ${accessToken}` } });
  check(response.status === 200, `${what}: the token was refused by /api/v1/memory: ${response.status} `
    + `${await response.text()}`);
}

const alice = await newAccount(api('/'), 'alice');
const locked = await newAccount(api('/'), 'locked');
const person = await Person.open(browser, shots, label);

await steps.run('sign-in page', async () => {
  const response = await person.goto(new URL('/web/login', base));
  await expectStatus(person, response, 200, 'the sign-in page');
  check(await person.page.locator('input[name=password]').isVisible(), 'no password field on the sign-in page');
  await person.shot('sign-in');
});

await steps.run('the stylesheet loads under a CSP without inline style or script', async () => {
  const response = await person.goto(new URL('/web/login', base));
  const policy = response.headers()['content-security-policy'] || '';
  check(policy.includes("default-src 'none'") && !policy.includes('unsafe-inline'), `CSP: ${policy}`);
  const rules = await person.page.evaluate(() => [...document.styleSheets]
    .reduce((count, sheet) => count + sheet.cssRules.length, 0));
  check(rules > 0, 'no stylesheet rules applied to the sign-in page');
  const refused = person.console.filter((message) => message.includes('Content Security Policy'));
  check(refused.length === 0, `Chromium refused: ${refused.join(' | ')}`);
});

await steps.run('wrong password', async () => {
  const response = await person.signIn(alice.email, 'not the password');
  await expectStatus(person, response, 401, 'a wrong password');
  await expectText(person, 'incorrect', 'a wrong password');
  check(await person.page.locator('[role=alert]').count() > 0, 'the problem is not announced (role=alert)');
  await person.shot('sign-in-wrong-password');
});

await steps.run('right password', async () => {
  await person.goto(new URL('/web/login', base));
  const response = await person.signIn(alice.email, alice.password);
  await expectStatus(person, response, 200, 'a right password');
  await expectText(person, alice.email, 'after signing in');
  await person.shot('signed-in');
});

await steps.run('sign out', async () => {
  const response = await person.submit('form[action="/web/logout"] button[type=submit]');
  await expectStatus(person, response, 200, 'signing out');
  await expectText(person, 'signed out', 'signing out');
  await person.shot('signed-out');
  const again = await person.goto(new URL('/web/login', base));
  await expectStatus(person, again, 200, 'the sign-in page after signing out');
  check(await person.page.locator('input[name=password]').isVisible(), 'still signed in after signing out');
});

await steps.run('sign in and out with the keyboard only', async () => {
  const keys = await Person.open(browser, shots, label);
  try {
    await keys.goto(new URL('/web/login', base));
    const page = keys.page;
    // the focused field's name, or the focused button's label
    const focused = () => page.evaluate(() => {
      const element = document.activeElement;
      return element?.tagName === 'BUTTON' ? element.textContent.trim() : element?.getAttribute('name');
    });
    for (let tab = 0; tab < 10 && await focused() !== 'email'; tab++) {
      await page.keyboard.press('Tab');
    }
    check(await focused() === 'email', 'Tab never reaches the email field');
    await page.keyboard.type(alice.email);
    await page.keyboard.press('Tab');
    check(await focused() === 'password', `Tab from email goes to ${await focused()}, not the password`);
    await page.keyboard.type(alice.password);
    const signedIn = await keys.navigation(() => Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
      page.keyboard.press('Enter')]));
    await expectStatus(keys, signedIn, 200, 'Enter in the password field');
    await expectText(keys, alice.email, 'signed in with the keyboard');
    for (let tab = 0; tab < 10 && !/sign out/i.test(await focused() ?? ''); tab++) {
      await page.keyboard.press('Tab');
    }
    check(/sign out/i.test(await focused() ?? ''), 'Tab never reaches the Sign out button');
    const signedOut = await keys.navigation(() => Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
      page.keyboard.press('Enter')]));
    await expectStatus(keys, signedOut, 200, 'Enter on Sign out');
    await expectText(keys, 'signed out', 'signed out with the keyboard');
  } finally {
    await keys.close();
  }
});

await steps.run('lock-out message', async () => {
  const other = await Person.open(browser, shots, label);
  try {
    await other.goto(new URL('/web/login', base));
    for (let attempt = 1; attempt <= 3; attempt++) {
      const response = await other.signIn(locked.email, `wrong ${attempt}`);
      await expectStatus(other, response, 401, `wrong password ${attempt} of 3`);
    }
    const response = await other.signIn(locked.email, locked.password);
    await expectStatus(other, response, 429, 'the right password after three failures');
    await expectText(other, 'too many failed attempts', 'the lock-out');
    await expectText(other, 'try again in', 'the lock-out');
    await other.shot('sign-in-locked-out');
  } finally {
    await other.close();
  }
});

await steps.run('authorization code + PKCE through login and consent', async () => {
  const app = await loopback();
  try {
    const { verifier, challenge } = pkce();
    const state = randomState();
    const login = await person.goto(authorizeUrl(app.redirectUri, challenge, state));
    await expectStatus(person, login, 200, 'the authorization request of a signed-out person');
    check(new URL(person.page.url()).pathname === '/web/login', `not sent to sign in: ${person.page.url()}`);
    await person.shot('authorize-sign-in');
    const consent = await person.signIn(alice.email, alice.password);
    await expectStatus(person, consent, 200, 'the consent page');
    await expectText(person, 'Lanonasis CLI', 'the consent page names the app');
    await expectText(person, '127.0.0.1', 'the consent page says where it sends you');
    await expectText(person, 'Read your memories', 'scopes in plain words');
    await expectText(person, 'Create and change your memories', 'scopes in plain words');
    check(!(await person.text()).toLowerCase().includes('unverified'), 'a pre-registered app is called unverified');
    await person.shot('consent');
    const back = await person.decide('approve');
    await expectStatus(person, back, 200, 'back at the app after allowing');
    const callback = await app.callback;
    check(callback.searchParams.get('state') === state, `state: ${callback}`);
    check(callback.searchParams.get('iss') === base, `iss (RFC 9207) ${callback.searchParams.get('iss')} is not ${base}`);
    const code = callback.searchParams.get('code');
    check(code, `no code in ${callback}`);
    await person.shot('back-in-the-app');
    const token = await postForm(api('/oauth/token'), { grant_type: 'authorization_code', code,
      redirect_uri: app.redirectUri, client_id: CLIENT, code_verifier: verifier });
    check(token.status === 200 && token.json?.access_token, `token exchange: ${token.status} ${token.text}`);
    check(token.json.scope.split(' ').sort().join(' ') === 'memories:read memories:write', `scope ${token.json.scope}`);
    await tokenWorks(token.json.access_token, 'the authorization code token');
  } finally {
    await app.close();
  }
});

await steps.run('deny', async () => {
  const app = await loopback();
  try {
    const state = randomState();
    const consent = await person.goto(authorizeUrl(app.redirectUri, pkce().challenge, state, 'onasis-cli'));
    await expectStatus(person, consent, 200, 'the consent page (signed in)');
    check(await person.page.locator('button[name=decision][value=deny]').isVisible(), 'no Deny button');
    const back = await person.decide('deny');
    await expectStatus(person, back, 200, 'back at the app after denying');
    const callback = await app.callback;
    check(callback.searchParams.get('error') === 'access_denied', `denied: ${callback}`);
    check(callback.searchParams.get('state') === state && !callback.searchParams.has('code'), `denied: ${callback}`);
  } finally {
    await app.close();
  }
});

await steps.run('returning person: signing in goes straight back to the app', async () => {
  const app = await loopback();
  try {
    const state = randomState();
    await person.signOut(base);
    const login = await person.goto(authorizeUrl(app.redirectUri, pkce().challenge, state));
    await expectStatus(person, login, 200, 'the sign-in page');
    const back = await person.signIn(alice.email, alice.password);
    await expectStatus(person, back, 200, 'back at the app after signing in (consent already given)');
    const callback = await app.callback;
    check(callback.searchParams.get('state') === state && callback.searchParams.get('code'), `callback ${callback}`);
  } finally {
    await app.close();
  }
});

await steps.run('device approval after several polls', async () => {
  const started = await postForm(api('/oauth/device'), { client_id: CLIENT, scope: 'memories:read' });
  check(started.status === 200, `device authorization: ${started.status} ${started.text}`);
  const device = started.json;
  let pending = 0;
  let slowDowns = 0;
  let interval = device.interval;
  let stop = false;
  const poller = (async () => {
    while (!stop) {
      await new Promise((resolve) => setTimeout(resolve, interval * 1000));
      const polled = await postForm(api('/oauth/token'), { client_id: CLIENT, device_code: device.device_code,
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code' });
      if (polled.status === 200) {
        return polled.json;
      }
      const error = polled.json?.error;
      if (error === 'authorization_pending') {
        pending++;
      } else if (error === 'slow_down') {
        slowDowns++;
        interval += 5; // RFC 8628 §3.5
      } else {
        throw new Error(`device poll ${pending + 1}: ${polled.status} ${polled.text}`);
      }
    }
    return null;
  })();
  try {
    const page = await person.goto(device.verification_uri_complete);
    await expectStatus(person, page, 200, 'the device page');
    await expectText(person, device.user_code, 'the device page shows the code');
    await expectText(person, 'Read your memories', 'the device page says what the device gets, in plain words');
    await person.shot('device-approve');
    const deadline = Date.now() + 30_000;
    while (pending < 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    check(pending >= 3, `only ${pending} pending polls before approving`);
    const done = await person.decide('approve');
    await expectStatus(person, done, 200, 'approving the device');
    await expectText(person, 'return to your device', 'after approving');
    await person.shot('device-approved');
    const tokens = await Promise.race([poller,
      new Promise((_, reject) => setTimeout(() => reject(new Error('the poller got no tokens in 30 s')), 30_000))]);
    check(tokens?.access_token, `device tokens: ${JSON.stringify(tokens)}`);
    check(slowDowns === 0, `told to slow down ${slowDowns} times while polling at the advertised ${device.interval} s`);
    await tokenWorks(tokens.access_token, 'the device token');
  } finally {
    stop = true;
  }
});

await steps.run('error page: unknown app', async () => {
  const url = new URL('/oauth/authorize', base);
  url.search = new URLSearchParams({ response_type: 'code', client_id: 'no-such-app',
    redirect_uri: 'http://127.0.0.1:9/callback', code_challenge: pkce().challenge,
    code_challenge_method: 'S256', state: 's' }).toString();
  const response = await person.goto(url);
  await expectStatus(person, response, 400, 'an unknown client');
  check((await person.heading()).length > 0, 'no heading on the error page');
  check(new URL(person.page.url()).host === new URL(base).host, 'an unknown client was redirected');
  await person.shot('error-unknown-app');
});

await steps.run('error page: redirect not registered', async () => {
  const response = await person.goto(authorizeUrl('https://evil.example/callback', pkce().challenge, 's'));
  await expectStatus(person, response, 400, 'an unregistered redirect');
  check(new URL(person.page.url()).host === new URL(base).host, 'sent to an unregistered redirect');
  await person.shot('error-redirect-not-registered');
});

await steps.run('error page: unknown device code', async () => {
  const response = await person.goto(new URL('/oauth/device?user_code=ZZZZ-ZZZZ', base));
  await expectStatus(person, response, 404, 'an unknown device code');
  await expectText(person, 'not found', 'an unknown device code');
  check(await person.page.locator('input[name=user_code]').isVisible(), 'no field to enter the code again');
  await person.shot('error-unknown-device-code');
});

await steps.run('error page: expired form', async () => {
  const app = await loopback();
  try {
    const consent = await person.goto(authorizeUrl(app.redirectUri, pkce().challenge, 's', 'vscode-extension'));
    await expectStatus(person, consent, 200, 'the consent page');
    await person.context.clearCookies({ name: 'onasis_csrf' });
    const response = await person.decide('approve');
    await expectStatus(person, response, 403, 'a consent form without its CSRF cookie');
    check((await person.heading()).length > 0, 'no heading on the expired-form page');
    await person.shot('error-form-expired');
  } finally {
    await app.close();
  }
});

await steps.run('error page: session ended', async () => {
  const app = await loopback();
  try {
    const consent = await person.goto(authorizeUrl(app.redirectUri, pkce().challenge, 's', 'mcp-client'));
    await expectStatus(person, consent, 200, 'the consent page');
    const elsewhere = new Person(person.context, await person.context.newPage(), shots, label);
    const signedOut = await elsewhere.signOut(base);
    await expectStatus(elsewhere, signedOut, 200, 'signing out in another tab');
    await elsewhere.page.close();
    const response = await person.decide('approve');
    await expectStatus(person, response, 401, 'allowing after signing out in another tab');
    check((await person.heading()).length > 0, 'no heading on the session-ended page');
    await person.shot('error-session-ended');
  } finally {
    await app.close();
  }
});

await steps.run('error page: too many wrong device codes', async () => {
  const guesser = await Person.open(browser, shots, label);
  try {
    const account = await newAccount(api('/'), 'guesser');
    await guesser.goto(new URL('/oauth/device', base));
    const entry = await guesser.signIn(account.email, account.password);
    await expectStatus(guesser, entry, 200, 'the device code entry page after signing in');
    let response;
    for (let attempt = 1; attempt <= 20; attempt++) {
      await guesser.page.fill('input[name=user_code]', `WXYZ-${String(1000 + attempt).slice(-4)}`);
      response = await guesser.submit('form[action="/oauth/device"] button[type=submit]');
      if (response.status() !== 404) {
        break;
      }
    }
    await expectStatus(guesser, response, 429, 'wrong code after wrong code');
    check(response.headers()['retry-after'], 'no Retry-After');
    await expectText(guesser, 'try again in', 'too many wrong codes');
    await guesser.shot('error-too-many-wrong-device-codes');
  } finally {
    await guesser.close();
  }
});

// last: it uses up this address's authorization requests for the rest of the minute
await steps.run('rate-limit page', async () => {
  let response;
  for (let attempt = 0; attempt < 100; attempt++) {
    response = await person.goto(authorizeUrl('http://127.0.0.1:9/callback', pkce().challenge, 's'));
    if (response.status() === 429) {
      break;
    }
  }
  await expectStatus(person, response, 429, 'the authorization endpoint past its limit');
  check(response.headers()['retry-after'], 'no Retry-After');
  const type = response.headers()['content-type'] || '';
  await person.shot('rate-limited');
  check(type.startsWith('text/html'), `a browser got ${type}, not a page: ${(await person.text()).slice(0, 200)}`);
  check((await person.heading()).length > 0, 'no heading on the rate-limit page');
});

await steps.run('every page fits a phone\'s width', async () => {
  check(Person.tooWide.length === 0, `scrolls sideways at 390 px: ${Person.tooWide.join(', ')}`);
});

await person.close();
await browser.close();
process.exit(steps.failed > 0 ? 1 : 0);
