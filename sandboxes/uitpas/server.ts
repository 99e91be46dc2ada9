// The UiTPAS sandbox as a Fastify instance (not listening): account server + API 4.0 + the old XML
// search + /_sandbox controls, on one base URL.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { systemClock, type Clock } from '../../src/platform/clock.js';
import { adminRoutes } from './admin.js';
import { requireToken, TOKEN_PATH, tokenRoute, TokenStore } from './auth.js';
import { Faults } from './faults.js';
import type { Client, TariffRule } from './model.js';
import { installProblemHandler, probs } from './problems.js';
import { readRoutes } from './routes.js';
import { DEFAULT_TARIFF_RULE } from './rules.js';
import { seedWorld } from './seed.js';
import { SandboxStore } from './store.js';
import { ticketSaleRoutes } from './ticket-sales.js';
import { checkinRoutes } from './checkins.js';
import { benefitRoutes } from './benefits.js';
import { LEGACY_SEARCH_PATH, legacyRoutes } from './xml.js';

export interface UitpasSandboxOptions {
  /** API clients; default: foyer-demo and foyer-demo-limited (see seed.ts). */
  clients?: Client[];
  /** Seconds an access token lives; default 86400, as UiTiD answers. */
  tokenLifetimeSeconds?: number;
  clock?: Clock;
  /** Social tariff of events that have no rule of their own; default 25% rounded to 0.50 euro. */
  tariffRule?: TariffRule;
  logger?: FastifyBaseLogger;
}

declare module 'fastify' {
  interface FastifyInstance {
    uitpas: { store: SandboxStore; tokens: TokenStore; faults: Faults; /** 'GET /passes', … as registered (HEAD left out). */ routes: string[] };
  }
}

/** Query strings are coerced ("10" -> 10); bodies are not: a string price in JSON is invalid data. */
function validators(): { query: Ajv; body: Ajv } {
  const make = (coerceTypes: boolean | 'array') => {
    const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: true, strict: false });
    addFormats.default(ajv);
    return ajv;
  };
  return { query: make('array'), body: make(false) };
}

export function buildUitpasSandbox(options: UitpasSandboxOptions = {}): FastifyInstance {
  const clock = options.clock ?? systemClock;
  const store = new SandboxStore(seedWorld(clock.now(), options.clients));
  const tokens = new TokenStore(clock, options.tokenLifetimeSeconds ?? 86400);
  const faults = new Faults(clock);
  const rule = options.tariffRule ?? DEFAULT_TARIFF_RULE;

  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    forceCloseConnections: true,
  });
  const routes: string[] = [];
  app.decorate('uitpas', { store, tokens, faults, routes });
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD') routes.push(`${m} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
  });
  const ajv = validators();
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? ajv.body : ajv.query).compile(schema));

  // Every body arrives as text: the token form as is; JSON for routes with a body schema is parsed below,
  // so that a missing or broken body gets publiq's body/missing or body/invalid-syntax.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.addHook('preValidation', async (req) => {
    if (!req.routeOptions.schema?.body) return;
    const raw = typeof req.body === 'string' ? req.body : '';
    if (raw.trim() === '') throw probs.bodyMissing();
    const media = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (media !== 'application/json') {
      throw probs.bodyInvalidSyntax(`The body must be sent as application/json, not ${media || 'without a Content-Type'}.`);
    }
    try {
      req.body = JSON.parse(raw);
    } catch (e) {
      throw probs.bodyInvalidSyntax((e as Error).message);
    }
  });

  installProblemHandler(app);
  faults.install(app);
  app.get('/', async () => ({
    name: 'UiTPAS sandbox (API 4.0)', token: TOKEN_PATH, legacySearch: LEGACY_SEARCH_PATH, controls: '/_sandbox/seed',
  }));
  tokenRoute(app, store, tokens);
  legacyRoutes(app, store, tokens);
  adminRoutes(app, store, tokens, faults);
  app.register(async (api) => {
    api.addHook('onRequest', requireToken(store, tokens));
    readRoutes(api, store, clock, rule);
    ticketSaleRoutes(api, store, clock, rule);
    checkinRoutes(api, store, clock);
    benefitRoutes(api, store, clock);
  });
  return app;
}
