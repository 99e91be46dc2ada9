// Two organisations sell the same UiTdatabank event, each with its own UiTPAS credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue } from '../helpers/catalogue.js';
import { orgWithUser } from '../helpers/server.js';
import { defaultClients } from '../../sandboxes/uitpas/seed.js';
import { addPass, basketWith, checkout, EVENT_100_PER_WEEK, startUitpasKit, TEST_ORGANIZER_ID, type UitpasKit } from './kit.js';

const SECOND = { clientId: 'foyer-tweede-zaal', clientSecret: 'tweede-zaal-secret' };

describe.each(DIALECTS)('a UiTPAS event sold by two organisations on %s', (dialect) => {
  let k: UitpasKit;
  beforeAll(async () => {
    k = await startUitpasKit(dialect, {
      clients: [...defaultClients(), {
        ...SECOND, name: 'Tweede zaal',
        organizers: [{ organizerId: TEST_ORGANIZER_ID, permissions: ['TARIFFS_READ', 'TICKETSALES_REGISTER', 'TICKETSALES_SEARCH', 'PASSES_READ'] }],
      }],
    });
  });
  afterAll(async () => { await k?.close(); });

  it('each registers with its own client; each sees its own tickets matched and the other’s sale as not its own', async () => {
    const other = await orgWithUser(k.s, 'admin', 'Tweede Zaal');
    const c2 = await buildCatalogue(k.s, other.token);
    const req = (method: string, path: string, body?: unknown) => k.s.request(method, path, { token: other.token, body });
    expect((await req('POST', '/api/ticket-types', { names: { nl: 'UiTPAS', fr: 'UiTPAS', en: 'UiTPAS' }, dipCategory: 'discount', channels: ['boxoffice'], uitpas: true })).status).toBe(201);
    expect((await req('PATCH', `/api/performances/${c2.performanceId}`, { uitpasEnabled: true, uitdatabankEventId: EVENT_100_PER_WEEK })).status).toBe(200);
    expect((await req('PUT', '/api/uitpas/settings', {
      ...SECOND, accountUrl: k.sandbox.baseUrl, apiUrl: k.sandbox.baseUrl, organizerId: TEST_ORGANIZER_ID, channels: { boxoffice: true, online: false },
    })).status).toBe(200);

    const mine = await basketWith(k, k.perfWeekly, ['r1s1']);
    await addPass(k, mine.id, { uitpasNumber: '0900000067513' });
    expect((await checkout(k, mine.id)).status).toBe(201);

    const theirs = (await req('POST', '/api/baskets', { channel: 'boxoffice' })).body;
    await req('POST', `/api/baskets/${theirs.id}/lines`, { performanceId: c2.performanceId, seatIds: ['r1s1'] });
    const applied = await req('POST', `/api/baskets/${theirs.id}/uitpas`, { uitpasNumber: '0900010959113' });
    expect(applied.body.appliedLineIds).toHaveLength(1);
    expect((await req('POST', `/api/baskets/${theirs.id}/checkout`, { payment: { method: 'pin' } })).status).toBe(201);

    const posts = k.sandbox.app.uitpas.faults.log.filter((r) => r.method === 'POST' && r.url === '/ticket-sales' && r.status === 200);
    expect(posts.map((p) => p.clientId)).toEqual(['foyer-demo', SECOND.clientId]);

    const report = await k.s.request('GET', `/api/uitpas/reconciliation?performance=${k.perfWeekly}`, { token: k.token });
    expect(report.body).toMatchObject({ foyerTickets: 1, uitpasSales: 2, matched: 1, missingAtUitpas: [] });
    expect(report.body.unknownToFoyer.map((u: { uitpasNumber: string }) => u.uitpasNumber)).toEqual(['0900010959113']);
    const theirReport = await req('GET', `/api/uitpas/reconciliation?performance=${c2.performanceId}`);
    expect(theirReport.body).toMatchObject({ foyerTickets: 1, matched: 1 });
    expect(theirReport.body.unknownToFoyer.map((u: { uitpasNumber: string }) => u.uitpasNumber)).toEqual(['0900000067513']);
  });
});
