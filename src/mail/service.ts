// E-mails to buyers: written to the outbox and queued for sending in the transaction of the change
// that causes them, so an e-mail exists exactly when its change does. Sending is sender.ts's job.
import type { Ctx } from '../platform/context.js';
import type { Db, Tx } from '../platform/db.js';
import type { Lang } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { enqueue } from '../platform/jobs.js';
import { Problem, invalidField } from '../platform/problems.js';
import { publicUrl } from '../platform/public-url.js';
import { orderLink } from '../my-order/links.js';
import { issuableTickets } from '../tickets/rules.js';
import { documentTickets } from '../tickets/store.js';
import { insertOutbox, orderForMail, outboxRowOf, type OrderForMail } from './store.js';
import { renderMail, type MailMoney } from './templates.js';
import { moneyOf } from '../fees/rules.js';
import type { MailTemplate, OutboxRow } from './tables.js';
import './problems.js';

export const MAIL_SEND_JOB = 'mail.send';
/** About 14 hours of tries: 10 s doubling to an hour, then hourly. */
export const MAIL_MAX_ATTEMPTS = 20;

export interface QueueOptions {
  /** Send here instead of to the order's customer. */
  to?: string;
  /** Write in this language instead of the customer's (or, without one, the request's). */
  lang?: Lang;
  /** Only these tickets of the order. */
  ticketIds?: string[];
  /**
   * Send again even though this order's confirmation went before (staff asking, a buyer's resend).
   * Without it, a second call for the same order queues nothing: the payment that confirms an
   * order may be reported more than once.
   */
  again?: boolean;
  /** Who asked; "system" when not given. */
  by?: string;
  /** Instead of the default dedupe key (e.g. one resend per time window). */
  dedupeKey?: string;
}

/** "<id@host>": the host of the public URL, so Message-IDs are Foyer's own and stable per row. */
function messageId(id: string): string {
  let host = 'foyer.invalid';
  try {
    host = new URL(publicUrl()).hostname || host;
  } catch {
    // keep the placeholder
  }
  return `<${id}@${host}>`;
}

async function queue(
  db: Db | Tx, ctx: Ctx, template: MailTemplate, data: OrderForMail,
  opts: Omit<QueueOptions, 'dedupeKey'> & { attachTicketIds?: string[]; amount?: number; total: number; money?: MailMoney; dedupeKey?: string | null },
): Promise<string | null> {
  const recipient = (opts.to ?? data.order.customer_email)?.trim().toLowerCase();
  if (!recipient) return null;
  const lang = opts.lang ?? data.order.customer_language ?? ctx.lang;
  const now = ctx.clock.now();
  const link = await orderLink(db, data.order.id);
  const shown = opts.ticketIds ? data.tickets.filter((t) => opts.ticketIds!.includes(t.id)) : data.tickets;
  const rendered = renderMail(template, {
    organisationName: data.order.organisation_name, number: data.order.number, customerName: data.order.customer_name,
    tickets: shown, total: opts.total, money: opts.money, reservationExpiresAt: data.order.reservation_expires_at, link, amount: opts.amount,
  }, lang);
  const id = newId();
  const row: OutboxRow = {
    id, organisation_id: ctx.orgId, order_id: data.order.id, template, recipient, language: lang,
    subject: rendered.subject, body_text: rendered.text, body_html: rendered.html,
    attachments: JSON.stringify(opts.attachTicketIds?.length ? { ticketIds: opts.attachTicketIds } : {}),
    amount: opts.amount ?? null, status: 'queued', attempts: 0, last_error: null, message_id: messageId(id), smtp_response: null,
    dedupe_key: opts.dedupeKey ?? null, resend_of: null, created_by: opts.by ?? 'system',
    created_at: now.toISOString(), updated_at: now.toISOString(), sent_at: null,
  };
  if (!(await insertOutbox(db, row))) return null;
  await enqueueSend(db, ctx.orgId, id, now);
  return id;
}

export const enqueueSend = (db: Db | Tx, orgId: string, outboxId: string, now: Date) =>
  enqueue(db, { kind: MAIL_SEND_JOB, payload: { outboxId }, organisationId: orgId, maxAttempts: MAIL_MAX_ATTEMPTS, dedupeKey: `mail:${outboxId}` }, now);

/**
 * Queues the order's confirmation with its e-tickets (a PDF attached when it is sent, and the
 * my-order link), to the order's customer unless `opts.to` says otherwise. Call it in the
 * transaction that makes the order paid. Answers the outbox id, or null when there is no address
 * or this order's confirmation was queued before. Never throws for the order's state: a
 * reservation that still owes money gets the e-mail without tickets.
 */
