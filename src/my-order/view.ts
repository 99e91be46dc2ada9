// The order as its buyer sees it (no staff-only fields, no other customer's data): rules without I/O.
import { fill, type Lang } from '../platform/i18n.js';
import { formatInZone } from '../platform/time.js';
import { placeNames } from '../inventory/seat-names.js';
import { ticketTypeName } from '../pricing/service.js';
import { localDateText, localTimeText } from '../tickets/labels.js';
import type { DocumentTicket } from '../tickets/store.js';
import type { CalendarEvent } from './ics.js';
import { MY_ORDER_TEXTS as T } from './texts.js';

export interface MyOrderRow {
  id: string;
  organisation_id: string;
  number: string;
  status: 'reserved' | 'awaiting_payment' | 'paid' | 'cancelled';
  channel: string;
  total: number;
  /** The order's own service fee (per-ticket fees are on the tickets). */
  fee: number;
  paid_at: string | null;
  created_at: string;
  organisation_name: string;
  slug: string | null;
  customer_language: string | null;
}

export type BuyerStatus = 'paid' | 'awaiting_payment' | 'reserved' | 'cancelled' | 'released';

/** An online order that ended before it was ever paid was released (the payment failed or lapsed), not cancelled. */
export const buyerStatus = (o: Pick<MyOrderRow, 'status' | 'channel' | 'paid_at'>): BuyerStatus =>
  o.status === 'cancelled' && !o.paid_at && o.channel === 'online' ? 'released' : o.status;

const NOTICES: Record<BuyerStatus, keyof typeof T | null> = {
  paid: null, awaiting_payment: 'noticeAwaiting', reserved: 'noticeReserved', released: 'noticeReleased', cancelled: 'noticeCancelled',
};

/** Tickets may be downloaded, shown and put in a calendar: a paid order's valid tickets (or a reservation of free ones). */
export const handsOut = (o: MyOrderRow, t: Pick<DocumentTicket, 'status' | 'dip_category'>): boolean =>
  t.status === 'valid' && (o.status === 'paid' || (o.status === 'reserved' && t.dip_category === 'free'));

/** A ticket as the buyer's page reads it: the document row and its service fee. */
export type MyTicket = DocumentTicket & { fee: number };

export function myOrderView(o: MyOrderRow, tickets: MyTicket[], lang: Lang) {
  const status = buyerStatus(o);
  const notice = NOTICES[status];
  const performances = new Map<string, {
    id: string; title: string; startsAt: string; date: string; time: string; doorsOpen: string | null; durationMinutes: number;
    venueName: string; venueAddress: string; hallName: string; tickets: ReturnType<typeof ticketView>[];
  }>();
  const ticketView = (t: DocumentTicket) => {
    const shown = handsOut(o, t);
    return {
      id: t.id, place: placeNames([t])[lang], section: t.section, row: t.zone_id ? null : t.row_label, seat: t.zone_id ? null : t.seat_label,
      generalAdmission: !!t.zone_id, ticketTypeName: ticketTypeName(t, lang), price: t.price,
      status: t.status, statusText: (t.status === 'valid' ? T.valid : T.ticketCancelled)[lang],
      /** The code the door scans: only for a ticket that admits. */
      barcode: shown ? t.barcode : null, downloadable: shown,
    };
  };
  for (const t of tickets) {
    let p = performances.get(t.performance_id);
    if (!p) {
      const doors = t.doors_open_minutes > 0 ? new Date(new Date(t.starts_at).getTime() - t.doors_open_minutes * 60_000) : null;
      p = {
        id: t.performance_id, title: t.title, startsAt: formatInZone(t.starts_at, t.time_zone),
        date: localDateText(t.starts_at, t.time_zone, lang), time: localTimeText(t.starts_at, t.time_zone, lang),
        doorsOpen: doors ? localTimeText(doors, t.time_zone, lang) : null, durationMinutes: t.duration_minutes,
        venueName: t.venue_name, venueAddress: `${t.venue_address}, ${t.venue_postal_code} ${t.venue_city}`, hallName: t.hall_name, tickets: [],
      };
      performances.set(t.performance_id, p);
    }
    p.tickets.push(ticketView(t));
  }
  const valid = tickets.filter((t) => t.status === 'valid');
  const ticketSum = valid.reduce((n, t) => n + t.price, 0);
  const over = status === 'released' || status === 'cancelled';
  const feeSum = valid.reduce((n, t) => n + Number(t.fee), 0) + (over ? 0 : Number(o.fee));
  const lines = [{ label: T.tickets[lang], amount: ticketSum }];
  if (feeSum > 0) lines.push({ label: T.serviceFee[lang], amount: feeSum });
  // Packs, streams and whatever else the order holds besides seats.
  const other = o.total - ticketSum - feeSum;
  if (other !== 0 && !over) lines.push({ label: T.other[lang], amount: other });
  return {
    number: o.number, status, statusText: T[status][lang], notice: notice ? T[notice][lang] : null,
    organisationName: o.organisation_name, shopSlug: o.slug, language: lang,
    downloadable: tickets.some((t) => handsOut(o, t)),
    performances: [...performances.values()],
    totals: { lines, total: status === 'released' ? 0 : o.total },
  };
}
export type MyOrderView = ReturnType<typeof myOrderView>;

/** One event per performance of the tickets handed out. */
export function calendarEvents(o: MyOrderRow, tickets: DocumentTicket[], lang: Lang, link: string, host: string): CalendarEvent[] {
  const byPerformance = new Map<string, DocumentTicket[]>();
  for (const t of tickets.filter((x) => handsOut(o, x))) byPerformance.set(t.performance_id, [...(byPerformance.get(t.performance_id) ?? []), t]);
  return [...byPerformance.values()].map((ts) => {
    const t = ts[0];
    const start = new Date(t.starts_at);
    const minutes = t.duration_minutes > 0 ? t.duration_minutes : 120;
    return {
      uid: `${o.id}-${t.performance_id}@${host}`,
      start, end: new Date(start.getTime() + minutes * 60_000),
      summary: t.title,
      location: `${t.venue_name}, ${t.venue_address}, ${t.venue_postal_code} ${t.venue_city}`,
      description: [fill(T.calendarOrder[lang], { number: o.number }), ...ts.map((x) => `${x.hall_name}, ${placeNames([x])[lang]} – ${ticketTypeName(x, lang)}`), link].join('\n'),
      url: link,
    };
  });
}
