// Utick's Order over Foyer's baskets and orders. An order made through /v1 is an online basket while
// the website fills it (status 0), and becomes a Foyer order with the same id when it is confirmed:
// the web shop's checkout, so the same rules hold (one inventory, places held for the payment).
import type { Basket } from '../baskets/tables.js';
import { abandonBasket, basketView, createBasket, findBasket, setBasketCustomer } from '../baskets/service.js';
import { cancelOrder, findOrder, placeOrder } from '../orders/service.js';
import { checkoutOnline } from '../payments/online.js';
import { orderPaidOnline } from '../payments/paid.js';
import { appliedVouchers, dropVoucherLines, voucherParts, voucherShares } from './order-vouchers.js';
import type { Order } from '../orders/tables.js';
import type { Call } from './calls.js';
import { DEFAULT_ZONE, UtickError, uid, utickDate, type UtickLanguage } from './envelope.js';
import { ORDER_STATUS_LABELS, statusObject } from './labels.js';
import { order as orderObject } from './orders.js';
import { integerParam, optionalId, optionalString, type Params } from './params.js';
import type { UtickOrder } from './tables.js';

/** Utick's statuses an order made here goes through. */
export const STATUS = { abandoned: -20, cancelled: -10, creating: 0, confirmed: 1, toPay: 10, paid: 15 } as const;

const LANGS = ['fr', 'nl', 'de', 'en'];

/** The order's own fields from Utick's names; only those present in `p`. */
function orderFields(p: Params): Partial<Pick<UtickOrder, 'name' | 'language' | 'country' | 'postal_code' | 'notes' | 'metadata'>> {
  const out: ReturnType<typeof orderFields> = {};
  if ('name' in p) out.name = optionalString(p, 'name', 200) ?? '';
  if ('language' in p) {
    const l = (optionalString(p, 'language', 10) ?? '').toLowerCase();
    out.language = LANGS.includes(l) ? l : '';
  }
  if ('country' in p) out.country = optionalString(p, 'country', 100) ?? '';
  if ('postalcode' in p) out.postal_code = optionalString(p, 'postalcode', 20) ?? '';
  if ('notes' in p) out.notes = optionalString(p, 'notes', 4000) ?? '';
  if ('metadata' in p) out.metadata = metadataText(p.metadata);
  return out;
}

/** metadata: an object, or its JSON text (setMetadataToOrder sends the text); at most 10 000 characters. */
function metadataText(v: unknown): string {
  let value = v;
  if (typeof v === 'string') {
    if (!v.trim()) return '{}';
    try {
      value = JSON.parse(v);
    } catch {
      throw new UtickError(400, 'metadata-object');
    }
  }
  if (value === null || value === undefined || (Array.isArray(value) && !value.length)) return '{}';
  if (typeof value !== 'object' || Array.isArray(value)) throw new UtickError(400, 'metadata-object');
  const text = JSON.stringify(value);
  if (text.length > 10_000) throw new UtickError(400, 'metadata-object');
  return text;
}

export interface Found {
  row?: UtickOrder;
  basket?: Basket;
  order?: Order;
}

/** The order `id` names: a Foyer order of the organisation, or a basket made through /v1. */
export async function findUtickOrder(c: Call, id: string): Promise<Found> {
  const { s } = c;
  const row = await s.db.selectFrom('utick_orders').selectAll().where('id', '=', id).where('organisation_id', '=', s.orgId).executeTakeFirst();
  const order = await s.db.selectFrom('orders').selectAll().where('id', '=', id).where('organisation_id', '=', s.orgId).executeTakeFirst();
  if (order) return { row, order };
  // A basket is only the application's that made it: another one's website cannot fill it.
  if (!row || row.api_key_id !== c.access.keyId) throw UtickError.notFound('order');
  return { row, basket: await findBasket(c.ctx(), id) };
}

