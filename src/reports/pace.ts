// The pace of an on-sale: tickets sold per minute from the moment sales opened (the online sales
// window, else the first sale, or a given moment), per channel, with the running total.
import { sql } from 'kysely';
import type { Ctx } from '../platform/context.js';
import { formatInZone } from '../platform/time.js';
import { CHANNELS, type Channel } from '../productions/tables.js';
import { findPerformance } from '../productions/service.js';
import { SOLD_AT } from './events.js';
import { REPORT_ZONE } from './range.js';
import type { OnSalePace } from './pace-schemas.js';
import { firstSale } from './store.js';

export interface PaceFilter { from?: string; minutes: number }

const MINUTE = 60_000;
const minuteOf = (iso: string) => new Date(Math.floor(new Date(iso).getTime() / MINUTE) * MINUTE);

/** Where the pace starts: the given moment, the online window's opening, or the first sale. */
async function startOf(ctx: Ctx, performanceId: string, from: string | undefined): Promise<{ start: Date; source: OnSalePace['source'] } | null> {
  if (from) return { start: minuteOf(from), source: 'from' };
  const w = await ctx.db.selectFrom('sales_windows').select('opens_at')
    .where('performance_id', '=', performanceId).where('organisation_id', '=', ctx.orgId).where('channel', '=', 'online').executeTakeFirst();
  if (w?.opens_at) return { start: minuteOf(w.opens_at), source: 'online-window' };
  const first = await firstSale(ctx.db, performanceId);
  return first ? { start: minuteOf(first), source: 'first-sale' } : null;
}

export async function onSalePace(ctx: Ctx, performanceId: string, f: PaceFilter): Promise<OnSalePace> {
  const perf = await findPerformance(ctx, performanceId);
  const begin = await startOf(ctx, perf.id, f.from);
  if (!begin) return { performanceId: perf.id, start: null, source: null, points: [] };
  const startUtc = begin.start.toISOString();
  const endUtc = new Date(begin.start.getTime() + f.minutes * MINUTE).toISOString();
  // ISO instants as text: the first 16 characters are the minute, on both databases
  const minute = sql<string>`substr(o.paid_at, 1, 16)`;
  const rows = await ctx.db.selectFrom('tickets as t').innerJoin('orders as o', 'o.id', 't.order_id')
    .select([minute.as('minute'), 'o.channel', sql<number>`count(*)`.as('tickets')])
    .where('t.performance_id', '=', perf.id).where('o.organisation_id', '=', ctx.orgId)
    .where('o.paid_at', '>=', startUtc).where('o.paid_at', '<', endUtc).where(SOLD_AT)
    .groupBy([minute, 'o.channel']).execute();
  const perMinute = new Map<string, Record<Channel, number>>();
  for (const r of rows) {
    const m = perMinute.get(r.minute) ?? { boxoffice: 0, online: 0 };
    m[r.channel] += Number(r.tickets);
    perMinute.set(r.minute, m);
  }
  let cumulativeTickets = 0;
  const points = Array.from({ length: f.minutes }, (_, i) => {
    const at = new Date(begin.start.getTime() + i * MINUTE);
    const byChannel = perMinute.get(at.toISOString().slice(0, 16)) ?? { boxoffice: 0, online: 0 };
    const tickets = CHANNELS.reduce((s, c) => s + byChannel[c], 0);
    cumulativeTickets += tickets;
    return { at: formatInZone(at, REPORT_ZONE), tickets, byChannel, cumulativeTickets };
  });
  return { performanceId: perf.id, start: formatInZone(begin.start, REPORT_ZONE), source: begin.source, points };
}
