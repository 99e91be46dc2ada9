// SQL of the outbox, and what an e-mail about an order is written from.
import { sql } from 'kysely';
import type { Db, Tx } from '../platform/db.js';
import { LANGS, type Lang } from '../platform/i18n.js';
import { notFound } from '../platform/problems.js';
import { documentTickets } from '../tickets/store.js';
import type { MailStatus, OutboxRow } from './tables.js';

/** The order with its customer and valid tickets, as an e-mail about it needs them. */
export async function orderForMail(db: Db | Tx, orgId: string, orderId: string) {
  const order = await db.selectFrom('orders')
    .innerJoin('organisations', 'organisations.id', 'orders.organisation_id')
    .leftJoin('customers', 'customers.id', 'orders.customer_id')
    .select(['orders.id', 'orders.number', 'orders.status', 'orders.reservation_expires_at', 'orders.created_at', 'orders.fee', 'orders.fee_vat', 'orders.fee_vat_rate',
      'organisations.name as organisation_name', 'customers.name as customer_name', 'customers.email as customer_email',
      'customers.language as customer_language'])
    .where('orders.id', '=', orderId).where('orders.organisation_id', '=', orgId)
    .executeTakeFirst();
  if (!order) throw notFound('order');
  const tickets = (await documentTickets(db, orgId, orderId)).filter((t) => t.status === 'valid');
  const language = (LANGS as readonly string[]).includes(order.customer_language ?? '') ? order.customer_language as Lang : null;
  return { order: { ...order, customer_language: language }, tickets };
}
export type OrderForMail = Awaited<ReturnType<typeof orderForMail>>;

export async function insertOutbox(db: Db | Tx, row: OutboxRow): Promise<boolean> {
  const q = db.insertInto('mail_outbox').values(row);
  const r = await (row.dedupe_key ? q.onConflict((oc) => oc.column('dedupe_key').doNothing()) : q).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export const outboxRow = (db: Db | Tx, id: string) => db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();

export async function outboxRowOf(db: Db | Tx, orgId: string, id: string): Promise<OutboxRow> {
  const row = await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).where('organisation_id', '=', orgId).executeTakeFirst();
  if (!row) throw notFound('e-mail');
  return row;
}

export interface OutboxQuery {
  status?: MailStatus;
  orderId?: string;
  /** Part of the recipient's address or of the subject. */
  q?: string;
  limit: number;
  offset: number;
}

export async function listOutbox(db: Db, orgId: string, f: OutboxQuery) {
  let q = db.selectFrom('mail_outbox').leftJoin('orders', 'orders.id', 'mail_outbox.order_id')
    .select(['mail_outbox.id', 'mail_outbox.order_id', 'orders.number as order_number', 'mail_outbox.template', 'mail_outbox.recipient',
      'mail_outbox.language', 'mail_outbox.subject', 'mail_outbox.status', 'mail_outbox.attempts', 'mail_outbox.last_error',
      'mail_outbox.message_id', 'mail_outbox.resend_of', 'mail_outbox.created_at', 'mail_outbox.sent_at'])
    .where('mail_outbox.organisation_id', '=', orgId);
  if (f.status) q = q.where('mail_outbox.status', '=', f.status);
  if (f.orderId) q = q.where('mail_outbox.order_id', '=', f.orderId);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([
      sql<boolean>`lower(${sql.ref('mail_outbox.recipient')}) like ${like} escape '\\'`,
      sql<boolean>`lower(${sql.ref('mail_outbox.subject')}) like ${like} escape '\\'`,
      eb('orders.number', '=', f.q!.trim().toUpperCase()),
    ]));
  }
  return q.orderBy('mail_outbox.created_at', 'desc').orderBy('mail_outbox.id').limit(f.limit).offset(f.offset).execute();
}

export async function countOutbox(db: Db, orgId: string): Promise<Record<MailStatus, number>> {
  const rows = await db.selectFrom('mail_outbox').select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organisation_id', '=', orgId).groupBy('status').execute();
  const counts: Record<MailStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0, not_sent: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}