/** A basket being filled, as a Utick order. */
function basketOrder(s: Call['s'], row: UtickOrder, b: Basket, contact: { name: string } | undefined) {
  const open = b.status === 'open';
  return {
    id: uid(b.id), label: '', name: row.name || contact?.name || '', language: row.language, country: row.country, postalcode: row.postal_code,
    automaticcancel: true, contactid: uid(b.customer_id), info_url: '', notes: row.notes, haspromocodes: false,
    created: utickDate(b.created_at, DEFAULT_ZONE), expires: open ? utickDate(b.expires_at, DEFAULT_ZONE) : null,
    status: statusObject(ORDER_STATUS_LABELS, open ? STATUS.creating : STATUS.abandoned, s.language), metadata: JSON.parse(row.metadata) as object,
  };
}

export async function utickOrderObject(c: Call, id: string) {
  const f = await findUtickOrder(c, id);
  if (f.order) return orderObject(c.s, id);
  const contact = f.basket!.customer_id
    ? await c.s.db.selectFrom('customers').select('name').where('id', '=', f.basket!.customer_id).executeTakeFirst() : undefined;
  return basketOrder(c.s, f.row!, f.basket!, contact);
}

/** A new order: an online basket, with what the website says of it. */
export async function createOrder(c: Call) {
  const fields = orderFields(c.p);
  const contactId = optionalId(c.p, 'contactid');
  const ctx = c.ctx();
  const basket = await c.sell('enter', () => createBasket(ctx, 'online'));
  const now = c.s.now.toISOString();
  await c.s.db.insertInto('utick_orders').values({
    id: basket.id, organisation_id: c.s.orgId, api_key_id: c.access.keyId, name: '', language: '', country: '', postal_code: '', notes: '', metadata: '{}',
    ...fields, created_at: now, updated_at: now,
  }).execute();
  if (contactId) await attachContact(c, basket.id, contactId);
  return utickOrderObject(c, basket.id);
}

async function attachContact(c: Call, basketId: string, contactId: string) {
  const known = await c.s.db.selectFrom('customers').select('id').where('id', '=', contactId).where('organisation_id', '=', c.s.orgId).executeTakeFirst();
  if (!known) throw UtickError.notFound('contact');
  await setBasketCustomer(c.ctx(), basketId, contactId);
}

/** Where the buyer comes back to from paying: the website's `returnurl`, else the shop's pages. */
export function returnUrl(c: Call): string {
  const given = optionalString(c.p, 'returnurl', 2000);
  if (given) {
    if (!/^https?:\/\/[^\s]+$/.test(given)) throw new UtickError(400, 'must-be-url', { name: 'returnurl' });
    return given;
  }
  return c.s.shop?.home ?? `${c.base}/`;
}

const localeOf = (l: UtickLanguage): 'nl' | 'fr' | 'en' => (l === 'de' ? 'en' : l);

/** What an order (or the basket it is filled in) comes to, in cents: places, service fees, streams, packs. */
export async function amountOf(c: Call, orderId: string): Promise<number> {
  const f = await findUtickOrder(c, orderId);
  if (f.order) return f.order.total;
  const ctx = c.ctx();
  const view = await basketView(ctx, f.basket!);
  const extras = await c.s.db.selectFrom('basket_streams').select('price').where('basket_id', '=', orderId).execute();
  const packs = await c.s.db.selectFrom('basket_packs').select('price').where('basket_id', '=', orderId).execute();
  return view.total + [...extras, ...packs].reduce((n, x) => n + x.price, 0);
}

const euros = (cents: number): string => `€ ${(cents / 100).toFixed(2).replace('.', ',')}`;

/**
 * An order with gift vouchers applied is paid with them when they cover it: a paid checkout whose
 * voucher parts the vouchers' sale step spends in the checkout's transaction (one conditional write
 * each: of two orders spending the same balance at once, one is refused and nothing of it is sold).
 * Answers false when no voucher is applied (or nothing is owed).
 */
