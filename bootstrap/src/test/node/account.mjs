// The account page (/account) in headless Chromium against a running gateway, as a person uses it
// without JavaScript: sign in (sent there from /account), create an API key and read it once from
// the page, use it, revoke it; change the password (a session in another browser context ends);
// revoke a connected app (its access token stops at /api/v1/memory); delete the account with the
// typed confirmation (signing in afterwards fails). One JSON line per step; screenshots under <shots>.
// Usage: node account.mjs <base-url> <shots-dir> <label>
import {
  Person, Steps, check, expectStatus, expectText, launch, loopback, newAccount, pkce, postForm, randomState,
  signInAndAllow,
} from './browser.mjs';

const [base, shots, label] = process.argv.slice(2);
const CLIENT = 'lanonasis-cli';
const steps = new Steps('');
const browser = await launch();
const api = (pathname) => new URL(pathname, base);

async function memoryStatus(headers) {
  const response = await fetch(api('/api/v1/memory'), { headers });
  return response.status;
}

const account = await newAccount(api('/'), 'account');
const person = await Person.open(browser, shots, `${label}-account`);
const elsewhere = await Person.open(browser, shots, `${label}-elsewhere`);
let apiKey = null;
let appToken = null;

await steps.run('not signed in: /account sends the person to sign in and back', async () => {
  const login = await person.goto(new URL('/account', base));
  await expectStatus(person, login, 200, 'the sign-in page');
  const url = new URL(person.page.url());
  check(url.pathname === '/web/login' && url.searchParams.get('return_to') === '/account', `sent to ${url}`);
  const page = await person.signIn(account.email, account.password);
  await expectStatus(person, page, 200, 'the account page after signing in');
  check(new URL(person.page.url()).pathname === '/account', `landed at ${person.page.url()}`);
  check((await person.heading()) === 'Your account', `heading ${await person.heading()}`);
  await expectText(person, account.email, 'the page names the person');
  await expectText(person, 'This browser', 'the current session is marked');
  const styled = await person.page.evaluate(() => getComputedStyle(document.querySelector('main')).maxWidth);
  check(styled !== 'none', `the service's stylesheet does not apply (main max-width ${styled})`);
  await person.shot('page');
});

await steps.run('create an API key, read it once, use it', async () => {
  await person.page.fill('#key_name', 'from Chromium');
  const created = await person.submit('form[action="/account/keys"] button[type=submit]');
  await expectStatus(person, created, 200, 'the new key page');
  apiKey = (await person.page.locator('#new-api-key').innerText()).trim();
  check(/^pk_[A-Za-z0-9]+\.sk_[A-Za-z0-9]+$/.test(apiKey), `not a key: ${apiKey}`);
  await person.shot('new-key');
  check(await memoryStatus({ 'x-api-key': apiKey }) === 200, 'the new key does not read /api/v1/memory');
  await person.goto(new URL('/account', base));
  check(!(await person.text()).includes(apiKey.split('.')[1]), 'the secret is shown again');
});

await steps.run('revoke the API key', async () => {
  const keyId = apiKey.split('.')[0].slice(3);
  const back = await person.submit(`form[action="/account/keys/${keyId}/revoke"] button[type=submit]`);
  await expectStatus(person, back, 200, 'back on the account page');
  await expectText(person, 'The API key was revoked.', 'the page says so');
  check(await memoryStatus({ 'x-api-key': apiKey }) === 401, 'the revoked key still works');
});

await steps.run('revoke a connected app: its access token stops', async () => {
  const app = await loopback();
  try {
    const { verifier, challenge } = pkce();
    const url = new URL('/oauth/authorize', base);
    url.search = new URLSearchParams({ response_type: 'code', client_id: CLIENT, redirect_uri: app.redirectUri,
      scope: 'memories:read', state: randomState(), code_challenge: challenge, code_challenge_method: 'S256' })
      .toString();
    await signInAndAllow(person, url, account, 'app-');
    const code = (await app.callback).searchParams.get('code');
    const token = await postForm(api('/oauth/token'), { grant_type: 'authorization_code', code,
      redirect_uri: app.redirectUri, client_id: CLIENT, code_verifier: verifier });
    check(token.status === 200, `token exchange: ${token.status} ${token.text}`);
    appToken = token.json.access_token;
    check(await memoryStatus({ authorization: `Bearer ${appToken}` }) === 200, 'the app token does not work');
  } finally {
    await app.close();
  }
  await person.goto(new URL('/account', base));
  await expectText(person, 'Lanonasis CLI', 'the app is listed');
  await person.shot('connected-app');
  const back = await person.submit(`li[data-app="${CLIENT}"] button[type=submit]`);
  await expectStatus(person, back, 200, 'back on the account page');
  await expectText(person, 'access was revoked', 'the page says so');
  check(await memoryStatus({ authorization: `Bearer ${appToken}` }) === 401, 'the revoked app token still works');
});

await steps.run('change the password: the other browser is signed out', async () => {
  await elsewhere.goto(new URL('/account', base));
  await elsewhere.signIn(account.email, account.password);
  check(new URL(elsewhere.page.url()).pathname === '/account', `elsewhere landed at ${elsewhere.page.url()}`);
  await person.goto(new URL('/account', base));
  await expectText(person, 'Sign out all other sessions', 'two sessions are listed');
  const newPassword = `${account.password} and more`;
  await person.page.fill('#current_password', account.password);
  await person.page.fill('#new_password', newPassword);
  const back = await person.submit('form[action="/account/password"] button[type=submit]');
  await expectStatus(person, back, 200, 'back on the account page');
  await expectText(person, 'Your password was changed', 'the page says so');
  account.password = newPassword;
  const other = await elsewhere.goto(new URL('/account', base));
  await expectStatus(elsewhere, other, 200, 'the other browser is sent to sign in');
  check(new URL(elsewhere.page.url()).pathname === '/web/login', `the other browser still sees ${elsewhere.page.url()}`);
  await person.goto(new URL('/account', base));
  check(new URL(person.page.url()).pathname === '/account', 'this browser was signed out too');
});

await steps.run('delete the account with the confirmation: signing in fails afterwards', async () => {
  await person.page.fill('#confirm', 'delete please');
  await person.page.fill('#delete_password', account.password);
  const refused = await person.submit('form[action="/account/delete"] button[type=submit]');
  await expectStatus(person, refused, 400, 'a wrong confirmation');
  await expectText(person, 'type DELETE followed by your e-mail address', 'the page says what to type');
  await person.page.fill('#confirm', `DELETE ${account.email}`);
  await person.page.fill('#delete_password', account.password);
  const deleted = await person.submit('form[action="/account/delete"] button[type=submit]');
  await expectStatus(person, deleted, 200, 'the deletion');
  await expectText(person, 'Account deleted', 'the page says so');
  await person.shot('deleted');
  const login = await person.goto(new URL('/web/login', base));
  await expectStatus(person, login, 200, 'the sign-in page');
  const again = await person.signIn(account.email, account.password);
  await expectStatus(person, again, 401, 'signing in to the deleted account');
});

await steps.run('every account page fits a phone\'s width', async () => {
  check(Person.tooWide.length === 0, `scrolls sideways at 390 px: ${Person.tooWide.join(', ')}`);
});

await person.close();
await elsewhere.close();
await browser.close();
process.exit(steps.failed > 0 ? 1 : 0);
