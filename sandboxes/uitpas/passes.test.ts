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

describe('GET /passes by any identifier publiq documents', () => {
  it('finds 0900000067513 by its UiTPAS number, its chip number (any case) and its INSZ, printed or as a barcode', async () => {
    for (const identifier of ['0900000067513', '04363CDAEE3880', '04363cdaee3880', '36051380284', '36.05.13-802.84', '3605138028412345']) {
      const a = await sb.call('GET /passes', { query: { identifier } });
      expect(a.status, identifier).toBe(200);
      expect(a.body.uitpasNumber).toBe('0900000067513');
    }
  });

  it('an online pass has no chip: its INSZ finds it; both rows publiq lists under 0900004518305 are found by their INSZ', async () => {
    const parent = await sb.call('GET /passes', { query: { identifier: '80010170282' } });
    const child = await sb.call('GET /passes', { query: { identifier: '20010170215' } });
    expect([parent.body.uitpasNumber, child.body.uitpasNumber]).toEqual(['0900004518305', '0900004518305']);
    expect(parent.body.passholderId).not.toBe(child.body.passholderId);
    expect((await sb.call('GET /passes', { query: { identifier: '15021760024' } })).body).toMatchObject({ uitpasNumber: '0900011903417', socialTariff: { status: 'ACTIVE' } });
  });

  it('an unknown chip number or INSZ is pass-not-found', async () => {
    for (const identifier of ['04FFFFFFFFFFFF', '85073003328']) {
      expect((await sb.call('GET /passes', { query: { identifier } })).body).toMatchObject({ status: 404, type: `${PROBS}/uitpas/pass-not-found` });
    }
  });
});

describe('the seed is publiq\'s test-dataset page', () => {
  // uitpasNumber, chip, INSZ, social tariff, postal code, coupons, card status (publiq's table)
  const PAGE: [string, string | null, string | null, string, string | null, number, string][] = [
    ['0900000095902', '04784CDAEE3880', '83030201540', 'none', '9000', 0, 'ACTIVE'],
    ['0900000067513', '04363CDAEE3880', '36051380284', 'active', '9090', 0, 'ACTIVE'],
    ['0900000031618', '04CEE7528E6180', '66010101785', 'expired', '9000', 0, 'ACTIVE'],
    ['0900010959113', '04ED6ACACF6180', '08091860684', 'active', '9090', 0, 'ACTIVE'],
    ['0900000002312', '04B00412F15284', '71030360442', 'active', '9000', 0, 'BLOCKED'],
    ['0900000058918', '045157B2B63780', '17010180147', 'expired', '1000', 0, 'ACTIVE'],
    ['1000000520006', '045A4832633680', '80010101392', 'none', '9000', 0, 'ACTIVE'],
    ['0900000093204', '045D69DAEE3880', '10010105762', 'active', '9000', 2, 'ACTIVE'],
    ['0900004518305', null, '80010170282', 'none', '9000', 0, 'ACTIVE'],
    ['0900004518305', null, '20010170215', 'none', '9000', 0, 'ACTIVE'],
    ['0900011902815', null, '91063061055', 'active', '9000', 0, 'ACTIVE'],
    ['0900011903417', null, '15021760024', 'active', '9000', 0, 'ACTIVE'],
    ['0900000074519', '044AC54A8E6180', null, 'active', null, 0, 'LOCAL_STOCK'],
    ['0900000020405', '047E2EEA053B80', null, 'none', null, 0, 'LOCAL_STOCK'],
    ['0900000045410', '04D0AB6AF85C80', null, 'active', '9000', 0, 'ACTIVE'],
    ['0900000191800', '048B25DAEE3880', null, 'none', '9000', 1, 'ACTIVE'],
  ];

  it('has exactly its passes, chip numbers, INSZ, postal codes, social tariffs, coupons and card statuses', async () => {
    const seed = (await sb.http('GET', '/_sandbox/seed')).body.passes;
    expect(seed.map((p: Record<string, unknown>) => [p.uitpasNumber, p.chipNumber, p.insz, p.socialTariff, p.postalCode, (p.coupons as string[]).length, p.cardStatus]))
      .toEqual(PAGE);
    const limits = seed.filter((p: { groupLimit: unknown }) => p.groupLimit).map((p: { uitpasNumber: string; groupLimit: unknown }) => [p.uitpasNumber, p.groupLimit]);
    expect(limits).toEqual([['0900000191800', { volume: 50, periodType: 'DAY' }]]);
  });
});