async function payWithVouchers(c: Call, id: string): Promise<boolean> {
  const applied = await appliedVouchers(c.s.db, c.s.orgId, id);
  if (!applied.length) return false;
  const total = await amountOf(c, id);
  if (total === 0) return false;
  const { shares, rest } = voucherShares(applied, total, c.s.now);
  // Foyer's online payment is of a whole order: a voucher part beside it is not supported (yet).
  if (rest > 0) throw new UtickError(409, 'vouchers-short', { covered: euros(total - rest), total: euros(total) });
  const ctx = c.ctx();
  await c.sell('checkout', async () => {
    const { order } = await placeOrder(ctx, id, { payments: voucherParts(shares), orderId: id });
    await ctx.db.transaction().execute((tx) => orderPaidOnline(tx, ctx, order.id));
  });
  // Spent: the voucher uses record it now; the order names its vouchers no longer.
  await dropVoucherLines(c.s.db, c.s.orgId, id, () => true);
  return true;
}

/**
 * Confirming makes the Foyer order: the web shop's online checkout (the order awaits its payment, its
 * places held for it; one that owes nothing is paid at once). Again for the same order: the same order.
 */
export async function confirm(c: Call, id: string, method?: string) {
  const f = await findUtickOrder(c, id);
  if (f.order) return f.order;
  const ctx = c.ctx();
  if (!f.basket!.customer_id) throw new UtickError(409, 'order-needs-contact');
  if (await payWithVouchers(c, id)) return findOrder(ctx, id);
  await c.sell('checkout', () => checkoutOnline(ctx, id, { redirectUrl: returnUrl(c), locale: localeOf(c.s.language), method, orderId: id }));
  return findOrder(ctx, id);
}

/** Cancelling: a basket gives its places back at once; an unpaid order is cancelled; a paid one is the venue's to cancel. */
export async function cancel(c: Call, id: string): Promise<void> {
  const f = await findUtickOrder(c, id);
  const ctx = c.ctx();
  if (f.basket) {
    if (f.basket.status === 'open') await abandonBasket(ctx, id);
    await dropVoucherLines(c.s.db, c.s.orgId, id, () => true);
    return;
  }
  const o = f.order!;
  if (o.status === 'cancelled') return;
  if (o.status === 'paid') throw new UtickError(409, 'order-paid');
  await cancelOrder(ctx, id);
}

/** PATCH shop/orders/{id}: the fields sent; `contactid` while it is being filled; `statusid` 1 confirms, -10 cancels. */
export async function updateOrder(c: Call, id: string) {
  const f = await findUtickOrder(c, id);
  const fields = orderFields(c.p);
  const contactId = optionalId(c.p, 'contactid');
  const statusId = integerParam(c.p, 'statusid');
  if (statusId !== undefined && statusId !== STATUS.confirmed && statusId !== STATUS.cancelled) {
    throw new UtickError(400, 'order-status-change', { allowed: `${STATUS.confirmed}, ${STATUS.cancelled}` });
  }
  if (contactId) {
    const current = f.basket?.customer_id ?? f.order?.customer_id ?? null;
    if (f.basket) {
      if (f.basket.status !== 'open') throw new UtickError(409, 'order-closed');
      if (current !== contactId) await attachContact(c, id, contactId);
    } else if (current !== contactId) {
      throw new UtickError(409, 'order-contact-fixed');
    }
  }
  if (Object.keys(fields).length) {
    const now = c.s.now.toISOString();
    const updated = await c.s.db.updateTable('utick_orders').set({ ...fields, updated_at: now }).where('id', '=', id).where('organisation_id', '=', c.s.orgId).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      // An order made elsewhere (the box office, the shop): its Utick fields start here.
      await c.s.db.insertInto('utick_orders').values({
        id, organisation_id: c.s.orgId, api_key_id: c.access.keyId, name: '', language: '', country: '', postal_code: '', notes: '', metadata: '{}',
        ...fields, created_at: now, updated_at: now,
      }).onConflict((oc) => oc.column('id').doNothing()).execute();
    }
  }
  if (statusId === STATUS.confirmed) await confirm(c, id, optionalString(c.p, 'paymentmethodid', 100));
  if (statusId === STATUS.cancelled) await cancel(c, id);
  return utickOrderObject(c, id);
}

/** DELETE shop/orders/{id}: Utick's clearOrder; the order is given up (see cancel). */
export async function clearOrder(c: Call, id: string) {
  await cancel(c, id);
  return utickOrderObject(c, id);
}
