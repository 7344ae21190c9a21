// mcp-remote 0.15.1, the stdio bridge desktop MCP clients launch, against /mcp with the person's
// part in headless Chromium. This script is the desktop client: it starts mcp-remote over stdio
// with the official SDK's StdioClientTransport. mcp-remote opens "the system browser" through the
// open package (its bundled xdg-open runs $BROWSER): BROWSER is hand-over.sh, which writes the URL
// to a file this script watches (its "Please authorize this client by visiting" line on stderr is
// read too), and the person signs in and allows in Chromium; the browser then lands on
// mcp-remote's own loopback callback. Tools are listed, memory_create and memory_search called;
// memory_delete needs memories:delete, so mcp-remote steps up through Chromium again.
// With "device", mcp-remote signs in with the device grant (--device-code) instead: it prints the
// verification URL and polls; the person opens it in Chromium and approves a few polls later.
// Usage: node mcp-remote.mjs <base-url> <shots-dir> [device]
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Person, Steps, check, launch, newAccount, signInAndAllow } from './browser.mjs';

const [base, shots, mode] = process.argv.slice(2);
const device = mode === 'device';
const here = path.dirname(fileURLToPath(import.meta.url));
const steps = new Steps(device ? 'mcp-remote --device-code: ' : 'mcp-remote: ');
const browser = await launch();
const person = await Person.open(browser, shots, device ? 'mcp-remote-device' : 'mcp-remote');
const account = await newAccount(base, 'mcp-remote');

const home = mkdtempSync(path.join(tmpdir(), 'onasis-mcp-remote-'));
const handoverFile = path.join(home, 'opened-urls');
const handover = path.join(home, 'hand-over.sh');
writeFileSync(handover, '#!/bin/sh\nprintf "%s\\n" "$1" >> "$HANDOVER_FILE"\n');
chmodSync(handover, 0o755);

const opened = [];
const handled = new Set();
let stderr = '';
let browsing = Promise.resolve();

/** Every authorization URL mcp-remote hands over, once, to the person in Chromium, in order. */
function collect() {
  const urls = existsSync(handoverFile) ? readFileSync(handoverFile, 'utf8').split('\n') : [];
  const printed = [...stderr.matchAll(/Please authorize this client by visiting:\s*\n(\S+)/g),
    ...stderr.matchAll(/To authorize this client, visit:\s*\n(?:\[\d+\])?\s*(\S+)/g)].map((match) => match[1]);
  for (const url of [...urls, ...printed].map((line) => line.trim()).filter((line) => line.startsWith('http'))) {
    // the same authorization request reaches us twice (file and stderr, spelled differently): one per state
    const state = new URL(url).searchParams.get(device ? 'user_code' : 'state');
    if (!handled.has(state)) {
      handled.add(state);
      opened.push(new URL(url));
      const number = opened.length;
      // the device grant: mcp-remote polls at the advertised interval (1 s here) while the person
      // signs in; a few seconds pass before they allow, so several polls are still pending
      const pause = device ? () => new Promise((resolve) => setTimeout(resolve, 3000)) : async () => {};
      browsing = browsing.then(() => signInAndAllow(person, url, account, `authorization-${number}-`, pause))
        .then((response) => console.error(`authorization ${number}: ${response?.status()} ${person.page.url()}`))
        .catch((error) => console.error(`authorization ${number} failed: ${error}`));
    }
  }
}
const watcher = setInterval(collect, 200);

const transport = new StdioClientTransport({
  command: process.execPath,
  args: [path.join(here, 'node_modules/mcp-remote/dist/proxy.js'), new URL('/mcp', base).toString(),
    '--transport', 'http-only', ...(device ? ['--device-code'] : [])],
  env: { ...process.env, BROWSER: handover, HANDOVER_FILE: handoverFile, MCP_REMOTE_CONFIG_DIR: path.join(home, 'config'),
    DISPLAY: '', XDG_CURRENT_DESKTOP: '' },
  stderr: 'pipe',
});
transport.stderr?.on('data', (chunk) => { stderr += chunk.toString(); });
const client = new Client({ name: 'onasis-browser-mcp-remote', version: '1.0.0' });
let id;

await steps.run(device ? 'connects after the person approves the device in Chromium'
  : 'connects after sign-in and consent in Chromium', async () => {
  await client.connect(transport, { timeout: 60_000 });
  check(opened.length === 1, `authorizations: ${opened.length}`);
  check(!device || new URL('/oauth/device', base).pathname === opened[0].pathname, `not the device page: ${opened[0]}`);
});

await steps.run('tools/list, memory_create, memory_search', async () => {
  const tools = (await client.listTools()).tools.map((tool) => tool.name);
  for (const name of ['memory_create', 'memory_search', 'memory_delete']) {
    check(tools.includes(name), `${name} not in ${tools}`);
  }
  const created = await client.callTool({ name: 'memory_create',
    arguments: { title: `mcp-remote ${Date.now()}`, content: 'made through mcp-remote and Chromium' } });
  check(!created.isError, `memory_create: ${JSON.stringify(created)}`);
  id = created.structuredContent?.id ?? JSON.parse(created.content?.[0]?.text ?? '{}').id;
  check(id, `no id: ${JSON.stringify(created)}`);
  const found = await client.callTool({ name: 'memory_search', arguments: { query: 'mcp-remote' } });
  check(!found.isError && JSON.stringify(found).includes(id), `memory_search did not find ${id}: ${JSON.stringify(found)}`);
});

if (!device) await steps.run('memory_delete steps up to memories:delete in Chromium and deletes', async () => {
  check(id, 'nothing was created');
  const deleted = await client.callTool({ name: 'memory_delete', arguments: { id } }, undefined, { timeout: 60_000 });
  check(opened.length === 2, `authorizations: ${opened.length}`);
  const asked = opened[1].searchParams.get('scope') || '';
  check(asked.split(' ').includes('memories:delete'), `the step-up asked for "${asked}"`);
  check(!deleted.isError, `memory_delete after step-up: ${JSON.stringify(deleted)}`);
  const again = await client.callTool({ name: 'memory_delete', arguments: { id } });
  check(again.isError, `deleting it again should fail: ${JSON.stringify(again)}`);
});

clearInterval(watcher);
await client.close().catch(() => {});
await browsing;
await person.close();
await browser.close();
if (steps.failed > 0) {
  console.error(`--- mcp-remote's stderr\n${stderr}`);
}
rmSync(home, { recursive: true, force: true });
process.exit(steps.failed > 0 ? 1 : 0);
