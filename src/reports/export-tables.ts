// The columns of each report's CSV/XLSX file, with headers in the caller's language.
import type { Lang } from '../platform/i18n.js';
import { DIP_CATEGORIES } from '../pricing/tables.js';
import type { Column, Table } from './exports.js';
import type { CustomerReport, DailySales, PerformanceReport, PerformanceReportItem, SalesOverTime } from './schemas.js';

const L = (en: string, nl: string, fr: string) => ({ en, nl, fr });

/** "2027-01-15T20:15:00+01:00" -> "2027-01-15 20:15": what a spreadsheet shows well. */
const localStamp = (s: string | null) => (s ? `${s.slice(0, 10)} ${s.slice(11, 16)}` : null);

const DATE = L('Date', 'Datum', 'Date');
const TICKETS = L('Tickets', 'Kaarten', 'Billets');
const REVENUE = L('Revenue (EUR)', 'Omzet (EUR)', "Chiffre d'affaires (EUR)");

const CATEGORY = {
  normal: L('Normal', 'Normaal', 'Normal'),
  discount: L('Discount', 'Korting', 'Réduction'),
  free: L('Free', 'Vrijkaart', 'Gratuit'),
  other: L('Other', 'Overig', 'Autre'),
};

/** A row of the daily sales file: a ticket line, a service fee line or a VAT line. */
interface DailyRow {
  date: string;
  label: string;
  dipCategory: string | null;
  channel: string | null;
  paymentMethod: string | null;
  count: number | null;
  amount: number | null;
  rate: number | null;
  net: number | null;
  vat: number | null;
}

const FEE = { ticket: L('Service fee per ticket', 'Servicekosten per kaart', 'Frais de service par billet'), order: L('Service fee per order', 'Servicekosten per bestelling', 'Frais de service par commande') };
const VAT = L('VAT', 'btw', 'TVA');
const percent = (rate: number) => `${String(rate / 100).replace('.', ',')} %`;

/**
 * Per day: its ticket rows, then its service fees (per channel and kind, with their rate), then its
 * VAT per rate over tickets and fees (net, VAT; the gross is the day's amounts at that rate). The
 * amount column sums to tickets plus fees, the VAT column to the VAT, the net column to the net.
 */
export function dailySalesTable(r: DailySales, lang: Lang): Table<DailyRow> {
  const rows: DailyRow[] = [];
  const days = [...new Set([...r.items.map((i) => i.date), ...r.fees.map((f) => f.date), ...r.vat.map((v) => v.date)])].sort();
  for (const day of days) {
    for (const i of r.items) {
      if (i.date !== day) continue;
      rows.push({ date: i.date, label: i.ticketTypeName, dipCategory: i.dipCategory, channel: i.channel, paymentMethod: i.paymentMethod, count: i.tickets, amount: i.revenue, rate: null, net: null, vat: null });
    }
    for (const f of r.fees) {
      if (f.date !== day) continue;
      rows.push({ date: f.date, label: FEE[f.kind][lang], dipCategory: null, channel: f.channel, paymentMethod: null, count: f.quantity, amount: f.amount, rate: f.vatRate / 100, net: null, vat: null });
    }
    for (const v of r.vat) {
      if (v.date !== day) continue;
      rows.push({ date: v.date, label: `${VAT[lang]} ${percent(v.rate)}`, dipCategory: null, channel: null, paymentMethod: null, count: null, amount: null, rate: v.rate / 100, net: v.net, vat: v.vat });
    }
  }
  return {
    name: 'daily-sales',
    rows,
    columns: [
      { label: DATE, kind: 'text', value: (i) => i.date },
      { label: L('Ticket type', 'Tickettype', 'Type de billet'), kind: 'text', value: (i) => i.label },
      { label: L('DIP category', 'DIP-categorie', 'Catégorie DIP'), kind: 'text', value: (i) => i.dipCategory },
      { label: L('Channel', 'Kanaal', 'Canal'), kind: 'text', value: (i) => i.channel },
      { label: L('Payment method', 'Betaalwijze', 'Moyen de paiement'), kind: 'text', value: (i) => i.paymentMethod },
      { label: TICKETS, kind: 'int', value: (i) => i.count },
      { label: REVENUE, kind: 'money', value: (i) => i.amount },
      { label: L('VAT rate %', 'Btw-tarief %', 'Taux de TVA %'), kind: 'percent', value: (i) => i.rate },
      { label: L('Net (EUR)', 'Netto (EUR)', 'Hors TVA (EUR)'), kind: 'money', value: (i) => i.net },
      { label: L('VAT (EUR)', 'Btw (EUR)', 'TVA (EUR)'), kind: 'money', value: (i) => i.vat },
    ],
  };
}

