// Reports: daily sales, performances, sales over time, customers. The SQL aggregates (store.ts,
// customers-store.ts); this file checks the filters and shapes the groups into the API's answers.
import type { Ctx } from '../platform/context.js';
import { invalidField, notFound } from '../platform/problems.js';
import { formatInZone, localDate } from '../platform/time.js';
import { ticketTypeName } from '../pricing/service.js';
import { DIP_CATEGORIES, type DipCategory } from '../pricing/tables.js';
import { findPerformance } from '../productions/service.js';
import { findVenue } from '../venues/store.js';
import { customerGroups, lastVisits } from './customers-store.js';
import { dailyMoneyGroups, type MoneyGroup } from './money-store.js';
import { eachDay, periodOf, REPORT_ZONE, type Period } from './range.js';
import { withRollup } from './rollup.js';
import type { CustomerReport, DailySales, DailySalesFee, DailySalesVat, PerformanceReport, PerformanceReportItem, SalesOverTime } from './schemas.js';
import {
  dailySalesGroups, firstSale, performanceInVenue, performanceRows, performanceSales, placeCounts, ticketGroups, ticketTypeNames, type Scope,
} from './store.js';

export interface RangeFilter {
  from: string;
  to: string;
  venue?: string;
}

async function scopeOf(ctx: Ctx, venue: string | undefined): Promise<Scope> {
  if (venue && !(await findVenue(ctx.db, ctx.orgId, venue))) {
    throw invalidField('querystring/venue', { en: 'is not a venue of yours', nl: 'is geen zaal van u', fr: "n'est pas une de vos salles" });
  }
  return { orgId: ctx.orgId, venueId: venue };
}

const METHOD_ORDER = ['cash', 'pin', 'card', 'online', 'invoice', 'voucher', 'none'];

export async function dailySales(ctx: Ctx, f: RangeFilter): Promise<DailySales> {
  const period = periodOf(f.from, f.to);
  const scope = await scopeOf(ctx, f.venue);
  const [groups, money] = await withRollup(ctx, async (db, state) =>
    [await dailySalesGroups(db, ctx.dialect, scope, period, state), await dailyMoneyGroups(db, ctx.dialect, scope, period, state)] as const);
  const names = new Map((await ticketTypeNames(ctx.db, ctx.orgId, [...new Set(groups.map((g) => g.ticketTypeId))]))
    .map((t) => [t.id, ticketTypeName(t, ctx.lang)]));
  const items = groups.map((g) => ({
    date: g.date, ticketTypeId: g.ticketTypeId, ticketTypeName: names.get(g.ticketTypeId) ?? g.ticketTypeId, dipCategory: g.dipCategory,
    channel: g.channel, paymentMethod: g.paymentMethod, tickets: g.tickets, revenue: g.revenue,
  }));
  items.sort((a, b) => a.date.localeCompare(b.date) || a.ticketTypeName.localeCompare(b.ticketTypeName) || a.ticketTypeId.localeCompare(b.ticketTypeId)
    || a.channel.localeCompare(b.channel) || METHOD_ORDER.indexOf(a.paymentMethod) - METHOD_ORDER.indexOf(b.paymentMethod)
    || b.tickets - a.tickets);
  const { fees, vat } = moneyLines(money);
  const tickets = items.reduce((t, i) => ({ tickets: t.tickets + i.tickets, revenue: t.revenue + i.revenue }), { tickets: 0, revenue: 0 });
  const feeTotal = fees.reduce((n, x) => n + x.amount, 0);
  const feesByChannel = sumBy(fees, (x) => `${x.channel}|${x.kind}`, (x) => ({ channel: x.channel, kind: x.kind, quantity: 0, amount: 0, vat: 0 }),
    (t, x) => { t.quantity += x.quantity; t.amount += x.amount; t.vat += x.vat; })
    .filter((x) => x.quantity || x.amount)
    .sort((a, b) => a.channel.localeCompare(b.channel) || a.kind.localeCompare(b.kind));
  const vatTotals = sumBy(vat, (x) => String(x.rate), (x) => ({ rate: x.rate, net: 0, vat: 0, gross: 0 }),
    (t, x) => { t.net += x.net; t.vat += x.vat; t.gross += x.gross; })
    .filter((r) => r.gross || r.vat).sort((a, b) => b.rate - a.rate);
  return {
    from: period.from, to: period.to, items, fees, vat,
    totals: { ...tickets, fees: feeTotal, total: tickets.revenue + feeTotal, feesByChannel, vat: vatTotals },
  };
}

