// The buyer's way back to their order without an account: one unguessable token per order, made the
// first time a link is needed (normally in the transaction that queues the confirmation e-mail).
import type { Db, Tx } from '../platform/db.js';
import { randomToken } from '../platform/ids.js';
import { notFound } from '../platform/problems.js';
import { publicUrl } from '../platform/public-url.js';

/** The order's token, made now when it has none (race-safe: the unique key decides, both callers get the one token). */
export async function orderToken(db: Db | Tx, orderId: string): Promise<string> {
  const existing = await db.selectFrom('order_links').select('token').where('order_id', '=', orderId).executeTakeFirst();
  if (existing) return existing.token;
  const order = await db.selectFrom('orders').select(['id', 'organisation_id']).where('id', '=', orderId).executeTakeFirst();
  if (!order) throw notFound('order');
  await db.insertInto('order_links')
    .values({ order_id: orderId, organisation_id: order.organisation_id, token: randomToken(32), created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('order_id').doNothing())
    .execute();
  const row = await db.selectFrom('order_links').select('token').where('order_id', '=', orderId).executeTakeFirstOrThrow();
  return row.token;
}

/**
 * The URL of the order's page in the web shop: `${FOYER_PUBLIC_URL}/shop/<organisation slug>/order/<token>`
 * (the organisation's id where it has no slug).
 */
export async function orderLink(db: Db | Tx, orderId: string): Promise<string> {
  const token = await orderToken(db, orderId);
  const org = await db.selectFrom('orders').innerJoin('organisations', 'organisations.id', 'orders.organisation_id')
    .select(['organisations.id', 'organisations.slug']).where('orders.id', '=', orderId).executeTakeFirstOrThrow();
  return `${publicUrl()}/shop/${encodeURIComponent(org.slug ?? org.id)}/order/${token}`;
}

/** The order a token opens, or undefined. Tokens that cannot be one are not looked up. */
export async function orderOfToken(db: Db | Tx, token: string): Promise<{ orderId: string; orgId: string } | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const row = await db.selectFrom('order_links').select(['order_id', 'organisation_id']).where('token', '=', token).executeTakeFirst();
  return row ? { orderId: row.order_id, orgId: row.organisation_id } : undefined;
}
