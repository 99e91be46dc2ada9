// npm run sandbox:dip — the DIP sandbox on http://127.0.0.1:4010 (DIP_SANDBOX_HOST, DIP_SANDBOX_PORT).
import { DEMO_CLIENT, OTHER_CLIENT, DEMO_THEATER, OTHER_THEATER } from './seed.js';
import { startDipSandbox } from './index.js';
import { BLOCKED_SEATS_PATHS, type BlockedSeatsPath } from './server.js';

const port = Number(process.env.DIP_SANDBOX_PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`DIP_SANDBOX_PORT must be a port number, got "${process.env.DIP_SANDBOX_PORT}"`);
  process.exit(1);
}
const host = process.env.DIP_SANDBOX_HOST ?? '127.0.0.1';
const blockedSeatsPath = (process.env.DIP_SANDBOX_BLOCKED_SEATS_PATH ?? BLOCKED_SEATS_PATHS[0]) as BlockedSeatsPath;
if (!BLOCKED_SEATS_PATHS.includes(blockedSeatsPath)) {
  console.error(`DIP_SANDBOX_BLOCKED_SEATS_PATH must be one of ${BLOCKED_SEATS_PATHS.join(', ')}, got "${blockedSeatsPath}"`);
  process.exit(1);
}

const sandbox = await startDipSandbox({ host, port, blockedSeatsPath, logger: process.env.DIP_SANDBOX_QUIET ? false : true });
console.log(`DIP sandbox listening on ${sandbox.baseUrl}  (not DIP: a stand-in for rehearsals and tests)`);
console.log(`  ${DEMO_THEATER.name} (theater ${DEMO_THEATER.id}): client_id=${DEMO_CLIENT.clientId} client_secret=${DEMO_CLIENT.clientSecret}`);
console.log(`  ${OTHER_THEATER.name} (theater ${OTHER_THEATER.id}): client_id=${OTHER_CLIENT.clientId} client_secret=${OTHER_CLIENT.clientSecret}`);
console.log(`  blocked seats are taken at PUT ${blockedSeatsPath}`);
console.log(`  try: curl -s -d client_id=${DEMO_CLIENT.clientId} -d client_secret=${DEMO_CLIENT.clientSecret} ${sandbox.baseUrl}/token`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    sandbox.close().then(() => process.exit(0), () => process.exit(1));
  });
}
