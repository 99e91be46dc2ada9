// For other test suites: a DIP sandbox listening on a free loopback port.
import type { FastifyInstance } from 'fastify';
import { buildDipSandbox, type DipSandboxOptions } from './server.js';

export { BLOCKED_SEATS_PATHS, buildDipSandbox, type BlockedSeatsPath, type DipSandboxOptions } from './server.js';
export { DEMO_CLIENT, DEMO_THEATER, extraPerformance, OTHER_CLIENT, OTHER_THEATER } from './seed.js';
export type * from './types.js';

export interface RunningDipSandbox {
  baseUrl: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startDipSandbox(opts: DipSandboxOptions & { host?: string; port?: number } = {}): Promise<RunningDipSandbox> {
  const { host = '127.0.0.1', port = 0, ...options } = opts;
  const app = buildDipSandbox(options);
  await app.listen({ host, port });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('DIP sandbox: no address');
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { baseUrl: `http://${shownHost}:${address.port}`, app, close: () => app.close() };
}
