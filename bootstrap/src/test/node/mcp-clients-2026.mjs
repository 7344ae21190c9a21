// Two generations of the official TypeScript SDK against one running jar, with an API key:
//   - @modelcontextprotocol/client 2.4.0 pinned to protocol revision 2026-07-28 (server/discover,
//     no initialize, no session): list tools, memory_create / memory_get, resources list/read,
//     memory_bulk_delete confirmed through an InputRequiredResult answered by its elicitation
//     handler, and a subscriptions/listen stream that sees a memory appear;
//   - @modelcontextprotocol/sdk 1.32.2 as a 2025-11-25 client (initialize, Mcp-Session-Id) on the
//     same jar, reading the memory the 2026 client wrote.
// Usage: node mcp-clients-2026.mjs <base url> <api key>. Prints one {"step","ok",...} line per check.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as TransportV1 } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [base, apiKey] = process.argv.slice(2);
const url = new URL('/mcp', base);
const headers = { 'X-API-Key': apiKey };
let failed = false;

async function step(name, check) {
  try {
    const detail = await check();
    console.log(JSON.stringify({ step: name, ok: true, detail }));
  } catch (error) {
    failed = true;
    console.log(JSON.stringify({ step: name, ok: false, error: String(error && error.stack || error) }));
  }
}

function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

function structured(result) {
  expect(!result.isError, 'tool error: ' + JSON.stringify(result));
  return result.structuredContent ?? JSON.parse(result.content[0].text);
}

// ---- 2026-07-28: the v2 SDK ----
const asked = [];
const modern = new Client({ name: 'onasis-2026-test', version: '1.0.0' }, {
  capabilities: { elicitation: {} },
  versionNegotiation: { mode: { pin: '2026-07-28' } },
});
modern.setRequestHandler('elicitation/create', async request => {
  asked.push(request.params.message);
  return { action: 'accept', content: { confirm: true } };
});
const modernTransport = new StreamableHTTPClientTransport(url, { requestInit: { headers } });
let created;

await step('2026: connects with server/discover, no session', async () => {
  await modern.connect(modernTransport);
  expect(modern.getNegotiatedProtocolVersion() === '2026-07-28',
    'negotiated ' + modern.getNegotiatedProtocolVersion());
  expect(modern.getServerVersion()?.name === 'onasis-gateway', JSON.stringify(modern.getServerVersion()));
  expect(!modernTransport.sessionId, 'a session id was issued: ' + modernTransport.sessionId);
  return { version: modern.getNegotiatedProtocolVersion() };
});

await step('2026: lists the memory tools', async () => {
  const { tools } = await modern.listTools();
  const names = tools.map(tool => tool.name);
  for (const name of ['memory_create', 'memory_get', 'memory_bulk_delete', 'memory_search']) {
    expect(names.includes(name), name + ' missing from ' + names);
  }
  return { tools: names.length };
});

let subscription;
const listChanged = [];
await step('2026: subscriptions/listen is acknowledged', async () => {
  modern.setNotificationHandler('notifications/resources/list_changed', notification => {
    listChanged.push(notification);
  });
  subscription = await modern.listen({ resourcesListChanged: true });
  expect(subscription.honoredFilter.resourcesListChanged === true, JSON.stringify(subscription.honoredFilter));
  return subscription.honoredFilter;
});

await step('2026: memory_create then memory_get', async () => {
  created = structured(await modern.callTool({ name: 'memory_create',
    arguments: { title: 'from the 2026 client', content: 'written by @modelcontextprotocol/client 2.4.0' } }));
  const read = structured(await modern.callTool({ name: 'memory_get', arguments: { id: created.id } }));
  expect(read.title === 'from the 2026 client', JSON.stringify(read));
  return { id: created.id };
});

await step('2026: the listen stream carries the change', async () => {
  for (let i = 0; i < 50 && listChanged.length === 0; i++) {
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  expect(listChanged.length > 0, 'no notifications/resources/list_changed on the subscription');
  await subscription.close();
  return { notifications: listChanged.length };
});

await step('2026: resources list and read', async () => {
  const { resources } = await modern.listResources();
  const uri = 'memory://' + created.id;
  expect(resources.some(resource => resource.uri === uri), uri + ' not in ' + JSON.stringify(resources));
  const read = await modern.readResource({ uri });
  expect(JSON.parse(read.contents[0].text).title === 'from the 2026 client', JSON.stringify(read));
  return { resources: resources.length };
});

await step('2026: memory_bulk_delete is confirmed through an InputRequiredResult', async () => {
  const doomed = structured(await modern.callTool({ name: 'memory_create',
    arguments: { title: 'to be bulk deleted', content: 'c' } }));
  const result = structured(await modern.callTool({ name: 'memory_bulk_delete', arguments: { ids: [doomed.id] } }));
  expect(asked.length === 1 && asked[0].includes('to be bulk deleted'), 'elicitation asked: ' + JSON.stringify(asked));
  expect(result.deleted === true && result.count === 1, JSON.stringify(result));
  const gone = await modern.callTool({ name: 'memory_get', arguments: { id: doomed.id } });
  expect(gone.isError === true, 'still there: ' + JSON.stringify(gone));
  return { asked: asked.length, deleted: result.count };
});

await modern.close().catch(() => {});

// ---- 2025-11-25: the v1 SDK on the same jar ----
const legacy = new ClientV1({ name: 'onasis-2025-test', version: '1.0.0' });
const legacyTransport = new TransportV1(url, { requestInit: { headers } });
await step('2025: initializes a session on the same endpoint', async () => {
  await legacy.connect(legacyTransport);
  expect(legacyTransport.sessionId, 'no Mcp-Session-Id');
  expect(legacyTransport.protocolVersion === '2025-11-25', 'negotiated ' + legacyTransport.protocolVersion);
  return { version: legacyTransport.protocolVersion };
});

await step('2025: reads what the 2026 client wrote', async () => {
  const { tools } = await legacy.listTools();
  expect(tools.some(tool => tool.name === 'memory_get'), 'memory_get not listed');
  const read = structured(await legacy.callTool({ name: 'memory_get', arguments: { id: created.id } }));
  expect(read.title === 'from the 2026 client', JSON.stringify(read));
  return { title: read.title };
});

await legacy.close().catch(() => {});
process.exit(failed ? 1 : 0);
