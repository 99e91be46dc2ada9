// Customers: search by name, e-mail, postal code and phone number; a customer's orders; finding orders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { sellingKit } from './kit.js';
import { fillPhoneDigits } from '../../src/migrations/2026-12-02T1800_customer_phone_digits.js';

describe.each(DIALECTS)('customers on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let orgId: string;
  let c: Catalogue;
  const k = sellingKit(() => s, () => token);
  const ids: Record<string, string> = {};
  const names = async (q: string) =>
    k.ok(await k.req('GET', `/api/customers?q=${encodeURIComponent(q)}`)).items.map((x: { name: string }) => x.name);
  beforeAll(async () => {
    s = await startServer(dialect);
    ({ token, orgId } = await orgWithUser(s));
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

  it('finds customers by phone number, however it was typed: the last 8 digits compared', async () => {
    for (const body of [{ name: 'Piet Bakker', phone: '06-1234 5678' }, { name: 'Sophie Dubois', phone: '+32 470 12 34 56' }]) {
      ids[body.name] = k.ok(await k.req('POST', '/api/customers', body), 201).id;
    }
    for (const q of ['0612345678', '06-1234 5678', '+31 6 12345678', '0031 (6) 1234.5678', '12345678', '345678']) {
      expect(await names(q), q).toEqual(['Piet Bakker']);
    }
    expect(await names('0470 12 34 56')).toEqual(['Sophie Dubois']);
    expect(await names('+32470123456')).toEqual(['Sophie Dubois']);
    // A Belgian landline stored with its country code, typed with its trunk 0.
    expect(await names('03 123 45 67')).toEqual(['Marie Peeters']);
    // Too few digits to be a phone number: a postal code, or nothing.
    expect(await names('2000')).toEqual(['Marie Peeters']);
    expect(await names('5678')).toEqual([]);
    // Digits from the middle are no match, nor another number.
    expect(await names('061234')).toEqual([]);
    expect(await names('0612345679')).toEqual([]);

    const piet = ids['Piet Bakker'];
    k.ok(await k.req('PATCH', `/api/customers/${piet}`, { phone: '010 765 43 21' }));
    expect(await names('0107654321')).toEqual(['Piet Bakker']);
    expect(await names('0612345678')).toEqual([]);
    k.ok(await k.req('PATCH', `/api/customers/${piet}`, { phone: null }));
    expect(await names('0107654321')).toEqual([]);
  });

  it('finds customers stored before phone search existed once the migration filled in their digits', async () => {
    await s.deps.db.insertInto('customers').values({
      id: 'cust-from-before', organisation_id: orgId, name: 'Oude Klant', phone: '+31 (0)20 555 0199', search: 'oude klant',
      created_at: '2054-01-01T00:00:00.000Z',
    }).execute();
    expect(await names('020 555 0199')).toEqual([]);
    await fillPhoneDigits(s.deps.db);
    expect(await names('020 555 0199')).toEqual(['Oude Klant']);
    expect(await names('+31 20 5550199')).toEqual(['Oude Klant']);
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
    // By the customer's phone number.
    k.ok(await k.req('PATCH', `/api/customers/${ids['Jan Jansen']}`, { phone: '06 87 65 43 21' }));
    expect(await found('+31687654321')).toEqual([order.id]);
    expect(await found('0687654321')).toEqual([order.id]);
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