function sumBy<T, R>(rows: T[], key: (r: T) => string, start: (r: T) => R, add: (acc: R, r: T) => void): R[] {
  const out = new Map<string, R>();
  for (const r of rows) {
    const k = key(r);
    const acc = out.get(k) ?? start(r);
    add(acc, r);
    out.set(k, acc);
  }
  return [...out.values()];
}

/**
 * The money groups as the report's lines: fees per day, channel, kind and rate, sales and refunds on
 * rows of their own (as the ticket items), and per day and rate the VAT of tickets and fees together
 * (net of refunds). Lines of nothing are left out.
 */
function moneyLines(money: MoneyGroup[]): { fees: DailySalesFee[]; vat: DailySalesVat[] } {
  const fees = sumBy(money.filter((m) => m.line !== 'ticket'), (m) => `${m.date}|${m.channel}|${m.line}|${m.kind}|${m.vatRate}`,
    (m): DailySalesFee => ({ date: m.date, channel: m.channel, kind: m.line === 'order_fee' ? 'order' : 'ticket', quantity: 0, amount: 0, vatRate: m.vatRate, vat: 0 }),
    (t, m) => { t.quantity += m.quantity; t.amount += m.amount; t.vat += m.vat; })
    .filter((x) => x.quantity || x.amount)
    .sort((a, b) => a.date.localeCompare(b.date) || a.channel.localeCompare(b.channel) || b.kind.localeCompare(a.kind) || b.quantity - a.quantity
      || b.vatRate - a.vatRate);
  const vat = sumBy(money, (m) => `${m.date}|${m.vatRate}`, (m): DailySalesVat => ({ date: m.date, rate: m.vatRate, net: 0, vat: 0, gross: 0 }),
    (t, m) => { t.gross += m.amount; t.vat += m.vat; t.net += m.amount - m.vat; })
    .filter((r) => r.gross || r.vat)
    .sort((a, b) => a.date.localeCompare(b.date) || b.rate - a.rate);
  return { fees, vat };
}

const emptyCategories = (): Record<DipCategory, { tickets: number; revenue: number }> =>
  Object.fromEntries(DIP_CATEGORIES.map((c) => [c, { tickets: 0, revenue: 0 }])) as Record<DipCategory, { tickets: number; revenue: number }>;

export async function performancesReport(ctx: Ctx, f: RangeFilter): Promise<PerformanceReport> {
  const period = periodOf(f.from, f.to);
  const scope = await scopeOf(ctx, f.venue);
  const [perfs, groups, places] = await Promise.all([
    performanceRows(ctx.db, scope, period),
    withRollup(ctx, (db, state) => ticketGroups(db, scope, period, state)),
    placeCounts(ctx.db, scope, period),
  ]);
  const names = new Map((await ticketTypeNames(ctx.db, ctx.orgId, [...new Set(groups.map((g) => g.ticketTypeId))]))
    .map((t) => [t.id, ticketTypeName(t, ctx.lang)]));
  const byPerf = new Map<string, PerformanceReportItem>();
  const items = perfs.map((p) => {
    const c = places.get(p.id) ?? { places: 0, definitive: 0, conditional: 0 };
    const item: PerformanceReportItem = {
      performanceId: p.id, title: p.title, startsAt: formatInZone(p.startsAt, p.timeZone), venueName: p.venueName,
      capacity: c.places - c.definitive, soldTickets: 0, revenue: 0, reservations: 0,
      blocked: { conditional: c.conditional, definitive: c.definitive }, occupancy: 0, byTicketType: [], byCategory: emptyCategories(),
    };
    byPerf.set(p.id, item);
    return item;
  });
  for (const g of groups) {
    const item = byPerf.get(g.performanceId);
    if (!item) continue;
    item.soldTickets += g.sold;
    item.revenue += g.revenue;
    item.reservations += g.reserved;
    item.byCategory[g.dipCategory].tickets += g.sold;
    item.byCategory[g.dipCategory].revenue += g.revenue;
    if (g.sold === 0) continue;
    const tt = item.byTicketType.find((t) => t.ticketTypeId === g.ticketTypeId);
    if (tt) {
      tt.tickets += g.sold;
      tt.revenue += g.revenue;
    } else {
      item.byTicketType.push({ ticketTypeId: g.ticketTypeId, name: names.get(g.ticketTypeId) ?? g.ticketTypeId, tickets: g.sold, revenue: g.revenue });
    }
  }
  for (const item of items) {
    item.occupancy = item.capacity > 0 ? Math.round((1000 * item.soldTickets) / item.capacity) / 10 : 0;
    item.byTicketType.sort((a, b) => a.name.localeCompare(b.name) || a.ticketTypeId.localeCompare(b.ticketTypeId));
  }
  return { from: period.from, to: period.to, items };
}

