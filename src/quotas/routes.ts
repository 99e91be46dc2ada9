import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { IdParams, Nullable, Text } from '../platform/schemas.js';
import { getQuotas, putQuotas } from './service.js';

/** The most one quota may be: more than any hall holds. */
export const MAX_QUOTA = 1_000_000;

const QuotasView = Type.Object({
  performanceId: Type.String(),
  quotas: Type.Array(Type.Object({
    ticketTypeId: Type.String(), name: Type.String(), archived: Type.Boolean(), max: Nullable(Type.Integer()), taken: Type.Integer(),
  })),
});

export const quotaRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/performances/:id/quotas', {
    schema: {
      tags: ['pricing'], summary: 'Quotas per ticket type, with how many of each type are held, reserved or sold',
      params: IdParams, response: { 200: QuotasView },
    },
    preHandler: requireRole(deps, 'boxoffice', 'reporting'),
  }, async (req) => getQuotas(ctxOf(deps, req), req.params.id));

  app.put('/api/performances/:id/quotas', {
    schema: {
      tags: ['pricing'],
      summary: 'Replace the quotas: at most `max` tickets of a type for this performance on every channel (null or absent: no quota)',
      params: IdParams,
      body: Type.Object({
        quotas: Type.Array(Type.Object({
          ticketTypeId: Text(100),
          max: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: MAX_QUOTA }))),
        }, { additionalProperties: false }), { maxItems: 200 }),
      }, { additionalProperties: false }),
      response: { 200: QuotasView },
    },
    preHandler: requireRole(deps, 'admin'),
  }, async (req) => putQuotas(ctxOf(deps, req), req.params.id, req.body.quotas));
};
