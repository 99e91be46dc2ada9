// UiTPAS in the web shop, against the UiTPAS sandbox: the box office's pass flow on an online basket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { startUitpasKit, type UitpasKit } from '../uitpas/kit.js';
import { buyer, expectProblem, ok } from './kit.js';

describe.each(DIALECTS)('UiTPAS in the web shop on %s', (dialect) => {
  let k: UitpasKit;
  let slug: string;
  beforeAll(async () => {
    k = await startUitpasKit(dialect);
    slug = ok(await k.s.request('PUT', '/api/shop-settings', { token: k.token, body: { enabled: true } })).slug;
  });
  afterAll(async () => { await k?.close(); });

  it('several passes in one basket, each once; UiTPAS’s own words when it refuses one', async () => {
    const info = ok(await k.s.request('GET', `/api/shops/${slug}`));
    expect(info.uitpas).toBe(true);
    const u = buyer(k.s, slug);
    await u.open();
    ok(await u.add({ performanceId: k.perfWeekly, seatIds: ['r1s1', 'r1s2', 'r1s3'] }));

    const first = ok(await u.call('POST', '/basket/uitpas', { uitpasNumber: '0900 0000 67513' }));
    expect(first.pass).toEqual({ uitpasNumber: '0900000067513', passType: 'INDIVIDUAL', messages: expect.any(Array) });
    expect(JSON.stringify(first)).not.toContain('Jan'); // the holder's name is not shown to whoever typed the number
    expect(first.appliedLineIds).toHaveLength(1);
    const line = first.basket.lines.find((l: { id: string }) => l.id === first.appliedLineIds[0]);
    expect(line).toMatchObject({ ticketTypeName: 'UiTPAS', price: 750, choices: [], uitpas: { uitpasNumber: '0900000067513', tariffId: 'SOCIALTARIFF' } });

    expectProblem(await u.call('POST', '/basket/uitpas', { uitpasNumber: '0900000067513' }), 409, 'uitpas-pass-used');

    const blocked = await u.call('POST', '/basket/uitpas', { uitpasNumber: '0900000002312' }, 'nl');
    expectProblem(blocked, 409, 'uitpas-refused');
    expect(blocked.body.detail).toContain('geblokkeerd');

    const group = ok(await u.call('POST', '/basket/uitpas', { uitpasNumber: '0900000045410' }));
    expect(group.appliedLineIds).toHaveLength(2);
    expect(group.basket.lines.map((l: { uitpas: { uitpasNumber: string } | null }) => l.uitpas?.uitpasNumber).sort())
      .toEqual(['0900000045410', '0900000045410', '0900000067513']);

    const removed = ok(await u.call('DELETE', '/basket/uitpas/0900000045410'));
    expect(removed.lines.filter((l: { price: number }) => l.price === 3000)).toHaveLength(2);
  });

  it('takes the chip number a card reader types, or an INSZ, and answers the UiTPAS number without the holder’s name', async () => {
    const u = buyer(k.s, slug);
    await u.open();
    ok(await u.add({ performanceId: k.perfWeekly, seatIds: ['r2s1', 'r2s2'] }));
    const chip = ok(await u.call('POST', '/basket/uitpas', { uitpasNumber: '04363CDAEE3880' }));
    expect(chip.pass).toEqual({ uitpasNumber: '0900000067513', passType: 'INDIVIDUAL', messages: [] });
    expect(JSON.stringify(chip)).not.toContain('Jan'); // the holder's first name
    const insz = ok(await u.call('POST', '/basket/uitpas', { uitpasNumber: '08 09 18 606 84' }));
    expect(insz.pass.uitpasNumber).toBe('0900010959113');
    expect(insz.basket.lines.map((l: { uitpas: { uitpasNumber: string } | null }) => l.uitpas?.uitpasNumber).sort()).toEqual(['0900000067513', '0900010959113']);
    const wrong = await u.call('POST', '/basket/uitpas', { uitpasNumber: '08091860685' }, 'en');
    expectProblem(wrong, 400, 'validation-failed');
    expect(JSON.stringify(wrong.body)).toContain('national register number');
  });
});
