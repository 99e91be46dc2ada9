// Builds a sellable performance over the HTTP API: venue, hall, ticket types, production, prices.
//
// Test calendars: the tests' dates are in 2054-2058 (their fixed clocks mostly in 2054, performances in
// 2055). Tests that run on the real clock need their performances ahead whenever the suite runs, and
// those years have the calendars of 2026-2030 (the same weekdays, summer-time dates and leap days),
// which the texts the tests expect ("vrijdag 15 januari") were written for.
import type { TestServer } from './server.js';

export interface Catalogue {
  venueId: string;
  hallId: string;
  productionId: string;
  performanceId: string;
  ticketTypes: { normal: string; discount: string; free: string; other: string };
  seatIds: string[];
}

function expectOk(res: { status: number; body: unknown }, what: string) {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A hall of `rows` x `perRow` seats (rank 1 for the first half of the rows, rank 2 after). */
export function gridSeatMap(rows: number, perRow: number, zones: { id: string; name: string; capacity: number }[] = []) {
  return {
    sections: [{
      name: 'Zaal',
      rows: Array.from({ length: rows }, (_, r) => ({
        label: String(r + 1),
        seats: Array.from({ length: perRow }, (_, s) => ({
          id: `r${r + 1}s${s + 1}`, label: String(s + 1), rank: r < Math.ceil(rows / 2) ? 1 : 2, x: s * 30, y: r * 30,
        })),
      })),
    }],
    zones,
  };
}

export async function buildCatalogue(
  s: TestServer, token: string,
  opts: { rows?: number; perRow?: number; seatMap?: ReturnType<typeof gridSeatMap>; status?: string; zones?: { id: string; name: string; capacity: number }[]; startsAt?: string } = {},
): Promise<Catalogue> {
  const rows = opts.rows ?? 4;
  const perRow = opts.perRow ?? 10;
  const venue = await s.request('POST', '/api/venues', {
    token, body: { name: 'Stadsschouwburg', address: 'Plein 1', postalCode: '1000 AA', city: 'Utrecht', country: 'NL', timeZone: 'Europe/Amsterdam' },
  });
  expectOk(venue, 'venue');
  const hall = await s.request('POST', `/api/venues/${venue.body.id}/halls`, {
    token, body: { name: 'Grote Zaal', seatMap: opts.seatMap ?? gridSeatMap(rows, perRow, opts.zones) },
  });
  expectOk(hall, 'hall');
  const tt = async (nl: string, dipCategory: string) => {
    const r = await s.request('POST', '/api/ticket-types', {
      token, body: { names: { nl, fr: nl, en: nl }, dipCategory, channels: ['boxoffice', 'online'] },
    });
    expectOk(r, 'ticket type');
    return r.body.id as string;
  };
  const ticketTypes = { normal: await tt('Normaal', 'normal'), discount: await tt('Korting', 'discount'), free: await tt('Vrijkaart', 'free'), other: await tt('Overig', 'other') };
  const production = await s.request('POST', '/api/productions', { token, body: { title: 'Hamlet', producer: 'ITA', genre: 'toneel' } });
  expectOk(production, 'production');
  const perf = await s.request('POST', '/api/performances', {
    token,
    body: {
      productionId: production.body.id, hallId: hall.body.id, startsAt: opts.startsAt ?? '2055-01-15T20:15',
      standardTicketTypeId: ticketTypes.normal,
    },
  });
  expectOk(perf, 'performance');
  const prices = [
    ...[1, 2].map((rank) => ({ ticketTypeId: ticketTypes.normal, rank, amount: rank === 1 ? 3000 : 2000 })),
    ...[1, 2].map((rank) => ({ ticketTypeId: ticketTypes.discount, rank, amount: rank === 1 ? 2500 : 1500 })),
    ...[1, 2].map((rank) => ({ ticketTypeId: ticketTypes.free, rank, amount: 0 })),
    ...[1, 2].map((rank) => ({ ticketTypeId: ticketTypes.other, rank, amount: 1000 })),
  ];
  expectOk(await s.request('PUT', `/api/performances/${perf.body.id}/prices`, { token, body: { prices } }), 'prices');
  if (opts.status !== 'draft') {
    expectOk(await s.request('PATCH', `/api/performances/${perf.body.id}`, { token, body: { status: opts.status ?? 'on_sale' } }), 'on sale');
  }
  const seatIds = Array.from({ length: rows * perRow }, (_, i) => `r${Math.floor(i / perRow) + 1}s${(i % perRow) + 1}`);
  return { venueId: venue.body.id, hallId: hall.body.id, productionId: production.body.id, performanceId: perf.body.id, ticketTypes, seatIds };
}
