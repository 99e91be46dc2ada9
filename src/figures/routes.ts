import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { IdParams } from '../platform/schemas.js';
import { getFigures } from './service.js';

const Category = Type.Object({ tickets: Type.Integer(), revenue: Type.Integer() });

export const figureRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/performances/:id/figures', {
    schema: {
      tags: ['figures'],
      summary: 'Sold per DIP category with revenue, reservations with value, blocked seats, capacity, available and held now',
      params: IdParams,
      response: {
        200: Type.Object({
          performanceId: Type.String(),
          sold: Type.Object({ normal: Category, discount: Category, free: Category, other: Category }),
          reservations: Type.Object({ tickets: Type.Integer(), value: Type.Integer() }),
          blocked: Type.Object({ conditional: Type.Integer(), conditionalValue: Type.Integer(), definitive: Type.Integer() }),
          capacity: Type.Integer(), available: Type.Integer(), held: Type.Integer(),
        }),
      },
    },
    preHandler: requireRole(deps, 'boxoffice', 'reporting'),
  }, async (req) => getFigures(ctxOf(deps, req), req.params.id));
};
