import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { IdParams, Items } from '../platform/schemas.js';
import { searchOrders } from '../orders/service.js';
import { CustomerBody, CustomerView } from './schemas.js';
import { createCustomer, customerView, getCustomer, searchCustomers, updateCustomer } from './service.js';

export const customerRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const staff = requireRole(deps, 'boxoffice', 'reporting');
  const sell = requireRole(deps, 'boxoffice');

  app.get('/api/customers', {
    schema: {
      tags: ['customers'], summary: 'Search customers by name, e-mail or postal code',
      querystring: Type.Object({
        q: Type.String({ maxLength: 200, default: '' }),
        limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }), offset: Type.Integer({ minimum: 0, default: 0 }),
      }, { additionalProperties: false }),
      response: { 200: Items(CustomerView) },
    },
    preHandler: staff,
  }, async (req) => ({ items: await searchCustomers(ctxOf(deps, req), req.query.q, req.query.limit, req.query.offset) }));

  app.post('/api/customers', { schema: { tags: ['customers'], body: CustomerBody, response: { 201: CustomerView } }, preHandler: sell },
    async (req, reply) => reply.code(201).send(await createCustomer(ctxOf(deps, req), req.body)));

  app.get('/api/customers/:id', { schema: { tags: ['customers'], params: IdParams, response: { 200: CustomerView } }, preHandler: staff },
    async (req) => customerView(await getCustomer(ctxOf(deps, req), req.params.id)));

  app.patch('/api/customers/:id', {
    schema: { tags: ['customers'], params: IdParams, body: Type.Partial(CustomerBody, { additionalProperties: false }), response: { 200: CustomerView } },
    preHandler: sell,
  }, async (req) => updateCustomer(ctxOf(deps, req), req.params.id, req.body));

  app.get('/api/customers/:id/orders', {
    schema: { tags: ['customers'], summary: "A customer's orders", params: IdParams },
    preHandler: staff,
  }, async (req) => {
    const ctx = ctxOf(deps, req);
    await getCustomer(ctx, req.params.id);
    return { items: await searchOrders(ctx, { customerId: req.params.id, limit: 200, offset: 0 }) };
  });
};
