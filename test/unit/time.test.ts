import { describe, expect, it } from 'vitest';
import { formatInZone, isLocalDateTime, localDate, offsetMinutes, zonedToUtc } from '../../src/platform/time.js';

// offsetMinutes keeps an offset per UTC hour: these compare it with Intl asked afresh, every
// minute around each change of the clocks and at random instants, in the order a server meets them.
const ZONES = ['Europe/Amsterdam', 'Europe/Brussels'] as const;

/** The offset as Intl gives it, nothing kept. */
function intlOffset(ms: number, tz: string): number {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - whole) / 60000);
}

/** 01:00 UTC on the last Sunday of the month (March: summer time starts, October: it ends). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return Date.UTC(year, month - 1, last.getUTCDate() - last.getUTCDay(), 1);
}

describe('offsetMinutes around the changes of the clocks', () => {
  for (const tz of ZONES) {
    for (const year of [2026, 2027, 2031]) {
      it(`${tz} ${year}: every minute from 3 hours before to 3 hours after each change`, () => {
        for (const change of [lastSunday(year, 3), lastSunday(year, 10)]) {
          for (let ms = change - 3 * 3_600_000; ms <= change + 3 * 3_600_000; ms += 60_000) {
            // asked both ways, so the hour is kept by whichever comes first
            for (const t of [ms, ms - 1, ms + 999, ms + 30_000]) {
              expect(offsetMinutes(new Date(t), tz), new Date(t).toISOString()).toBe(intlOffset(t, tz));
            }
          }
        }
      });
    }

    it(`${tz}: the change is at 01:00 UTC, in both directions`, () => {
      const spring = lastSunday(2027, 3);
      const autumn = lastSunday(2027, 10);
      expect(offsetMinutes(new Date(spring - 1), tz)).toBe(60);
      expect(offsetMinutes(new Date(spring), tz)).toBe(120);
      expect(offsetMinutes(new Date(autumn - 1), tz)).toBe(120);
      expect(offsetMinutes(new Date(autumn), tz)).toBe(60);
      // asked again, now kept
      expect(offsetMinutes(new Date(spring - 1000), tz)).toBe(60);
      expect(offsetMinutes(new Date(autumn + 1000), tz)).toBe(60);
    });

    it(`${tz}: random instants from 1900 to 2100 agree with Intl`, () => {
      let seed = 12345;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const from = Date.UTC(1900, 0, 1);
      const to = Date.UTC(2100, 11, 31);
      for (let i = 0; i < 5000; i++) {
        const t = Math.floor(from + next() * (to - from));
        expect(offsetMinutes(new Date(t), tz), new Date(t).toISOString()).toBe(intlOffset(t, tz));
      }
    });
  }

  it('a zone whose clocks change inside an hour (Lord Howe: half an hour, at 15:00 UTC) is right on both sides of the change', () => {
    const tz = 'Australia/Lord_Howe';
    for (let ms = Date.UTC(2027, 3, 3, 13); ms <= Date.UTC(2027, 3, 3, 17); ms += 60_000) {
      expect(offsetMinutes(new Date(ms), tz), new Date(ms).toISOString()).toBe(intlOffset(ms, tz));
    }
    for (let ms = Date.UTC(2027, 9, 2, 14); ms <= Date.UTC(2027, 9, 2, 17); ms += 60_000) {
      expect(offsetMinutes(new Date(ms), tz), new Date(ms).toISOString()).toBe(intlOffset(ms, tz));
    }
  });

  it('an invalid date or zone is refused as before', () => {
    expect(() => offsetMinutes(new Date(NaN), 'Europe/Amsterdam')).toThrow(RangeError);
    expect(() => offsetMinutes(new Date(), 'Europe/Nowhere')).toThrow(RangeError);
  });
});

describe('local times across the changes of the clocks', () => {
  for (const tz of ZONES) {
    it(`${tz}: the skipped spring hour does not exist, the doubled autumn hour does`, () => {
      expect(isLocalDateTime('2027-03-28T01:59:59', tz)).toBe(true);
      expect(isLocalDateTime('2027-03-28T02:30', tz)).toBe(false);
      expect(isLocalDateTime('2027-03-28T03:00', tz)).toBe(true);
      expect(isLocalDateTime('2027-10-31T02:30', tz)).toBe(true);
      expect(isLocalDateTime('2026-03-29T02:00', tz)).toBe(false);
      expect(isLocalDateTime('2026-10-25T02:59', tz)).toBe(true);
    });

    it(`${tz}: local times map to the right instants and back`, () => {
      expect(zonedToUtc('2027-03-28T01:30', tz).toISOString()).toBe('2027-03-28T00:30:00.000Z');
      expect(zonedToUtc('2027-03-28T03:00', tz).toISOString()).toBe('2027-03-28T01:00:00.000Z');
      // the doubled hour takes its first (summer time) instant
      expect(zonedToUtc('2027-10-31T02:30', tz).toISOString()).toBe('2027-10-31T00:30:00.000Z');
      expect(zonedToUtc('2027-10-31T03:00', tz).toISOString()).toBe('2027-10-31T02:00:00.000Z');
      expect(formatInZone('2027-10-31T00:30:00.000Z', tz)).toBe('2027-10-31T02:30:00+02:00');
      expect(formatInZone('2027-10-31T01:30:00.000Z', tz)).toBe('2027-10-31T02:30:00+01:00');
      expect(formatInZone('2027-03-28T00:59:59.999Z', tz)).toBe('2027-03-28T01:59:59+01:00');
      expect(formatInZone('2027-03-28T01:00:00.000Z', tz)).toBe('2027-03-28T03:00:00+02:00');
      expect(localDate('2026-12-31T23:30:00.000Z', tz)).toBe('2027-01-01');
    });
  }
});
