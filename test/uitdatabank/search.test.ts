// Finding a performance's UiTdatabank event over HTTP against the UiTdatabank sandbox: by title, day
// and postal code, with UiTPAS's preconditions checked and warned about.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { orgWithUser, startServer, userIn, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../foundation/expect-problem.js';
import { gridSeatMap } from '../helpers/catalogue.js';
import { checkAnswer, checkRequest } from '../../sandboxes/uitdatabank/contract.js';
import {
  NO_SEARCH_CLIENT, NON_UITPAS_ORGANIZER, SEARCH_CLIENT, UITPAS_TEST_ORGANIZER, startUitdatabankSandbox, type RunningUitdatabankSandbox,
} from '../../sandboxes/uitdatabank/index.js';

const EVENT = '6f0c8d5e-1b7a-4c1e-9a55-3f4c2b1d0e01';
const LOOKALIKE = '6f0c8d5e-1b7a-4c1e-9a55-3f4c2b1d0e02';
const OTHER_DAY = '6f0c8d5e-1b7a-4c1e-9a55-3f4c2b1d0e03';
const OTHER_UITPAS_ORGANIZER = '6f0c8d5e-1b7a-4c1e-9a55-3f4c2b1d0e09';

describe.each(DIALECTS)('UiTdatabank event search on %s', (dialect) => {
  let s: TestServer;
  let sb: RunningUitdatabankSandbox;
  let token: string;
  let orgId: string;
  let performanceId: string;
  const req = (method: string, path: string, body?: unknown, lang = 'nl', t = token) => s.request(method, path, { token: t, body, lang });

  beforeAll(async () => {
    sb = await startUitdatabankSandbox();
    s = await startServer(dialect);
    ({ token, orgId } = await orgWithUser(s));
    const venue = await req('POST', '/api/venues', { name: 'Minard', address: 'Walpoortstraat 15', postalCode: '9000', city: 'Gent', country: 'BE', timeZone: 'Europe/Brussels' });
    const hall = await req('POST', `/api/venues/${venue.body.id}/halls`, { name: 'Zaal', seatMap: gridSeatMap(1, 2) });
    const tt = await req('POST', '/api/ticket-types', { names: { nl: 'Normaal', fr: 'Normal', en: 'Normal' }, dipCategory: 'normal', channels: ['boxoffice'] });
    const production = await req('POST', '/api/productions', { title: 'Wachten op Godot (reprise)', producer: 'NTGent', genre: 'toneel' });
    const perf = await req('POST', '/api/performances', { productionId: production.body.id, hallId: hall.body.id, startsAt: '2055-03-05T20:00', standardTicketTypeId: tt.body.id });
    expect(perf.status, JSON.stringify(perf.body)).toBe(201);
    performanceId = perf.body.id;
    // The events UiTdatabank holds: the right one, a look-alike entered by an organizer outside UiTPAS, the same title a day later.
    const add = (body: Record<string, unknown>) => fetch(`${sb.baseUrl}/_sandbox/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    sb.app.uitdatabank.store.organizers.push({ id: OTHER_UITPAS_ORGANIZER, name: { nl: 'Een andere UiTPAS-organisator' }, labels: ['UiTPAS Gent'], hiddenLabels: [] });
    const base = { name: { nl: 'Wachten op Godot' }, startDate: '2055-03-05T19:00:00.000Z', endDate: '2055-03-05T21:00:00.000Z' };
    await add({ ...base, id: EVENT, organizerId: UITPAS_TEST_ORGANIZER, labels: ['UiTPAS Gent'] });
    await add({ ...base, id: LOOKALIKE, organizerId: NON_UITPAS_ORGANIZER, labels: [], startDate: '2055-03-05T19:30:00.000Z' });
    await add({ ...base, id: OTHER_DAY, organizerId: UITPAS_TEST_ORGANIZER, labels: ['UiTPAS Gent'], startDate: '2055-03-06T19:00:00.000Z', endDate: '2055-03-06T21:00:00.000Z' });
  });
  afterAll(async () => { await s?.close(); await sb?.close(); });

  it('asks for settings first, then searches by title, day and postal code and says what UiTPAS needs of each event', async () => {
    expectProblem(await req('GET', `/api/uitdatabank/events?performance=${performanceId}`, undefined, 'en'), 409, 'uitdatabank-not-configured');
    expectProblem(await req('PUT', '/api/uitdatabank/settings', { searchUrl: 'ftp://x', clientId: 'a' }), 400, 'validation-failed', 'nl');
    const saved = await req('PUT', '/api/uitdatabank/settings', { searchUrl: `${sb.baseUrl}/`, clientId: SEARCH_CLIENT.clientId });
    expect(saved.body).toMatchObject({ configured: true, searchUrl: sb.baseUrl, clientId: SEARCH_CLIENT.clientId });
    await req('PUT', '/api/uitpas/settings', {
      clientId: 'x', clientSecret: 'y', accountUrl: 'http://127.0.0.1:9', apiUrl: 'http://127.0.0.1:9', organizerId: UITPAS_TEST_ORGANIZER, channels: { boxoffice: true, online: true },
    });
    sb.app.uitdatabank.log.length = 0;

    const r = await req('GET', `/api/uitdatabank/events?performance=${performanceId}`, undefined, 'en');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.query).toEqual({
      text: 'Wachten op Godot reprise', dateFrom: '2055-03-05T00:00:00+01:00', dateTo: '2055-03-05T23:59:59+01:00', postalCode: '9000', embed: 'true', limit: '20',
    });
    const byId = Object.fromEntries(r.body.candidates.map((c: { eventId: string }) => [c.eventId, c]));
    expect(Object.keys(byId).sort()).toEqual([EVENT, LOOKALIKE].sort());
    expect(byId[EVENT]).toMatchObject({
      title: 'Wachten op Godot', startDate: '2055-03-05T20:00:00+01:00', location: { postalCode: '9000', city: 'Gent' },
      organizer: { id: UITPAS_TEST_ORGANIZER }, uitpasLabels: ['UiTPAS Gent'], ok: true, warnings: [], linked: false,
    });
    expect(byId[LOOKALIKE].ok).toBe(false);
    expect(byId[LOOKALIKE].warnings.map((w: { code: string }) => w.code)).toEqual(['no-uitpas-label', 'organizer-not-uitpas', 'other-time']);
    expect(byId[LOOKALIKE].warnings[0].message).toContain('no UiTPAS label');

    // What Foyer sent fits the contract, and the sandbox's answers do too.
    expect(sb.app.uitdatabank.log.flatMap((l) => checkRequest('GET /events', l.url))).toEqual([]);
    expect(sb.app.uitdatabank.log.map((l) => l.clientId)).toEqual([SEARCH_CLIENT.clientId]);
  });

  it('checks the linked event (and any by id): UiTPAS label, UiTPAS organizer, the organizer of the UiTPAS settings', async () => {
    expect((await req('PATCH', `/api/performances/${performanceId}`, { uitpasEnabled: true, uitdatabankEventId: EVENT })).status).toBe(200);
    const linked = await req('GET', `/api/uitdatabank/check?performance=${performanceId}`);
    expect(linked.body, JSON.stringify(linked.body)).toMatchObject({ eventId: EVENT, linked: true, ok: true });
    const found = await req('GET', `/api/uitdatabank/events?performance=${performanceId}&text=Godot`);
    expect(found.body.candidates.find((c: { eventId: string }) => c.eventId === EVENT).linked).toBe(true);

    sb.app.uitdatabank.store.events.find((e) => e.id === OTHER_DAY)!.organizerId = OTHER_UITPAS_ORGANIZER;
    const other = await req('GET', `/api/uitdatabank/check?performance=${performanceId}&eventId=${OTHER_DAY}`, undefined, 'fr');
    expect(other.body.warnings.map((w: { code: string }) => w.code)).toEqual(['other-uitpas-organizer', 'other-time']);
    expect(other.body.warnings[0].message).toContain('autre organisateur');
    expectProblem(await req('GET', `/api/uitdatabank/check?performance=${performanceId}&eventId=00000000-0000-4000-8000-000000000000`, undefined, 'en'), 404, 'uitdatabank-event-not-found');
    expectProblem(await req('GET', `/api/uitdatabank/check?performance=${performanceId}&eventId=not-a-uuid`), 400, 'validation-failed', 'nl');
  });

  it("UiTdatabank's refusals and absence are the user's problems, not 500s; only administrators search", async () => {
    await req('PUT', '/api/uitdatabank/settings', { searchUrl: sb.baseUrl, clientId: NO_SEARCH_CLIENT.clientId });
    const refused = await req('GET', `/api/uitdatabank/events?performance=${performanceId}`, undefined, 'en');
    expectProblem(refused, 502, 'uitdatabank-refused');
    expect(refused.body.detail).toContain('not allowed to access this API');
    await req('PUT', '/api/uitdatabank/settings', { searchUrl: 'http://127.0.0.1:9', clientId: SEARCH_CLIENT.clientId });
    expectProblem(await req('GET', `/api/uitdatabank/events?performance=${performanceId}`), 503, 'uitdatabank-unavailable', 'nl');
    const boxoffice = await userIn(s, orgId, 'boxoffice');
    expectProblem(await req('GET', `/api/uitdatabank/events?performance=${performanceId}`, undefined, 'nl', boxoffice), 403, 'forbidden', 'nl');
    const audit = await req('GET', '/api/audit?subjectId=uitdatabank');
    expect(audit.body.items.length).toBeGreaterThanOrEqual(3);
  });

  it("the sandbox's answers to Foyer's query fit the contract", async () => {
    const res = await fetch(`${sb.baseUrl}/events?text=Godot&embed=true&postalCode=9000`, { headers: { 'x-client-id': SEARCH_CLIENT.clientId } });
    expect(checkAnswer('GET /events', res.status, res.headers.get('content-type') ?? '', await res.json())).toEqual([]);
  });
});
