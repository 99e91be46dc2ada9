// The Mollie sandbox as a Fastify instance (not listening): the v2 API calls Foyer uses, the hosted
// checkout page, webhook calls, and the /_sandbox controls, on one base URL.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import { systemClock, type Clock } from '../../src/platform/clock.js';
import { adminRoutes } from './admin.js';
import { apiRoutes } from './api.js';
import { checkoutRoutes } from './checkout.js';
import { installErrorHandler } from './errors.js';
import { Faults } from './faults.js';
import { MollieStore, type StoreOptions } from './store.js';
import { Webhooks, type WebhookOptions } from './webhooks.js';

export interface MollieSandboxOptions extends StoreOptions, WebhookOptions {
  clock?: Clock;
  /** The base URL buyers' browsers reach the sandbox at (links); default: the Host of each request. */
  publicUrl?: string;
  /** How often open payments are checked for expiry (webhooks then go out); default 1 s. */
  tickMs?: number;
  logger?: FastifyBaseLogger;
}

declare module 'fastify' {
  interface FastifyInstance { mollie: { store: MollieStore; faults: Faults; webhooks: Webhooks } }
}

export function buildMollieSandbox(options: MollieSandboxOptions = {}): FastifyInstance {
  const clock = options.clock ?? systemClock;
  const store = new MollieStore(clock, options);
  const faults = new Faults();
  const webhooks = new Webhooks(options);
  store.onStatus((p) => webhooks.changed(p));

  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    forceCloseConnections: true,
  });
  app.decorate('mollie', { store, faults, webhooks });
  app.register(formbody);
  installErrorHandler(app);
  faults.install(app);

  app.get('/', async () => ({ name: 'Mollie sandbox (v2 API, test mode only)', api: '/v2/', controls: '/_sandbox/payments' }));
  apiRoutes(app, store, options.publicUrl);
  checkoutRoutes(app, store);
  adminRoutes(app, store, faults, webhooks);

  const ticker = setInterval(() => store.tick(), options.tickMs ?? 1000);
  ticker.unref();
  app.addHook('onClose', async () => {
    clearInterval(ticker);
    webhooks.close();
  });
  return app;
}
