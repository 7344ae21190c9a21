// The MCP conformance suite's authorization-server scenarios (@modelcontextprotocol/conformance
// 0.2.0-alpha.12, `authorization` command) against the gateway: authorization-server-metadata-endpoint
// and authorization-code-grant. The suite prints the authorization URL and waits on its own
// loopback callback (http://127.0.0.1:<port>/callback); here Chromium is the browser that opens
// it, where a person signs in and allows. One step line per scenario from the suite's results.
// Usage: node conformance-authorization.mjs <base-url> <shots-dir> <callback-port> <results-dir>
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Person, launch, newAccount, signInAndAllow } from './browser.mjs';

const [base, shots, port, results] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const browser = await launch();
const person = await Person.open(browser, shots, 'conformance');
const account = await newAccount(base, 'conformance');

const suite = spawn(process.execPath, [path.join(here, 'node_modules/@modelcontextprotocol/conformance/dist/index.js'),
  'authorization', '--url', base, '--client-id', 'lanonasis-cli', '--resource', new URL('/mcp', base).toString(),
  '--port', port, '--output-dir', results], { stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
let browsing = null;
const collect = (chunk) => {
  output += chunk.toString();
  process.stderr.write(chunk);
  const match = output.match(/Access the following URL in your browser[^\n]*\n(\S+)/);
  if (match && browsing === null) {
    browsing = signInAndAllow(person, match[1], account, 'authorization-')
      .then((response) => console.error(`browser: ${response?.status()} ${person.page.url()}`))
      .catch((error) => console.error(`browser failed: ${error}`));
  }
};
suite.stdout.on('data', collect);
suite.stderr.on('data', collect);
const exit = await new Promise((resolve) => suite.on('exit', resolve));
await browsing;
await person.close();
await browser.close();

// <results>/authorization-server-<scenario>-<time>/checks.json
const wanted = ['authorization-server-metadata-endpoint', 'authorization-code-grant'];
for (const scenario of wanted) {
  const dirs = existsSync(results) ? readdirSync(results).filter((dir) => dir.startsWith(`authorization-server-${scenario}-`)) : [];
  const file = dirs.map((dir) => path.join(results, dir, 'checks.json')).filter(existsSync).pop();
  if (!file) {
    console.log(JSON.stringify({ step: `conformance: ${scenario}`, ok: false, error: `no results (exit ${exit})` }));
    continue;
  }
  const checks = JSON.parse(readFileSync(file, 'utf8'));
  // the suite fails a scenario on FAILURE only; a WARNING (e.g. no Client ID Metadata Document
  // support advertised) is reported beside the result
  const describe = (list) => list.map((check) => `${check.id}: ${check.status} ${check.errorMessage ?? ''}`).join('; ');
  const failed = checks.filter((check) => check.status === 'FAILURE');
  const warnings = checks.filter((check) => check.status === 'WARNING');
  console.log(JSON.stringify({ step: `conformance: ${scenario}`, ok: checks.some((check) => check.status === 'SUCCESS')
    && failed.length === 0, error: describe(failed), warnings: describe(warnings) }));
}
process.exit(exit === 0 ? 0 : 1);
