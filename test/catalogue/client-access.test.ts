// Utick's PHP client against Foyer: AccessControl, a door device (registered by a manager under
// Check-in) controlling codes for tonight's performance as the door app scans them: one admission per
// ticket, the door app's refusals and words, in the request's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { ManualClock } from '../../src/platform/clock.js';
import { formatInZone } from '../../src/platform/time.js';
import { buy, morePerformances, ok } from './fixtures.js';
import { failure, Sapiti, sapiti } from './sapiti.js';

describe.each(DIALECTS)("Utick's client: AccessControl on %s", (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  let client: Sapiti;
  let device: { id: string };
  let door: { id: string };
  let perf: string;
  const clock = new ManualClock(new Date());
  const sell = async (seatIds: string[], payment: 'cash' | null = 'cash') => {
    const basket = ok(await s.request('POST', '/api/baskets', { token, body: { channel: 'boxoffice' } }), 'basket').body;
    const customer = ok(await s.request('POST', '/api/customers', { token, body: { name: 'Anna de Vries' } }), 'customer').body;
    ok(await s.request('PUT', `/api/baskets/${basket.id}/customer`, { token, body: { customerId: customer.id } }), 'customer');
    ok(await s.request('POST', `/api/baskets/${basket.id}/lines`, { token, body: { performanceId: c.performanceId, seatIds } }), 'lines');
    return ok(await s.request('POST', `/api/baskets/${basket.id}/checkout`, { token, body: payment ? { payment: { method: payment } } : {} }), 'checkout').body;
  };

  beforeAll(async () => {
    s = await startServer(dialect, { clock });
    ({ token } = await orgWithUser(s));
    // Tonight, three hours from now, in the venue's zone.
    c = await buildCatalogue(s, token, { rows: 2, perRow: 10, startsAt: formatInZone(new Date(clock.now().getTime() + 3 * 3_600_000), 'Europe/Amsterdam').slice(0, 16) });
    ({ client } = await sapiti(s, token));
    door = ok(await s.request('POST', '/api/checkin/doors', { token, body: { name: 'Hoofdingang' } }), 'door').body;
    device = ok(await s.request('POST', '/api/checkin/devices', { token, body: { name: 'Scanner 1', doorId: door.id } }), 'device').body;
    perf = c.performanceId.toUpperCase();
  });
  afterAll(async () => { await s?.close(); });

  it("getDeviceFromId: the device and whose it is; another's or a revoked one is refused", async () => {
    const d = await client.getDeviceFromId(device.id.toUpperCase());
    expect(d).toMatchObject({ id: device.id.toUpperCase(), label: 'Scanner 1', client: { label: expect.any(String) } });
    expect(d!.lastContact).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await failure(client.getDeviceFromId('00000000-0000-4000-8000-000000000000'))).code).toBe(401);
  });

  it('getEvents: the performances the door controls tonight, not those of next year', async () => {
    await morePerformances(s, token, c, 1);
    const list = await client.getAccessControlEvents(device.id);
    expect(list.map((e) => e!.id)).toEqual([perf]);
    expect(client.last?.sent.url).toMatch(/\/v1\/accesscontrol\/events\/\/$/);
    expect((await failure(client.call('accesscontrol/events/'))).code).toBe(400);
  });

  it("controlCodesForDeviceAndEventId: admitted once, then the door app's refusals, in the request's language", async () => {
    const paid = await sell(['r1s1', 'r1s2']);
    const reserved = await sell(['r1s3'], null);
    const cancelled = await sell(['r1s4']);
    ok(await s.request('POST', `/api/orders/${cancelled.id}/cancel`, { token, body: {} }), 'cancel');
    const [other] = await morePerformances(s, token, c, 1);
    const elsewhere = await buy(s, token, null, (b) => s.request('POST', `/api/baskets/${b}/lines`, { token, body: { performanceId: other, seatIds: ['r1s1'] } }));
    const [a, b] = paid.tickets.map((t: { barcode: string }) => t.barcode);

    client.language = 'nl';
    const codes = [a, a, reserved.tickets[0].barcode, cancelled.tickets[0].barcode, elsewhere.tickets[0].barcode, 'NOSUCHCODE'];
    const answers = await client.controlCodesForDeviceAndEventId(codes, device.id, perf);
    expect(client.last?.sent).toMatchObject({ method: 'PATCH' });
    expect(client.last?.sent.url).toMatch(new RegExp(`/v1/accesscontrol/events/${perf}/control//$`));
    expect(answers.map((x) => [x!.label, x!.usageId])).toEqual([[a, 1], [a, -202], [codes[2], -200], [codes[3], -250], [codes[4], -201], ['NOSUCHCODE', -299]]);
    expect(answers[0]).toMatchObject({ productId: paid.tickets[0].id.toUpperCase(), usageLabel: 'Welkom' });
    expect(answers[1]!.usageLabel).toMatch(/^Al gescand bij Hoofdingang om \d{2}:\d{2}$/);
    expect(answers[2]!.usageLabel).toBe('Niet betaald: een reservering, graag naar de kassa');
    expect(answers[3]!.usageLabel).toBe('Deze kaart is geannuleerd');
    expect(answers[4]!.usageLabel).toMatch(/^Kaart voor een andere voorstelling: Hamlet, /);
    expect(answers[5]!.usageLabel).toBe('Onbekende kaart');
    expect(answers[0]!.usageDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);

    // The door app, asked about the same ticket at the same door, answers the same.
    const atDoor = ok(await s.request('POST', '/api/checkin/scans', {
      token, headers: { 'accept-language': 'nl' }, body: { barcode: a, performanceIds: [c.performanceId], doorId: door.id },
    }), 'door scan').body;
    expect([atDoor.reason, atDoor.message]).toEqual(['already-scanned', answers[1]!.usageLabel]);
    const admissions = ok(await s.request('GET', `/api/checkin/performances/${c.performanceId}/counts`, { token }), 'counts').body;
    expect(admissions.admitted).toBe(1);

    client.language = 'fr';
    expect((await client.controlCodesForDeviceAndEventId([b], device.id, perf))[0]!.usageLabel).toBe('Bienvenue');
    client.language = 'de';
    expect((await client.controlCodesForDeviceAndEventId([b], device.id, perf))[0]!.usageLabel).toMatch(/^Already scanned at Hoofdingang/);
    client.language = 'fr';
    // Exit mode (DELETE): re-entry is off here, as at the door.
    const out = await client.controlCodesForDeviceAndEventId([b], device.id, perf, false, true);
    expect(client.last?.sent).toMatchObject({ method: 'DELETE' });
    expect(out[0]).toMatchObject({ usageId: -250, usageLabel: 'Pas de réadmission pour cette représentation' });
  });

  it('ten devices control the same code at once: one admission', async () => {
    const sold = await sell(['r2s1']);
    const code = sold.tickets[0].barcode;
    const devices = [device];
    for (let i = 2; i <= 10; i++) devices.push(ok(await s.request('POST', '/api/checkin/devices', { token, body: { name: `Scanner ${i}`, doorId: door.id } }), 'device').body);
    const answers = (await Promise.all(devices.map((d) => client.controlCodesForDeviceAndEventId([code], d.id, perf)))).flat();
    expect(answers.filter((x) => x!.usageId === 1)).toHaveLength(1);
    expect(answers.filter((x) => x!.usageId === -202)).toHaveLength(9);
  });

  it('without a device, for an unknown event, or with no codes: refused', async () => {
    expect((await failure(client.call(`accesscontrol/events/${perf}/control/`, { codes: ['X'] }, 'PATCH'))).code).toBe(400);
    expect((await failure(client.controlCodesForDeviceAndEventId(['X'], device.id, '00000000-0000-4000-8000-000000000000'))).code).toBe(404);
    client.language = 'en';
    expect((await failure(client.controlCodesForDeviceAndEventId([], device.id, perf))).message).toBe('Api error code : 400 : codes must be a list of 1 to 100 codes');
    client.language = 'fr';
  });
});
