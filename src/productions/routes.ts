import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TOptional } from 'typebox';
import { LANGS } from '../platform/i18n.js';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { Day, IdParams, LocalDateTime, Nullable, OptionalText, StringEnum, Text, VisibleName } from '../platform/schemas.js';
import { DIP_PRODUCTION_ID } from './rules.js';
import { CHANNELS, PERFORMANCE_STATUSES } from './tables.js';
import './problems.js';
import { cancellationPreview, cancelPerformance } from './cancellation.js';
import {
  createPerformance, createProduction, createSeries, planSeries, deletePerformance, deleteProduction, getPerformance, getProduction,
  listPerformances, listProductions, productionView, setExtraInfo, updatePerformance, updateProduction,
} from './service.js';

const Languages = Type.Array(StringEnum(LANGS), { minItems: 1, maxItems: 3, uniqueItems: true, description: 'languages the texts are in' });
const ProductionFields = {
  subtitle: Type.String({ maxLength: 200 }),
  producer: Type.String({ maxLength: 200 }),
  genre: Type.String({ maxLength: 100 }),
  description: Type.String({ maxLength: 10_000 }),
  imageUrl: Nullable(Type.String({ format: 'uri', maxLength: 2000 })),
  dipProductionId: Nullable(Type.String({ pattern: DIP_PRODUCTION_ID })),
  durationMinutes: Nullable(Type.Integer({ minimum: 1, maximum: 24 * 60, description: 'the default for its new performances' })),
  ageAdvice: Type.String({ maxLength: 50, description: 'e.g. "12+"' }),
  uitdatabankEventId: Nullable(Type.String({ format: 'uuid', description: 'the default for its new performances' })),
  uitpasEnabled: Type.Boolean({ description: 'the default for its new performances (UiTPAS is on or off per performance)' }),
  languages: Languages,
};
const ProductionBody = Type.Object({
  title: VisibleName(),
  ...Object.fromEntries(Object.entries(ProductionFields).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof typeof ProductionFields]: TOptional<(typeof ProductionFields)[K]> },
}, { additionalProperties: false });
const ProductionPatch = Type.Object({ ...ProductionBody.properties, title: Type.Optional(VisibleName()) }, { additionalProperties: false });
const ProductionView = Type.Object({
  id: Type.String(), title: Type.String(), subtitle: Type.String(), producer: Type.String(), genre: Type.String(), description: Type.String(),
  imageUrl: Nullable(Type.String()), dipProductionId: Nullable(Type.String()), durationMinutes: Nullable(Type.Integer()),
  ageAdvice: Type.String(), uitdatabankEventId: Nullable(Type.String()), uitpasEnabled: Type.Boolean(), languages: Type.Array(Type.String()),
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

const { startsAt: _startsAt, ...seriesFields } = PerformanceCreate.properties;
const SeriesBody = Type.Object({
  ...seriesFields,
  from: Day,
  to: Day,
  weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true, description: 'ISO weekdays, 1 Monday ... 7 Sunday' }),
  times: Type.Array(Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'hh:mm, local' }), { minItems: 1, maxItems: 6, uniqueItems: true }),
  except: Type.Optional(Type.Array(Day, { maxItems: 400, description: 'days left out' })),
  preview: Type.Optional(Type.Boolean({ description: 'only answer the start times, create nothing' })),
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

const CancellationView = Type.Object({
  performanceId: Type.String(), status: Type.String(), tickets: Type.Integer(), orders: Type.Integer(),
  refunds: Type.Object({ orders: Type.Integer(), amount: Type.Integer(), online: Type.Integer() }),
  unpaid: Type.Object({ orders: Type.Integer(), tickets: Type.Integer() }),
  uitpasCancellations: Type.Integer(), heldPlaces: Type.Integer(),
  dip: Type.Object({ linked: Type.Boolean(), dipNumber: Nullable(Type.String()), soldTickets: Type.Integer(), soldRevenue: Type.Integer() }),
});

