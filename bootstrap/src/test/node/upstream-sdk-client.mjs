// The official TypeScript SDK client (@modelcontextprotocol/sdk 1.32.2) with its own OAuth
// machinery against an upstream MCP server behind the gateway (/servers/<name>/mcp, issue 14): it
// discovers the authorization server from the upstream's 401 (resource_metadata), registers,
// the person signs in and allows in headless Chromium, and the token it gets carries exactly the
// upstream's resource URI as audience; then it lists and calls the upstream's tools
// (@modelcontextprotocol/server-everything) through the gateway.
// Usage: node upstream-sdk-client.mjs <base-url> <shots-dir> <upstream-name>
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { Person, Steps, check, launch, loopback, newAccount, signInAndAllow } from './browser.mjs';

const [base, shots, upstream] = process.argv.slice(2);
const steps = new Steps(`TypeScript SDK via /servers/${upstream}/mcp: `);
const browser = await launch();
const person = await Person.open(browser, shots, `upstream-${upstream}`);
const account = await newAccount(base, 'upstream');
const app = await loopback();
const resource = new URL(`/servers/${upstream}/mcp`, base);

class ChromiumProvider {
  constructor() {
    this.authorizations = [];
  }

  get redirectUrl() {
    return app.redirectUri;
  }

  get clientMetadata() {
    return { client_name: 'Onasis upstream test (TypeScript SDK)', redirect_uris: [app.redirectUri],
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'none' };
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
    const response = await signInAndAllow(person, url, account, `authorization-${this.authorizations.length}-`,
      async (page) => {
        const seen = await page.text();
        check(seen.includes('Onasis upstream test (TypeScript SDK)'), 'the app name is not shown');
      });
    check(response?.status() === 200, `the browser did not get back to the app: ${response?.status()} ${person.page.url()}`);
  }

  async code() {
    const callback = await app.next();
    check(callback.searchParams.get('code'), `no code: ${callback}`);
    return callback.searchParams.get('code');
  }
}

const provider = new ChromiumProvider();
let client;

await steps.run('discovers the gateway from the upstream 401 and signs in for that upstream', async () => {
  let transport = new StreamableHTTPClientTransport(resource, { authProvider: provider });
  client = new Client({ name: 'onasis-upstream-sdk', version: '1.0.0' });
  try {
    await client.connect(transport);
    throw new Error('connected without signing in');
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) {
      throw error;
    }
  }
  check(provider.authorizations.length === 1, `authorizations: ${provider.authorizations.length}`);
  const asked = provider.authorizations[0];
  check(asked.origin === new URL(base).origin && asked.pathname === '/oauth/authorize', `authorization URL ${asked}`);
  check(asked.searchParams.get('resource') === resource.href, `resource asked for: ${asked.searchParams.get('resource')}`);
  await transport.finishAuth(await provider.code());
  const token = provider.saved?.access_token;
  check(token, 'no tokens after finishAuth');
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
  const audience = [].concat(claims.aud);
  check(audience.length === 1 && audience[0] === resource.href, `aud ${JSON.stringify(claims.aud)}`);
  transport = new StreamableHTTPClientTransport(resource, { authProvider: provider });
  client = new Client({ name: 'onasis-upstream-sdk', version: '1.0.0' });
  await client.connect(transport);
  check(client.getServerVersion()?.name?.includes('everything'), `server: ${JSON.stringify(client.getServerVersion())}`);
});

await steps.run("lists and calls the upstream's tools", async () => {
  const tools = (await client.listTools()).tools.map((tool) => tool.name);
  check(tools.includes('echo') && tools.includes('get-sum'), `tools: ${tools}`);
  const echoed = await client.callTool({ name: 'echo', arguments: { message: 'through the gateway' } });
  check(JSON.stringify(echoed).includes('through the gateway'), `echo: ${JSON.stringify(echoed)}`);
  const sum = await client.callTool({ name: 'get-sum', arguments: { a: 2, b: 40 } });
  check(JSON.stringify(sum).includes('42'), `get-sum: ${JSON.stringify(sum)}`);
});

await steps.run("the upstream's token is refused by the gateway's own /mcp and REST API", async () => {
  const token = provider.saved.access_token;
  const mcp = await fetch(new URL('/mcp', base), { method: 'POST', headers: { Authorization: `Bearer ${token}`,
    'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }) });
  check(mcp.status === 401, `/mcp answered ${mcp.status}`);
  const rest = await fetch(new URL('/api/v1/memory', base), { headers: { Authorization: `Bearer ${token}` } });
  check(rest.status === 401, `/api/v1/memory answered ${rest.status}`);
});

await client?.close().catch(() => {});
await app.close();
await person.close();
await browser.close();
process.exit(steps.failed > 0 ? 1 : 0);
