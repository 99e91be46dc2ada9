// The columns of each report's CSV/XLSX file, with headers in the caller's language.
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

export function dailySalesTable(r: DailySales): Table<DailySales['items'][number]> {
  return {
    name: 'daily-sales',
    rows: r.items,
    columns: [
      { label: DATE, kind: 'text', value: (i) => i.date },
      { label: L('Ticket type', 'Kaartsoort', 'Type de billet'), kind: 'text', value: (i) => i.ticketTypeName },
      { label: L('DIP category', 'DIP-categorie', 'Catégorie DIP'), kind: 'text', value: (i) => i.dipCategory },
      { label: L('Channel', 'Kanaal', 'Canal'), kind: 'text', value: (i) => i.channel },
      { label: L('Payment method', 'Betaalwijze', 'Moyen de paiement'), kind: 'text', value: (i) => i.paymentMethod },
      { label: TICKETS, kind: 'int', value: (i) => i.tickets },
      { label: REVENUE, kind: 'money', value: (i) => i.revenue },
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
