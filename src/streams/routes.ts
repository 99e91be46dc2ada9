import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { Cents, IdParams, Nullable, StringEnum, Text } from '../platform/schemas.js';
import { Instant, toInstant } from '../packs/schemas.js';
import { STREAM_STATUSES } from './tables.js';
import { createStream, deleteStream, findStream, listStreams, streamView, updateStream, type StreamInput } from './service.js';
import { addStreamToBasket, basketStreams, cancelStreamPurchase, orderStreams, removeBasketStream } from './selling.js';
import { PAYMENT_METHODS } from '../orders/tables.js';

const fields = {
  label: Text(200),
  description: Type.String({ maxLength: 4000 }),
  startsAt: Nullable(Instant),
  endsAt: Nullable(Instant),
  accessEndsAt: Nullable(Instant),
  url: Text(2000),
  shopUrl: Nullable(Type.String({ maxLength: 2000 })),
  accessDurationHours: Nullable(Type.Integer({ minimum: 1, maximum: 100_000 })),
  status: Type.Union(STREAM_STATUSES.map((s) => Type.Literal(s))),
  venueId: Nullable(Text(100)),
  productionId: Nullable(Text(100)),
  freeaccessSeats: Type.Boolean(),
  freeaccessPacks: Type.Boolean(),
  price: Cents,
};
const opt = <K extends keyof typeof fields>(k: K) => Type.Optional(fields[k]);
const StreamBody = Type.Object({
  ...fields,
  description: opt('description'), startsAt: opt('startsAt'), endsAt: opt('endsAt'), accessEndsAt: opt('accessEndsAt'),
  shopUrl: opt('shopUrl'), accessDurationHours: opt('accessDurationHours'), status: opt('status'), venueId: opt('venueId'),
  productionId: opt('productionId'), freeaccessSeats: opt('freeaccessSeats'), freeaccessPacks: opt('freeaccessPacks'),
}, { additionalProperties: false });
const StreamPatch = Type.Partial(Type.Object(fields), { additionalProperties: false });

const instants = <T extends { startsAt?: string | null; endsAt?: string | null; accessEndsAt?: string | null }>(b: T) => ({
  ...b, startsAt: toInstant(b.startsAt), endsAt: toInstant(b.endsAt), accessEndsAt: toInstant(b.accessEndsAt),
});

export const streamRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const admin = requireRole(deps);
  const sell = requireRole(deps, 'boxoffice');
  const staff = requireRole(deps, 'boxoffice', 'reporting');

  app.get('/api/streams', { schema: { tags: ['streams'] }, preHandler: staff }, async (req) => ({ items: await listStreams(ctxOf(deps, req)) }));

  app.post('/api/streams', {
    schema: { tags: ['streams'], summary: 'Create a stream (video on demand); status 10 published, 11 no booking, 20 cancelled', body: StreamBody },
    preHandler: admin,
  }, async (req, reply) => {
    const b = instants(req.body);
    const input: StreamInput = {
      ...b, description: b.description ?? '', startsAt: b.startsAt ?? null, endsAt: b.endsAt ?? null, accessEndsAt: b.accessEndsAt ?? null,
      shopUrl: b.shopUrl ?? null, accessDurationHours: b.accessDurationHours ?? null, status: b.status ?? 10, venueId: b.venueId ?? null,
      productionId: b.productionId ?? null, freeaccessSeats: b.freeaccessSeats ?? false, freeaccessPacks: b.freeaccessPacks ?? false,
    };
    return reply.code(201).send(await createStream(ctxOf(deps, req), input));
  });

  app.get('/api/streams/:id', { schema: { tags: ['streams'], params: IdParams }, preHandler: staff },
    async (req) => streamView(await findStream(ctxOf(deps, req), req.params.id)));

  app.patch('/api/streams/:id', { schema: { tags: ['streams'], params: IdParams, body: StreamPatch }, preHandler: admin },
    async (req) => updateStream(ctxOf(deps, req), req.params.id, instants(req.body)));

  app.delete('/api/streams/:id', { schema: { tags: ['streams'], summary: 'Delete a stream nobody bought', params: IdParams }, preHandler: admin },
    async (req, reply) => { await deleteStream(ctxOf(deps, req), req.params.id); return reply.code(204).send(); });

  app.get('/api/baskets/:id/streams', { schema: { tags: ['streams'], params: IdParams }, preHandler: sell },
    async (req) => basketStreams(ctxOf(deps, req), req.params.id));

  app.post('/api/baskets/:id/streams', {
    schema: {
      tags: ['streams'], summary: 'Buy access to a stream; each one gets an access code at checkout', params: IdParams,
      body: Type.Object({ streamId: Text(100), quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })) }, { additionalProperties: false }),
    },
    preHandler: sell,
  }, async (req) => addStreamToBasket(ctxOf(deps, req), req.params.id, req.body.streamId, req.body.quantity ?? 1));

  app.delete('/api/baskets/:id/streams/:lineId', {
    schema: { tags: ['streams'], params: Type.Object({ id: Text(100), lineId: Text(100) }) }, preHandler: sell,
  }, async (req) => removeBasketStream(ctxOf(deps, req), req.params.id, req.params.lineId));

  app.post('/api/stream-purchases/:id/cancel', {
    schema: {
      tags: ['streams'], summary: 'Cancel a stream purchase: its access code stops working, a paid price is refunded', params: IdParams,
      body: Type.Optional(Type.Object({ refundMethod: Type.Optional(StringEnum(PAYMENT_METHODS)) }, { additionalProperties: false })),
    },
    preHandler: sell,
  }, async (req) => cancelStreamPurchase(ctxOf(deps, req), req.params.id, req.body?.refundMethod));

  app.get('/api/orders/:id/streams', { schema: { tags: ['streams'], summary: 'Streams bought in the order, with their access codes', params: IdParams }, preHandler: staff },
    async (req) => ({ items: await orderStreams(ctxOf(deps, req), req.params.id) }));
};
