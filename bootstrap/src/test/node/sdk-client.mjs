// The official TypeScript SDK client (@modelcontextprotocol/sdk 1.32.2) with its own OAuth
// machinery against /mcp, the person's part done in headless Chromium: discovery from the 401,
// dynamic registration, authorization code + PKCE through sign-in and consent, tools/list,
// memory_create and memory_search; then memory_delete answers 403 insufficient_scope, the SDK
// asks for memories:delete, the person allows it in Chromium, and the delete happens.
// Usage: node sdk-client.mjs <base-url> <shots-dir>
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { Person, Steps, check, launch, loopback, newAccount, signInAndAllow } from './browser.mjs';

const [base, shots] = process.argv.slice(2);
const steps = new Steps('TypeScript SDK: ');
const browser = await launch();
const person = await Person.open(browser, shots, 'sdk-client');
const account = await newAccount(base, 'sdk');
const app = await loopback();

/** OAuthClientProvider whose redirectToAuthorization hands the URL to the person in Chromium. */
class ChromiumProvider {
  constructor() {
    this.authorizations = [];
  }

  get redirectUrl() {
    return app.redirectUri;
  }

  // No refresh_token grant: SDK 1.32.2 answers a 403 insufficient_scope by refreshing when it holds
  // a refresh token, which cannot widen the scope (RFC 6749 §6), and then gives up ("403 after
  // trying upscoping", modelcontextprotocol/typescript-sdk#2255). Without one it re-authorizes.
  get clientMetadata() {
    return { client_name: 'Onasis browser test (TypeScript SDK)', redirect_uris: [app.redirectUri],
      grant_types: ['authorization_code'], response_types: ['code'],
      token_endpoint_auth_method: 'none' };
  }

  clientInformation() {
    return this.client;
  }

  saveClientInformation(client) {
    this.client = client;
  }

  tokens() {
    return this.saved;
  }

  saveTokens(tokens) {
    this.saved = tokens;
  }

  saveCodeVerifier(verifier) {
    this.verifier = verifier;
  }

  codeVerifier() {
    return this.verifier;
  }

  async redirectToAuthorization(url) {
    this.authorizations.push(url);
    const first = this.authorizations.length === 1;
    const response = await signInAndAllow(person, url, account, `authorization-${this.authorizations.length}-`,
      async (page) => {
        const seen = await page.text();
        // a dynamically registered client is an unverified app; scopes are in plain words
        check(seen.includes('Unverified app'), `no unverified-app notice: ${seen.slice(0, 300)}`);
        check(seen.includes('Onasis browser test (TypeScript SDK)'), 'the app name is not shown');
        check(seen.includes(first ? 'Read your memories' : 'Delete your memories'), `scopes: ${seen.slice(0, 400)}`);
      });
    check(response?.status() === 200, `the browser did not get back to the app: ${response?.status()} ${person.page.url()}`);
  }

  /** The code the browser brought to the loopback redirect. */
  async code() {
    const callback = await app.next();
    check(callback.searchParams.get('code'), `no code: ${callback}`);
    check(callback.searchParams.get('iss') === base, `iss ${callback.searchParams.get('iss')}`);
    return callback.searchParams.get('code');
  }
}

const provider = new ChromiumProvider();
const mcp = new URL('/mcp', base);
let client;
let id;

await steps.run('connects after sign-in and consent in Chromium', async () => {
  let transport = new StreamableHTTPClientTransport(mcp, { authProvider: provider });
  client = new Client({ name: 'onasis-browser-sdk', version: '1.0.0' });
  try {
    await client.connect(transport);
    throw new Error('connected without signing in');
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) {
      throw error;
    }
  }
  check(provider.authorizations.length === 1, `authorizations: ${provider.authorizations.length}`);
  check(provider.client?.client_id, 'the SDK did not register a client');
  await transport.finishAuth(await provider.code());
  check(provider.saved?.access_token, 'no tokens after finishAuth');
  transport = new StreamableHTTPClientTransport(mcp, { authProvider: provider });
  client = new Client({ name: 'onasis-browser-sdk', version: '1.0.0' });
  await client.connect(transport);
});

await steps.run('tools/list, memory_create, memory_search', async () => {
  const tools = (await client.listTools()).tools.map((tool) => tool.name);
  for (const name of ['memory_create', 'memory_search', 'memory_delete']) {
    check(tools.includes(name), `${name} not in ${tools}`);
  }
  const title = `sdk browser ${Date.now()}`;
  const created = await client.callTool({ name: 'memory_create', arguments: { title, content: 'made through Chromium' } });
  check(!created.isError, `memory_create: ${JSON.stringify(created)}`);
  id = created.structuredContent?.id;
  check(id, `no id: ${JSON.stringify(created)}`);
  const found = await client.callTool({ name: 'memory_search', arguments: { query: 'Chromium' } });
  check(!found.isError && JSON.stringify(found).includes(id), `memory_search did not find ${id}: ${JSON.stringify(found)}`);
});

await steps.run('memory_delete steps up to memories:delete in Chromium and deletes', async () => {
  check(id, 'nothing was created');
  let deleted;
  try {
    deleted = await client.callTool({ name: 'memory_delete', arguments: { id } });
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) {
      throw error;
    }
  }
  check(deleted === undefined, `memory_delete without memories:delete: ${JSON.stringify(deleted)}`);
  check(provider.authorizations.length === 2, `no second authorization (${provider.authorizations.length})`);
  const asked = provider.authorizations[1].searchParams.get('scope') || '';
  check(asked.split(' ').includes('memories:delete'), `the step-up asked for "${asked}"`);
  await client.transport.finishAuth(await provider.code());
  check(provider.saved.scope?.split(' ').includes('memories:delete'), `new token scope: ${provider.saved.scope}`);
  deleted = await client.callTool({ name: 'memory_delete', arguments: { id } });
  check(!deleted.isError, `memory_delete after step-up: ${JSON.stringify(deleted)}`);
  const again = await client.callTool({ name: 'memory_delete', arguments: { id } });
  check(again.isError, `deleting it again should fail: ${JSON.stringify(again)}`);
});

await client?.close().catch(() => {});
await app.close();
await person.close();
await browser.close();
process.exit(steps.failed > 0 ? 1 : 0);
