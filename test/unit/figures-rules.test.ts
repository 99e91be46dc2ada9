// Seed 000 (DIP, "Informatie voor kaartverkoopsystemen"): what a ticket counts as, and the figures
// a performance reports. Each case quotes the rule it checks.
import { describe, expect, it } from 'vitest';
import { classify, tally, type TicketFacts } from '../../src/figures/rules.js';

const ticket = (over: Partial<TicketFacts> = {}): TicketFacts => ({
  dipCategory: 'normal', orderStatus: 'paid', ticketStatus: 'valid', printState: 'none', price: 3000, ...over,
});

const noPlaces = { total: 0, definitiveBlocked: 0, conditionalBlocked: 0, conditionalValue: 0, available: 0, held: 0 };

describe('classify: sold, reservation or neither', () => {
  it('a paid ticket of any category but free is sold, printed or not', () => {
    for (const dipCategory of ['normal', 'discount', 'other'] as const) {
      expect(classify(ticket({ dipCategory }))).toBe('sold');
      expect(classify(ticket({ dipCategory, printState: 'printed' }))).toBe('sold');
    }
  });

  it('"Niet betaald = reservering": an unpaid ticket assigned to a visitor is a reservation', () => {
    expect(classify(ticket({ orderStatus: 'reserved' }))).toBe('reservation');
    // Printing does not make an unpaid non-free ticket sold.
    expect(classify(ticket({ orderStatus: 'reserved', dipCategory: 'discount', printState: 'printed' }))).toBe('reservation');
  });

  it('"Een geprinte vrijkaart is geen reservering meer": a printed free ticket is sold', () => {
    expect(classify(ticket({ dipCategory: 'free', price: 0, printState: 'printed' }))).toBe('sold');
    expect(classify(ticket({ dipCategory: 'free', price: 0, printState: 'delivered' }))).toBe('sold');
  });

  it('"Is er nog niet geprint? Dan is de kaart nog wél een reservering": an unprinted free ticket is a reservation', () => {
    expect(classify(ticket({ dipCategory: 'free', price: 0, printState: 'none' }))).toBe('reservation');
    // Even inside an order that is otherwise paid: the print state decides for free tickets.
    expect(classify(ticket({ dipCategory: 'free', price: 0, orderStatus: 'paid' }))).toBe('reservation');
    expect(classify(ticket({ dipCategory: 'free', price: 0, orderStatus: 'reserved', printState: 'printed' }))).toBe('sold');
  });

  it('cancelled tickets and tickets of cancelled orders count as nothing', () => {
    expect(classify(ticket({ ticketStatus: 'cancelled' }))).toBe('none');
    expect(classify(ticket({ orderStatus: 'cancelled' }))).toBe('none');
    expect(classify(ticket({ dipCategory: 'free', price: 0, orderStatus: 'cancelled', printState: 'printed' }))).toBe('none');
  });
});

describe('tally: the figures of one performance', () => {
  it('sold tickets and recette per ticket category (normal, discount, free, other)', () => {
    const f = tally([
      ticket({ price: 3000 }), ticket({ price: 2000 }),
      ticket({ dipCategory: 'discount', price: 2500 }),
      ticket({ dipCategory: 'free', price: 0, printState: 'printed' }),
      ticket({ dipCategory: 'other', price: 1000 }),
    ], noPlaces);
    expect(f.sold).toEqual({
      normal: { tickets: 2, revenue: 5000 }, discount: { tickets: 1, revenue: 2500 },
      free: { tickets: 1, revenue: 0 }, other: { tickets: 1, revenue: 1000 },
    });
    expect(f.reservations).toEqual({ tickets: 0, value: 0 });
  });

  it('reservations in total with their value: unpaid tickets and unprinted free tickets', () => {
    const f = tally([
      ticket({ orderStatus: 'reserved', price: 3000 }),
      ticket({ orderStatus: 'reserved', dipCategory: 'discount', price: 2500 }),
      ticket({ dipCategory: 'free', price: 0 }),
      ticket({ orderStatus: 'cancelled', price: 9999 }),
    ], noPlaces);
    expect(f.reservations).toEqual({ tickets: 3, value: 5500 });
    expect(Object.values(f.sold).every((c) => c.tickets === 0 && c.revenue === 0)).toBe(true);
  });

  it('"Definitieve blokkades worden van de zaalcapaciteit afgehaald"; conditional ones are blocked seats with value', () => {
    const f = tally([], { total: 500, definitiveBlocked: 12, conditionalBlocked: 30, conditionalValue: 30 * 2800, available: 440, held: 18 });
    expect(f.capacity).toBe(488);
    expect(f.blocked).toEqual({ conditional: 30, conditionalValue: 84000, definitive: 12 });
    // A conditional block stays in the capacity: it may still go on sale.
    expect(f.capacity).toBeGreaterThan(500 - 12 - 30);
  });

  it('basket holds are neither sold nor reservation: only reported as held', () => {
    const f = tally([], { ...noPlaces, total: 10, available: 6, held: 4 });
    expect(f.held).toBe(4);
    expect(f.available).toBe(6);
    expect(f.reservations.tickets).toBe(0);
    expect(Object.values(f.sold).reduce((n, c) => n + c.tickets, 0)).toBe(0);
  });
});
