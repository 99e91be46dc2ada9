// Quotas per ticket type per performance: at most `max_count` places of the type held, reserved or
// sold, on every channel. The one guard every write that gives a basket line a ticket type calls,
// inside that write's transaction (test/unit/quota-seam.test.ts keeps it so).
import type { Db } from '../platform/db.js';
import { Problem } from '../platform/problems.js';
import './problems.js';

/** One sale's claim on a type's quota: `count` more places of `ticketTypeId` for `performanceId`. */
export interface QuotaClaim {
  performanceId: string;
  ticketTypeId: string;
  count: number;
}

/**
 * Places of these types that count against their quotas: lines held by their basket (the hold not
 * lapsed) and valid tickets (reserved or sold). One statement, so on PostgreSQL one snapshot: a
 * checkout turning a held line into a ticket meanwhile is counted once, never zero times.
 */
export async function takenByType(db: Db, performanceId: string, ticketTypeIds: string[], now: string): Promise<Map<string, number>> {
  if (!ticketTypeIds.length) return new Map();
  const rows = await db.selectFrom('ticket_types')
    .select((eb) => [
      'ticket_types.id',
      eb.selectFrom('basket_lines')
        .innerJoin('inventory', (j) => j.onRef('inventory.performance_id', '=', 'basket_lines.performance_id')
          .onRef('inventory.item_id', '=', 'basket_lines.item_id').onRef('inventory.hold_id', '=', 'basket_lines.basket_id'))
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('basket_lines.performance_id', '=', performanceId).whereRef('basket_lines.ticket_type_id', '=', 'ticket_types.id')
        .where('inventory.status', '=', 'held').where('inventory.hold_expires_at', '>=', now)
        .as('held'),
      eb.selectFrom('tickets').select((e) => e.fn.countAll<number>().as('n'))
        .where('tickets.performance_id', '=', performanceId).whereRef('tickets.ticket_type_id', '=', 'ticket_types.id')
        .where('tickets.status', '=', 'valid')
        .as('sold'),
    ])
    .where('ticket_types.id', 'in', ticketTypeIds)
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.held ?? 0) + Number(r.sold ?? 0)]));
}

/**
 * Refuses (409 quota-exhausted) when a claim would take a type past its quota. Call it inside the
 * transaction that writes the lines, before the places are claimed. A type with a quota has its
 * quota row locked first (an UPDATE), so on PostgreSQL concurrent sales of it queue on that row and
 * each counts what the one before it committed; SQLite's single writer serialises them already.
 * A performance without quotas costs one primary-key lookup per claim.
 */
export async function guardQuotas(tx: Db, claims: QuotaClaim[], now: string): Promise<void> {
  // Merged and in one order, so two transactions never lock the same rows the other way round.
  const merged = new Map<string, QuotaClaim>();
  for (const c of claims) {
    if (c.count <= 0) continue;
    const key = `${c.performanceId}\u0000${c.ticketTypeId}`;
    const m = merged.get(key);
    merged.set(key, m ? { ...m, count: m.count + c.count } : { ...c });
  }
  for (const key of [...merged.keys()].sort()) {
    const c = merged.get(key)!;
    const quota = await tx.updateTable('ticket_type_quotas').set({ updated_at: now })
      .where('performance_id', '=', c.performanceId).where('ticket_type_id', '=', c.ticketTypeId)
      .returning('max_count').executeTakeFirst();
    if (!quota) continue;
    const taken = (await takenByType(tx, c.performanceId, [c.ticketTypeId], now)).get(c.ticketTypeId) ?? 0;
    if (taken + c.count > quota.max_count) throw await quotaExhausted(tx, c, quota.max_count, taken);
  }
}

async function quotaExhausted(tx: Db, c: QuotaClaim, max: number, taken: number): Promise<Problem> {
  const t = await tx.selectFrom('ticket_types').select(['name_nl', 'name_fr', 'name_en']).where('id', '=', c.ticketTypeId).executeTakeFirstOrThrow();
  const left = Math.max(0, max - taken);
  return new Problem('quota-exhausted', { ticketType: { nl: t.name_nl, fr: t.name_fr, en: t.name_en }, left, max, wanted: c.count }, [], {
    ticketTypeId: c.ticketTypeId, performanceId: c.performanceId, quota: max, left,
  });
}

/** The quota rows of a performance, by ticket type. */
export async function quotasOf(db: Db, performanceId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('ticket_type_quotas').select(['ticket_type_id', 'max_count'])
    .where('performance_id', '=', performanceId).execute();
  return new Map(rows.map((r) => [r.ticket_type_id, r.max_count]));
}

