// Utick's PHP client against Foyer: Contact (a Foyer customer, one person one customer) and the
// contact's orders and tickets, made as the client's contact and order examples make them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { buy, ok } from './fixtures.js';
import { failure, Sapiti, sapiti } from './sapiti.js';

describe.each(DIALECTS)("Utick's client: Contact on %s", (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  let client: Sapiti;
  beforeAll(async () => {
    s = await startServer(dialect);
    ({ token } = await orgWithUser(s));
    c = await buildCatalogue(s, token, { rows: 1, perRow: 6 });
    ({ client } = await sapiti(s, token));
  });
  afterAll(async () => { await s?.close(); });

  it('createContact: a Foyer customer with what Foyer keeps', async () => {
    const created = await client.createContact({
      firstName: 'John', lastName: 'Do1733190000', email: 'John.Do@Example.test', mobilePhone: '1-555-99 99 98', language: 'en',
      country: 'lu', nationality: 'be', postalCode: '1000', city: 'Brussel', birthDate: '1976-12-03T10:00:00+01:00',
    });
    expect(client.last?.sent).toMatchObject({ method: 'POST' });
    expect(client.last?.sent.url).toMatch(/\/v1\/contacts\/\/$/);
    expect(created).toMatchObject({
      label: 'John Do1733190000', firstName: 'John', lastName: 'Do1733190000', email: 'john.do@example.test', mobilePhone: '1-555-99 99 98',
      language: 'en', postalCode: '1000', city: 'Brussel', birthDate: '1976-12-03T00:00:00+00:00', country: '', addressL1: '',
    });
    const customer = ok(await s.request('GET', `/api/customers/${created!.id.toLowerCase()}`, { token }), 'customer').body;
    expect(customer).toMatchObject({ name: 'John Do1733190000', email: 'john.do@example.test', birthDate: '1976-12-03', language: 'en' });
  });

  it('getContacts: by last name, by e-mail, and nothing for an unknown name', async () => {
    const created = await client.createContact({ firstName: 'John', lastName: 'Do1733190000b', email: 'john.b@example.test' });

    const found = await client.getContacts({ lastname: 'Do1733190000b' });
    expect(found.map((x) => x!.id)).toEqual([created!.id]);
    expect((await client.getContacts({ email: 'JOHN.B@example.test' })).map((x) => x!.id)).toEqual([created!.id]);
    expect(await client.getContacts({ lastname: 'Nobody' })).toEqual([]);
  });

  it('getContact: by id, 404 for an unknown one', async () => {
    const created = await client.createContact({ firstName: 'Jane', lastName: 'Roe', email: 'jane.roe@example.test' });
    expect(await client.getContact(created!.id)).toEqual(created);
    expect((await failure(client.getContact('00000000-0000-4000-8000-000000000000'))).code).toBe(404);
  });

  it('createContact, one person one customer: a contact with a known e-mail answers that customer, unchanged', async () => {
    const existing = ok(await s.request('POST', '/api/customers', { token, body: { name: 'Anna de Vries', email: 'anna@example.test' } }), 'customer').body;
    const again = await client.createContact({ firstName: 'Someone', lastName: 'Else', email: 'Anna@Example.test' });
    expect(again).toMatchObject({ id: existing.id.toUpperCase(), firstName: 'Anna', lastName: 'de Vries' });
    const twice = await client.createContact({ firstName: 'Piet', lastName: 'Jansen', email: 'piet@example.test' });
    expect((await client.createContact({ firstName: 'Piet', lastName: 'Jansen', email: 'piet@example.test' }))!.id).toBe(twice!.id);
    const { items } = ok(await s.request('GET', '/api/customers?q=piet', { token }), 'search').body;
    expect(items).toHaveLength(1);
  });

  it('updateContact: changes what it sends (the client sends every field); bad fields are 400 in the language', async () => {
    const made = (await client.createContact({ firstName: 'Marie', lastName: 'Curie', email: 'marie@example.test', city: 'Paris' }))!;
    const updated = await client.updateContact({ ...made, lastName: 'Skłodowska-Curie', city: 'Warszawa', mobilePhone: '+48 22 123 45 67' });
    expect(client.last?.sent).toMatchObject({ method: 'PATCH' });
    expect(updated).toMatchObject({ id: made.id, label: 'Marie Skłodowska-Curie', lastName: 'Skłodowska-Curie', city: 'Warszawa', email: 'marie@example.test', mobilePhone: '+48 22 123 45 67' });
    // The client's contact carries its own `language`, sent after (and so instead of) the client's.
    const e = await failure(client.updateContact({ ...made, email: 'geen-adres', language: 'nl' }));
    expect([e.code, e.message]).toEqual([400, 'Api error code : 400 : email moet een e-mailadres zijn']);
    const noName = await failure(client.createContact({ email: 'x@example.test', language: 'de' }));
    expect(noName.message).toContain('firstname oder lastname ist erforderlich');
    expect((await client.getContact(made.id))!.email).toBe('marie@example.test');
    // An erased customer stays erased: the client's update of it is refused, and search no longer finds it.
    ok(await s.request('POST', `/api/customers/${made.id.toLowerCase()}/erase`, { token, body: { confirm: true } }), 'erase');
    const erased = await failure(client.updateContact({ ...made, city: 'Lyon', language: 'en' }));
    expect([erased.code, erased.message]).toEqual([409, "Api error code : 409 : this contact's personal data was erased; new details belong to a new contact"]);
    expect(await client.getContacts({ email: 'marie@example.test' })).toEqual([]);
  });

  it("getOrders and getOrder: a contact's orders", async () => {
    const contact = (await client.createContact({ firstName: 'Koen', lastName: 'Peeters', email: 'koen@example.test' }))!;
    const order = await buy(s, token, contact.id.toLowerCase(), (b) => s.request('POST', `/api/baskets/${b}/lines`, { token, body: { performanceId: c.performanceId, seatIds: ['r1s1', 'r1s2'] } }));
    await buy(s, token, null, (b) => s.request('POST', `/api/baskets/${b}/lines`, { token, body: { performanceId: c.performanceId, seatIds: ['r1s3'] } }));

    const orders = await client.getOrders({ contactid: contact.id });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ id: order.id.toUpperCase(), label: order.number, name: 'Koen Peeters', contactId: contact.id, status: { id: 15, label: 'Payée' } });
    expect(orders[0]!.infoUrl).toMatch(/\/shop\/.+\/order\//);
    expect(orders[0]!.created).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await client.getOrder(orders[0]!.id)).toEqual(orders[0]);
  });

  it("getTicketSets: a contact's or an order's valid tickets, one set per performance", async () => {
    const contact = (await client.createContact({ firstName: 'Koen', lastName: 'Peeters', email: 'koen.tickets@example.test' }))!;
    const paid = await buy(s, token, contact.id.toLowerCase(), (b) => s.request('POST', `/api/baskets/${b}/lines`, { token, body: { performanceId: c.performanceId, seatIds: ['r1s4', 'r1s5'] } }));
    await buy(s, token, null, (b) => s.request('POST', `/api/baskets/${b}/lines`, { token, body: { performanceId: c.performanceId, seatIds: ['r1s6'] } }));

    const sets = await client.getTicketSets({ contactid: contact.id });
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({ stockId: c.performanceId.toUpperCase(), label: 'Hamlet' });
    expect(sets[0]!.tickets).toHaveLength(2);
    expect(sets[0]!.tickets[0]).toMatchObject({
      spectatorLabel: 'Koen Peeters', attractionLabel: 'Hamlet', orderReference: paid.number, startTime: '2055-01-15T20:15:00+01:00',
      venueLabel: 'Stadsschouwburg', typeId: '1', price: { amount: 3000, currency: 'EUR' },
    });
    expect(sets[0]!.tickets.map((t) => t!.qrcode).sort()).toEqual(paid.tickets.map((t: { barcode: string }) => t.barcode).sort());
    expect(await client.getTicketSets({ orderid: paid.id })).toEqual(sets);
    expect((await failure(client.getTicketSets())).code).toBe(400);
  });
});
