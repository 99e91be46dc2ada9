// DIP's read side (what producers see) and the sandbox's own view of one performance.
import type { DipStore, PerformanceFigures } from './store.js';
import { TICKET_TYPES, type DipPerformance } from './types.js';

interface Figure {
  count: number;
  money: number;
  updated: string | null;
}

const latest = (a: string | null, b: string | null): string | null =>
  (b === null ? a : a === null || Date.parse(b) > Date.parse(a) ? b : a);

function ticketsFigure(f: PerformanceFigures): Figure {
  let out: Figure = { count: 0, money: 0, updated: null };
  for (const t of TICKET_TYPES) {
    const x = f.tickets[t];
    if (x) out = { count: out.count + x.tickets, money: out.money + x.recette, updated: latest(out.updated, x.updated) };
  }
  return out;
}

const reservationsFigure = (f: PerformanceFigures): Figure =>
  ({ count: f.reservations?.reservations ?? 0, money: f.reservations?.recette ?? 0, updated: f.reservations?.updated ?? null });

const blockedFigure = (f: PerformanceFigures): Figure =>
  ({ count: f.blocked?.blockedSeats ?? 0, money: f.blocked?.value ?? 0, updated: f.blocked?.updated ?? null });

export type ReadKind = 'sales' | 'reservations' | 'blockedseats';

// Sales as DIP answers them (sampled live); reservations and blocked seats follow the same pattern
// (their fields are the sandbox's reading: DIP's were not sampled).
const SHAPES: Record<ReadKind, { figure: (f: PerformanceFigures) => Figure; count: string; money: string; history: string }> = {
  sales: { figure: ticketsFigure, count: 'tickets', money: 'recette', history: 'sales' },
  reservations: { figure: reservationsFigure, count: 'reservations', money: 'recette', history: 'reservations' },
  blockedseats: { figure: blockedFigure, count: 'blocked_seats', money: 'value', history: 'blocked seats' },
};

export type ProductionRead =
  | { ok: true; rows: Record<string, unknown>[] }
  | { ok: false; status: 400 | 404; error: string; description: string };

/**
 * Per theatre that has figures of this kind for the production: top-level `id` (the theatre),
 * `name`, `updated`, totals, and one row per performance of that theatre (zeros where nothing was
 * pushed). Nothing pushed at all: DIP's 400 "No sales history for production ...".
 */
export function productionFigures(store: DipStore, productionId: string, kind: ReadKind): ProductionRead {
  const perfs = store.performancesOfProduction(productionId);
  if (perfs.length === 0) return { ok: false, status: 404, error: 'not_found', description: `no production ${productionId}` };
  const { figure, count, money, history } = SHAPES[kind];
  const byTheater = new Map<number, { p: DipPerformance; f: Figure }[]>();
  for (const p of perfs) {
    const f = figure(store.figuresOf(p.number));
    byTheater.set(p.theater.id, [...(byTheater.get(p.theater.id) ?? []), { p, f }]);
  }
  const rows = [...byTheater.values()].filter((list) => list.some((r) => r.f.updated !== null)).map((list) => ({
    id: list[0].p.theater.id,
    name: list[0].p.theater.name,
    updated: list.reduce<string | null>((u, r) => latest(u, r.f.updated), null),
    [count]: list.reduce((s, r) => s + r.f.count, 0),
    [money]: list.reduce((s, r) => s + r.f.money, 0),
    performances: list.map(({ p, f }) => ({ number: p.number, date: p.date, [count]: f.count, [money]: f.money, updated: f.updated })),
  }));
  if (!rows.length) return { ok: false, status: 400, error: 'Invalid response', description: `No ${history} history for production ${productionId}` };
  return { ok: true, rows };
}

/** GET /_sandbox/performances/{number}: everything stored for one performance. */
export type PerformanceView = NonNullable<ReturnType<typeof performanceView>>;

export function performanceView(store: DipStore, number: number) {
  const perf = store.performance(number);
  if (!perf) return null;
  const f = store.figuresOf(number);
  const totals = ticketsFigure(f);
  return {
    number: perf.number,
    productionId: perf.production.id,
    theaterId: perf.theater.id,
    date: perf.date,
    status: perf.status,
    tickets: f.tickets,
    totals: { tickets: totals.count, recette: totals.money },
    reservations: f.reservations,
    blocked: f.blocked,
    capacity: f.capacity,
    historyCount: f.history.length,
    history: f.history,
  };
}
