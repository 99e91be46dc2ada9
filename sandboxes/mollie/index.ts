// Start the Mollie sandbox on a port: for Foyer's tests, the demo, and `npm run sandbox:mollie`.
import type { FastifyInstance } from 'fastify';
import { buildMollieSandbox, type MollieSandboxOptions } from './server.js';

export { buildMollieSandbox, type MollieSandboxOptions } from './server.js';
export type { FaultInput, LoggedRequest } from './faults.js';
export type { Delivery, WebhookMode } from './webhooks.js';

/** A test key the demo organisation uses (any test_ key of 30 more characters works). */
export const DEMO_API_KEY = 'test_FoyerDemoSandboxKey00000000001';

export interface StartOptions extends MollieSandboxOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
}

export interface RunningMollieSandbox {
  baseUrl: string;
  /** What Foyer's Mollie endpoint setting (and createMollieClient's apiEndpoint) takes: baseUrl + /v2/. */
  apiEndpoint: string;
  close(): Promise<void>;
  app: FastifyInstance;
}

export async function startMollieSandbox(opts: StartOptions = {}): Promise<RunningMollieSandbox> {
  const app = buildMollieSandbox(opts);
  const host = opts.host ?? '127.0.0.1';
  await app.listen({ host, port: opts.port ?? 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('Mollie sandbox has no TCP address');
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const baseUrl = `http://${shownHost}:${address.port}`;
  return { baseUrl, apiEndpoint: `${baseUrl}/v2/`, close: () => app.close(), app };
}
