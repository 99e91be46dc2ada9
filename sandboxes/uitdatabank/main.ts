// npm run sandbox:uitdatabank — the UiTdatabank Search API sandbox on UITDATABANK_SANDBOX_HOST:UITDATABANK_SANDBOX_PORT (127.0.0.1:4025).
import { pino } from 'pino';
import { NO_SEARCH_CLIENT, SEARCH_CLIENT, startUitdatabankSandbox } from './index.js';

const raw = process.env.UITDATABANK_SANDBOX_PORT;
const port = raw ? Number(raw) : 4025;
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`UITDATABANK_SANDBOX_PORT must be a port number, got "${raw}"`);

const sandbox = await startUitdatabankSandbox({
  host: process.env.UITDATABANK_SANDBOX_HOST || '127.0.0.1', port, logger: pino({ level: process.env.LOG_LEVEL || 'info' }),
});
console.log(`UiTdatabank Search API v3 sandbox on ${sandbox.baseUrl}
  x-client-id ${SEARCH_CLIENT.clientId} (may search), ${NO_SEARCH_CLIENT.clientId} (403: no Search API access)
  GET ${sandbox.baseUrl}/events?text=Koning%20Lear&embed=true — see sandboxes/uitdatabank/README.md`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => { void sandbox.close().then(() => process.exit(0)); });
}
