// npm run sandbox:uitpas — the UiTPAS sandbox on UITPAS_SANDBOX_HOST:UITPAS_SANDBOX_PORT (127.0.0.1:4020).
import { pino } from 'pino';
import { DEMO_CLIENT, LIMITED_CLIENT, startUitpasSandbox, TEST_ORGANIZER_ID } from './index.js';

function port(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`UITPAS_SANDBOX_PORT must be a port number, got "${raw}"`);
  return n;
}

const sandbox = await startUitpasSandbox({
  host: process.env.UITPAS_SANDBOX_HOST || '127.0.0.1',
  port: port(process.env.UITPAS_SANDBOX_PORT, 4020),
  logger: pino({ level: process.env.LOG_LEVEL || 'info' }),
});

console.log(`UiTPAS sandbox (API 4.0) on ${sandbox.baseUrl}
  account URL and API URL: ${sandbox.baseUrl}
  client_id ${DEMO_CLIENT.clientId}, client_secret ${DEMO_CLIENT.clientSecret} (organizer ${TEST_ORGANIZER_ID})
  client_id ${LIMITED_CLIENT.clientId}, client_secret ${LIMITED_CLIENT.clientSecret} (lacks TICKETSALES_REGISTER)
  test passes, events and clients: ${sandbox.baseUrl}/_sandbox/seed — see sandboxes/uitpas/README.md`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => { void sandbox.close().then(() => process.exit(0)); });
}
