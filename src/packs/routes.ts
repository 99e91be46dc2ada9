import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { IdParams, StringEnum, Text } from '../platform/schemas.js';
import { PAYMENT_METHODS } from '../orders/tables.js';
import { BasketRedemptionBody, PackBody, PackPatch, PlaceBody, toInstant } from './schemas.js';
import { createPack, deletePack, findPack, listPacks, packView, updatePack, type PackInput } from './service.js';
import { addPackToBasket, addRedemptionToBasket, basketWithPacks, removeBasketPack } from './selling.js';
import { cancelHolding, cancelRedemption, holdingView, listHoldings, redeemAtBoxOffice } from './holdings.js';

const LineParams = Type.Object({ id: Text(100), lineId: Text(100) });

const placeRequest = (b: { seatIds?: string[]; quantity?: number }) => (b.seatIds ? { seatIds: b.seatIds } : { quantity: b.quantity ?? 1 });

export const packRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const admin = requireRole(deps);
  const sell = requireRole(deps, 'boxoffice');
  const staff = requireRole(deps, 'boxoffice', 'reporting');

  app.get('/api/packs', { schema: { tags: ['packs'], summary: 'Every pack with its sets' }, preHandler: staff },
    async (req) => ({ items: await listPacks(ctxOf(deps, req)) }));

  app.post('/api/packs', {
    schema: {
      tags: ['packs'], body: PackBody,
      summary: 'Create a pack: a bundle (1), shopping (10), passport such as "Pass de 10 places" (20) or card (100)',
      description: 'Each set lists stocks (performances, optionally restricted to ranks, or streams); a holder takes between itemnbMin and itemnbMax places of each set.',
    },
    preHandler: admin,
  }, async (req, reply) => {
    const b = req.body;
    const input: PackInput = {
      ...b, description: b.description ?? '', imageUrl: b.imageUrl ?? null, shopUrl: b.shopUrl ?? null, mainPackId: b.mainPackId ?? null,
      validFrom: toInstant(b.validFrom) ?? null, validUntil: toInstant(b.validUntil) ?? null,
      perPerformanceMax: b.perPerformanceMax ?? 1, published: b.published ?? true,
    };
    return reply.code(201).send(await createPack(ctxOf(deps, req), input));
  });

  app.get('/api/packs/:id', { schema: { tags: ['packs'], params: IdParams }, preHandler: staff },
    async (req) => { const ctx = ctxOf(deps, req); return packView(await findPack(ctx.db, ctx.orgId, req.params.id)); });

  app.patch('/api/packs/:id', {
    schema: { tags: ['packs'], summary: 'Change a pack; sets are replaced as a whole while nobody holds it', params: IdParams, body: PackPatch },
    preHandler: admin,
  }, async (req) => {
    const b = req.body;
    const input: Partial<PackInput> = { ...b, validFrom: toInstant(b.validFrom), validUntil: toInstant(b.validUntil) };
    return updatePack(ctxOf(deps, req), req.params.id, input);
  });

  app.delete('/api/packs/:id', { schema: { tags: ['packs'], summary: 'Delete a pack nobody bought', params: IdParams }, preHandler: admin },
    async (req, reply) => { await deletePack(ctxOf(deps, req), req.params.id); return reply.code(204).send(); });

  app.get('/api/baskets/:id/packs', { schema: { tags: ['packs'], summary: 'The basket with its packs and pack places', params: IdParams }, preHandler: sell },
    async (req) => basketWithPacks(ctxOf(deps, req), req.params.id));

  app.post('/api/baskets/:id/packs', {
    schema: {
      tags: ['packs'], params: IdParams,
      summary: 'Buy a pack; with performanceIds (a subscription) a place of each is held at once',
      body: Type.Object({ packId: Text(100), performanceIds: Type.Optional(Type.Array(Text(100), { maxItems: 100 })) }, { additionalProperties: false }),
    },
    preHandler: sell,
  }, async (req) => addPackToBasket(ctxOf(deps, req), req.params.id, req.body.packId, req.body.performanceIds));

  app.delete('/api/baskets/:id/packs/:lineId', { schema: { tags: ['packs'], summary: 'Take a pack out of the basket', params: LineParams }, preHandler: sell },
    async (req) => removeBasketPack(ctxOf(deps, req), req.params.id, req.params.lineId));

  app.post('/api/baskets/:id/pack-redemptions', {
    schema: {
      tags: ['packs'], params: IdParams, summary: 'Use a held pack for a performance: places held now, credits taken at checkout',
      body: BasketRedemptionBody,
    },
    preHandler: sell,
  }, async (req) => addRedemptionToBasket(ctxOf(deps, req), req.params.id, req.body.holdingId, req.body.performanceId, placeRequest(req.body)));

  app.get('/api/pack-holdings', {
    schema: { tags: ['packs'], summary: 'Packs customers hold', querystring: Type.Object({ customerId: Type.Optional(Text(100)), orderId: Type.Optional(Text(100)) }, { additionalProperties: false }) },
    preHandler: staff,
  }, async (req) => ({ items: await listHoldings(ctxOf(deps, req), req.query) }));

  app.get('/api/pack-holdings/:id', { schema: { tags: ['packs'], params: IdParams }, preHandler: staff },
    async (req) => holdingView(ctxOf(deps, req), req.params.id));

  app.post('/api/pack-holdings/:id/redeem', {
    schema: { tags: ['packs'], summary: 'At the box office: take places with the pack (an order of their own, price 0)', params: IdParams, body: PlaceBody },
    preHandler: sell,
  }, async (req, reply) => reply.code(201).send(await redeemAtBoxOffice(ctxOf(deps, req), req.params.id, req.body.performanceId, placeRequest(req.body))));

  app.post('/api/pack-holdings/:id/cancel', {
    schema: {
      tags: ['packs'], summary: 'Cancel the pack and every place taken with it; its price is refunded when paid', params: IdParams,
      body: Type.Optional(Type.Object({ refundMethod: Type.Optional(StringEnum(PAYMENT_METHODS)) }, { additionalProperties: false })),
    },
    preHandler: sell,
  }, async (req) => cancelHolding(ctxOf(deps, req), req.params.id, req.body?.refundMethod));

  app.post('/api/pack-redemptions/:id/cancel', {
    schema: { tags: ['packs'], summary: 'Cancel a place taken with a pack; the credit returns', params: IdParams },
    preHandler: sell,
  }, async (req) => cancelRedemption(ctxOf(deps, req), req.params.id));
};