export async function queueOrderConfirmation(tx: Db | Tx, ctx: Ctx, orderId: string, opts: QueueOptions = {}): Promise<string | null> {
  const data = await orderForMail(tx, ctx.orgId, orderId);
  let attach: string[] = [];
  try {
    attach = issuableTickets(data.tickets, opts.ticketIds).map((t) => t.id);
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
  }
  const shown = opts.ticketIds ? data.tickets.filter((t) => opts.ticketIds!.includes(t.id)) : data.tickets;
  // The tickets' fees and the VAT of what is shown; the order's own fee with the whole order.
  const money = ticketsMoney(data, !opts.ticketIds, shown);
  return queue(tx, ctx, 'order-confirmation', data, {
    ...opts, attachTicketIds: attach, total: money.owed, money,
    dedupeKey: opts.dedupeKey ?? (opts.again ? null : `order-confirmation:${orderId}`),
  });
}

function ticketsMoney(data: OrderForMail, withOrderFee: boolean, tickets: OrderForMail['tickets']) {
  const o = data.order;
  return moneyOf(tickets, { amount: withOrderFee && o.status !== 'cancelled' ? Number(o.fee) : 0, vat: Number(o.fee_vat), rate: o.fee_vat_rate });
}

/** Queues "we refunded you `amount` cents" to the order's customer; null when there is no address. */
export async function queueRefundConfirmation(tx: Db | Tx, ctx: Ctx, orderId: string, amount: number, opts: QueueOptions = {}): Promise<string | null> {
  const data = await orderForMail(tx, ctx.orgId, orderId);
  return queue(tx, ctx, 'refund-confirmation', data, { ...opts, amount, total: amount });
}

/** Queues the reminder of an unpaid reservation, once per order. */
export async function queueReservationReminder(tx: Db | Tx, ctx: Ctx, orderId: string): Promise<string | null> {
  const data = await orderForMail(tx, ctx.orgId, orderId);
  if (data.order.status !== 'reserved') return null;
  const money = ticketsMoney(data, true, data.tickets);
  return queue(tx, ctx, 'reservation-reminder', data, {
    total: money.owed, money, dedupeKey: `reservation-reminder:${orderId}`,
    lang: data.order.customer_language ?? (await lastLanguage(tx, orderId)) ?? undefined,
  });
}

/** The language of the last e-mail about this order: a system job has no request to take it from. */
async function lastLanguage(db: Db | Tx, orderId: string): Promise<Lang | undefined> {
  const row = await db.selectFrom('mail_outbox').select('language').where('order_id', '=', orderId)
    .orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  return row?.language;
}

/**
 * The box office hands over e-tickets by e-mail: checks the order can hand them out (paid, the
 * tickets its own) and queues its confirmation to the customer or `to`, whatever was sent before.
 */
export async function sendETickets(ctx: Ctx, orderId: string, opts: { to?: string; lang?: Lang; ticketIds?: string[] }): Promise<OutboxRow> {
  return ctx.db.transaction().execute(async (tx) => {
    const data = await orderForMail(tx, ctx.orgId, orderId);
    const all = await documentTickets(tx, ctx.orgId, orderId);
    if (opts.ticketIds && !opts.ticketIds.every((id) => all.some((t) => t.id === id))) {
      throw invalidField('ticketIds', { en: 'not all tickets belong to this order', nl: 'niet alle kaarten horen bij deze bestelling', fr: "tous les billets n'appartiennent pas à cette commande" });
    }
    issuableTickets(all, opts.ticketIds);
    if (!opts.to && !data.order.customer_email) throw new Problem('no-recipient');
    const id = await queueOrderConfirmation(tx, ctx, orderId, { ...opts, again: true, by: ctx.actor.id });
    return outboxRowOf(tx, ctx.orgId, id!);
  });
}

/**
 * Staff send an e-mail again. One that never left (failed, or kept because no mail server is set up)
 * is queued again as the same message, with its Message-ID; one that was sent is copied into a new
 * message, so the buyer's mail program does not take it for the one it already has.
 */
export async function resendOutbox(ctx: Ctx, id: string): Promise<OutboxRow> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await outboxRowOf(tx, ctx.orgId, id);
    const now = ctx.clock.now();
    if (row.status === 'queued' || row.status === 'sending') throw new Problem('mail-in-progress');
    if (row.status !== 'sent') {
      await tx.updateTable('mail_outbox').set({ status: 'queued', updated_at: now.toISOString() })
        .where('id', '=', id).where('status', '=', row.status).execute();
      await enqueueSend(tx, ctx.orgId, id, now);
      return outboxRowOf(tx, ctx.orgId, id);
    }
    const copyId = newId();
    await insertOutbox(tx, {
      ...row, id: copyId, status: 'queued', attempts: 0, last_error: null, message_id: messageId(copyId), smtp_response: null,
      dedupe_key: null, resend_of: row.id, created_by: ctx.actor.id, created_at: now.toISOString(), updated_at: now.toISOString(), sent_at: null,
    });
    await enqueueSend(tx, ctx.orgId, copyId, now);
    return outboxRowOf(tx, ctx.orgId, copyId);
  });
}
