import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { IdParams, Items, Nullable, StringEnum, Text } from '../platform/schemas.js';
import { BLOCK_KINDS } from './tables.js';
import { createBlock, listBlocks, placeStates, releaseBlock } from './service.js';

const BlockView = Type.Object({
  id: Type.String(), performanceId: Type.String(), kind: Type.String(), reason: Type.String(), places: Type.Integer(),
  createdAt: Type.String(), releasedAt: Nullable(Type.String()),
  createdBy: Nullable(Type.Object({ id: Type.String(), name: Nullable(Type.String()) }, { description: 'Who made the block; null for old blocks' })),
  placeNames: Type.String({ description: 'The places as the ticket names them, in the request language: "Zaal, rij 2, stoel 10–13"' }),
  seatIds: Type.Array(Type.String()),
});

export const inventoryRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const staff = requireRole(deps, 'boxoffice', 'reporting');
  const admin = requireRole(deps, 'admin');

  app.get('/api/performances/:id/seats', {
    schema: {
      tags: ['inventory'], summary: 'Live state of every place (free, held, reserved, sold, blocked) and availability per rank and zone',
      params: IdParams,
    },
    preHandler: staff,
  }, async (req) => placeStates(ctxOf(deps, req), req.params.id));

  app.get('/api/performances/:id/blocks', {
    schema: { tags: ['inventory'], summary: "The performance's blocks in force: reason, who, when, places", params: IdParams, response: { 200: Items(BlockView) } },
    preHandler: staff,
  },
    async (req) => ({ items: await listBlocks(ctxOf(deps, req), req.params.id) }));

  app.post('/api/performances/:id/blocks', {
    schema: {
      tags: ['inventory'],
      summary: 'Block seats or GA places: definitive (off the capacity) or conditional (reported to DIP as blocked, with value)',
      params: IdParams,
      body: Type.Object({
        kind: StringEnum(BLOCK_KINDS),
        reason: Type.String({ maxLength: 500, default: '' }),
        seatIds: Type.Optional(Type.Array(Text(100), { minItems: 1, maxItems: 5000 })),
        zoneId: Type.Optional(Text(100)),
        quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 200_000 })),
      }, { additionalProperties: false }),
      response: { 201: BlockView },
    },
    preHandler: admin,
  }, async (req, reply) => reply.code(201).send(await createBlock(ctxOf(deps, req), req.params.id, req.body)));

  app.delete('/api/blocks/:id', {
    schema: { tags: ['inventory'], summary: 'Release a block: its places return to sale', params: IdParams, response: { 204: Type.Null() } },
    preHandler: admin,
  }, async (req, reply) => { await releaseBlock(ctxOf(deps, req), req.params.id); return reply.code(204).send(null); });
};
