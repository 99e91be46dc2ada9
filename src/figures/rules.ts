// DIP's rules for what a ticket counts as (seed 000), without I/O.
//   sold:        paid tickets; a free ticket counts as sold once printed (or delivered as e-ticket)
//   reservation: an unpaid ticket assigned to a visitor, and a free ticket not yet printed
//   neither:     places held in a basket, cancelled tickets, tickets of an online order whose payment
//                is not confirmed (its places are held for it, unsold)
import type { DipCategory } from '../pricing/tables.js';
import type { OrderStatus, PrintState } from '../orders/tables.js';

export interface TicketFacts {
  dipCategory: DipCategory;
  orderStatus: OrderStatus;
  ticketStatus: 'valid' | 'cancelled';
  printState: PrintState;
  price: number;
}

export type TicketCount = 'sold' | 'reservation' | 'none';

export function classify(t: TicketFacts): TicketCount {
  if (t.ticketStatus !== 'valid' || t.orderStatus === 'cancelled' || t.orderStatus === 'awaiting_payment') return 'none';
  if (t.dipCategory === 'free') return t.printState === 'none' ? 'reservation' : 'sold';
  return t.orderStatus === 'paid' ? 'sold' : 'reservation';
}

export interface CategoryFigures {
  tickets: number;
  revenue: number;
}

export interface PerformanceFigures {
  sold: Record<DipCategory, CategoryFigures>;
  reservations: { tickets: number; value: number };
  blocked: { conditional: number; conditionalValue: number; definitive: number };
  capacity: number;
  available: number;
  held: number;
}

export function tally(
  tickets: TicketFacts[],
  places: { total: number; definitiveBlocked: number; conditionalBlocked: number; conditionalValue: number; available: number; held: number },
): PerformanceFigures {
  const sold: Record<DipCategory, CategoryFigures> = {
    normal: { tickets: 0, revenue: 0 }, discount: { tickets: 0, revenue: 0 }, free: { tickets: 0, revenue: 0 }, other: { tickets: 0, revenue: 0 },
  };
  const reservations = { tickets: 0, value: 0 };
  for (const t of tickets) {
    const c = classify(t);
    if (c === 'sold') {
      sold[t.dipCategory].tickets++;
      sold[t.dipCategory].revenue += t.price;
    } else if (c === 'reservation') {
      reservations.tickets++;
      reservations.value += t.price;
    }
  }
  return {
    sold,
    reservations,
    blocked: { conditional: places.conditionalBlocked, conditionalValue: places.conditionalValue, definitive: places.definitiveBlocked },
    capacity: places.total - places.definitiveBlocked,
    available: places.available,
    held: places.held,
  };
}
