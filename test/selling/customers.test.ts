// Customers: search by name, e-mail and postal code; a customer's orders; finding orders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { sellingKit } from './kit.js';

describe.each(DIALECTS)('customers on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  const k = sellingKit(() => s, () => token);
  const ids: Record<string, string> = {};
  const names = async (q: string) =>
    k.ok(await k.req('GET', `/api/customers?q=${encodeURIComponent(q)}`)).items.map((x: { name: string }) => x.name);
  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
    c = await buildCatalogue(s, token);
    for (const body of [
      { name: 'Jan Jansen', email: 'jan@jansen.nl', postalCode: '3511 AB', city: 'Utrecht' },
      { name: 'Janneke Smit', email: 'j.smit@example.nl', postalCode: '1012 XY', city: 'Amsterdam' },
      { name: 'Marie Peeters', email: 'marie@peeters.be', postalCode: '2000', city: 'Antwerpen', phone: '+32 3 123 45 67', birthDate: '1975-06-30' },
    ]) {
      ids[body.name] = k.ok(await k.req('POST', '/api/customers', body), 201).id;
    }
  });
  afterAll(async () => { await s?.close(); });

  it('finds customers by part of the name, e-mail or postal code', async () => {
    expect(await names('jan')).toEqual(['Jan Jansen', 'Janneke Smit']);
    expect(await names('JANSEN')).toEqual(['Jan Jansen']);
    expect(await names('peeters.be')).toEqual(['Marie Peeters']);
    expect(await names('3511 ab')).toEqual(['Jan Jansen']);
    expect(await names('3511AB')).toEqual(['Jan Jansen']);
    expect(await names('2000')).toEqual(['Marie Peeters']);
    expect(await names('jan smit')).toEqual(['Janneke Smit']);
    expect(await names('nobody')).toEqual([]);
    // Wildcards are text, not patterns.
    expect(await names('%')).toEqual([]);
  });

  it('an edit is found under the new details', async () => {
    const id = ids['Janneke Smit'];
    const edited = k.ok(await k.req('PATCH', `/api/customers/${id}`, { email: 'janneke@smit.nl', postalCode: '9711 CD' }));
    expect(edited).toMatchObject({ name: 'Janneke Smit', email: 'janneke@smit.nl', postalCode: '9711 CD', city: 'Amsterdam' });
    expect(await names('9711')).toEqual(['Janneke Smit']);
    expect(await names('j.smit@')).toEqual([]);
  });

  it("lists a customer's orders and finds orders by number, barcode, name, e-mail and postal code", async () => {
    const b = await k.basket();
    await k.add(b.id, { performanceId: c.performanceId, seatIds: ['r1s1'] });
    k.ok(await k.req('PUT', `/api/baskets/${b.id}/customer`, { customerId: ids['Jan Jansen'] }));
    const order = await k.checkout(b.id, { method: 'cash' });
    const other = await k.sell(c.performanceId, ['r1s2']);

    const mine = k.ok(await k.req('GET', `/api/customers/${ids['Jan Jansen']}/orders`)).items;
    expect(mine.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect(mine[0]).toMatchObject({ number: order.number, status: 'paid', customerName: 'Jan Jansen' });
    expect(k.ok(await k.req('GET', `/api/customers/${ids['Marie Peeters']}/orders`)).items).toEqual([]);

    const found = async (q: string) =>
      k.ok(await k.req('GET', `/api/orders?q=${encodeURIComponent(q)}`)).items.map((o: { id: string }) => o.id);
    expect(await found(order.number)).toEqual([order.id]);
    expect(await found(order.number.toLowerCase())).toEqual([order.id]);
    expect(await found(order.tickets[0].barcode)).toEqual([order.id]);
    expect(await found('jansen')).toEqual([order.id]);
    expect(await found('jan@jansen.nl')).toEqual([order.id]);
    expect(await found('3511 AB')).toEqual([order.id]);
    expect(await found('Jan Jansen')).toEqual([order.id]);
    expect(await found(other.number)).toEqual([other.id]);
    const byPerformance = k.ok(await k.req('GET', `/api/orders?performanceId=${c.performanceId}`)).items.map((o: { id: string }) => o.id);
    expect(byPerformance.sort()).toEqual([order.id, other.id].sort());
  });

  it('refuses a bad e-mail, birth date or phone as field errors, creating nothing', async () => {
    const bad = await k.req('POST', '/api/customers', { name: 'Fout', email: 'not-an-email', birthDate: '1980-13-45', phone: 'call me' });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    const fields = bad.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['birthDate', 'email', 'phone']);
    expect(await names('fout')).toEqual([]);
    expect((await k.req('POST', '/api/customers', { email: 'x@y.nl' })).status).toBe(400);
  });
});
