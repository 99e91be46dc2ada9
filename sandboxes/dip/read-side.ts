// DIP's read side (what producers see) and the sandbox's own view of one performance.
import type { DipStore, PerformanceFigures } from './store.js';
import { TICKET_TYPES, type DipPerformance } from './types.js';

interface Figure {
  count: number;
  money: number;
  updated: string | null;
}

const latest = (a: string | null, b: string): string => (a === null || Date.parse(b) > Date.parse(a) ? b : a);

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

const SHAPES: Record<ReadKind, { figure: (f: PerformanceFigures) => Figure; count: string; money: string }> = {
  sales: { figure: ticketsFigure, count: 'tickets', money: 'recette' },
  reservations: { figure: reservationsFigure, count: 'reservations', money: 'recette' },
  blockedseats: { figure: blockedFigure, count: 'blocked_seats', money: 'value' },
};

/** Per theatre playing the production: totals and one row per performance (zeros where nothing was pushed). null: unknown production. */
export function productionFigures(store: DipStore, productionId: string, kind: ReadKind): Record<string, unknown>[] | null {
  const perfs = store.performancesOfProduction(productionId);
  if (perfs.length === 0) return null;
  const { figure, count, money } = SHAPES[kind];
  const byTheater = new Map<number, DipPerformance[]>();
  for (const p of perfs) byTheater.set(p.theater.id, [...(byTheater.get(p.theater.id) ?? []), p]);
  return [...byTheater.values()].map((list) => {
    const rows = list.map((p) => ({ p, f: figure(store.figuresOf(p.number)) }));
    return {
      theater: { ...list[0].theater },
      [count]: rows.reduce((s, r) => s + r.f.count, 0),
      [money]: rows.reduce((s, r) => s + r.f.money, 0),
      performances: rows.map(({ p, f }) => ({ number: p.number, date: p.date, [count]: f.count, [money]: f.money, updated: f.updated })),
    };
  });
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
    tickets: f.tickets,
    totals: { tickets: totals.count, recette: totals.money },
    reservations: f.reservations,
    blocked: f.blocked,
    capacity: f.capacity,
    historyCount: f.history.length,
    history: f.history,
  };
}
