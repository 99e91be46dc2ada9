import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../../platform/auth.js';
import type { Deps } from '../../platform/context.js';
import { IdParams, Items, Nullable, StringEnum } from '../../platform/schemas.js';
import { listPushes } from './audit.js';
import { checkDipConnection } from './check.js';
import { linkPerformance, listDipPerformances, performanceDip, unlinkedPerformances, unlinkPerformance } from './linking.js';
import { requestSync } from './run-now.js';
import { dipStatus, readSettings, writeSettings } from './settings.js';
import { CHECK_STATES, LINK_STATES, RUN_OUTCOMES } from './tables.js';
import { DIP_NUMBER_PATTERN } from './wire.js';

const SettingsView = Type.Object({
  baseUrl: Type.String(), clientId: Type.String(), clientSecretSet: Type.Boolean(), enabled: Type.Boolean(), cron: Type.String(),
  blockedSeatsPath: Type.String(), pushDaysAfter: Type.Integer(), timeoutSeconds: Type.Integer(), paceMs: Type.Integer(), checkEveryHours: Type.Integer(),
});
const SettingsBody = Type.Object({
  baseUrl: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 }),
  clientId: Type.String({ maxLength: 200 }),
  clientSecret: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'write-only; omit to keep the stored one' })),
  enabled: Type.Boolean(),
  cron: Type.Optional(Type.String({ minLength: 9, maxLength: 100, description: 'when to push (Europe/Amsterdam); at least daily; default hourly "0 * * * *"' })),
  blockedSeatsPath: Type.Optional(Type.String({ pattern: '^/[A-Za-z0-9/_-]+$', maxLength: 100, description: 'default /blockedseats/cumulative' })),
  pushDaysAfter: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, description: 'push until this many days after the performance (default 14)' })),
  timeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 600, description: 'how long one call to DIP may take (default 60)' })),
  paceMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, description: 'at least this long between two calls to DIP (default 500)' })),
  checkEveryHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 168, description: 'read back what DIP holds when the last read-back is older (default 24; 0: every run)' })),
}, { additionalProperties: false });

const Held = Type.Object({ count: Type.Integer(), money: Type.Integer(), updated: Type.Optional(Nullable(Type.String())) });
const PerKind = Type.Object({ sales: Held, reservations: Held, blockedseats: Held });
const Check = Type.Object({
  state: StringEnum(CHECK_STATES), at: Type.String(),
  foyer: Type.Optional(PerKind), dip: Type.Optional(Nullable(PerKind)),
  differs: Type.Optional(Type.Array(Type.String())), refused: Type.Optional(Nullable(Type.String())),
}, { description: "the last read-back: what Foyer last pushed (foyer) next to what DIP holds (dip), or DIP's refusal" });
const LinkView = Type.Object({
  performanceId: Type.String(), dipNumber: Nullable(Type.String()), state: Nullable(StringEnum(LINK_STATES)),
  lastAcceptedAt: Nullable(Type.String()), lastError: Nullable(Type.String()), lastErrorAt: Nullable(Type.String()),
  dipStatus: Nullable(Type.String({ description: "DIP's own status as a run last saw it; cancellation: no longer pushed" })),
  check: Nullable(Check),
});
const Figures = Type.Unknown({ description: 'the figures DIP last accepted: tickets per category with revenue, reservations, blocked (conditional), capacity' });
const DipPerformance = Type.Object({
  dipNumber: Type.String(), productionNumber: Type.String(), performanceNumber: Type.Integer(), title: Type.String(), date: Type.String(),
  status: Type.String(), type: Type.String(), location: Nullable(Type.String()),
  linkedPerformanceId: Nullable(Type.String()), linkState: Nullable(Type.String()),
  checkState: Nullable(StringEnum(CHECK_STATES)), checkAt: Nullable(Type.String()), checkRefused: Nullable(Type.String()),
  suggestions: Type.Array(Type.Object({ performanceId: Type.String(), title: Type.String(), startsAt: Type.String(), match: Type.String() })),
});
const Status = Type.Object({
  enabled: Type.Boolean(),
  lastRun: Nullable(Type.Object({
    at: Type.String(), outcome: StringEnum(RUN_OUTCOMES),
    message: Nullable(Type.String({ description: "DIP's message when the run was stopped (e.g. Not an agency) or failed" })),
  })),
  lastCheckAt: Nullable(Type.String()),
});
const SyncResult = Type.Object({
  jobId: Type.String(), status: Type.String(), attempts: Type.Integer(), lastError: Nullable(Type.String()), requests: Type.Integer(),
});

