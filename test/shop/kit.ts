// A theatre with its web shop switched on, built over the HTTP API, and a buyer's steps in the shop.
import { expect } from 'vitest';
import type { Answer, TestServer } from '../helpers/server.js';

export interface ShopFixture {
  slug: string;
  venueId: string;
  hallId: string;
  productionId: string;
  performanceId: string;
  types: { normal: string; discount: string; free: string; counter: string };
}

export function ok<T = any>(res: Answer<T>, status = 200): T { // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

export function expectProblem(res: Answer, status: number, type: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.contentType).toContain('application/problem+json');
  expect(res.body.type).toBe(`/problems/${type}`);
}

/**
 * A hall of 4 rows of 10 (rows 1-2 rank 1, rows 3-4 rank 2; seat r4s1 a wheelchair space, r4s2 its
 * companion) and a standing zone of 20; a performance on sale with a normal, a discount and a free
 * ticket type online and one type sold only at the box office.
 */
export async function buildShop(s: TestServer, token: string, opts: { slug?: string; title?: string; startsAt?: string } = {}): Promise<ShopFixture> {
  const req = (method: string, path: string, body?: unknown) => s.request(method, path, { token, body });
  const venue = ok(await req('POST', '/api/venues', {
    name: 'Stadsschouwburg', address: 'Plein 1', postalCode: '1000 AA', city: 'Utrecht', country: 'NL', timeZone: 'Europe/Amsterdam',
  }), 201);
  const rows = Array.from({ length: 4 }, (_, r) => ({
    label: String(r + 1),
    seats: Array.from({ length: 10 }, (_, i) => ({
      id: `r${r + 1}s${i + 1}`, label: String(i + 1), rank: r < 2 ? 1 : 2, x: i * 30, y: r * 30,
      ...(r === 3 && i === 0 ? { wheelchair: true } : {}), ...(r === 3 && i === 1 ? { companion: true } : {}),
    })),
  }));
  const hall = ok(await req('POST', `/api/venues/${venue.id}/halls`, {
    name: 'Grote Zaal', seatMap: { sections: [{ name: 'Zaal', rows }], zones: [{ id: 'staan', name: 'Staanplaatsen', capacity: 20, rank: 2 }] },
  }), 201);
  const type = async (nl: string, dipCategory: string, channels: string[]) => ok(await req('POST', '/api/ticket-types', {
    names: { nl, fr: nl, en: nl }, dipCategory, channels,
  }), 201).id as string;
  const types = {
    normal: await type('Normaal', 'normal', ['boxoffice', 'online']),
    discount: await type('Korting', 'discount', ['boxoffice', 'online']),
    free: await type('Vrijkaart', 'free', ['boxoffice', 'online']),
    counter: await type('Kassa', 'other', ['boxoffice']),
  };
  const production = ok(await req('POST', '/api/productions', { title: opts.title ?? 'Hamlet', producer: 'ITA', genre: 'toneel' }), 201);
  const perf = ok(await req('POST', '/api/performances', {
    productionId: production.id, hallId: hall.id, startsAt: opts.startsAt ?? '2055-01-15T20:15', standardTicketTypeId: types.normal,
  }), 201);
  await priceAndOpen(s, token, perf.id, types);
  const settings = ok(await req('PUT', '/api/shop-settings', { enabled: true, colour: '#8e1537', ...(opts.slug ? { slug: opts.slug } : {}) }));
  return { slug: settings.slug, venueId: venue.id, hallId: hall.id, productionId: production.id, performanceId: perf.id, types };
}

export async function priceAndOpen(s: TestServer, token: string, performanceId: string, types: ShopFixture['types']) {
  const prices = [1, 2].flatMap((rank) => [
    { ticketTypeId: types.normal, rank, amount: rank === 1 ? 3000 : 2000 },
    { ticketTypeId: types.discount, rank, amount: rank === 1 ? 2500 : 1500 },
    { ticketTypeId: types.free, rank, amount: 0 },
    { ticketTypeId: types.counter, rank, amount: 500 },
  ]);
  ok(await s.request('PUT', `/api/performances/${performanceId}/prices`, { token, body: { prices } }));
  ok(await s.request('PATCH', `/api/performances/${performanceId}`, { token, body: { status: 'on_sale' } }));
}

/** A buyer in the shop: no login, only the basket token their browser keeps. */
export function buyer(s: TestServer, slug: string) {
  let basketToken = '';
  const call = <T = any>(method: string, path: string, body?: unknown, lang = 'nl') => // eslint-disable-line @typescript-eslint/no-explicit-any
    s.request<T>(method, `/api/shops/${slug}${path}`, { body, lang, headers: basketToken ? { 'basket-token': basketToken } : {} });
  return {
    call,
    get token() { return basketToken; },
    set token(t: string) { basketToken = t; },
    async open() {
      const b = ok(await call('POST', '/baskets'), 201);
      basketToken = b.token;
      return b.basket;
    },
    add: (body: Record<string, unknown>) => call('POST', '/basket/lines', body),
    basket: () => call('GET', '/basket'),
    details: (email: string, extra: Record<string, unknown> = {}) => call('PUT', '/basket/buyer', {
      name: 'Anna de Vries', email, emailConfirm: email, language: 'nl', newsletter: false, termsAccepted: true, ...extra,
    }),
  };
}
