// The buyer's order, found by its token alone: the view, the tickets PDF, a ticket's QR code and the
// calendar file. A token that opens nothing is 404, as any wrong one.
import type { Db } from '../platform/db.js';
import type { Lang } from '../platform/i18n.js';
import { LANGS } from '../platform/i18n.js';
import { notFound } from '../platform/problems.js';
import { publicUrl } from '../platform/public-url.js';
import { renderTicketsPdf } from '../tickets/layout.js';
import { qrSvg } from '../tickets/qr.js';
import { issuableTickets } from '../tickets/rules.js';
import { documentTickets } from '../tickets/store.js';
import { calendar } from './ics.js';
import { orderLink, orderOfToken } from './links.js';
import { calendarEvents, handsOut, myOrderView, type MyOrderRow, type MyTicket } from './view.js';

export interface MyOrder {
  order: MyOrderRow;
  tickets: MyTicket[];
}

export async function myOrderOfToken(db: Db, token: string): Promise<MyOrder> {
  const found = await orderOfToken(db, token);
  if (!found) throw notFound('order');
  const order = await db.selectFrom('orders').innerJoin('organisations', 'organisations.id', 'orders.organisation_id')
    .leftJoin('customers', 'customers.id', 'orders.customer_id')
    .select(['orders.id', 'orders.organisation_id', 'orders.number', 'orders.status', 'orders.channel', 'orders.total', 'orders.fee', 'orders.paid_at', 'orders.created_at',
      'organisations.name as organisation_name', 'organisations.slug', 'customers.language as customer_language'])
    .where('orders.id', '=', found.orderId).where('orders.organisation_id', '=', found.orgId)
    .executeTakeFirst();
  if (!order) throw notFound('order');
  const [tickets, fees] = await Promise.all([
    documentTickets(db, found.orgId, found.orderId),
    db.selectFrom('tickets').select(['id', 'fee']).where('order_id', '=', found.orderId).where('organisation_id', '=', found.orgId).execute(),
  ]);
  const feeOf = new Map(fees.map((f) => [f.id, Number(f.fee)]));
  return { order: { ...order, total: Number(order.total), fee: Number(order.fee) }, tickets: tickets.map((t) => ({ ...t, fee: feeOf.get(t.id) ?? 0 })) };
}

/** The language asked for (`?lang`, then Accept-Language), else the customer's, else Dutch. */
export function buyerLang(o: MyOrderRow, asked: Lang | undefined): Lang {
  if (asked) return asked;
  return (LANGS as readonly string[]).includes(o.customer_language ?? '') ? o.customer_language as Lang : 'nl';
}

export const viewOf = (m: MyOrder, lang: Lang) => myOrderView(m.order, m.tickets, lang);

/** The e-tickets PDF, the same pages as the e-mail's attachment. */
export async function ticketsPdf(m: MyOrder, lang: Lang): Promise<Buffer> {
  const tickets = issuableTickets(m.tickets);
  // Dated by the payment: the same order downloads as the same file.
  const createdAt = new Date(m.order.paid_at ?? m.order.created_at);
  return renderTicketsPdf(tickets.map((ticket) => ({ ticket, printCount: 0 })), { lang, title: m.order.number, createdAt });
}

export async function ticketQr(m: MyOrder, ticketId: string): Promise<string> {
  const t = m.tickets.find((x) => x.id === ticketId);
  if (!t) throw notFound('ticket');
  issuableTickets(m.tickets, [ticketId]);
  if (!handsOut(m.order, t)) throw notFound('ticket');
  return qrSvg(t.barcode);
}

export async function calendarFile(db: Db, m: MyOrder, lang: Lang, now: Date): Promise<string> {
  issuableTickets(m.tickets);
  const link = await orderLink(db, m.order.id);
  let host = 'foyer.invalid';
  try { host = new URL(publicUrl()).hostname || host; } catch { /* keep the placeholder */ }
  return calendar(calendarEvents(m.order, m.tickets, lang, link, host), { name: m.order.organisation_name, now });
}
