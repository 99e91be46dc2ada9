// Start the UiTPAS sandbox on a port: for Foyer's connector tests and for `npm run sandbox:uitpas`.
import type { FastifyInstance } from 'fastify';
import { buildUitpasSandbox, type UitpasSandboxOptions } from './server.js';

export { buildUitpasSandbox, type UitpasSandboxOptions } from './server.js';
export {
  DEMO_CLIENT, LIMITED_CLIENT, TEST_ORGANIZER_ID, EVENT_100_PER_WEEK, EVENT_1_PER_WEEK, EVENT_OTHER_ORGANIZER,
} from './seed.js';
export type { FaultInput, LoggedRequest } from './faults.js';

export interface StartOptions extends UitpasSandboxOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
}

export interface RunningSandbox {
  baseUrl: string;
  close(): Promise<void>;
  app: FastifyInstance;
}

export async function startUitpasSandbox(opts: StartOptions = {}): Promise<RunningSandbox> {
  const app = buildUitpasSandbox(opts);
  const host = opts.host ?? '127.0.0.1';
  await app.listen({ host, port: opts.port ?? 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('UiTPAS sandbox has no TCP address');
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return { baseUrl: `http://${shownHost}:${address.port}`, close: () => app.close(), app };
}
