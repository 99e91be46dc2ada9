// publiq's test passes, each with the behaviour uitpas.md gives it, through GET /passes and GET /tariffs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_100_PER_WEEK, EVENT_OTHER_ORGANIZER } from './seed.js';
import { uitpasContract } from './contract.js';
import { startTestSandbox, type TestSandbox } from './test-support.js';

const PROBS = 'https://api.publiq.be/probs';
let sb: TestSandbox;
beforeAll(async () => { sb = await startTestSandbox(); });
afterAll(async () => { await sb.close(); });

const tariffs = (uitpasNumber: string, extra: Record<string, string | number> = {}) =>
  sb.call('GET /tariffs', { query: { eventId: EVENT_100_PER_WEEK, uitpasNumber, regularPrice: 12, ...extra } });

describe('the contract checker', () => {
  it('rejects an answer that breaks the official schema', () => {
    const c = uitpasContract();
    expect(c.check('GET', '/tariffs', 200, 'application/json', { available: [{ id: 'X', price: 'free', remaining: 1 }] })).not.toEqual([]);
    expect(c.check('GET', '/tariffs', 200, 'application/json', { available: [{ id: 'X', remainig: 1 }] }).join()).toMatch(/remaining|remainig/);
    expect(c.check('GET', '/tariffs', 418, 'application/json', {})).toEqual(['status 418 is not documented for GET /tariffs']);
    expect(c.check('GET', '/tariffs', 200, 'application/json', { available: [{ id: 'SOCIALTARIFF', price: 3, remaining: 1, type: 'SOCIALTARIFF' }] })).toEqual([]);
  });
});

describe('GET /passes', () => {
  it('shows a passholder with social tariff in Gent', async () => {
    const a = await sb.call('GET /passes', { query: { identifier: '0900000067513' } });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ uitpasNumber: '0900000067513', passType: 'INDIVIDUAL', socialTariff: { status: 'ACTIVE' }, cardSystem: { name: 'UiTPAS Gent' } });
    expect(a.body.messages).toBeUndefined();
  });

  it('warns about an expired social tariff in messages', async () => {
    const a = await sb.call('GET /passes', { query: { identifier: '0900000031618' } });
    expect(a.body.socialTariff.status).toBe('EXPIRED');
    expect(a.body.messages).toEqual([{ level: 'WARN', text: expect.stringContaining('verlopen') }]);
  });

  it('answers 400 invalid-card-status with the card status for a blocked card', async () => {
    const a = await sb.call('GET /passes', { query: { identifier: '0900000002312' } });
    expect(a.status).toBe(400);
    expect(a.contentType).toContain('application/problem+json');
    expect(a.body).toMatchObject({ type: `${PROBS}/uitpas/invalid-card-status`, cardStatus: 'BLOCKED', endUserMessage: { nl: expect.stringContaining('geblokkeerd') } });
    expect(a.body.passholderId).toEqual(expect.any(String));
  });

  it('answers invalid-card-status LOCAL_STOCK for the unregistered cards', async () => {
    for (const n of ['0900000074519', '0900000020405']) {
      const a = await sb.call('GET /passes', { query: { identifier: n } });
      expect(a.body).toMatchObject({ status: 400, cardStatus: 'LOCAL_STOCK' });
    }
  });

  it('answers 404 pass-not-found for an unknown number and knows the group passes', async () => {
    expect((await sb.call('GET /passes', { query: { identifier: '0900000000000' } })).body.type).toBe(`${PROBS}/uitpas/pass-not-found`);
    for (const n of ['0900000045410', '0900000191800']) {
      expect((await sb.call('GET /passes', { query: { identifier: n } })).body.passType).toBe('GROUP');
    }
  });

  it('requires the identifier', async () => {
    const a = await sb.call('GET /passes');
    expect(a.body).toMatchObject({ status: 400, type: `${PROBS}/url/query-parameter-missing` });
  });
});

