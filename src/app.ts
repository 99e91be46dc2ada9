// Builds the Fastify app: plugins, every capability's routes, the error handler. Does not listen.
import './sale-steps.js';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { Deps } from './platform/context.js';
import { DEFAULT_SELL_CONCURRENCY, DEFAULT_SELL_QUEUE, SellingGate } from './platform/gate.js';
import { Problem, clientErrorHandler, frameworkErrors, installProblemHandlers } from './platform/problems.js';
import { problemRoutes } from './platform/problem-routes.js';
import { recordRoutes } from './platform/route-table.js';
import { validatorCompiler } from './platform/validation.js';
import { nfcDeep } from './platform/unicode.js';
import { docsCsp, registerSecurityHeaders } from './platform/security-headers.js';
import { jobRoutes } from './platform/jobs-routes.js';
import { organisationRoutes } from './organisations/routes.js';
import { staffRoutes } from './staff/routes.js';
import { venueRoutes } from './venues/routes.js';
import { productionRoutes } from './productions/routes.js';
import { pricingRoutes } from './pricing/routes.js';
import { quotaRoutes } from './quotas/routes.js';
import { inventoryRoutes } from './inventory/routes.js';
import { basketRoutes } from './baskets/routes.js';
import { orderRoutes } from './orders/routes.js';
import { customerRoutes } from './customers/routes.js';
import { privacyRoutes } from './privacy/routes.js';
import { figureRoutes } from './figures/routes.js';
import { webStatic } from './web/static.js';
import { dipRoutes } from './connectors/dip/routes.js';
import { uitpasRoutes } from './connectors/uitpas/routes.js';
import { uitdatabankRoutes } from './connectors/uitdatabank/routes.js';
import { mollieRoutes } from './connectors/mollie/routes.js';
import { paymentRoutes } from './payments/routes.js';
import { reportRoutes } from './reports/routes.js';
import { packRoutes } from './packs/routes.js';
import { streamRoutes } from './streams/routes.js';
import { catalogueApi } from './catalogue/api.js';
import { catalogueKeyRoutes } from './catalogue/routes.js';
import { shopRoutes } from './shop/routes.js';
import { checkinRoutes } from './checkin/routes.js';
import { frameAncestors, shopImageSources } from './shop/settings.js';
import { mailRoutes } from './mail/routes.js';
import { myOrderRoutes } from './my-order/routes.js';
import { feeRoutes } from './fees/routes.js';
import { voucherRoutes } from './vouchers/routes.js';
import { shiftRoutes } from './shifts/routes.js';
import { auditRoutes } from './audit/routes.js';

export interface AppOptions {
  /** A pino logger; none: silent (tests). */
  logger?: FastifyBaseLogger;
}

export async function buildApp(given: Deps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const deps: Deps = { ...given, gate: given.gate ?? new SellingGate(DEFAULT_SELL_CONCURRENCY, DEFAULT_SELL_QUEUE) };
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: false,
    frameworkErrors,
    clientErrorHandler,
    // installProblemHandlers answers these as a problem (Fastify's own answer is plain JSON).
    return503OnClosing: false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  recordRoutes(app);
  installProblemHandlers(app);
  await registerSecurityHeaders(app);
  // A POST without a body is read as {}: calls whose fields are all optional need none, and a call
  // with required fields names them instead of saying "body must be an object".
  app.addHook('preValidation', (req, _reply, done) => {
    if (req.body === undefined && (req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH')) req.body = {};
    nfcDeep(req.body);
    nfcDeep(req.query);
    done();
  });
  await app.register(formbody);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Foyer API',
        version: '0.1.0',
        description: 'Ticketing for theatres and concert halls. Errors are application/problem+json.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    // No call to swagger.io's validator; the page's own inline script and style by their hashes.
    uiConfig: { validatorUrl: null },
    transformStaticCSP: docsCsp(app),
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/health', {
    schema: { tags: ['system'], summary: 'Answers 200 when the database answers', security: [] },
  }, async () => {
    try {
      await sql`select 1`.execute(deps.db);
    } catch {
      throw new Problem('busy');
    }
    return { status: 'ok' };
  });

  await app.register(problemRoutes);
  await app.register(jobRoutes(deps));
  await app.register(organisationRoutes(deps));
  await app.register(staffRoutes(deps));
  await app.register(venueRoutes(deps));
  await app.register(productionRoutes(deps));
  await app.register(pricingRoutes(deps));
  await app.register(quotaRoutes(deps));
  await app.register(inventoryRoutes(deps));
  await app.register(basketRoutes(deps));
  await app.register(feeRoutes(deps));
  await app.register(orderRoutes(deps));
  await app.register(customerRoutes(deps));
  await app.register(privacyRoutes(deps));
  await app.register(figureRoutes(deps));
  await app.register(dipRoutes(deps));
  await app.register(uitpasRoutes(deps));
  await app.register(uitdatabankRoutes(deps));
  await app.register(mollieRoutes(deps));
  await app.register(paymentRoutes(deps));
  await app.register(reportRoutes(deps));
  await app.register(packRoutes(deps));
  await app.register(streamRoutes(deps));
  await app.register(catalogueKeyRoutes(deps));
  await app.register(catalogueApi(deps));
  await app.register(mailRoutes(deps));
  await app.register(myOrderRoutes(deps));
  await app.register(shopRoutes(deps));
  await app.register(checkinRoutes(deps));
  await app.register(voucherRoutes(deps));
  await app.register(shiftRoutes(deps));
  await app.register(auditRoutes(deps));
  // last: the app's catch-all GET must not shadow any API route
  await app.register(webStatic(undefined, {
    frameAncestors: (slug) => frameAncestors(deps.db, slug),
    imageSources: (slug) => shopImageSources(deps.db, slug, deps.clock.now()),
  }));
  return app;
}
