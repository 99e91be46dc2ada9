import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { gated } from '../platform/gate.js';
import { idempotent } from '../platform/idempotency.js';
import { IdParams, MAX_CENTS, Nullable, StringEnum, Text } from '../platform/schemas.js';
import { PAYMENT_METHODS } from './tables.js';
import { cancelOrder, checkedOutOrder, checkout, getOrderView, paidOrder, payOrder, searchOrders } from './service.js';
import { printTickets } from './print.js';
import { LANGS } from '../platform/i18n.js';
import { sendETickets } from '../mail/service.js';
import { OutboxDetail, outboxDetail } from '../mail/views.js';
import { TICKET_LAYOUTS } from '../tickets/layout.js';
import { FeeLineView, VatRowView } from '../fees/schemas.js';

const Payment = Type.Object({
  method: StringEnum(PAYMENT_METHODS),
  reference: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });

const PaymentPart = Type.Object({
  method: StringEnum(PAYMENT_METHODS.filter((m) => m !== 'online')),
  amount: Type.Integer({ minimum: 1, maximum: MAX_CENTS, description: 'Euro cents' }),
  reference: Type.Optional(Type.String({ maxLength: 200 })),
  voucherCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'The gift voucher to spend (method voucher): dashes and spaces are ignored' })),
}, { additionalProperties: false });

const TicketView = Type.Object({
  id: Type.String(), performanceId: Type.String(), title: Type.String(), startsAt: Type.String(),
  seatId: Nullable(Type.String()), placeId: Type.String(), zoneId: Nullable(Type.String()),
  section: Type.String(), row: Type.String(), seat: Type.String(), rank: Type.Integer(),
  ticketTypeId: Type.String(), ticketTypeName: Type.String(), dipCategory: Type.String(), price: Type.Integer(),
  vatRate: Type.Integer(), fee: Type.Integer(),
  status: Type.String(), barcode: Type.String(), printState: Type.String(), printCount: Type.Integer(),
});
const OrderView = Type.Object({
  id: Type.String(), number: Type.String(), status: Type.String(), channel: Type.String(),
  customer: Nullable(Type.Object({ id: Type.String(), name: Type.String(), email: Nullable(Type.String()) })),
  total: Type.Integer(), fees: Type.Array(FeeLineView), vat: Type.Array(VatRowView),
  paid: Type.Integer(), balance: Type.Integer(), reservationExpiresAt: Nullable(Type.String()),
  createdAt: Type.String(), paidAt: Nullable(Type.String()), cancelledAt: Nullable(Type.String()),
  tickets: Type.Array(TicketView),
  payments: Type.Array(Type.Object({
    id: Type.String(), kind: Type.String(), method: Type.String(), amount: Type.Integer(), reference: Nullable(Type.String()), createdAt: Type.String(),
    status: Nullable(Type.String()),
  })),
});