describe('GET /tariffs for each test pass', () => {
  it('0900000067513 gets the social tariff: 25% of 12 euro, once', async () => {
    const a = await tariffs('0900000067513');
    expect(a.body).toEqual({ available: [{ id: 'SOCIALTARIFF', name: 'Kansentarief', price: 3, type: 'SOCIALTARIFF', remaining: 1 }] });
  });

  it('0900010959113 (Gentbrugge) gets the social tariff too', async () => {
    expect((await tariffs('0900010959113')).body.available.map((t: { id: string }) => t.id)).toEqual(['SOCIALTARIFF']);
  });

  it('0900000031618: expired, no social tariff, an end-user message, and its Gent coupon', async () => {
    const a = await tariffs('0900000031618');
    expect(a.body.available.map((t: { type: string }) => t.type)).toEqual(['COUPON']);
    expect(a.body.endUserMessage.nl).toMatch(/kansentarief is verlopen/);
    const onlySocial = await tariffs('0900000031618', { type: 'SOCIALTARIFF' });
    expect(onlySocial.body.available).toEqual([]);
    expect(onlySocial.body.endUserMessage.nl).toMatch(/verlopen/);
  });

  it('0900000058918 (Brussels, expired) gets nothing but the message', async () => {
    const a = await tariffs('0900000058918');
    expect(a.body.available).toEqual([]);
    expect(a.body.endUserMessage.nl).toMatch(/verlopen/);
  });

  it('0900000095902 and 1000000520006 have no social tariff and no message', async () => {
    for (const n of ['0900000095902', '1000000520006']) expect((await tariffs(n)).body).toEqual({ available: [] });
  });

  it('0900000093204: social tariff and coupons of another region give nothing, with a message', async () => {
    const a = await tariffs('0900000093204');
    expect(a.body.available).toEqual([]);
    expect(a.body.endUserMessage.nl).toMatch(/andere UiTPAS-regio/);
  });

  it('0900000002312: blocked card is refused with invalid-card-status', async () => {
    const a = await tariffs('0900000002312');
    expect(a.body).toMatchObject({ status: 400, type: `${PROBS}/uitpas/invalid-card-status` });
  });

  it('unregistered, unknown and malformed numbers are refused', async () => {
    expect((await tariffs('0900000074519')).body.type).toBe(`${PROBS}/uitpas/invalid-card-status`);
    expect((await tariffs('0900000000000')).body.type).toBe(`${PROBS}/uitpas/passholder-not-found`);
    expect((await tariffs('09000000')).body.type).toBe(`${PROBS}/uitpas/invalid-uitpasnumber`);
  });

  it('group pass 0900000045410 gets the social tariff with more than one remaining', async () => {
    const a = await tariffs('0900000045410');
    expect(a.body.available).toEqual([{ id: 'SOCIALTARIFF', name: 'Kansentarief', price: 3, type: 'SOCIALTARIFF', remaining: 20 }]);
  });

  it('group pass 0900000191800 gets its coupon, 50 at a time', async () => {
    const a = await tariffs('0900000191800');
    expect(a.body.available).toEqual([{ id: 'COUPON_1918', name: 'Groepsbon Gent 3 euro', price: 9, type: 'COUPON', remaining: 50 }]);
  });

  it('an unknown event is event-not-found; the other organizer\'s event is forbidden', async () => {
    const unknown = await sb.call('GET /tariffs', { query: { eventId: '00000000-0000-0000-0000-000000000000', uitpasNumber: '0900000067513', regularPrice: 10 } });
    expect(unknown.body.type).toBe(`${PROBS}/uitpas/event-not-found`);
    const other = await sb.call('GET /tariffs', { query: { eventId: EVENT_OTHER_ORGANIZER, uitpasNumber: '0900000067513', regularPrice: 10 } });
    expect(other.body).toMatchObject({ status: 403, type: `${PROBS}/auth/forbidden` });
  });

  it('validates the query: regularPrice is a number and required', async () => {
    const missing = await sb.call('GET /tariffs', { query: { eventId: EVENT_100_PER_WEEK, uitpasNumber: '0900000067513' } });
    expect(missing.body).toMatchObject({ status: 400, type: `${PROBS}/url/query-parameter-missing` });
    const wrong = await tariffs('0900000067513', { regularPrice: 'twelve' });
    expect(wrong.body).toMatchObject({ status: 400, type: `${PROBS}/url/query-parameter-invalid` });
  });

  it('GET /tariffs/static shows the typical social tariff before a pass is known', async () => {
    const a = await sb.call('GET /tariffs/static', { query: { eventId: EVENT_100_PER_WEEK, regularPrice: 42.5 } });
    expect(a.body).toEqual({ available: [{ id: 'SOCIALTARIFF', name: 'Kansentarief', price: 10.5, type: 'SOCIALTARIFF', remaining: 1 }] });
  });
});
