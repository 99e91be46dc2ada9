// The daily sales report's money lines: ticket prices, service fees and their VAT per rate, from
// report_daily_money for the rolled-up days and the events (money-events.ts) for the later ones.
import { sql } from 'kysely';
import type { Db, Dialect } from '../platform/db.js';
import type { Channel } from '../productions/tables.js';
import { dailyMoneyEvents } from './money-events.js';
import type { Period } from './range.js';
import type { RollupState } from './rollup.js';
import { splitPeriod, type Scope } from './store.js';

export interface MoneyGroup {
  date: string;
  channel: Channel;
  line: 'ticket' | 'ticket_fee' | 'order_fee';
  kind: 'sale' | 'refund';
  vatRate: number;
  quantity: number;
  amount: number;
  vat: number;
}

const n = (v: unknown): number => Number(v ?? 0);

export async function dailyMoneyGroups(db: Db, dialect: Dialect, scope: Scope, period: Period, state: RollupState | undefined): Promise<MoneyGroup[]> {
  const { rolled, liveFrom } = splitPeriod(period, state);
  const stored = async () => {
    if (!rolled) return [];
    let q = db.selectFrom('report_daily_money')
      .select(['day', 'channel', 'line', 'kind', 'vat_rate', sql<number>`sum(quantity)`.as('quantity'), sql<number>`sum(amount)`.as('amount'), sql<number>`sum(vat)`.as('vat')])
      .where('organisation_id', '=', scope.orgId).where('day', '>=', rolled.from).where('day', '<=', rolled.to);
    if (scope.venueId) q = q.where('venue_id', '=', scope.venueId);
    return q.groupBy(['day', 'channel', 'line', 'kind', 'vat_rate']).execute();
  };
  const live = async () => {
    if (liveFrom >= period.endUtc) return [];
    const parts = dailyMoneyEvents(db, dialect, scope.orgId, { startUtc: liveFrom, endUtc: period.endUtc }, { byVenue: false, filter: { venueId: scope.venueId } });
    const out = [];
    for (const q of parts) out.push(...await q.execute());
    return out;
  };
  const rows = [...await stored(), ...await live()];
  return rows.map((r) => ({
    date: r.day, channel: r.channel, line: r.line, kind: r.kind, vatRate: n(r.vat_rate), quantity: n(r.quantity), amount: n(r.amount), vat: n(r.vat),
  }));
}
