import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { pickLang } from '../platform/i18n.js';
import { Problem, notFound } from '../platform/problems.js';
import { IdParams, StringEnum, Text } from '../platform/schemas.js';
import { systemCtx } from '../platform/system-ctx.js';
import { orderOfToken } from '../my-order/links.js';
import { RESENDS_PER_DAY, maskEmail, resendWindow, secondsToNextWindow } from './rules.js';
import { countOutbox, listOutbox, orderForMail, outboxRowOf } from './store.js';
import { queueOrderConfirmation, resendOutbox } from './service.js';
import { MAIL_STATUSES } from './tables.js';
import { OutboxDetail, OutboxItem, itemView, outboxDetail } from './views.js';

const Status = StringEnum(MAIL_STATUSES);

export const mailRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const staff = requireRole(deps, 'boxoffice');

  app.get('/api/mail/outbox', {
    schema: {
      tags: ['mail'],
      summary: 'E-mails of the organisation, newest first, with counts per status and whether a mail server is set up',
      description: 'Without SMTP_URL e-mails are not sent: they stay here with status not_sent for staff to read and forward.',
      querystring: Type.Object({
        status: Type.Optional(Status), orderId: Type.Optional(Text(100)), q: Type.Optional(Type.String({ maxLength: 200 })),
        limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }), offset: Type.Integer({ minimum: 0, default: 0 }),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          items: Type.Array(OutboxItem),
          counts: Type.Record(Type.String(), Type.Integer()),
          smtp: Type.Object({ configured: Type.Boolean() }),
        }),
      },
    },
    preHandler: staff,
  }, async (req) => {
    const ctx = ctxOf(deps, req);
    const [rows, counts] = await Promise.all([listOutbox(ctx.db, ctx.orgId, req.query), countOutbox(ctx.db, ctx.orgId)]);
    return { items: rows.map(itemView), counts, smtp: { configured: !!(deps.mail?.smtpUrl && deps.mail.from) } };
  });

  app.get('/api/mail/outbox/:id', {
    schema: { tags: ['mail'], summary: 'One e-mail with its text and HTML', params: IdParams, response: { 200: OutboxDetail } },
    preHandler: staff,
  }, async (req) => {
    const ctx = ctxOf(deps, req);
    return outboxDetail(ctx.db, await outboxRowOf(ctx.db, ctx.orgId, req.params.id));
  });

  app.post('/api/mail/outbox/:id/resend', {
    schema: {
      tags: ['mail'],
      summary: 'Send an e-mail again',
      description: 'One that failed or was never sent goes again as the same message (same Message-ID); one already sent is copied into a new message.',
      params: IdParams, response: { 202: OutboxDetail },
    },
    preHandler: staff,
  }, async (req, reply) => {
    const ctx = ctxOf(deps, req);
    const row = await resendOutbox(ctx, req.params.id);
    return reply.code(202).send(await outboxDetail(ctx.db, row));
  });

  app.post('/api/my-order/:token/resend', {
    schema: {
      tags: ['my order'], security: [],
      summary: "The buyer asks for their order's e-mail with the e-tickets again (to the order's own address)",
      description: `At most once per 10 minutes and ${RESENDS_PER_DAY} times a day per order; more answers 429 with Retry-After.`,
      params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }),
      response: { 202: Type.Object({ sentTo: Type.String() }) },
    },
  }, async (req, reply) => {
    const found = await orderOfToken(deps.db, req.params.token);
    if (!found) throw notFound('order');
    const data = await orderForMail(deps.db, found.orgId, found.orderId);
    if (!data.order.customer_email) throw new Problem('no-recipient');
    const now = deps.clock.now();
    const today = await deps.db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('order_id', '=', found.orderId).where('created_by', '=', 'buyer')
      .where('created_at', '>', new Date(now.getTime() - 86_400_000).toISOString()).executeTakeFirstOrThrow();
    const header = req.headers['accept-language'];
    const lang = header ? pickLang(header) : (data.order.customer_language ?? 'nl');
    const ctx = systemCtx(deps, found.orgId, req.log, lang);
    const id = Number(today.n) >= RESENDS_PER_DAY ? null : await deps.db.transaction().execute((tx) =>
      queueOrderConfirmation(tx, ctx, found.orderId, { again: true, lang, by: 'buyer', dedupeKey: `resend:${found.orderId}:${resendWindow(now)}` }));
    if (!id) {
      reply.header('retry-after', String(Number(today.n) >= RESENDS_PER_DAY ? 3600 : secondsToNextWindow(now)));
      throw new Problem('resend-too-soon');
    }
    return reply.code(202).send({ sentTo: maskEmail(data.order.customer_email) });
  });
};
