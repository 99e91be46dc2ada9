// Start the UiTdatabank sandbox on a port: for Foyer's tests and for `npm run sandbox:uitdatabank`.
import type { FastifyInstance } from 'fastify';
import { buildUitdatabankSandbox, type UitdatabankSandboxOptions } from './server.js';

export { buildUitdatabankSandbox, type UitdatabankSandboxOptions } from './server.js';
export { SEARCH_CLIENT, NO_SEARCH_CLIENT, UITPAS_TEST_ORGANIZER, NON_UITPAS_ORGANIZER, LOOKALIKE_PREFIX } from './seed.js';

export interface RunningUitdatabankSandbox { baseUrl: string; app: FastifyInstance; close(): Promise<void> }

export async function startUitdatabankSandbox(opts: UitdatabankSandboxOptions & { host?: string; port?: number } = {}): Promise<RunningUitdatabankSandbox> {
  const app = buildUitdatabankSandbox(opts);
  const host = opts.host ?? '127.0.0.1';
  await app.listen({ host, port: opts.port ?? 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('UiTdatabank sandbox has no TCP address');
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return { baseUrl: `http://${shown}:${address.port}`, app, close: () => app.close() };
}