export const orderRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const sell = requireRole(deps, 'boxoffice');
  const staff = requireRole(deps, 'boxoffice', 'reporting');

  app.post('/api/baskets/:id/checkout', {
    schema: {
      tags: ['selling'],
      summary: 'Turn the basket into an order: paid with a payment, else an unpaid reservation',
      description: 'Send an Idempotency-Key header: a retry with the same key answers the same order. While the first request runs, '
        + 'a retry answers 409 with Retry-After; should the process handling it have died, a retry after its 30-second lease runs the checkout again. '
        + '`payments` splits the payment (cash, pin, a gift voucher by its code...): the amounts must add up to the order total, each is its own payment row.',
      params: IdParams,
      body: Type.Object({
        payment: Type.Optional(Payment),
        payments: Type.Optional(Type.Array(PaymentPart, { minItems: 1, maxItems: 10 })),
      }, { additionalProperties: false }),
      response: { 201: OrderView },
    },
    preHandler: sell,
  }, async (req, reply) => gated(deps, req, 'checkout', () => idempotent(deps, req, reply, 201,
    () => checkout(ctxOf(deps, req), req.params.id, req.body?.payment, req.body?.payments), () => checkedOutOrder(ctxOf(deps, req), req.params.id))));

  app.get('/api/orders', {
    schema: {
      tags: ['orders'], summary: 'Find orders by number, ticket barcode, customer name/e-mail/postal code, or performance',
      querystring: Type.Object({
        q: Type.Optional(Type.String({ maxLength: 200 })), customerId: Type.Optional(Text(100)), performanceId: Type.Optional(Text(100)),
        limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }), offset: Type.Integer({ minimum: 0, default: 0 }),
      }, { additionalProperties: false }),
    },
    preHandler: staff,
  }, async (req) => ({ items: await searchOrders(ctxOf(deps, req), req.query) }));

  app.get('/api/orders/:id', { schema: { tags: ['orders'], params: IdParams, response: { 200: OrderView } }, preHandler: staff },
    async (req) => getOrderView(ctxOf(deps, req), req.params.id));

  app.post('/api/orders/:id/payments', {
    schema: {
      tags: ['orders'],
      summary: 'Pay a reservation in full (Idempotency-Key supported)',
      description: '`method` pays it all with one method; `payments` splits it (cash, pin, a gift voucher by its code...) as at checkout: '
        + 'the amounts must add up to what the order owes. A voucher is spent by one conditional write: of two payments spending the same '
        + 'balance at once, one is refused with 409 voucher-insufficient and nothing of it is recorded.',
      params: IdParams,
      body: Type.Object({
        method: Type.Optional(Payment.properties.method),
        reference: Type.Optional(Type.String({ maxLength: 200 })),
        payments: Type.Optional(Type.Array(PaymentPart, { minItems: 1, maxItems: 10 })),
      }, { additionalProperties: false }),
      response: { 200: OrderView },
    },
    preHandler: sell,
  }, async (req, reply) => gated(deps, req, 'checkout', () => idempotent(deps, req, reply, 200,
    () => payOrder(ctxOf(deps, req), req.params.id, req.body), () => paidOrder(ctxOf(deps, req), req.params.id))));

  app.post('/api/orders/:id/cancel', {
    schema: {
      tags: ['orders'],
      summary: 'Cancel the order or some of its tickets; places return to sale, paid tickets get a refund record',
      params: IdParams,
      body: Type.Object({
        ticketIds: Type.Optional(Type.Array(Text(100), { minItems: 1, maxItems: 500 })),
        refundMethod: Type.Optional(StringEnum(PAYMENT_METHODS)),
      }, { additionalProperties: false }),
      response: { 200: OrderView },
    },
    preHandler: sell,
  }, async (req, reply) => idempotent(deps, req, reply, 200, () =>
    cancelOrder(ctxOf(deps, req), req.params.id, req.body?.ticketIds, req.body?.refundMethod)));

  app.post('/api/orders/:id/print', {
    schema: {
      tags: ['orders'], summary: 'Mark tickets printed and answer one PDF, a ticket per page, in the request language',
      description: 'layout "page" (A5, the default) or "narrow" (80 mm thermal ticket printers).',
      params: IdParams,
      body: Type.Optional(Type.Object({
        ticketIds: Type.Optional(Type.Array(Text(100), { minItems: 1, maxItems: 500 })),
        layout: Type.Optional(StringEnum(TICKET_LAYOUTS)),
      }, { additionalProperties: false })),
      produces: ['application/pdf'],
    },
    preHandler: sell,
  }, async (req, reply) => {
    const pdf = await printTickets(ctxOf(deps, req), req.params.id, req.body?.ticketIds, req.body?.layout);
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="tickets.pdf"').send(pdf);
  });

  app.post('/api/orders/:id/e-tickets', {
    schema: {
      tags: ['orders'],
      summary: "E-mail the e-tickets: queues the order's confirmation with its tickets (PDF) and my-order link to the customer or `email`",
      description: 'In the customer\'s language unless `language` is given. The tickets count as delivered once the mail server accepts the e-mail. '
        + 'Without a mail server (SMTP_URL) the e-mail stays in the outbox (GET /api/mail/outbox).',
      params: IdParams,
      body: Type.Optional(Type.Object({
        ticketIds: Type.Optional(Type.Array(Text(100), { minItems: 1, maxItems: 500 })),
        email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
        language: Type.Optional(StringEnum(LANGS)),
      }, { additionalProperties: false })),
      response: { 202: OutboxDetail },
    },
    preHandler: sell,
  }, async (req, reply) => {
    const ctx = ctxOf(deps, req);
    const row = await sendETickets(ctx, req.params.id, { to: req.body?.email, lang: req.body?.language, ticketIds: req.body?.ticketIds });
    return reply.code(202).send(await outboxDetail(ctx.db, row));
  });
};
