// A customer's personal data (GDPR): everything Foyer holds about them as one JSON document, and
// erasure, which anonymises the customer record in place and keeps their orders for the books.
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { Problem } from '../platform/problems.js';
import { customerView, getCustomer } from '../customers/service.js';
import { getOrderView } from '../orders/service.js';
import { hasOpenItems } from './rules.js';
import { customerOrderIds, emails, eraseCustomerData, openItems, packHoldings, shopDetails, streamPurchases, uitpasSales } from './store.js';
import type { PersonalDataAction } from './tables.js';
import './problems.js';

async function log(ctx: Ctx, customerId: string, action: PersonalDataAction, at: string): Promise<void> {
  await ctx.db.insertInto('personal_data_log').values({
    id: newId(), organisation_id: ctx.orgId, customer_id: customerId, action, actor_kind: ctx.actor.kind, actor_id: ctx.actor.id, at,
  }).execute();
}

export async function exportCustomer(ctx: Ctx, customerId: string) {
  const c = await getCustomer(ctx, customerId);
  const now = ctx.clock.now().toISOString();
  const orderIds = await customerOrderIds(ctx.db, ctx.orgId, customerId);
  const [orders, shop, packs, streams, uitpas, mails] = await Promise.all([
    Promise.all(orderIds.map((id) => getOrderView(ctx, id))),
    shopDetails(ctx.db, ctx.orgId, customerId),
    packHoldings(ctx.db, ctx.orgId, customerId),
    streamPurchases(ctx.db, ctx.orgId, customerId),
    uitpasSales(ctx.db, ctx.orgId, orderIds),
    emails(ctx.db, ctx.orgId, orderIds),
  ]);
  const organisation = await ctx.db.selectFrom('organisations').select(['id', 'name']).where('id', '=', ctx.orgId).executeTakeFirstOrThrow();
  await log(ctx, customerId, 'export', now);
  return {
    exportedAt: now,
    organisation,
    customer: { ...customerView(c), language: c.language, createdAt: c.created_at },
    consents: {
      newsletter: { given: c.newsletter_opt_in_at !== null, at: c.newsletter_opt_in_at },
      terms: shop.filter((s) => s.terms_accepted_at).map((s) => ({ orderId: s.order_id, acceptedAt: s.terms_accepted_at! })),
    },
    orders: orders.map(({ customer: _customer, ...o }) => o),
    shopDetails: shop.map((s) => ({
      orderId: s.order_id, name: s.buyer_name, email: s.buyer_email, phone: s.buyer_phone, language: s.language,
      newsletter: s.newsletter === 1, termsAcceptedAt: s.terms_accepted_at, createdAt: s.created_at,
    })),
    packs: packs.map((p) => ({
      id: p.id, orderId: p.order_id, pack: p.label, status: p.status, creditsTotal: p.credits_total, creditsLeft: p.credits_left,
      price: p.price, createdAt: p.created_at, cancelledAt: p.cancelled_at,
    })),
    streams: streams.map((s) => ({
      id: s.id, orderId: s.order_id, stream: s.label, accessCode: s.access_code, price: s.price, status: s.status, createdAt: s.created_at, cancelledAt: s.cancelled_at,
    })),
    uitpas: uitpas.map((u) => ({
      orderId: u.order_id, ticketId: u.ticket_id, uitpasNumber: u.uitpas_number, tariffId: u.tariff_id, price: u.price,
      regularPrice: u.regular_price, status: u.status, createdAt: u.created_at,
    })),
    emails: mails.map((m) => ({
      id: m.id, orderId: m.order_id, template: m.template, to: m.recipient, language: m.language, subject: m.subject,
      text: m.body_text, status: m.status, createdAt: m.created_at, sentAt: m.sent_at,
    })),
  };
}
export type CustomerExport = Awaited<ReturnType<typeof exportCustomer>>;

/**
 * Anonymises the customer. With open reservations or tickets for performances still to come, it
 * answers 409 erase-needs-confirmation naming them, unless `confirm` is true: the tickets stay
 * valid and the reservations run their course, but nobody can reach the buyer about them any more.
 */
export async function eraseCustomer(ctx: Ctx, customerId: string, confirm: boolean) {
  const c = await getCustomer(ctx, customerId);
  if (c.erased_at) throw new Problem('customer-erased');
  const now = ctx.clock.now().toISOString();
  const open = await openItems(ctx.db, ctx.orgId, customerId, now);
  if (hasOpenItems(open) && !confirm) {
    throw new Problem('erase-needs-confirmation', { reservations: open.reservations.length, upcoming: open.upcoming.length }, [], { ...open });
  }
  const erased = await ctx.db.transaction().execute(async (tx) => {
    const done = await eraseCustomerData(tx, ctx.orgId, customerId, now);
    if (done) await log({ ...ctx, db: tx }, customerId, 'erase', now);
    return done;
  });
  if (!erased) throw new Problem('customer-erased');
  const orders = await customerOrderIds(ctx.db, ctx.orgId, customerId);
  return { customer: customerView(await getCustomer(ctx, customerId)), ordersKept: orders.length, ...open };
}

/** The customer's log lines: when their data was exported or erased, and by whom. */
export async function personalDataLog(ctx: Ctx, customerId: string) {
  await getCustomer(ctx, customerId);
  const rows = await ctx.db.selectFrom('personal_data_log')
    .leftJoin('users', (j) => j.onRef('users.id', '=', 'personal_data_log.actor_id').on('personal_data_log.actor_kind', '=', 'user'))
    .leftJoin('api_clients', (j) => j.onRef('api_clients.id', '=', 'personal_data_log.actor_id').on('personal_data_log.actor_kind', '=', 'client'))
    .select(['personal_data_log.action', 'personal_data_log.actor_kind', 'personal_data_log.actor_id', 'personal_data_log.at',
      'users.name as user_name', 'api_clients.name as client_name'])
    .where('personal_data_log.organisation_id', '=', ctx.orgId).where('personal_data_log.customer_id', '=', customerId)
    .orderBy('personal_data_log.at').orderBy('personal_data_log.id').execute();
  return rows.map((r) => ({
    action: r.action, at: r.at,
    by: { kind: r.actor_kind, id: r.actor_id, name: r.user_name ?? r.client_name ?? null },
  }));
}
