import { describe, expect, it } from 'vitest';
import { assignPicks, chooseSet, creditsOf, validityBlocker, type SetFacts } from '../../src/packs/rules.js';
import { control, type ControlFacts } from '../../src/streams/rules.js';
import { normalisePath } from '../../src/catalogue/api.js';

const sets: SetFacts[] = [
  { id: 'a', itemnbMin: 1, itemnbMax: 2, stocks: [{ performanceId: 'p1', ranks: [1] }, { performanceId: 'p2', ranks: [] }] },
  { id: 'b', itemnbMin: 0, itemnbMax: 1, stocks: [{ performanceId: 'p2', ranks: [] }, { performanceId: 'p3', ranks: [] }] },
];

describe('pack rules', () => {
  it('counts a place against the first set with room, honouring ranks', () => {
    expect(chooseSet(sets, new Map(), 'p1', 1)).toEqual({ setId: 'a' });
    expect(chooseSet(sets, new Map(), 'p1', 2)).toEqual({ refusal: 'rank-not-in-pack' });
    expect(chooseSet(sets, new Map([['a', 2]]), 'p2', 1)).toEqual({ setId: 'b' });
    expect(chooseSet(sets, new Map([['a', 2], ['b', 1]]), 'p2', 1)).toEqual({ refusal: 'set-full' });
    expect(chooseSet(sets, new Map(), 'p9', 1)).toEqual({ refusal: 'not-in-pack' });
    expect(creditsOf(sets)).toBe(3);
  });

  it('checks the picks of a subscription against every set minimum and maximum', () => {
    expect(assignPicks(sets, ['p1', 'p3'])).toMatchObject({ ok: true });
    expect(assignPicks(sets, ['p3'])).toMatchObject({ ok: false });
    expect(assignPicks(sets, ['p1', 'p1'])).toMatchObject({ ok: false });
    expect(assignPicks(sets, ['p1', 'p2', 'p3', 'p2'])).toMatchObject({ ok: false });
  });

  it('validity: from, until, and performances after the end', () => {
    const pack = { valid_from: '2055-01-01T00:00:00.000Z', valid_until: '2055-06-30T22:00:00.000Z' };
    expect(validityBlocker(pack, '2054-12-31T23:00:00.000Z')).toMatch(/valid from/);
    expect(validityBlocker(pack, '2055-02-01T00:00:00.000Z', '2055-07-01T18:00:00.000Z')).toMatch(/after/);
    expect(validityBlocker(pack, '2055-02-01T00:00:00.000Z', '2055-03-01T18:00:00.000Z')).toBeUndefined();
  });
});

describe('stream control rules', () => {
  const base: ControlFacts = {
    status: 10, accessEndsAt: null, accessDurationHours: 48, freeaccessSeats: true, freeaccessPacks: true,
    viaCode: false, bought: false, seat: false, pack: false, firstAccessAt: null,
  };
  const now = '2055-01-10T12:00:00.000Z';
  it('answers the Utick codes', () => {
    expect(control({ ...base, bought: true, seat: true }, now)).toBe(10);
    expect(control({ ...base, seat: true, pack: true }, now)).toBe(20);
    expect(control({ ...base, pack: true }, now)).toBe(30);
    expect(control({ ...base, pack: true, freeaccessPacks: false }, now)).toBe(-1);
    expect(control({ ...base, viaCode: true, bought: true }, now)).toBe(1);
    expect(control({ ...base, viaCode: true }, now)).toBe(-1);
    expect(control(base, now)).toBe(-1);
  });
  it('denies when cancelled, after the access end, and after the duration since first access', () => {
    expect(control({ ...base, bought: true, status: 20 }, now)).toBe(-1);
    expect(control({ ...base, bought: true, accessEndsAt: '2055-01-10T11:59:59.000Z' }, now)).toBe(-1);
    expect(control({ ...base, bought: true, firstAccessAt: '2055-01-08T12:00:00.000Z' }, now)).toBe(10);
    expect(control({ ...base, bought: true, firstAccessAt: '2055-01-08T11:59:59.000Z' }, now)).toBe(-1);
    expect(control({ ...base, bought: true, accessDurationHours: null, firstAccessAt: '2020-01-01T00:00:00.000Z' }, now)).toBe(10);
  });
});

describe('catalogue paths', () => {
  it('accepts any number of slashes', () => {
    expect(normalisePath('/v1/catalogue/packs//')).toBe('/catalogue/packs');
    expect(normalisePath('/v1//catalogue///packs/details/AB//?x=1')).toBe('/catalogue/packs/details/AB');
    expect(normalisePath('/v1')).toBe('');
  });
});
