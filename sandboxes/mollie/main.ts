// npm run sandbox:mollie — the Mollie sandbox on MOLLIE_SANDBOX_HOST:MOLLIE_SANDBOX_PORT (127.0.0.1:4030).
import { pino } from 'pino';
import { DEMO_API_KEY, startMollieSandbox } from './index.js';

function port(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`MOLLIE_SANDBOX_PORT must be a port number, got "${raw}"`);
  return n;
}

const sandbox = await startMollieSandbox({
  host: process.env.MOLLIE_SANDBOX_HOST || '127.0.0.1',
  port: port(process.env.MOLLIE_SANDBOX_PORT, 4030),
  logger: pino({ level: process.env.LOG_LEVEL || 'info' }),
});

console.log(`Mollie sandbox (v2 API, test mode) on ${sandbox.baseUrl}
  API endpoint: ${sandbox.apiEndpoint}   (any test_ key of 30 more characters, e.g. ${DEMO_API_KEY})
  payments: ${sandbox.baseUrl}/_sandbox/payments — see sandboxes/mollie/README.md`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => { void sandbox.close().then(() => process.exit(0)); });
}
