import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { Cents, Day, IdParams, Nullable, Text } from '../platform/schemas.js';
import { closeShift, currentShift, dailyClosing, openShift, shiftCashUp } from './service.js';
import { cashUpPdf, closingPdf } from './pdf.js';
import { putShiftSettings, shiftSettings } from './required.js';

const Line = Type.Object({
  method: Type.String(), taken: Type.Integer(), refunded: Type.Integer(), count: Type.Integer(), expected: Type.Integer(),
  counted: Nullable(Type.Integer()), difference: Nullable(Type.Integer()),
});
const Venue = Type.Object({ id: Type.String(), name: Type.String(), timeZone: Type.String() });
const Cashier = Type.Object({ id: Type.String(), name: Type.String() });
const CashUp = Type.Object({
  id: Type.String(), status: Type.String(), venue: Venue, cashier: Cashier, openedAt: Type.String(), closedAt: Nullable(Type.String()),
  float: Type.Integer(), note: Nullable(Type.String()), orders: Type.Integer(), methods: Type.Array(Line),
  vouchersSold: Type.Object({ count: Type.Integer(), value: Type.Integer() }), net: Type.Integer(), difference: Nullable(Type.Integer()),
});

export const shiftRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const sell = requireRole(deps, 'boxoffice');
  const staff = requireRole(deps, 'boxoffice', 'reporting');

  app.post('/api/shifts', {
    schema: {
      tags: ['till'], summary: 'Open a shift for yourself with the float (the cash counted into the drawer)',
      description: 'One open shift per user. Without venueId: the organisation\'s first venue.',
      body: Type.Object({ float: Cents, venueId: Type.Optional(Text(100)) }, { additionalProperties: false }),
      response: { 201: CashUp },
    },
    preHandler: sell,
  }, async (req, reply) => reply.code(201).send(await openShift(ctxOf(deps, req), req.body)));

  const Settings = Type.Object({
    requireOpenShift: Type.Boolean({ description: 'Box-office payments by a staff user need that user\'s open shift (409 shift-required otherwise); off by default' }),
  }, { additionalProperties: false });
  app.get('/api/shifts/settings', {
    schema: { tags: ['till'], summary: 'The till\'s settings', response: { 200: Settings } },
    preHandler: staff,
  }, async (req) => shiftSettings(deps.db, ctxOf(deps, req).orgId));
  app.put('/api/shifts/settings', {
    schema: { tags: ['till'], summary: 'Change the till\'s settings (recorded in the audit trail)', body: Settings, response: { 200: Settings } },
    preHandler: requireRole(deps, 'admin'),
  }, async (req) => putShiftSettings(ctxOf(deps, req), req.body));

  app.get('/api/shifts/current', {
    schema: { tags: ['till'], summary: 'Your open shift with its cash-up so far, or null', response: { 200: Type.Object({ shift: Nullable(CashUp) }) } },
    preHandler: sell,
  }, async (req) => currentShift(ctxOf(deps, req)));

  app.get('/api/shifts/:id', {
    schema: { tags: ['till'], summary: 'A shift\'s cash-up: expected against counted per payment method', params: IdParams, response: { 200: CashUp } },
    preHandler: staff,
  }, async (req) => shiftCashUp(ctxOf(deps, req), req.params.id));

  app.get('/api/shifts/:id/pdf', {
    schema: { tags: ['till'], summary: 'A shift\'s cash-up as a PDF, in the request language', params: IdParams, produces: ['application/pdf'] },
    preHandler: staff,
  }, async (req, reply) => {
    const ctx = ctxOf(deps, req);
    const pdf = await cashUpPdf(await shiftCashUp(ctx, req.params.id), ctx.lang);
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="cash-up.pdf"').send(pdf);
  });

  app.post('/api/shifts/:id/close', {
    schema: {
      tags: ['till'], summary: 'Close the shift with the counted cash (and the pin terminal\'s total): answers the cash-up',
      params: IdParams,
      body: Type.Object({ countedCash: Cents, countedPin: Type.Optional(Cents), note: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false }),
      response: { 200: CashUp },
    },
    preHandler: sell,
  }, async (req) => closeShift(ctxOf(deps, req), req.params.id, req.body));

  const ClosingQuery = Type.Object({ day: Day, format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('pdf')])) }, { additionalProperties: false });
  app.get('/api/venues/:id/closing', {
    schema: {
      tags: ['till'], summary: 'The daily closing of a venue: every shift opened that day (the venue\'s calendar), totals per method and per cashier',
      description: 'format=pdf answers the report as a PDF.',
      params: IdParams, querystring: ClosingQuery,
    },
    preHandler: staff,
  }, async (req, reply) => {
    const ctx = ctxOf(deps, req);
    const d = await dailyClosing(ctx, req.params.id, req.query.day);
    if (req.query.format !== 'pdf') return d;
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="closing.pdf"').send(await closingPdf(d, ctx.lang));
  });
};