export const productionRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const read = requireRole(deps, 'boxoffice', 'reporting');
  const admin = requireRole(deps, 'admin');

  app.get('/api/productions', {
    schema: {
      tags: ['productions'], summary: 'Productions by title, a page at a time',
      querystring: Type.Object({
        q: Type.Optional(Type.String({ maxLength: 200 })),
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 500 }), offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
      }),
      response: { 200: Type.Object({ items: Type.Array(ProductionView), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() }) },
    },
    preHandler: read,
  }, async (req) => listProductions(ctxOf(deps, req), req.query));

  app.post('/api/productions', { schema: { tags: ['productions'], body: ProductionBody, response: { 201: ProductionView } }, preHandler: admin },
    async (req, reply) => reply.code(201).send(await createProduction(ctxOf(deps, req), req.body)));

  app.get('/api/productions/:id', { schema: { tags: ['productions'], params: IdParams, response: { 200: ProductionView } }, preHandler: read },
    async (req) => productionView(await getProduction(ctxOf(deps, req), req.params.id)));

  app.patch('/api/productions/:id', {
    schema: {
      tags: ['productions'], params: IdParams,
      body: ProductionPatch,
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
  }, async (req, reply) => {
    const ctx = ctxOf(deps, req);
    // The production's defaults; an unknown production is refused on its field by createPerformance.
    const production = await getProduction(ctx, req.body.productionId).catch(() => null);
    return reply.code(201).send(await createPerformance(ctx, {
    ...req.body,
    durationMinutes: req.body.durationMinutes ?? production?.duration_minutes ?? 120,
    doorsOpenMinutes: req.body.doorsOpenMinutes ?? 30,
    status: req.body.status ?? 'draft',
    extraInfo: req.body.extraInfo ?? '',
    standardTicketTypeId: req.body.standardTicketTypeId ?? null,
    uitpasEnabled: req.body.uitpasEnabled ?? production?.uitpas_enabled === 1,
    uitdatabankEventId: req.body.uitdatabankEventId !== undefined ? req.body.uitdatabankEventId : production?.uitdatabank_event_id ?? null,
    salesWindows: req.body.salesWindows ?? [],
  }));
  });

  app.post('/api/performances/series', {
    schema: {
      tags: ['performances'],
      summary: 'Create a series: every chosen weekday from `from` to `to` at each of `times` (local, in the venue\'s zone), less `except`; preview: true only lists the start times',
      body: SeriesBody,
      response: {
        201: Type.Object({ items: Type.Array(PerformanceView) }),
        200: Type.Object({ startsAt: Type.Array(Type.String()) }),
      },
    },
    preHandler: admin,
  }, async (req, reply) => {
    const ctx = ctxOf(deps, req);
    const { preview, ...b } = req.body;
    if (preview) return reply.code(200).send({ startsAt: await planSeries(ctx, { ...b, except: b.except ?? [] }) });
    const production = await getProduction(ctx, b.productionId).catch(() => null);
    return reply.code(201).send({
      items: await createSeries(ctx, {
        ...b, except: b.except ?? [],
        durationMinutes: b.durationMinutes ?? production?.duration_minutes ?? 120,
        doorsOpenMinutes: b.doorsOpenMinutes ?? 30,
        status: b.status ?? 'draft',
        extraInfo: b.extraInfo ?? '',
        standardTicketTypeId: b.standardTicketTypeId ?? null,
        uitpasEnabled: b.uitpasEnabled ?? production?.uitpas_enabled === 1,
        uitdatabankEventId: b.uitdatabankEventId !== undefined ? b.uitdatabankEventId : production?.uitdatabank_event_id ?? null,
        salesWindows: b.salesWindows ?? [],
      }),
    });
  });

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

  app.get('/api/performances/:id/cancellation', {
    schema: {
      tags: ['performances'], summary: 'What cancelling the performance would do: tickets, refunds, UiTPAS cancellations, DIP figures',
      params: IdParams, response: { 200: CancellationView },
    },
    preHandler: admin,
  }, async (req) => cancellationPreview(ctxOf(deps, req), req.params.id));

  app.post('/api/performances/:id/cancel', {
    schema: {
      tags: ['performances'], summary: 'Cancel the performance: every ticket cancelled and refunded as the preview said; 409 when its tickets changed since',
      params: IdParams,
      body: Type.Object({ tickets: Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'the number of tickets the preview showed' }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ performance: PerformanceView, cancelled: CancellationView }) },
    },
    preHandler: admin,
  }, async (req) => cancelPerformance(ctxOf(deps, req), req.params.id, req.body.tickets));

  app.delete('/api/performances/:id', { schema: { tags: ['performances'], summary: 'Delete a draft performance', params: IdParams, response: { 204: Type.Null() } }, preHandler: admin },
    async (req, reply) => { await deletePerformance(ctxOf(deps, req), req.params.id); return reply.code(204).send(null); });
};