export const dipRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const admin = requireRole(deps, 'admin');
  const read = requireRole(deps, 'boxoffice', 'reporting');
  const tags = ['dip'];

  app.get('/api/dip/settings', { schema: { tags, summary: 'DIP settings (the secret is never returned)', response: { 200: SettingsView } }, preHandler: admin },
    async (req) => readSettings(ctxOf(deps, req)));

  app.put('/api/dip/settings', { schema: { tags, summary: 'Change the DIP settings', body: SettingsBody, response: { 200: SettingsView } }, preHandler: admin },
    async (req) => writeSettings(ctxOf(deps, req), req.body));

  app.post('/api/dip/check', {
    schema: {
      tags, summary: 'Test the connection with the stored settings: a token from DIP, then the theatre\'s performances',
      response: {
        200: Type.Object({
          ok: Type.Boolean(), credentialsAccepted: Nullable(Type.Boolean({ description: 'null: DIP did not answer' })),
          performances: Nullable(Type.Integer()), message: Nullable(Type.String()), durationMs: Type.Integer(),
        }),
      },
    },
    preHandler: admin,
  }, async (req) => checkDipConnection(ctxOf(deps, req)));

  app.get('/api/dip/performances', {
    schema: { tags, summary: "The theatre's performances in DIP (asked live), with link state and suggested Foyer performances", response: { 200: Items(DipPerformance) } },
    preHandler: admin,
  }, async (req) => ({ items: await listDipPerformances(ctxOf(deps, req)) }));

  app.get('/api/dip/unlinked', {
    schema: {
      tags, summary: 'Foyer performances of productions with a DIP production id that are not linked yet',
      response: { 200: Items(Type.Object({ performanceId: Type.String(), title: Type.String(), startsAt: Type.String(), status: Type.String(), dipProductionId: Type.String() })) },
    },
    preHandler: read,
  }, async (req) => ({ items: await unlinkedPerformances(ctxOf(deps, req)) }));

  app.put('/api/performances/:id/dip-link', {
    schema: {
      tags, summary: 'Link a performance to its DIP number ("NL-26-101-0004711|11001")', params: IdParams,
      body: Type.Object({ dipNumber: Type.String({ pattern: DIP_NUMBER_PATTERN, maxLength: 60 }) }, { additionalProperties: false }),
      response: { 200: LinkView },
    },
    preHandler: admin,
  }, async (req) => linkPerformance(ctxOf(deps, req), req.params.id, req.body.dipNumber));

  app.delete('/api/performances/:id/dip-link', { schema: { tags, params: IdParams, response: { 204: Type.Null() } }, preHandler: admin },
    async (req, reply) => { await unlinkPerformance(ctxOf(deps, req), req.params.id); return reply.code(204).send(null); });

  app.get('/api/performances/:id/dip', {
    schema: { tags, summary: 'DIP link of a performance: number, last accepted figures, last error', params: IdParams, response: { 200: Type.Object({ ...LinkView.properties, lastFigures: Figures }) } },
    preHandler: read,
  }, async (req) => performanceDip(ctxOf(deps, req), req.params.id));

  app.post('/api/dip/sync', {
    schema: {
      tags, summary: 'Push changed figures to DIP now (force: all linked performances in the window); ?wait=true runs it before answering',
      querystring: Type.Object({ wait: Type.Optional(Type.Boolean()) }),
      body: Type.Optional(Type.Object({
        force: Type.Optional(Type.Boolean()),
        check: Type.Optional(Type.Boolean({ description: 'read back what DIP holds now, and push again what differs' })),
      }, { additionalProperties: false })),
      response: { 200: SyncResult, 202: SyncResult },
    },
    preHandler: admin,
  }, async (req, reply) => {
    const wait = req.query.wait === true;
    const result = await requestSync(deps, ctxOf(deps, req), { force: req.body?.force === true, check: req.body?.check === true }, wait);
    return reply.code(wait ? 200 : 202).send(result);
  });

  app.get('/api/dip/status', {
    schema: { tags, summary: "How the last DIP run ended (a stopped run carries DIP's message) and when DIP was last read back", response: { 200: Status } },
    preHandler: read,
  }, async (req) => dipStatus(ctxOf(deps, req)));

  app.get('/api/dip/pushes', {
    schema: {
      tags, summary: 'Audit of calls to DIP that carried figures, newest first',
      querystring: Type.Object({ performance: Type.Optional(Type.String({ maxLength: 100 })), limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }) }),
    },
    preHandler: read,
  }, async (req) => ({ items: await listPushes(ctxOf(deps, req), { performanceId: req.query.performance, limit: req.query.limit }) }));
};
