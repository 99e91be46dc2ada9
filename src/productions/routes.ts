import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { Day, IdParams, Items, LocalDateTime, Nullable, OptionalText, StringEnum, Text, VisibleName } from '../platform/schemas.js';
import { DIP_PRODUCTION_ID } from './rules.js';
import { CHANNELS, PERFORMANCE_STATUSES } from './tables.js';
import './problems.js';
import {
  createPerformance, createProduction, deletePerformance, deleteProduction, getPerformance, getProduction,
  listPerformances, listProductions, productionView, setExtraInfo, updatePerformance, updateProduction,
} from './service.js';

const ProductionBody = Type.Object({
  title: VisibleName(),
  producer: Type.String({ maxLength: 200, default: '' }),
  genre: Type.String({ maxLength: 100, default: '' }),
  description: Type.String({ maxLength: 10_000, default: '' }),
  imageUrl: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 2000 }))),
  dipProductionId: Type.Optional(Nullable(Type.String({ pattern: DIP_PRODUCTION_ID }))),
}, { additionalProperties: false });
const ProductionView = Type.Object({
  id: Type.String(), title: Type.String(), producer: Type.String(), genre: Type.String(), description: Type.String(),
  imageUrl: Nullable(Type.String()), dipProductionId: Nullable(Type.String()),
});

const SalesWindow = Type.Object({
  channel: StringEnum(CHANNELS),
  opensAt: Type.Optional(Nullable(LocalDateTime)),
  closesAt: Type.Optional(Nullable(LocalDateTime)),
}, { additionalProperties: false });
const Uuid = Type.String({ format: 'uuid' });

const PerformanceBody = Type.Object({
  productionId: Text(100),
  hallId: Text(100),
  startsAt: LocalDateTime,
  durationMinutes: Type.Integer({ minimum: 1, maximum: 24 * 60 }),
  doorsOpenMinutes: Type.Integer({ minimum: 0, maximum: 24 * 60 }),
  status: StringEnum(PERFORMANCE_STATUSES),
  extraInfo: OptionalText(),
  standardTicketTypeId: Nullable(Text(100)),
  vatRate: Type.Integer({ minimum: 0, maximum: 10_000, description: 'basis points: 900 = 9 %' }),
  uitpasEnabled: Type.Boolean(),
  uitdatabankEventId: Nullable(Uuid),
  salesWindows: Type.Array(SalesWindow, { maxItems: 2 }),
}, { additionalProperties: false });
const PerformanceCreate = Type.Object({
  ...PerformanceBody.properties,
  durationMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 60 })),
  doorsOpenMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 24 * 60 })),
  status: Type.Optional(StringEnum(PERFORMANCE_STATUSES)),
  extraInfo: Type.Optional(OptionalText()),
  standardTicketTypeId: Type.Optional(Nullable(Text(100))),
  vatRate: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, description: 'basis points; by default the theatre rate of the venue\'s country (NL 900, BE 600)' })),
  uitpasEnabled: Type.Optional(Type.Boolean()),
  uitdatabankEventId: Type.Optional(Nullable(Uuid)),
  salesWindows: Type.Optional(Type.Array(SalesWindow, { maxItems: 2 })),
}, { additionalProperties: false });

const PerformanceView = Type.Object({
  id: Type.String(), productionId: Type.String(), title: Type.String(), hallId: Type.String(), hallName: Type.String(),
  venueId: Type.String(), venueName: Type.String(), timeZone: Type.String(),
  startsAt: Type.String(), startsAtUtc: Type.String(), endsAt: Type.String(), doorsOpenAt: Type.String(),
  durationMinutes: Type.Integer(), doorsOpenMinutes: Type.Integer(), status: Type.String(), extraInfo: Type.String(),
  standardTicketTypeId: Nullable(Type.String()), vatRate: Type.Integer(), uitpasEnabled: Type.Boolean(),
  uitdatabankEventId: Nullable(Type.String()),
  salesWindows: Type.Array(Type.Object({ channel: Type.String(), opensAt: Nullable(Type.String()), closesAt: Nullable(Type.String()) })),
});