describe('social tariff states publiq documents: grace period and suspension', () => {
  const state = (uitpasNumber: string, socialTariff: string) => sb.http('POST', `/_sandbox/passes/${uitpasNumber}`, { socialTariff });
  afterAll(async () => { await sb.http('POST', '/_sandbox/reset'); });

  it('in its grace period a pass is ACTIVE with an endDate in the past and a warning, and still gets the social tariff', async () => {
    expect((await state('0900010959113', 'grace')).status).toBe(200);
    const p = await sb.call('GET /passes', { query: { identifier: '0900010959113' } });
    expect(p.body.socialTariff.status).toBe('ACTIVE');
    expect(Date.parse(p.body.socialTariff.endDate)).toBeLessThan(sb.clock.now().getTime());
    expect(p.body.messages).toEqual([{ level: 'WARN', text: expect.stringContaining('verlopen') }]);
    expect((await tariffs('0900010959113')).body.available.map((t: { id: string }) => t.id)).toEqual(['SOCIALTARIFF']);
  });

  it('a suspended social tariff: NONE with a warning on the pass, 400 social-tariff-suspended on the tariffs', async () => {
    await state('0900011902815', 'suspended');
    const p = await sb.call('GET /passes', { query: { identifier: '0900011902815' } });
    expect(p.body.socialTariff).toEqual({ status: 'NONE' });
    expect(p.body.messages[0].text).toMatch(/opgeschort/);
    const t = await tariffs('0900011902815');
    expect(t.body).toMatchObject({ status: 400, type: `${PROBS}/uitpas/social-tariff-suspended`, endUserMessage: { nl: expect.stringMatching(/opgeschort/) } });
    await sb.http('POST', '/_sandbox/reset');
    expect((await tariffs('0900011902815')).body.available).toHaveLength(1);
  });
});

describe('GET /tariffs for each test pass', () => {
  it('0900000067513 gets the social tariff: 25% of 12 euro, once', async () => {
    const a = await tariffs('0900000067513');
    expect(a.body).toEqual({ available: [{ id: 'SOCIALTARIFF', name: 'Kansentarief', price: 3, type: 'SOCIALTARIFF', remaining: 1 }] });
  });

  it('sends regularPriceLabel along: the tariff is the same, the label is accepted', async () => {
    const a = await tariffs('0900000067513', { regularPriceLabel: 'Normaal - rang 1' });
    expect(a.body.available).toEqual([{ id: 'SOCIALTARIFF', name: 'Kansentarief', price: 3, type: 'SOCIALTARIFF', remaining: 1 }]);
  });

  it('0900010959113 (Gentbrugge) gets the social tariff too', async () => {
    expect((await tariffs('0900010959113')).body.available.map((t: { id: string }) => t.id)).toEqual(['SOCIALTARIFF']);
  });

  it('0900000031618 (expired, no coupon): 400 social-tariff-expired with the end-user message', async () => {
    for (const type of ['ANY', 'SOCIALTARIFF']) {
      const a = await tariffs('0900000031618', { type });
      expect(a.body).toMatchObject({ status: 400, type: `${PROBS}/uitpas/social-tariff-expired` });
      expect(a.body.endUserMessage).toMatchObject({ nl: expect.stringMatching(/kansentarief is verlopen/), fr: expect.any(String), en: expect.any(String) });
    }
    expect((await tariffs('0900000031618', { type: 'COUPON' })).body).toEqual({ available: [] });
  });

  it('0900000058918 (Brussels, expired) is refused the same way', async () => {
    const a = await tariffs('0900000058918');
    expect(a.body).toMatchObject({ status: 400, type: `${PROBS}/uitpas/social-tariff-expired` });
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

  it('group pass 0900000045410 (no limit of its own) gets the social tariff up to the event\'s limit', async () => {
    const a = await tariffs('0900000045410');
    expect(a.body.available).toEqual([{ id: 'SOCIALTARIFF', name: 'Kansentarief', price: 3, type: 'SOCIALTARIFF', remaining: 100 }]);
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
