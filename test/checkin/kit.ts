// A sold-out-ish evening for check-in tests: doors, tickets sold over HTTP, scans as a door would send them.
import { expect } from 'vitest';
import type { Answer, TestServer } from '../helpers/server.js';
import { userIn } from '../helpers/server.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { sellingKit } from '../selling/kit.js';

export interface Ticket { id: string; barcode: string; seatId: string | null; orderId: string }

export interface Evening {
  cat: Catalogue;
  /** A second performance of the same production, the next evening. */
  otherPerformanceId: string;
  doors: { main: string; side: string };
  doorToken: string;
}

export function checkinKit(s: () => TestServer, token: () => string) {
  const kit = sellingKit(s, token);
  const req = <T = any>(method: string, path: string, body?: unknown, t = token(), lang?: string): Promise<Answer<T>> => // eslint-disable-line @typescript-eslint/no-explicit-any
    s().request<T>(method, path, { token: t, body, lang });
  const ok = <T>(res: Answer<T>, status = 200): T => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };
  return {
    ...kit,
    req,
    ok,
    async evening(orgId: string): Promise<Evening> {
      const cat = await buildCatalogue(s(), token(), { rows: 4, perRow: 10, zones: [{ id: 'sta', name: 'Staanplaatsen', capacity: 20 }] });
      const other = ok(await req('POST', '/api/performances', {
        productionId: cat.productionId, hallId: cat.hallId, startsAt: '2055-01-16T20:15', standardTicketTypeId: cat.ticketTypes.normal, status: 'on_sale',
      }), 201) as { id: string };
      ok(await req('PUT', `/api/performances/${other.id}/prices`, { prices: [1, 2].map((rank) => ({ ticketTypeId: cat.ticketTypes.normal, rank, amount: 2000 })) }));
      const main = ok(await req('POST', '/api/checkin/doors', { name: 'Hoofdingang' }), 201) as { id: string };
      const side = ok(await req('POST', '/api/checkin/doors', { name: 'Zij-ingang' }), 201) as { id: string };
      return { cat, otherPerformanceId: other.id, doors: { main: main.id, side: side.id }, doorToken: await userIn(s(), orgId, 'door') };
    },
    /** Sells places (seat ids, or `{zone}` GA places) and answers their tickets with barcodes. */
    async tickets(performanceId: string, seatIds: string[], opts: { unpaid?: boolean } = {}): Promise<Ticket[]> {
      const order = await kit.sell(performanceId, seatIds, opts);
      return order.tickets.map((t: { id: string; barcode: string; seatId: string | null }) => ({ id: t.id, barcode: t.barcode, seatId: t.seatId, orderId: order.id }));
    },
    async sellZone(performanceId: string, zoneId: string, quantity: number): Promise<Ticket[]> {
      const b = await kit.basket();
      await kit.add(b.id, { performanceId, quantity, zoneId });
      const order = await kit.checkout(b.id, { method: 'cash' });
      return order.tickets.map((t: { id: string; barcode: string; seatId: string | null }) => ({ id: t.id, barcode: t.barcode, seatId: t.seatId, orderId: order.id }));
    },
    scan(t: string, body: { barcode: string; performanceIds: string[]; doorId?: string; direction?: 'in' | 'out'; id?: string }, lang = 'nl') {
      return req('POST', '/api/checkin/scans', body, t, lang);
    },
  };
}