export interface OverTimeFilter {
  from?: string;
  to?: string;
  venue?: string;
}

/**
 * Net tickets and revenue of one performance per local day, with running totals that include
 * everything sold before `from`. Days run from the first sale (or `from`) up to today (or `to`).
 */
export async function salesOverTime(ctx: Ctx, performanceId: string, f: OverTimeFilter): Promise<SalesOverTime> {
  const perf = await findPerformance(ctx, performanceId);
  const scope = await scopeOf(ctx, f.venue);
  if (scope.venueId && !(await performanceInVenue(ctx.db, perf.hall_id, scope.venueId))) throw notFound('performance');
  const today = localDate(ctx.clock.now(), REPORT_ZONE);
  const first = f.from ? null : await firstSale(ctx.db, perf.id);
  const from = f.from ?? (first ? localDate(first, REPORT_ZONE) : today);
  const to = f.to ?? (from > today ? from : today);
  const period: Period = periodOf(from, to);
  if (!f.from && !first) return { performanceId: perf.id, points: [] };
  const { before, days } = await performanceSales(ctx.db, ctx.dialect, perf.id, period);
  const perDay = new Map<string, { tickets: number; revenue: number }>();
  for (const d of days) {
    const p = perDay.get(d.date) ?? { tickets: 0, revenue: 0 };
    perDay.set(d.date, { tickets: p.tickets + d.tickets, revenue: p.revenue + d.revenue });
  }
  let cumulativeTickets = before.tickets;
  let cumulativeRevenue = before.revenue;
  const points = eachDay(period.from, period.to).map((date) => {
    const d = perDay.get(date) ?? { tickets: 0, revenue: 0 };
    cumulativeTickets += d.tickets;
    cumulativeRevenue += d.revenue;
    return { date, tickets: d.tickets, revenue: d.revenue, cumulativeTickets, cumulativeRevenue };
  });
  return { performanceId: perf.id, points };
}

export interface CustomerFilter extends RangeFilter {
  limit: number;
  offset: number;
}

/** Customers who bought in the period, best first (ties by customer id); paged, or every one with `all` (exports). */
export async function customersReport(ctx: Ctx, f: CustomerFilter, all = false): Promise<CustomerReport> {
  const period = periodOf(f.from, f.to);
  const scope = await scopeOf(ctx, f.venue);
  const { total, groups } = await withRollup(ctx, (db, state) =>
    customerGroups(db, ctx.dialect, scope, period, state, all ? undefined : { limit: f.limit, offset: f.offset }));
  const visits = await lastVisits(ctx.db, scope, period, all ? undefined : groups.map((g) => g.customerId));
  const items = groups.map((g) => {
    const last = visits.get(g.customerId);
    return { ...g, lastVisit: last ? formatInZone(last, REPORT_ZONE) : null };
  });
  return { from: period.from, to: period.to, items, total, limit: all ? total : f.limit, offset: all ? 0 : f.offset };
}
