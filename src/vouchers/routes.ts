import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { Day, IdParams, Nullable, Text } from '../platform/schemas.js';
import { addVoucherToBasket, basketVouchers, lookUpVoucher, orderVouchers, removeBasketVoucher } from './service.js';
import { printVouchers } from './print.js';

/** The most one voucher can hold: €1,000. */
export const MAX_VOUCHER = 100_000;

const BasketVouchers = Type.Object({
  id: Type.String(),
  vouchers: Type.Array(Type.Object({ id: Type.String(), amount: Type.Integer(), expiresOn: Nullable(Type.String()) })),
  total: Type.Integer(),
});
const VoucherView = Type.Object({
  id: Type.String(), code: Type.String({ description: 'In groups of four, to read aloud' }), value: Type.Integer(), balance: Type.Integer(),
  state: Type.String({ description: 'valid, spent, expired or cancelled' }),
  expiresAt: Nullable(Type.String()), lastDay: Nullable(Type.String()), orderId: Type.String(), createdAt: Type.String(),
});

export const voucherRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const sell = requireRole(deps, 'boxoffice');
  const staff = requireRole(deps, 'boxoffice', 'reporting');

  app.get('/api/baskets/:id/vouchers', { schema: { tags: ['vouchers'], params: IdParams, response: { 200: BasketVouchers } }, preHandler: sell },
    async (req) => basketVouchers(ctxOf(deps, req), req.params.id));

  app.post('/api/baskets/:id/vouchers', {
    schema: {
      tags: ['vouchers'],
      summary: 'Sell a gift voucher of `amount` cents: it gets its code at checkout (paid at once, never reserved)',
      description: 'A voucher is money, not a ticket: VAT-free (a multi-purpose voucher). It can be spent until `expiresOn` '
        + '(the venue\'s calendar), by default two years from the sale.',
      params: IdParams,
      body: Type.Object({
        amount: Type.Integer({ minimum: 100, maximum: MAX_VOUCHER, description: 'Euro cents, €1 to €1,000' }),
        quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
        expiresOn: Type.Optional(Day),
      }, { additionalProperties: false }),
      response: { 200: BasketVouchers },
    },
    preHandler: sell,
  }, async (req) => addVoucherToBasket(ctxOf(deps, req), req.params.id, req.body));

  app.delete('/api/baskets/:id/vouchers/:lineId', {
    schema: { tags: ['vouchers'], params: Type.Object({ id: Text(100), lineId: Text(100) }), response: { 200: BasketVouchers } }, preHandler: sell,
  }, async (req) => removeBasketVoucher(ctxOf(deps, req), req.params.id, req.params.lineId));

  app.get('/api/vouchers/:code', {
    schema: {
      tags: ['vouchers'], summary: 'A gift voucher by its code (dashes and spaces ignored): balance, state, last day and uses',
      params: Type.Object({ code: Text(40) }),
      response: {
        200: Type.Object({
          ...VoucherView.properties,
          uses: Type.Array(Type.Object({ kind: Type.String(), amount: Type.Integer(), orderId: Type.String(), orderNumber: Type.String(), createdAt: Type.String() })),
        }),
      },
    },
    preHandler: staff,
  }, async (req) => lookUpVoucher(ctxOf(deps, req), req.params.code));

  app.get('/api/orders/:id/vouchers', {
    schema: { tags: ['vouchers'], summary: 'The gift vouchers sold in the order, with their codes', params: IdParams, response: { 200: Type.Object({ items: Type.Array(VoucherView) }) } },
    preHandler: staff,
  }, async (req) => ({ items: await orderVouchers(ctxOf(deps, req), req.params.id) }));

  app.post('/api/orders/:id/vouchers/print', {
    schema: { tags: ['vouchers'], summary: "The order's gift vouchers as a PDF, a page each, in the request language", params: IdParams, produces: ['application/pdf'] },
    preHandler: sell,
  }, async (req, reply) => {
    const pdf = await printVouchers(ctxOf(deps, req), req.params.id);
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="vouchers.pdf"').send(pdf);
  });
};
