// What DIP gets for a performance, computed for many performances at once (a sync run looks at
// every linked performance to find the changed ones). Counts follow seed 000's rules through
// figures/rules.ts `classify`, the same rules GET /api/performances/{id}/figures uses.
import crypto from 'node:crypto';
import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { Database } from '../../platform/schema.js';
import { classify } from '../../figures/rules.js';
import type { PerformanceFigures } from '../../figures/rules.js';
import type { DipCategory } from '../../pricing/tables.js';

export interface DipFigures {
  tickets: Record<DipCategory, { tickets: number; revenue: number }>;
  reservations: { tickets: number; value: number };
  /** Conditional blocks only: definitive blocks are taken off the capacity. */
  blocked: { seats: number; value: number };
  capacity: number;
}

const CHUNK = 500;

export function emptyFigures(): DipFigures {
  return {
    tickets: { normal: { tickets: 0, revenue: 0 }, discount: { tickets: 0, revenue: 0 }, free: { tickets: 0, revenue: 0 }, other: { tickets: 0, revenue: 0 } },
    reservations: { tickets: 0, value: 0 },
    blocked: { seats: 0, value: 0 },
    capacity: 0,
  };
}

/** The DIP part of figures/service.ts `performanceFigures`. */
export function fromPerformanceFigures(f: PerformanceFigures): DipFigures {
  return {
    tickets: structuredClone(f.sold),
    reservations: { ...f.reservations },
    blocked: { seats: f.blocked.conditional, value: f.blocked.conditionalValue },
    capacity: f.capacity,
  };
}

/** Stable hash of what DIP would be sent (key order fixed by emptyFigures' shape). */
export function figuresHash(f: DipFigures): string {
  const canonical = [
    ...(['normal', 'discount', 'free', 'other'] as const).flatMap((t) => [f.tickets[t].tickets, f.tickets[t].revenue]),
    f.reservations.tickets, f.reservations.value, f.blocked.seats, f.blocked.value, f.capacity,
  ].join(',');
  return crypto.createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

/** The linked performances of an organisation that started at or after `since`: what a sync run looks at. */
export interface LinkedScope {
  orgId: string;
  since: string;
}

/**
 * Figures of every performance in `ids` (missing ones have no places and no tickets). For a sync
 * run pass the linked scope instead: three grouped queries over the whole organisation, rather than
 * a round of queries per few hundred performances.
 */
export async function dipFiguresOf(db: Db, ids: string[], scope?: LinkedScope): Promise<Map<string, DipFigures>> {
  const out = new Map<string, DipFigures>(ids.map((id) => [id, emptyFigures()]));
  if (scope) {
    await addFigures(db, out, db.selectFrom('dip_links').innerJoin('performances', 'performances.id', 'dip_links.performance_id')
      .select('dip_links.performance_id').where('dip_links.organisation_id', '=', scope.orgId).where('performances.starts_at', '>=', scope.since));
  } else {
    for (let i = 0; i < ids.length; i += CHUNK) await addFigures(db, out, ids.slice(i, i + CHUNK));
  }
  return out;
}

type Performances = string[] | SelectQueryBuilder<Database, 'dip_links' | 'performances', { performance_id: string }>;

async function addFigures(db: Db, out: Map<string, DipFigures>, performances: Performances): Promise<void> {
  const [tickets, places, blocked] = await Promise.all([
    db.selectFrom('tickets').innerJoin('orders', 'orders.id', 'tickets.order_id')
      .select(['tickets.performance_id', 'tickets.dip_category', 'tickets.print_state', 'orders.status as order_status'])
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('tickets.price').as('amount')])
      .where('tickets.performance_id', 'in', performances).where('tickets.status', '=', 'valid')
      .groupBy(['tickets.performance_id', 'tickets.dip_category', 'tickets.print_state', 'orders.status'])
      .execute(),
    db.selectFrom('inventory').select(['inventory.performance_id', (eb) => eb.fn.countAll<number>().as('total')])
      .where('inventory.performance_id', 'in', performances).groupBy('inventory.performance_id').execute(),
    // Blocked places by kind; conditional ones are valued at the standard ticket type's price for their rank.
    db.selectFrom('inventory')
      .innerJoin('blocks', 'blocks.id', 'inventory.block_id')
      .innerJoin('performances', 'performances.id', 'inventory.performance_id')
      .leftJoin('prices', (j) => j.onRef('prices.performance_id', '=', 'inventory.performance_id')
        .onRef('prices.rank', '=', 'inventory.rank').onRef('prices.ticket_type_id', '=', 'performances.standard_ticket_type_id'))
      .select(['inventory.performance_id', 'blocks.kind', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('prices.amount').as('v')])
      .where('inventory.performance_id', 'in', performances).where('inventory.status', '=', 'blocked')
      .groupBy(['inventory.performance_id', 'blocks.kind']).execute(),
  ]);
  const of = (id: string): DipFigures => {
    let f = out.get(id);
    if (!f) out.set(id, (f = emptyFigures()));
    return f;
  };
  for (const t of tickets) {
    const f = of(t.performance_id);
    const n = Number(t.n);
    const amount = Number(t.amount ?? 0);
    const c = classify({ dipCategory: t.dip_category, orderStatus: t.order_status, ticketStatus: 'valid', printState: t.print_state, price: 0 });
    if (c === 'sold') {
      f.tickets[t.dip_category].tickets += n;
      f.tickets[t.dip_category].revenue += amount;
    } else if (c === 'reservation') {
      f.reservations.tickets += n;
      f.reservations.value += amount;
    }
  }
  for (const p of places) of(p.performance_id).capacity = Number(p.total);
  for (const b of blocked) {
    const f = of(b.performance_id);
    if (b.kind === 'definitive') {
      f.capacity -= Number(b.n);
    } else {
      f.blocked.seats += Number(b.n);
      f.blocked.value += Number(b.v ?? 0);
    }
  }
}
