import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../../platform/auth.js';
import type { Deps } from '../../platform/context.js';
import { IdParams, Items, Nullable, StringEnum } from '../../platform/schemas.js';
import { listPushes } from './audit.js';
import { linkPerformance, listDipPerformances, performanceDip, unlinkedPerformances, unlinkPerformance } from './linking.js';
import { requestSync } from './run-now.js';
import { readSettings, writeSettings } from './settings.js';
import { LINK_STATES } from './tables.js';
import { DIP_NUMBER_PATTERN } from './wire.js';

const SettingsView = Type.Object({
  baseUrl: Type.String(), clientId: Type.String(), clientSecretSet: Type.Boolean(), enabled: Type.Boolean(), cron: Type.String(),
  blockedSeatsPath: Type.String(), pushDaysAfter: Type.Integer(),
});
const SettingsBody = Type.Object({
  baseUrl: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 }),
  clientId: Type.String({ maxLength: 200 }),
  clientSecret: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'write-only; omit to keep the stored one' })),
  enabled: Type.Boolean(),
  cron: Type.Optional(Type.String({ minLength: 9, maxLength: 100, description: 'when to push (Europe/Amsterdam); at least daily; default hourly "0 * * * *"' })),
  blockedSeatsPath: Type.Optional(Type.String({ pattern: '^/[A-Za-z0-9/_-]+$', maxLength: 100, description: 'default /blockedseats/cumulative' })),
  pushDaysAfter: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, description: 'push until this many days after the performance (default 14)' })),
}, { additionalProperties: false });

const LinkView = Type.Object({
  performanceId: Type.String(), dipNumber: Nullable(Type.String()), state: Nullable(StringEnum(LINK_STATES)),
  lastAcceptedAt: Nullable(Type.String()), lastError: Nullable(Type.String()), lastErrorAt: Nullable(Type.String()),
});
const Figures = Type.Unknown({ description: 'the figures DIP last accepted: tickets per category with revenue, reservations, blocked (conditional), capacity' });
const DipPerformance = Type.Object({
  dipNumber: Type.String(), productionNumber: Type.String(), performanceNumber: Type.Integer(), title: Type.String(), date: Type.String(),
  status: Type.String(), type: Type.String(), location: Nullable(Type.String()),
  linkedPerformanceId: Nullable(Type.String()), linkState: Nullable(Type.String()),
  suggestions: Type.Array(Type.Object({ performanceId: Type.String(), title: Type.String(), startsAt: Type.String(), match: Type.String() })),
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
      body: Type.Optional(Type.Object({ force: Type.Optional(Type.Boolean()) }, { additionalProperties: false })),
      response: { 200: SyncResult, 202: SyncResult },
    },
    preHandler: admin,
  }, async (req, reply) => {
    const wait = req.query.wait === true;
    const result = await requestSync(deps, ctxOf(deps, req), req.body?.force === true, wait);
    return reply.code(wait ? 200 : 202).send(result);
  });

  app.get('/api/dip/pushes', {
    schema: {
      tags, summary: 'Audit of calls to DIP that carried figures, newest first',
      querystring: Type.Object({ performance: Type.Optional(Type.String({ maxLength: 100 })), limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }) }),
    },
    preHandler: read,
  }, async (req) => ({ items: await listPushes(ctxOf(deps, req), { performanceId: req.query.performance, limit: req.query.limit }) }));
};
