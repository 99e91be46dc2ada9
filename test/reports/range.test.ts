import { describe, expect, it } from 'vitest';
import { Problem } from '../../src/platform/problems.js';
import { offsetMinutes } from '../../src/platform/time.js';
import { addDays, eachDay, isCalendarDay, periodOf, summerTime } from '../../src/reports/range.js';

describe('report periods', () => {
  it('summer time by the EU rule agrees with the zone data of Amsterdam and Brussels', () => {
    for (let year = 2024; year <= 2035; year++) {
      const { start, end } = summerTime(year);
      for (const tz of ['Europe/Amsterdam', 'Europe/Brussels']) {
        expect(offsetMinutes(new Date(Date.parse(start) - 1000), tz), `${year} ${tz}`).toBe(60);
        expect(offsetMinutes(new Date(start), tz), `${year} ${tz}`).toBe(120);
        expect(offsetMinutes(new Date(Date.parse(end) - 1000), tz), `${year} ${tz}`).toBe(120);
        expect(offsetMinutes(new Date(end), tz), `${year} ${tz}`).toBe(60);
      }
    }
  });

  it('a period of local days runs from local midnight to the local midnight after its last day', () => {
    expect(periodOf('2054-11-23', '2054-11-24')).toEqual({
      from: '2054-11-23', to: '2054-11-24', startUtc: '2054-11-22T23:00:00.000Z', endUtc: '2054-11-24T23:00:00.000Z',
    });
    // the spring-forward day is 23 hours long
    expect(periodOf('2055-03-28', '2055-03-28')).toMatchObject({ startUtc: '2055-03-27T23:00:00.000Z', endUtc: '2055-03-28T22:00:00.000Z' });
  });

  it('refuses dates that do not exist, a reversed period and one longer than three seasons', () => {
    const fields = (from: string, to: string) => {
      try {
        periodOf(from, to);
        return [];
      } catch (e) {
        expect(e).toBeInstanceOf(Problem);
        return (e as Problem).fields.map((f) => f.field);
      }
    };
    expect(fields('2054-02-29', '2054-03-01')).toEqual(['querystring/from']);
    expect(fields('2054-01-01', '2026-1-2')).toEqual(['querystring/to']);
    expect(fields('2054-02-01', '2054-01-31')).toEqual(['querystring/to']);
    expect(fields('2023-01-01', '2054-12-31')).toEqual(['querystring/to']);
    expect(fields('2024-02-29', '2024-02-29')).toEqual([]);
  });

  it('calendar arithmetic', () => {
    expect(isCalendarDay('2056-02-29')).toBe(true);
    expect(addDays('2054-12-31', 1)).toBe('2055-01-01');
    expect(eachDay('2055-03-27', '2055-03-29')).toEqual(['2055-03-27', '2055-03-28', '2055-03-29']);
  });
});
