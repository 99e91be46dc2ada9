// GET /passholders/{id}/coupons and GET /rewards?isRedeemableByPassholderId=: what a passholder can use.
import { beforeEach, describe, expect, it } from 'vitest';
import { LIMITED_CLIENT } from './seed.js';
import { sandboxPerFile, type TestSandbox } from './test-support.js';

const PROBS = 'https://api.publiq.be/probs';
const sandbox = sandboxPerFile();
let sb: TestSandbox;
beforeEach(() => { sb = sandbox(); });

/** The passholder id behind a UiTPAS number, as GET /passes answers it. */
const holder = async (uitpasNumber: string): Promise<string> =>
  (await sb.call('GET /passes', { query: { identifier: uitpasNumber } })).body.passholderId;

const coupons = (passholderId: string, query: Record<string, string> = {}, token?: string) =>
  sb.call('GET /passholders/{passholderId}/coupons', { params: { passholderId }, query, token });

describe('GET /passholders/{passholderId}/coupons', () => {
  it("lists a passholder's coupons with their validity and what is left this period", async () => {
    const a = await coupons(await holder('0900000093204'));
    expect(a.status).toBe(200);
    expect(a.body).toEqual([
      expect.objectContaining({ coupon: expect.objectContaining({ id: 'COUPON_9321', name: 'Dender Cultuurbon' }), status: 'ACTIVE', remaining: { volume: 1, period: 'YEAR' }, validityPeriod: { begin: '2026-01-01T00:00:00+00:00', end: '2026-12-31T23:59:59+00:00' } }),
      expect.objectContaining({ coupon: expect.objectContaining({ id: 'COUPON_9322' }), remaining: { volume: 2, period: 'YEAR' } }),
    ]);
    expect((await coupons(await holder('0900000093204'), { status: 'EXPIRED' })).body).toEqual([]);
    // a coupon with no limit of its own has no remaining
    expect((await coupons(await holder('0900000191800'))).body).toEqual([expect.not.objectContaining({ remaining: expect.anything() })]);
    // a passholder without coupons
    expect((await coupons(await holder('0900000095902'))).body).toEqual([]);
  });

  it("filters by the organizer's card systems, answers 404 for an unknown passholder and 403 without the permission", async () => {
    expect((await coupons(await holder('0900000093204'), { organizerId: '0ce87cbc-9299-4528-8d35-92225dc9489f' })).body).toEqual([]);
    const unknown = await coupons('nobody');
    expect(unknown.status).toBe(404);
    expect(unknown.body.type).toBe(`${PROBS}/uitpas/passholder-not-found`);
    const limited = await coupons(await holder('0900000093204'), {}, await sb.token(LIMITED_CLIENT));
    expect(limited.status).toBe(403);
    expect(limited.body.type).toBe(`${PROBS}/auth/forbidden`);
  });
});

describe('GET /rewards', () => {
  it('lists the rewards a passholder has enough points for, in their region', async () => {
    const rewards = (id: string) => sb.call('GET /rewards', { query: { isRedeemableByPassholderId: id } });
    const tine = await rewards(await holder('0900000095902')); // 12 points, Gent
    expect(tine.body).toMatchObject({ totalItems: 2, member: [{ id: 'REWARD_T1', points: 1 }, { id: 'REWARD_T2', points: 5 }] });
    const lotte = await rewards(await holder('0900000093204')); // 0 points, Dender
    expect(lotte.body).toEqual({ totalItems: 0, member: [] });
    expect((await sb.call('GET /rewards', {})).body.totalItems).toBe(3);
    expect((await rewards('nobody')).status).toBe(404);
  });
});
