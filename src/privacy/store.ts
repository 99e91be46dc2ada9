// The SQL of a customer's personal data: what there is of it, and erasing it. A capability that
// stores more of a customer's data adds it here (the test in test/privacy/ names what it missed).
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../platform/db.js';
import type { Database } from '../platform/schema.js';
import { ERASED_CUSTOMER, type OpenItems } from './rules.js';

export async function customerOrderIds(db: Db, orgId: string, customerId: string): Promise<string[]> {
  const rows = await db.selectFrom('orders').select('id').where('organisation_id', '=', orgId).where('customer_id', '=', customerId)
    .orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => r.id);
}

export async function openItems(db: Db, orgId: string, customerId: string, nowIso: string): Promise<OpenItems> {
  const reservations = await db.selectFrom('orders').select(['id as orderId', 'number'])
    .where('organisation_id', '=', orgId).where('customer_id', '=', customerId).where('status', '=', 'reserved').orderBy('created_at').execute();
  const upcoming = await db.selectFrom('orders')
    .innerJoin('tickets', 'tickets.order_id', 'orders.id')
    .innerJoin('performances', 'performances.id', 'tickets.performance_id')
    .select(['orders.id as orderId', 'orders.number', (eb) => eb.fn.countAll<number>().as('tickets'), (eb) => eb.fn.min('performances.starts_at').as('firstStartsAt')])
    .where('orders.organisation_id', '=', orgId).where('orders.customer_id', '=', customerId)
    .where('tickets.status', '=', 'valid').where('performances.starts_at', '>', nowIso)
    .groupBy(['orders.id', 'orders.number']).orderBy('orders.id').execute();
  return {
    reservations,
    upcoming: upcoming.map((u) => ({ ...u, tickets: Number(u.tickets), firstStartsAt: String(u.firstStartsAt) })),
  };
}

/** What the shop recorded about the buyer, per basket of the customer. */
export function shopDetails(db: Db, orgId: string, customerId: string) {
  return db.selectFrom('shop_baskets').innerJoin('baskets', 'baskets.id', 'shop_baskets.basket_id')
    .select(['shop_baskets.basket_id', 'baskets.order_id', 'shop_baskets.buyer_name', 'shop_baskets.buyer_email', 'shop_baskets.buyer_phone',
      'shop_baskets.language', 'shop_baskets.newsletter', 'shop_baskets.terms_accepted_at', 'shop_baskets.created_at'])
    .where('baskets.organisation_id', '=', orgId).where('baskets.customer_id', '=', customerId)
    .orderBy('shop_baskets.created_at').execute();
}

export function packHoldings(db: Db, orgId: string, customerId: string) {
  return db.selectFrom('pack_holdings').innerJoin('packs', 'packs.id', 'pack_holdings.pack_id')
    .select(['pack_holdings.id', 'pack_holdings.order_id', 'packs.label', 'pack_holdings.status', 'pack_holdings.credits_total',
      'pack_holdings.credits_left', 'pack_holdings.price', 'pack_holdings.created_at', 'pack_holdings.cancelled_at'])
    .where('pack_holdings.organisation_id', '=', orgId).where('pack_holdings.customer_id', '=', customerId)
    .orderBy('pack_holdings.created_at').execute();
}

export function streamPurchases(db: Db, orgId: string, customerId: string) {
  return db.selectFrom('stream_purchases').innerJoin('streams', 'streams.id', 'stream_purchases.stream_id')
    .select(['stream_purchases.id', 'stream_purchases.order_id', 'streams.label', 'stream_purchases.access_code', 'stream_purchases.price',
      'stream_purchases.status', 'stream_purchases.created_at', 'stream_purchases.cancelled_at'])
    .where('stream_purchases.organisation_id', '=', orgId).where('stream_purchases.customer_id', '=', customerId)
    .orderBy('stream_purchases.created_at').execute();
}

/** UiTPAS passes used on the customer's tickets. */
export function uitpasSales(db: Db, orgId: string, orderIds: string[]) {
  if (!orderIds.length) return Promise.resolve([]);
  return db.selectFrom('uitpas_sales').innerJoin('tickets', 'tickets.id', 'uitpas_sales.ticket_id')
    .select(['tickets.order_id', 'uitpas_sales.ticket_id', 'uitpas_sales.uitpas_number', 'uitpas_sales.tariff_id', 'uitpas_sales.price',
      'uitpas_sales.regular_price', 'uitpas_sales.status', 'uitpas_sales.created_at'])
    .where('uitpas_sales.organisation_id', '=', orgId).where('tickets.order_id', 'in', orderIds)
    .orderBy('uitpas_sales.created_at').execute();
}

/** E-mails about the customer's orders (src/mail's outbox). */
export function emails(db: Db, orgId: string, orderIds: string[]) {
  if (!orderIds.length) return Promise.resolve([]);
  return db.selectFrom('mail_outbox')
    .select(['id', 'order_id', 'template', 'recipient', 'language', 'subject', 'body_text', 'status', 'created_at', 'sent_at'])
    .where('organisation_id', '=', orgId).where('order_id', 'in', orderIds)
    .orderBy('created_at').orderBy('id').execute();
}

/** Erases, inside the caller's transaction; answers false when the customer was already erased. */
export async function eraseCustomerData(tx: Db, orgId: string, customerId: string, nowIso: string): Promise<boolean> {
  const r = await tx.updateTable('customers').set({ ...ERASED_CUSTOMER, erased_at: nowIso })
    .where('id', '=', customerId).where('organisation_id', '=', orgId).where('erased_at', 'is', null).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await tx.deleteFrom('customer_email_keys').where('organisation_id', '=', orgId).where('customer_id', '=', customerId).execute();
  await tx.updateTable('shop_baskets').set({ buyer_name: null, buyer_email: null, buyer_phone: null })
    .where('organisation_id', '=', orgId)
    .where('basket_id', 'in', (eb) => eb.selectFrom('baskets').select('id').where('organisation_id', '=', orgId).where('customer_id', '=', customerId))
    .execute();
  // What was said to them stays as a fact (which e-mail, when, whether it went), not its words or address.
  const orders = (eb: ExpressionBuilder<Database, 'mail_outbox'>) =>
    eb.selectFrom('orders').select('id').where('organisation_id', '=', orgId).where('customer_id', '=', customerId);
  await tx.updateTable('mail_outbox').set({ status: 'failed', last_error: 'not sent: the customer was erased first', updated_at: nowIso })
    .where('organisation_id', '=', orgId).where('order_id', 'in', orders).where('status', '=', 'queued').execute();
  await tx.updateTable('mail_outbox').set({ recipient: '', subject: '', body_text: '', body_html: '', smtp_response: null })
    .where('organisation_id', '=', orgId).where('order_id', 'in', orders).execute();
  return true;
}
