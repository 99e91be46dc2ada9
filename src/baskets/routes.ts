import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { gated } from '../platform/gate.js';
import { IdParams, Nullable, StringEnum, Text } from '../platform/schemas.js';
import { invalidField } from '../platform/problems.js';
import { linesBodyError, type LinesRequest } from './rules.js';
import { CHANNELS } from '../productions/tables.js';
import { MAX_RANK, MIN_RANK } from '../venues/rules.js';
import { BasketView } from './schemas.js';
import {
  abandonBasket, addLines, basketView, changeLineType, createBasket, findBasket, openBasket, removeLine, setBasketCustomer,
} from './service.js';
import { createCustomer, type CustomerInput } from '../customers/service.js';
import { CustomerBody } from '../customers/schemas.js';

const LineParams = Type.Object({ id: Text(100), lineId: Text(100) });

export const basketRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const sell = requireRole(deps, 'boxoffice');

  app.post('/api/baskets', {
    schema: {
      tags: ['selling'], summary: 'Open a basket; places added to it are held until expiresAt',
      body: Type.Object({ channel: StringEnum(CHANNELS) }, { additionalProperties: false }), response: { 201: BasketView },
    },
    preHandler: sell,
  }, async (req, reply) => reply.code(201).send(await gated(deps, req, req.body.channel === 'online' ? 'enter' : 'hold', () => createBasket(ctxOf(deps, req), req.body.channel))));

  app.get('/api/baskets/:id', { schema: { tags: ['selling'], params: IdParams, response: { 200: BasketView } }, preHandler: sell },
    async (req) => { const ctx = ctxOf(deps, req); return basketView(ctx, await findBasket(ctx, req.params.id)); });

  app.delete('/api/baskets/:id', {
    schema: { tags: ['selling'], summary: 'Abandon the basket: its places return to sale at once', params: IdParams, response: { 204: Type.Null() } },
    preHandler: sell,
  }, async (req, reply) => { await abandonBasket(ctxOf(deps, req), req.params.id); return reply.code(204).send(null); });

  app.post('/api/baskets/:id/lines', {
    schema: {
      tags: ['selling'],
      summary: 'Add places: chosen seats, or the best N available in a rank or general-admission zone',
      description: 'All or nothing. A place someone else holds or bought answers 409 with unavailableSeatIds.',
      params: IdParams,
      body: Type.Object({
        performanceId: Text(100),
        seatIds: Type.Optional(Type.Array(Text(100), { minItems: 1, maxItems: 100 })),
        quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
        rank: Type.Optional(Type.Integer({ minimum: MIN_RANK, maximum: MAX_RANK })),
        zoneId: Type.Optional(Text(100)),
        ticketTypeId: Type.Optional(Text(100)),
      }, { additionalProperties: false, description: 'Either seatIds, or quantity with at most one of rank and zoneId' }),
      response: { 200: BasketView },
    },
    preHandler: sell,
  }, async (req) => {
    const wrong = linesBodyError(req.body);
    if (wrong) throw invalidField(wrong.field, wrong.message);
    return gated(deps, req, 'hold', () => addLines(ctxOf(deps, req), req.params.id, req.body as LinesRequest));
  });

  app.patch('/api/baskets/:id/lines/:lineId', {
    schema: {
      tags: ['selling'], summary: "Change a line's ticket type (its price follows the price list)", params: LineParams,
      body: Type.Object({ ticketTypeId: Text(100) }, { additionalProperties: false }), response: { 200: BasketView },
    },
    preHandler: sell,
  }, async (req) => changeLineType(ctxOf(deps, req), req.params.id, req.params.lineId, req.body.ticketTypeId));

  app.delete('/api/baskets/:id/lines/:lineId', {
    schema: { tags: ['selling'], summary: 'Remove a line; its place returns to sale', params: LineParams, response: { 200: BasketView } },
    preHandler: sell,
  }, async (req) => removeLine(ctxOf(deps, req), req.params.id, req.params.lineId));

  app.put('/api/baskets/:id/customer', {
    schema: {
      tags: ['selling'], summary: 'Attach a customer: an existing one by id, or a new one', params: IdParams,
      description: 'Either {customerId} (null detaches), or the details of a new customer (name required)',
      body: Type.Object({ customerId: Type.Optional(Nullable(Text(100))), ...Type.Partial(CustomerBody).properties }, { additionalProperties: false }),
      response: { 200: BasketView },
    },
    preHandler: sell,
  }, async (req) => {
    const ctx = ctxOf(deps, req);
    const body = req.body;
    // A closed or unknown basket is refused before a new customer is created for it.
    await openBasket(ctx, req.params.id);
    const { customerId, ...details } = body;
    if (customerId !== undefined) {
      const extra = Object.keys(details)[0];
      if (extra) throw invalidField(extra, { en: 'not with customerId', nl: 'niet samen met customerId', fr: 'pas avec customerId' });
      return setBasketCustomer(ctx, req.params.id, customerId);
    }
    if (!details.name) throw invalidField('name', 'required');
    const created = await createCustomer(ctx, { ...details, name: details.name } satisfies CustomerInput);
    return setBasketCustomer(ctx, req.params.id, created.id);
  });
};
