// A contact's orders and tickets, read-only, in Utick's Order, TicketSet and Ticket fields.
import type { Order } from '../orders/tables.js';
import { orderLink } from '../my-order/links.js';
import { ticketTypeName } from '../pricing/service.js';
import { documentTickets, type DocumentTicket } from '../tickets/store.js';
import type { Page, Scope } from './agenda.js';
import { DEFAULT_ZONE, UtickError, uid, utickDate } from './envelope.js';
import { ORDER_STATUS_LABELS, statusObject } from './labels.js';
import { derivedId } from './views.js';

/** Utick's order statuses: -10 cancelled, 10 to pay, 15 paid. */
const ORDER_STATUS: Record<Order['status'], number> = { reserved: 10, awaiting_payment: 10, paid: 15, cancelled: -10 };

async function orderObjects(s: Scope, rows: Order[]) {
  if (!rows.length) return [];
  const customerIds = [...new Set(rows.map((o) => o.customer_id).filter((x): x is string => !!x))];
  const customers = customerIds.length ? await s.db.selectFrom('customers').select(['id', 'name', 'language', 'postal_code']).where('id', 'in', customerIds).execute() : [];
  // What a website said of its orders (name, language, notes, metadata: src/catalogue/shop-orders.ts).
  const own = await s.db.selectFrom('utick_orders').selectAll().where('organisation_id', '=', s.orgId).where('id', 'in', rows.map((o) => o.id)).execute();
  const out = [];
  for (const o of rows) {
    const c = customers.find((x) => x.id === o.customer_id);
    const u = own.find((x) => x.id === o.id);
    out.push({
      id: uid(o.id), label: o.number, name: u?.name || c?.name || '', language: u?.language || c?.language || '', country: u?.country ?? '',
      postalcode: u?.postal_code || c?.postal_code || '',
      automaticcancel: (o.status === 'reserved' && !!o.reservation_expires_at) || o.status === 'awaiting_payment', contactid: uid(o.customer_id),
      info_url: await orderLink(s.db, o.id), notes: u?.notes ?? '', haspromocodes: false,
      created: utickDate(o.created_at, DEFAULT_ZONE), expires: utickDate(o.status === 'reserved' ? o.reservation_expires_at : null, DEFAULT_ZONE),
      status: statusObject(ORDER_STATUS_LABELS, ORDER_STATUS[o.status], s.language), metadata: u ? (JSON.parse(u.metadata) as object) : {},
    });
  }
  return out;
}

export async function orders(s: Scope, f: { contactId?: string }, page: Page) {
  let q = s.db.selectFrom('orders').selectAll().where('organisation_id', '=', s.orgId);
  if (f.contactId) q = q.where('customer_id', '=', f.contactId);
  return orderObjects(s, await q.orderBy('created_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute());
}

export async function order(s: Scope, id: string) {
  const row = await s.db.selectFrom('orders').selectAll().where('id', '=', id).where('organisation_id', '=', s.orgId).executeTakeFirst();
  if (!row) throw UtickError.notFound('order');
  return (await orderObjects(s, [row]))[0];
}

/** The valid tickets of an order or of a contact's orders, one set per order and performance (a Utick stock). */
export async function ticketSets(s: Scope, f: { orderId?: string; contactId?: string }) {
  let q = s.db.selectFrom('orders').select(['id', 'number', 'created_at', 'customer_id']).where('organisation_id', '=', s.orgId);
  if (f.orderId) q = q.where('id', '=', f.orderId);
  if (f.contactId) q = q.where('customer_id', '=', f.contactId);
  const rows = await q.orderBy('created_at').orderBy('id').limit(200).execute();
  const customerIds = [...new Set(rows.map((o) => o.customer_id).filter((x): x is string => !!x))];
  const customers = customerIds.length ? await s.db.selectFrom('customers').select(['id', 'name', 'email']).where('id', 'in', customerIds).execute() : [];
  const sets: { id: string; label: string; stockid: string; tickets: unknown[] }[] = [];
  for (const o of rows) {
    const who = customers.find((c) => c.id === o.customer_id);
    for (const t of (await documentTickets(s.db, s.orgId, o.id)).filter((x) => x.status === 'valid')) {
      const setId = derivedId('ticketset', o.id, t.performance_id);
      let set = sets.find((x) => x.id === setId);
      if (!set) sets.push(set = { id: setId, label: t.title, stockid: uid(t.performance_id), tickets: [] });
      set.tickets.push(ticketObject(s, t, o, who));
    }
  }
  return sets;
}

/** A ticket as Utick's Ticket: the spectator is the order's contact. */
export function ticketObject(s: Scope, t: DocumentTicket, o: { number: string; created_at: string; customer_id: string | null }, who: { name: string; email: string | null } | undefined) {
  const zone = t.time_zone ?? DEFAULT_ZONE;
  const seat = [t.section, t.row_label, t.seat_label].filter(Boolean).join(' ');
  return {
    id: uid(t.id), label: t.title, spectatorlabel: who?.name ?? '', spectatoremail: who?.email ?? '', spectatorid: uid(o.customer_id),
    typeid: '1', positionlabel: seat, categorylabel: t.hall_name, entrycount: 1, pricelabel: ticketTypeName(t, s.lang),
    price: { amount: t.price + t.fee, currency: 'EUR' }, orderreference: o.number, orderdate: utickDate(o.created_at, zone), qrcode: t.barcode,
    attractionlabel: t.title, presentinglabel: t.organisation_name,
    eventstarttime: utickDate(t.starts_at, zone),
    eventendtime: utickDate(new Date(new Date(t.starts_at).getTime() + t.duration_minutes * 60_000).toISOString(), zone),
    venuelabel: t.venue_name, venueaddressL1: t.venue_address, venueaddressL2: `${t.venue_postal_code} ${t.venue_city}`, notes: '', metadata: {},
  };
}