export const productionRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const read = requireRole(deps, 'boxoffice', 'reporting');
  const admin = requireRole(deps, 'admin');

  app.get('/api/productions', {
    schema: { tags: ['productions'], querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) }), response: { 200: Items(ProductionView) } },
    preHandler: read,
  }, async (req) => ({ items: await listProductions(ctxOf(deps, req), req.query.q) }));

  app.post('/api/productions', { schema: { tags: ['productions'], body: ProductionBody, response: { 201: ProductionView } }, preHandler: admin },
    async (req, reply) => reply.code(201).send(await createProduction(ctxOf(deps, req), {
      ...req.body, imageUrl: req.body.imageUrl ?? null, dipProductionId: req.body.dipProductionId ?? null,
    })));

  app.get('/api/productions/:id', { schema: { tags: ['productions'], params: IdParams, response: { 200: ProductionView } }, preHandler: read },
    async (req) => productionView(await getProduction(ctxOf(deps, req), req.params.id)));

  app.patch('/api/productions/:id', {
    schema: {
      tags: ['productions'], params: IdParams,
      body: Type.Object({
        title: Type.Optional(VisibleName()), producer: Type.Optional(Type.String({ maxLength: 200 })),
        genre: Type.Optional(Type.String({ maxLength: 100 })), description: Type.Optional(Type.String({ maxLength: 10_000 })),
        imageUrl: ProductionBody.properties.imageUrl, dipProductionId: ProductionBody.properties.dipProductionId,
      }, { additionalProperties: false }),
      response: { 200: ProductionView },
    },
    preHandler: admin,
  }, async (req) => updateProduction(ctxOf(deps, req), req.params.id, req.body));

  app.delete('/api/productions/:id', { schema: { tags: ['productions'], params: IdParams, response: { 204: Type.Null() } }, preHandler: admin },
    async (req, reply) => { await deleteProduction(ctxOf(deps, req), req.params.id); return reply.code(204).send(null); });

  app.get('/api/performances', {
    schema: {
      tags: ['performances'],
      summary: 'Performances, filtered by date range (local calendar days), venue, production, status, title',
      querystring: Type.Object({
        from: Type.Optional(Day), to: Type.Optional(Day), venueId: Type.Optional(Type.String({ maxLength: 100 })),
        productionId: Type.Optional(Type.String({ maxLength: 100 })), status: Type.Optional(StringEnum(PERFORMANCE_STATUSES)),
        q: Type.Optional(Type.String({ maxLength: 200 })),
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }), offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(PerformanceView), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() }) },
    },
    preHandler: read,
  }, async (req) => listPerformances(ctxOf(deps, req), req.query));

  app.post('/api/performances', {
    schema: { tags: ['performances'], summary: 'Create a performance; startsAt is local time in the venue\'s zone', body: PerformanceCreate, response: { 201: PerformanceView } },
    preHandler: admin,
  }, async (req, reply) => reply.code(201).send(await createPerformance(ctxOf(deps, req), {
    ...req.body,
    durationMinutes: req.body.durationMinutes ?? 120,
    doorsOpenMinutes: req.body.doorsOpenMinutes ?? 30,
    status: req.body.status ?? 'draft',
    extraInfo: req.body.extraInfo ?? '',
    standardTicketTypeId: req.body.standardTicketTypeId ?? null,
    uitpasEnabled: req.body.uitpasEnabled ?? false,
    uitdatabankEventId: req.body.uitdatabankEventId ?? null,
    salesWindows: req.body.salesWindows ?? [],
  })));

  app.post('/api/performances/extra-info', {
    schema: {
      tags: ['performances'], summary: 'Set the buyers\' extra-info text on many performances at once',
      body: Type.Object({ performanceIds: Type.Array(Text(100), { minItems: 1, maxItems: 1000 }), extraInfo: OptionalText() }, { additionalProperties: false }),
      response: { 200: Type.Object({ updated: Type.Integer() }) },
    },
    preHandler: admin,
  }, async (req) => ({ updated: await setExtraInfo(ctxOf(deps, req), req.body.performanceIds, req.body.extraInfo) }));

  app.get('/api/performances/:id', { schema: { tags: ['performances'], params: IdParams, response: { 200: PerformanceView } }, preHandler: read },
    async (req) => getPerformance(ctxOf(deps, req), req.params.id));

  app.patch('/api/performances/:id', {
    schema: { tags: ['performances'], params: IdParams, body: Type.Partial(PerformanceBody, { additionalProperties: false }), response: { 200: PerformanceView } },
    preHandler: admin,
  }, async (req) => updatePerformance(ctxOf(deps, req), req.params.id, req.body));

  app.delete('/api/performances/:id', { schema: { tags: ['performances'], summary: 'Delete a draft performance', params: IdParams, response: { 204: Type.Null() } }, preHandler: admin },
    async (req, reply) => { await deletePerformance(ctxOf(deps, req), req.params.id); return reply.code(204).send(null); });
};
