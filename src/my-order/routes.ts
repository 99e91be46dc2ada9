// The buyer's order page's API (/api/my-order/{token}/…): public, the token in the e-mail's link is
// the only key. The resend of the e-mail is the mail capability's (src/mail/routes.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../platform/context.js';
import { LANGS, pickLang, type Lang } from '../platform/i18n.js';
import { StringEnum } from '../platform/schemas.js';
import { formatInZone } from '../platform/time.js';
import { MyOrderAnswer } from './schemas.js';
import { cancelByBuyer, cancelDeadline } from './cancel.js';
import { buyerLang, calendarFile, myOrderOfToken, ticketQr, ticketsPdf, viewOf, type MyOrder } from './service.js';

const Token = Type.String({ minLength: 1, maxLength: 200 });
const LangQuery = Type.Object({ lang: Type.Optional(StringEnum(LANGS)) }, { additionalProperties: false });
const tag = { tags: ['my order'], security: [] };

/** Only the holder of the link should see it: nothing kept by shared caches, no address leaked onwards. */
const PRIVATE = { 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' };

const asked = (req: FastifyRequest): Lang | undefined => {
  const q = (req.query as { lang?: Lang } | undefined)?.lang;
  if (q) return q;
  const h = req.headers['accept-language'];
  return h ? pickLang(h) : undefined;
};

export const myOrderRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const answer = async (m: MyOrder, lang: Lang) => {
    const deadline = await cancelDeadline(deps.db, m);
    const open = deadline && deps.clock.now().toISOString() < deadline.until;
    return { ...viewOf(m, lang), cancelUntil: open ? formatInZone(deadline.until, deadline.timeZone) : null };
  };

  app.get('/api/my-order/:token', {
    schema: {
      ...tag, summary: "The buyer's order: its performances, tickets, status and totals, in the buyer's language",
      params: Type.Object({ token: Token }), querystring: LangQuery, response: { 200: MyOrderAnswer },
    },
  }, async (req, reply) => {
    const m = await myOrderOfToken(deps.db, req.params.token);
    reply.headers(PRIVATE);
    return answer(m, buyerLang(m.order, asked(req)));
  });

  app.post('/api/my-order/:token/cancel', {
    schema: {
      ...tag, summary: 'The buyer cancels the whole paid online order, where the venue allows it; refunded through the payment provider',
      description: "Allowed up to the shop's buyerCancelHours before the order's first performance: otherwise 409 buyer-cancel-off or buyer-cancel-too-late.",
      params: Type.Object({ token: Token }), querystring: LangQuery, response: { 200: MyOrderAnswer },
    },
  }, async (req, reply) => {
    const m = await myOrderOfToken(deps.db, req.params.token);
    const lang = buyerLang(m.order, asked(req));
    await cancelByBuyer(deps, req.log, m, lang);
    reply.headers(PRIVATE);
    return answer(await myOrderOfToken(deps.db, req.params.token), lang);
  });

  app.get('/api/my-order/:token/tickets.pdf', {
    schema: {
      ...tag, summary: "The order's e-tickets as a PDF, a page per ticket (the e-mail's attachment)",
      description: 'Only a paid order\'s valid tickets: otherwise 409 order-unpaid or nothing-to-print.',
      params: Type.Object({ token: Token }), querystring: LangQuery, produces: ['application/pdf'],
    },
  }, async (req, reply) => {
    const m = await myOrderOfToken(deps.db, req.params.token);
    const pdf = await ticketsPdf(m, buyerLang(m.order, asked(req)));
    return reply.headers(PRIVATE).type('application/pdf')
      .header('content-disposition', `attachment; filename="e-tickets-${m.order.number}.pdf"`).send(pdf);
  });

  app.get('/api/my-order/:token/tickets/:ticketId/qr.svg', {
    schema: {
      ...tag, summary: "A ticket's QR code for the screen (SVG), the code the door scans",
      params: Type.Object({ token: Token, ticketId: Type.String({ minLength: 1, maxLength: 100 }) }), produces: ['image/svg+xml'],
    },
  }, async (req, reply) => {
    const m = await myOrderOfToken(deps.db, req.params.token);
    const svg = await ticketQr(m, req.params.ticketId);
    return reply.headers(PRIVATE).type('image/svg+xml').send(svg);
  });

  app.get('/api/my-order/:token/calendar.ics', {
    schema: {
      ...tag, summary: "The order's performances as a calendar file (iCalendar, one event per performance)",
      params: Type.Object({ token: Token }), querystring: LangQuery, produces: ['text/calendar'],
    },
  }, async (req, reply) => {
    const m = await myOrderOfToken(deps.db, req.params.token);
    const ics = await calendarFile(deps.db, m, buyerLang(m.order, asked(req)), deps.clock.now());
    return reply.headers(PRIVATE).type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${m.order.number}.ics"`).send(ics);
  });
};
