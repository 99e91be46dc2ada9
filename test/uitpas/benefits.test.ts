// At the counter, beside a pass: the holder's points, coupons and the rewards their points buy, read
// live from the UiTPAS sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { LIMITED_CLIENT } from '../../sandboxes/uitpas/index.js';
import { expectProblem, startUitpasKit, TEST_ORGANIZER_ID, type UitpasKit } from './kit.js';

describe.each(DIALECTS)('UiTPAS pass benefits on %s', (dialect) => {
  let k: UitpasKit;
  beforeAll(async () => { k = await startUitpasKit(dialect); });
  afterAll(async () => { await k?.close(); });

  const benefits = (pass: string, lang = 'nl') =>
    k.s.request('GET', `/api/uitpas/passes/${encodeURIComponent(pass)}/benefits`, { token: k.token, lang });

  it("answers the holder's points and the rewards they reach at this organizer, found by UiTPAS number or INSZ", async () => {
    const a = await benefits('0900000095902');
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body).toEqual({
      uitpasNumber: '0900000095902', points: 12, coupons: [], unavailable: [],
      rewards: [
        { title: '[TEST] Gratis koffie in de foyer', points: 1, description: expect.any(String) },
        { title: '[TEST] Programmaboekje', points: 5, description: expect.any(String) },
      ],
    });
    expect((await benefits('83030201540')).body).toEqual(a.body);
  });

  it("lists coupons in the organizer's regions only, with what is left of them", async () => {
    const group = await benefits('0900000191800');
    expect(group.body.coupons).toEqual([{ name: 'Groepsbon Gent 3 euro', description: expect.any(String), validUntil: expect.any(String), remaining: null }]);
    // Lotte's two coupons are of the Dender region, where this organizer is not.
    expect((await benefits('0900000093204')).body.coupons).toEqual([]);
  });

  it('says which lists UiTPAS would not give when the client lacks the permission, and still answers the points', async () => {
    const settings = (clientId: string, clientSecret: string) => k.s.request('PUT', '/api/uitpas/settings', {
      token: k.token, body: {
        clientId, clientSecret, accountUrl: k.sandbox.baseUrl, apiUrl: k.sandbox.baseUrl, organizerId: TEST_ORGANIZER_ID,
        channels: { boxoffice: true, online: true },
      },
    });
    expect((await settings(LIMITED_CLIENT.clientId, LIMITED_CLIENT.clientSecret)).status).toBe(200);
    try {
      const a = await benefits('0900000095902');
      expect(a.body).toMatchObject({ points: 12, coupons: null, rewards: null, unavailable: ['coupons', 'rewards'] });
    } finally {
      expect((await settings('foyer-demo', 'foyer-demo-secret')).status).toBe(200);
    }
  });

  it("refuses an unknown pass in UiTPAS's words and a number that is no pass identifier as a field error", async () => {
    const unknown = await benefits('0900000000000');
    expectProblem(unknown, 409, 'uitpas-refused');
    expect(unknown.body.detail).toMatch(/UiTPAS|pas/i);
    const typo = await benefits('12345', 'fr');
    expectProblem(typo, 400, 'validation-failed');
    expect(typo.body.errors[0]).toMatchObject({ field: 'uitpasNumber', message: expect.stringContaining('numéro UiTPAS') });
  });
});
