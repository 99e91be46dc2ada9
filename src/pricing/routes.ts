import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { Cents, IdParams, Items, Nullable, StringEnum, Text, VisibleName } from '../platform/schemas.js';
import { CHANNELS } from '../productions/tables.js';
import { MAX_RANK, MIN_RANK } from '../venues/rules.js';
import { DIP_CATEGORIES } from './tables.js';
import { createTicketType, getTicketType, listTicketTypes, ticketTypeView, updateTicketType } from './service.js';
import { applyProductionPriceList, getPriceList, getProductionPriceList, putPriceList, putProductionPriceList } from './price-lists.js';

const Names = Type.Object({ nl: VisibleName(100), fr: VisibleName(100), en: VisibleName(100) }, { additionalProperties: false });
const TicketTypeBody = Type.Object({
  names: Names,
  dipCategory: StringEnum(DIP_CATEGORIES),
  channels: Type.Array(StringEnum(CHANNELS), { uniqueItems: true, maxItems: 2 }),
  uitpas: Type.Boolean({ default: false }),
  uitpasGroup: Type.Boolean({ default: false }),
}, { additionalProperties: false });
const TicketTypeView = Type.Object({
  id: Type.String(), name: Type.String(), names: Type.Object({ nl: Type.String(), fr: Type.String(), en: Type.String() }),
  dipCategory: Type.String(), channels: Type.Array(Type.String()), uitpas: Type.Boolean(), uitpasGroup: Type.Boolean(),
  archived: Type.Boolean(),
});
const Price = Type.Object({
  ticketTypeId: Text(100),
  rank: Type.Integer({ minimum: MIN_RANK, maximum: MAX_RANK }),
  amount: Cents,
}, { additionalProperties: false });
const PriceListView = Type.Object({
  performanceId: Type.String(), vatRate: Type.Integer(), standardTicketTypeId: Nullable(Type.String()), prices: Type.Array(Price),
});
const Prices = Type.Array(Price, { maxItems: 1000 });
const ProductionPriceListView = Type.Object({ productionId: Type.String(), prices: Type.Array(Price) });
const ApplyView = Type.Object({
  changed: Type.Array(Type.String(), { description: 'performances whose list is (preview: would be) replaced' }),
  unchanged: Type.Array(Type.String(), { description: 'performances that already have this list' }),
  skipped: Type.Array(Type.String(), { description: 'cancelled or started performances: they keep theirs' }),
});

export const pricingRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const read = requireRole(deps, 'boxoffice', 'reporting');
  const admin = requireRole(deps, 'admin');

  app.get('/api/ticket-types', {
    schema: {
      tags: ['pricing'], summary: 'Ticket types of the organisation (names in the request language)',
      querystring: Type.Object({ includeArchived: Type.Boolean({ default: false }) }),
      response: { 200: Items(TicketTypeView) },
    },
    preHandler: read,
  }, async (req) => ({ items: await listTicketTypes(ctxOf(deps, req), req.query.includeArchived) }));

  app.post('/api/ticket-types', { schema: { tags: ['pricing'], body: TicketTypeBody, response: { 201: TicketTypeView } }, preHandler: admin },
    async (req, reply) => reply.code(201).send(await createTicketType(ctxOf(deps, req), req.body)));

  app.get('/api/ticket-types/:id', { schema: { tags: ['pricing'], params: IdParams, response: { 200: TicketTypeView } }, preHandler: read },
    async (req) => { const ctx = ctxOf(deps, req); return ticketTypeView(await getTicketType(ctx, req.params.id), ctx.lang); });

  app.patch('/api/ticket-types/:id', {
    schema: {
      tags: ['pricing'], summary: 'Change a ticket type, or archive it (archived types stay in reports)', params: IdParams,
      body: Type.Object({
        names: Type.Optional(Names), dipCategory: Type.Optional(StringEnum(DIP_CATEGORIES)),
        channels: Type.Optional(Type.Array(StringEnum(CHANNELS), { uniqueItems: true, maxItems: 2 })),
        uitpas: Type.Optional(Type.Boolean()), uitpasGroup: Type.Optional(Type.Boolean()), archived: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false }),
      response: { 200: TicketTypeView },
    },
    preHandler: admin,
  }, async (req) => updateTicketType(ctxOf(deps, req), req.params.id, req.body));

  app.get('/api/performances/:id/prices', { schema: { tags: ['pricing'], params: IdParams, response: { 200: PriceListView } }, preHandler: read },
    async (req) => getPriceList(ctxOf(deps, req), req.params.id));

  app.put('/api/performances/:id/prices', {
    schema: {
      tags: ['pricing'], summary: 'Replace the price list: amount (cents, VAT included) per rank per ticket type', params: IdParams,
      body: Type.Object({
        vatRate: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
        prices: Prices,
      }, { additionalProperties: false }),
      response: { 200: PriceListView },
    },
    preHandler: admin,
  }, async (req) => putPriceList(ctxOf(deps, req), req.params.id, req.body.prices, req.body.vatRate));

  app.get('/api/productions/:id/prices', {
    schema: { tags: ['pricing'], summary: 'The production\'s price list, which its new performances copy', params: IdParams, response: { 200: ProductionPriceListView } },
    preHandler: read,
  }, async (req) => getProductionPriceList(ctxOf(deps, req), req.params.id));

  app.put('/api/productions/:id/prices', {
    schema: {
      tags: ['pricing'], summary: 'Replace the production\'s price list (amount in cents per rank per ticket type); performances keep theirs until it is applied',
      params: IdParams, body: Type.Object({ prices: Prices }, { additionalProperties: false }), response: { 200: ProductionPriceListView },
    },
    preHandler: admin,
  }, async (req) => putProductionPriceList(ctxOf(deps, req), req.params.id, req.body.prices));

  app.post('/api/productions/:id/prices/apply', {
    schema: {
      tags: ['pricing'],
      summary: 'Copy the production\'s price list to its performances (all, or performanceIds); cancelled and started ones are skipped. Sold tickets keep their price.',
      params: IdParams,
      body: Type.Object({
        performanceIds: Type.Optional(Type.Array(Text(100), { maxItems: 500, uniqueItems: true })),
        preview: Type.Boolean({ default: false, description: 'only say which performances would change' }),
      }, { additionalProperties: false }),
      response: { 200: ApplyView },
    },
    preHandler: admin,
  }, async (req) => applyProductionPriceList(ctxOf(deps, req), req.params.id, { performanceIds: req.body.performanceIds, preview: req.body.preview }));
};
