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
import { knownMethod } from './views.js';
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
  // The methods' icons (image.svg of a method), as Mollie serves them from its own host: a plain
  // badge with the method's name. The .png sizes answer 404 (Foyer shows the SVG).
  app.get<{ Params: { file: string } }>('/images/:file', async (req, reply) => {
    const m = /^([a-z]+)\.svg$/.exec(req.params.file);
    const method = m ? knownMethod(m[1]) : undefined;
    if (!method) return reply.code(404).type('text/plain').send('Not found');
    const name = method.description.en.replace(/[<>&"]/g, '');
    return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(
      `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="24" viewBox="0 0 32 24"><rect width="32" height="24" rx="4" fill="#0a1e3f"/>`
      + `<text x="16" y="16" font-family="sans-serif" font-size="9" fill="#fff" text-anchor="middle">${name.slice(0, 6)}</text></svg>`);
  });
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
