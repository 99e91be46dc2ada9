// In-memory state of the sandbox: the seed (never changes) and the figures pushed to it, latest
// per performance and per ticket type, plus every accepted item in order.
import {
  TICKET_TYPES, type BlockedSeatsItem, type CapacityBody, type DipClient, type DipPerformance, type DipSeed,
  type DipTheater, type ReservationsItem, type TicketsItem, type TicketType,
} from './types.js';

type Received<T> = T & { receivedAt: string };

export type HistoryEntry =
  | { push: number; receivedAt: string; kind: 'tickets'; item: TicketsItem }
  | { push: number; receivedAt: string; kind: 'reservations'; item: ReservationsItem }
  | { push: number; receivedAt: string; kind: 'blockedseats'; item: BlockedSeatsItem }
  | { push: number; receivedAt: string; kind: 'capacity'; item: CapacityBody };

export interface PerformanceFigures {
  tickets: Record<TicketType, Received<{ tickets: number; recette: number; updated: string }> | null>;
  reservations: Received<{ reservations: number; recette: number; updated: string }> | null;
  blocked: Received<{ blockedSeats: number; value: number; updated: string }> | null;
  capacity: Received<{ capacity: number }> | null;
  history: HistoryEntry[];
}

function emptyFigures(): PerformanceFigures {
  const tickets = Object.fromEntries(TICKET_TYPES.map((t) => [t, null])) as PerformanceFigures['tickets'];
  return { tickets, reservations: null, blocked: null, capacity: null, history: [] };
}

export class DipStore {
  private readonly byNumber = new Map<number, DipPerformance>();
  private figures = new Map<number, PerformanceFigures>();
  private pushes = 0;

  constructor(readonly seed: DipSeed) {
    for (const p of seed.performances) {
      if (this.byNumber.has(p.number)) throw new Error(`DIP sandbox seed: performance number ${p.number} twice`);
      this.byNumber.set(p.number, p);
    }
  }

  client(clientId: string): DipClient | undefined {
    return this.seed.clients.find((c) => c.clientId === clientId);
  }

  theater(id: number): DipTheater | undefined {
    return this.seed.theaters.find((t) => t.id === id);
  }

  performance(number: number): DipPerformance | undefined {
    return this.byNumber.get(number);
  }

  performancesOfTheater(theaterId: number): DipPerformance[] {
    return this.seed.performances.filter((p) => p.theater.id === theaterId);
  }

  performancesOfProduction(productionId: string): DipPerformance[] {
    return this.seed.performances.filter((p) => p.production.id === productionId);
  }

  /** Figures of one performance; a performance nothing was pushed for has empty figures. */
  figuresOf(number: number): PerformanceFigures {
    return this.figures.get(number) ?? emptyFigures();
  }

  // Each apply* takes a batch that was validated as a whole; it cannot fail half-way.
  applyTickets(items: TicketsItem[], receivedAt: string): void {
    const push = ++this.pushes;
    for (const item of items) {
      const f = this.mutable(item.performanceNumber);
      f.tickets[item.ticketType] = { tickets: item.tickets, recette: item.recette, updated: item.updated, receivedAt };
      f.history.push({ push, receivedAt, kind: 'tickets', item: { ...item } });
    }
  }

  applyReservations(items: ReservationsItem[], receivedAt: string): void {
    const push = ++this.pushes;
    for (const item of items) {
      const f = this.mutable(item.performanceNumber);
      f.reservations = { reservations: item.reservations, recette: item.recette, updated: item.updated, receivedAt };
      f.history.push({ push, receivedAt, kind: 'reservations', item: { ...item } });
    }
  }

  applyBlockedSeats(items: BlockedSeatsItem[], receivedAt: string): void {
    const push = ++this.pushes;
    for (const item of items) {
      const f = this.mutable(item.performanceNumber);
      f.blocked = { blockedSeats: item.blockedSeats, value: item.value, updated: item.updated, receivedAt };
      f.history.push({ push, receivedAt, kind: 'blockedseats', item: { ...item } });
    }
  }

  applyCapacity(performanceNumber: number, body: CapacityBody, receivedAt: string): void {
    const push = ++this.pushes;
    const f = this.mutable(performanceNumber);
    f.capacity = { capacity: body.capacity, receivedAt };
    f.history.push({ push, receivedAt, kind: 'capacity', item: { ...body } });
  }

  /** A producer changes a performance's status (`cancellation`: the performance is cancelled). */
  setStatus(number: number, status: DipPerformance['status']): boolean {
    const p = this.byNumber.get(number);
    if (!p) return false;
    p.status = status;
    return true;
  }

  /** Forget every figure and its history; the seed stays. */
  resetFigures(): void {
    this.figures = new Map();
    this.pushes = 0;
  }

  private mutable(number: number): PerformanceFigures {
    let f = this.figures.get(number);
    if (!f) {
      f = emptyFigures();
      this.figures.set(number, f);
    }
    return f;
  }
}
