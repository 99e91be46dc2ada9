import { describe, expect, it } from 'vitest';
import { barcodeHash, normaliseBarcode, normaliseDeviceCode, place, refusal, serverTime, type HistoryEvent, type TicketAtDoor } from '../../src/checkin/rules.js';

const valid: TicketAtDoor = { status: 'valid', orderStatus: 'paid', performanceId: 'p1', price: 2500, inside: null };
const ev = (id: string, direction: 'in' | 'out', minute: number): HistoryEvent => ({ id, direction, at: `2055-01-15T19:${String(minute).padStart(2, '0')}:00.000Z` });
const t = (minute: number) => `2055-01-15T19:${String(minute).padStart(2, '0')}:00.000Z`;

describe('what a scan answers', () => {
  it('refuses for the reason a steward can act on, cancelled first', () => {
    expect(refusal(undefined, ['p1'], 'in', false)).toBe('unknown');
    expect(refusal({ ...valid, status: 'cancelled', performanceId: 'p2' }, ['p1'], 'in', false)).toBe('cancelled');
    expect(refusal({ ...valid, orderStatus: 'cancelled' }, ['p1'], 'in', false)).toBe('cancelled');
    expect(refusal({ ...valid, performanceId: 'p2', orderStatus: 'reserved' }, ['p1'], 'in', false)).toBe('other-performance');
    expect(refusal({ ...valid, orderStatus: 'reserved' }, ['p1'], 'in', false)).toBe('not-paid');
    expect(refusal({ ...valid, orderStatus: 'reserved', price: 0 }, ['p1'], 'in', false)).toBeNull();
    expect(refusal(valid, ['p2', 'p1'], 'in', false)).toBeNull();
    expect(refusal({ ...valid, inside: true }, ['p1'], 'in', true)).toBe('already-scanned');
    expect(refusal({ ...valid, inside: false }, ['p1'], 'in', false)).toBe('already-scanned');
    expect(refusal({ ...valid, inside: false }, ['p1'], 'in', true)).toBeNull();
  });

  it('lets out only tickets that are in, where re-entry is on', () => {
    expect(refusal({ ...valid, inside: true }, ['p1'], 'out', false)).toBe('reentry-off');
    expect(refusal({ ...valid, inside: true }, ['p1'], 'out', true)).toBeNull();
    expect(refusal({ ...valid, inside: false }, ['p1'], 'out', true)).toBe('not-inside');
    expect(refusal(valid, ['p1'], 'out', true)).toBe('not-inside');
  });
});

describe('where an offline scan fits', () => {
  const inOut = [ev('a', 'in', 0), ev('b', 'out', 20)];
  it('takes a first admission, and refuses a second one before or after another', () => {
    expect(place([], { direction: 'in', at: t(5) }, false)).toEqual({ fits: true, latest: true });
    expect(place([ev('a', 'in', 10)], { direction: 'in', at: t(5) }, false)).toEqual({ fits: false, conflict: true, clash: ev('a', 'in', 10) });
    expect(place([ev('a', 'in', 10)], { direction: 'in', at: t(15) }, false)).toEqual({ fits: false, conflict: true, clash: ev('a', 'in', 10) });
    // Without re-entry even after an exit (re-entry was on earlier in the evening).
    expect(place(inOut, { direction: 'in', at: t(30) }, false)).toMatchObject({ fits: false, conflict: true });
  });
  it('merges exits and re-entries in time order', () => {
    expect(place(inOut, { direction: 'in', at: t(10) }, true)).toEqual({ fits: false, conflict: true, clash: ev('a', 'in', 0) });
    expect(place(inOut, { direction: 'in', at: t(30) }, true)).toEqual({ fits: true, latest: true });
    expect(place([...inOut, ev('c', 'in', 40)], { direction: 'in', at: t(30) }, true)).toMatchObject({ fits: false, clash: ev('c', 'in', 40) });
    expect(place([...inOut, ev('c', 'out', 40)], { direction: 'in', at: t(30) }, true)).toEqual({ fits: true, latest: false });
    expect(place([ev('a', 'in', 0)], { direction: 'out', at: t(10) }, true)).toEqual({ fits: true, latest: true });
    expect(place(inOut, { direction: 'out', at: t(10) }, true)).toEqual({ fits: false, conflict: false, reason: 'not-inside' });
    expect(place(inOut, { direction: 'out', at: t(30) }, true)).toEqual({ fits: false, conflict: false, reason: 'not-inside' });
    expect(place([], { direction: 'out', at: t(30) }, false)).toEqual({ fits: false, conflict: false, reason: 'reentry-off' });
  });
});

describe('small rules', () => {
  it("puts device times on the server's clock, never later than now", () => {
    const now = new Date('2055-01-15T19:30:00Z');
    expect(serverTime('2055-01-15T19:10:00Z', '2055-01-15T19:20:00Z', now)).toBe('2055-01-15T19:20:00.000Z');
    expect(serverTime('2055-01-15T19:10:00Z', undefined, now)).toBe('2055-01-15T19:10:00.000Z');
    expect(serverTime('2055-01-15T21:00:00Z', undefined, now)).toBe(now.toISOString());
  });
  it('reads barcodes and device codes as people and scanners type them', () => {
    expect(normaliseBarcode(' abc123\r\n')).toBe('ABC123');
    expect(normaliseDeviceCode('k7m2 qx9p')).toBe('K7M2QX9P');
    expect(normaliseDeviceCode('O1IL-abcd')).toBe('0111ABCD');
    expect(barcodeHash('p1', 'ABC')).toMatch(/^[0-9a-f]{16}$/);
    expect(barcodeHash('p1', 'ABC')).not.toBe(barcodeHash('p2', 'ABC'));
  });
});
