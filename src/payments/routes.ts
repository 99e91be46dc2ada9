import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { gated } from '../platform/gate.js';
import { Cents, IdParams, Nullable, StringEnum, Text, VisibleName } from '../platform/schemas.js';
import { checkoutOnline, onlineOrderStatus, paymentMethods } from './online.js';
import { clearAttention, onlinePaymentsOfOrder, paymentsNeedingAttention } from './service.js';
import { ONLINE_PAYMENT_STATUSES } from './tables.js';

const Locale = StringEnum(['nl', 'fr', 'en'] as const);
const Url = Type.String({ minLength: 1, maxLength: 2000, pattern: '^https?://' });

const OnlineCheckout = Type.Object({
  orderId: Type.String(), number: Type.String(), checkoutUrl: Nullable(Type.String()),
  status: StringEnum(['awaiting_payment', 'paid', 'released'] as const),
});
const OnlineStatus = Type.Object({
  orderId: Type.String(), number: Type.String(), status: StringEnum(['awaiting_payment', 'paid', 'released'] as const),
  payment: Nullable(Type.Object({ status: StringEnum(ONLINE_PAYMENT_STATUSES), method: Nullable(Type.String()), checkoutUrl: Nullable(Type.String()) })),
});
const Refund = Type.Object({
  id: Type.String(), reason: Type.String(), amount: Type.Integer(), status: Type.String(), providerRefundId: Nullable(Type.String()),
  error: Nullable(Type.String()), createdAt: Type.String(), updatedAt: Type.String(),
});
const OnlinePayment = Type.Object({
  id: Type.String(), orderId: Type.String(), orderNumber: Type.String(), provider: Type.String(), providerPaymentId: Nullable(Type.String()),
  amount: Type.Integer(), status: Type.String(), providerStatus: Nullable(Type.String()), method: Nullable(Type.String()),
  deadline: Type.String(), attention: Nullable(Type.String()), error: Nullable(Type.String()), createdAt: Type.String(),
  settledAt: Nullable(Type.String()), refunds: Type.Array(Refund),
});
const Method = Type.Object({ id: Type.String(), description: Type.String(), image: Nullable(Type.String()), minimum: Type.Integer(), maximum: Type.Integer() });

export const paymentRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const admin = requireRole(deps, 'admin');
  const sell = requireRole(deps, 'boxoffice');
  const staff = requireRole(deps, 'boxoffice', 'reporting');

  app.post('/api/baskets/:id/checkout-online', {
    schema: {
      tags: ['selling', 'payments'],
      summary: 'Turn an online basket into an order awaiting its online payment; answers the provider\'s checkout page',
      description: 'Calling it again for the same basket answers the same order and payment. An order that owes nothing is paid at once (checkoutUrl null).',
      params: IdParams,
      body: Type.Object({
        redirectUrl: Url, locale: Locale, method: Type.Optional(Text(40)),
        buyer: Type.Optional(Type.Object({
          name: VisibleName(200), email: Type.String({ format: 'email', maxLength: 200 }), phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
        }, { additionalProperties: false })),
      }, { additionalProperties: false }),
      response: { 201: OnlineCheckout },
    },
    preHandler: sell,
  }, async (req, reply) => reply.code(201).send(await gated(deps, req, 'checkout', () => checkoutOnline(ctxOf(deps, req), req.params.id, req.body))));

  app.get('/api/orders/:id/online-status', {
    schema: {
      tags: ['payments'], summary: 'How an online order\'s payment stands (for the buyer\'s return page); refresh=true asks the provider first',
      params: IdParams, querystring: Type.Object({ refresh: Type.Boolean({ default: false }) }, { additionalProperties: false }),
      response: { 200: OnlineStatus },
    },
    preHandler: sell,
  }, async (req) => onlineOrderStatus(ctxOf(deps, req), req.params.id, { refresh: req.query.refresh }));

  app.get('/api/orders/:id/online-payments', {
    schema: {
      tags: ['payments', 'orders'], summary: 'An order\'s online payment with its refunds (none for an order sold at the desk)', params: IdParams,
      response: { 200: Type.Object({ items: Type.Array(OnlinePayment) }) },
    },
    preHandler: staff,
  }, async (req) => ({ items: await onlinePaymentsOfOrder(ctxOf(deps, req), req.params.id) }));

  app.get('/api/payments/methods', {
    schema: {
      tags: ['payments'], summary: 'The payment methods the organisation\'s provider offers for an amount (cents)',
      querystring: Type.Object({ amount: Cents, locale: Type.Optional(Locale) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Method) }) },
    },
    preHandler: sell,
  }, async (req) => ({ items: await paymentMethods(ctxOf(deps, req), { amount: Math.max(1, req.query.amount), locale: req.query.locale ?? ctxOf(deps, req).lang }) }));

  app.get('/api/payments/attention', {
    schema: {
      tags: ['payments'],
      summary: 'Online payments staff should look at: paid after the order had let its places go (refunded by itself), or a refund that failed',
      response: { 200: Type.Object({ items: Type.Array(OnlinePayment) }) },
    },
    preHandler: staff,
  }, async (req) => ({ items: await paymentsNeedingAttention(ctxOf(deps, req)) }));

  app.delete('/api/online-payments/:id/attention', {
    schema: { tags: ['payments'], summary: 'Staff have looked at it: the payment leaves the attention list', params: IdParams, response: { 200: OnlinePayment } },
    preHandler: admin,
  }, async (req) => clearAttention(ctxOf(deps, req), req.params.id));
};