export function performancesTable(r: PerformanceReport): Table<PerformanceReportItem> {
  const types = new Map<string, string>();
  for (const i of r.items) for (const t of i.byTicketType) types.set(t.ticketTypeId, t.name);
  const typeColumns = [...types].sort((a, b) => a[1].localeCompare(b[1])).flatMap(([id, name]): Column<PerformanceReportItem>[] => [
    { label: `${name}: #`, kind: 'int', value: (i) => i.byTicketType.find((t) => t.ticketTypeId === id)?.tickets ?? 0 },
    { label: `${name}: EUR`, kind: 'money', value: (i) => i.byTicketType.find((t) => t.ticketTypeId === id)?.revenue ?? 0 },
  ]);
  const categoryColumns = DIP_CATEGORIES.flatMap((c): Column<PerformanceReportItem>[] => [
    { label: L(`DIP ${CATEGORY[c].en}: #`, `DIP ${CATEGORY[c].nl}: #`, `DIP ${CATEGORY[c].fr}: #`), kind: 'int', value: (i) => i.byCategory[c].tickets },
    { label: L(`DIP ${CATEGORY[c].en}: EUR`, `DIP ${CATEGORY[c].nl}: EUR`, `DIP ${CATEGORY[c].fr}: EUR`), kind: 'money', value: (i) => i.byCategory[c].revenue },
  ]);
  return {
    name: 'performances',
    rows: r.items,
    columns: [
      { label: L('Title', 'Titel', 'Titre'), kind: 'text', value: (i) => i.title },
      { label: L('Starts at', 'Aanvang', 'Début'), kind: 'text', value: (i) => localStamp(i.startsAt) },
      { label: L('Venue', 'Locatie', 'Lieu'), kind: 'text', value: (i) => i.venueName },
      { label: L('Capacity', 'Capaciteit', 'Capacité'), kind: 'int', value: (i) => i.capacity },
      { label: L('Sold', 'Verkocht', 'Vendus'), kind: 'int', value: (i) => i.soldTickets },
      { label: REVENUE, kind: 'money', value: (i) => i.revenue },
      { label: L('Reservations', 'Reserveringen', 'Réservations'), kind: 'int', value: (i) => i.reservations },
      { label: L('Blocked (conditional)', 'Geblokkeerd (voorwaardelijk)', 'Bloqués (conditionnel)'), kind: 'int', value: (i) => i.blocked.conditional },
      { label: L('Blocked (definitive)', 'Geblokkeerd (definitief)', 'Bloqués (définitif)'), kind: 'int', value: (i) => i.blocked.definitive },
      { label: L('Occupancy %', 'Bezetting %', 'Taux de remplissage %'), kind: 'percent', value: (i) => i.occupancy },
      ...categoryColumns,
      ...typeColumns,
    ],
  };
}

export function salesOverTimeTable(r: SalesOverTime): Table<SalesOverTime['points'][number]> {
  return {
    name: 'sales-over-time',
    rows: r.points,
    columns: [
      { label: DATE, kind: 'text', value: (p) => p.date },
      { label: TICKETS, kind: 'int', value: (p) => p.tickets },
      { label: REVENUE, kind: 'money', value: (p) => p.revenue },
      { label: L('Tickets, cumulative', 'Kaarten, cumulatief', 'Billets, cumulé'), kind: 'int', value: (p) => p.cumulativeTickets },
      { label: L('Revenue, cumulative (EUR)', 'Omzet, cumulatief (EUR)', "Chiffre d'affaires, cumulé (EUR)"), kind: 'money', value: (p) => p.cumulativeRevenue },
    ],
  };
}

export function customersTable(r: CustomerReport): Table<CustomerReport['items'][number]> {
  return {
    name: 'customers',
    rows: r.items,
    columns: [
      { label: L('Name', 'Naam', 'Nom'), kind: 'text', value: (c) => c.name },
      { label: L('E-mail', 'E-mail', 'E-mail'), kind: 'text', value: (c) => c.email },
      { label: L('Postal code', 'Postcode', 'Code postal'), kind: 'text', value: (c) => c.postalCode },
      { label: L('Orders', 'Bestellingen', 'Commandes'), kind: 'int', value: (c) => c.orders },
      { label: TICKETS, kind: 'int', value: (c) => c.tickets },
      { label: REVENUE, kind: 'money', value: (c) => c.revenue },
      { label: L('Last visit', 'Laatste bezoek', 'Dernière visite'), kind: 'text', value: (c) => localStamp(c.lastVisit) },
    ],
  };
}
