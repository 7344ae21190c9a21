// The official TypeScript SDK's clients against a running gateway: WebSocket (subprotocol mcp,
// credentials in the URL since a WebSocket cannot carry headers from a browser or Node's global
// WebSocket) and Streamable HTTP (X-API-Key header). Prints one JSON line of what it saw.
// Usage: node typescript-clients.mjs <base-url> <api-key>
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { WebSocketClientTransport } from '@modelcontextprotocol/sdk/client/websocket.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [base, key] = process.argv.slice(2);

async function exercise(transport) {
  const client = new Client({ name: 'onasis-ts-check', version: '1.0.0' });
  await client.connect(transport);
  const tools = (await client.listTools()).tools.map((tool) => tool.name);
  const created = await client.callTool({ name: 'memory_create', arguments: { title: 'from TypeScript', content: 'hello' } });
  const id = created.structuredContent.id;
  const read = await client.callTool({ name: 'memory_get', arguments: { id } });
  const invalid = await client.callTool({ name: 'memory_get', arguments: {} });
  const resource = await client.readResource({ uri: `memory://${id}` });
  await client.close();
  return {
    version: client.getServerVersion()?.name,
    tools,
    readTitle: read.structuredContent.title,
    invalidIsError: invalid.isError === true,
    resourceHasContent: resource.contents[0].text.includes('hello'),
  };
}

const wsUrl = new URL('/ws', base.replace(/^http/, 'ws'));
wsUrl.searchParams.set('api_key', key);
const websocket = await exercise(new WebSocketClientTransport(wsUrl));
const http = await exercise(new StreamableHTTPClientTransport(new URL('/mcp', base),
  { requestInit: { headers: { 'X-API-Key': key } } }));
console.log(JSON.stringify({ websocket, http }));
