// The assumed DIP wire format and the schedule rules, without I/O.
import { describe, expect, it } from 'vitest';
import { emptyFigures, figuresHash } from '../../src/connectors/dip/figures.js';
import { latestDue } from '../../src/connectors/dip/schedule.js';
import { cronProblem } from '../../src/connectors/dip/settings.js';
import { badItemIndex, batchBody, capacityCall, errorMessage, parseDipNumber, parsePerformanceList, updatedStamp } from '../../src/connectors/dip/wire.js';

const ref = { productionNumber: 'NL-26-103-00047130', performanceNumber: 11201 };

describe('DIP wire format', () => {
  it('sends all four ticket types per performance, zeros included, and knows which item came from which performance', () => {
    const f = emptyFigures();
    f.tickets.normal = { tickets: 3, revenue: 9000 };
    const other = { productionNumber: 'NL-26-101-0004711', performanceNumber: 11001 };
    const { body, owners } = batchBody('tickets', [{ ref, figures: f }, { ref: other, figures: emptyFigures() }], '2026-11-23T13:00:00+01:00');
    expect(body).toHaveLength(8);
    expect(body[0]).toEqual({ productionNumber: 'NL-26-103-00047130', performanceNumber: 11201, ticketType: 'normal', tickets: 3, recette: 9000, updated: '2026-11-23T13:00:00+01:00' });
    expect(body.slice(0, 4).map((i) => i.ticketType)).toEqual(['normal', 'discount', 'free', 'other']);
    expect(body[7]).toMatchObject({ performanceNumber: 11001, ticketType: 'other', tickets: 0, recette: 0 });
    expect(owners).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);

    f.reservations = { tickets: 2, value: 4000 };
    f.blocked = { seats: 8, value: 22400 };
    expect(batchBody('reservations', [{ ref, figures: f }], 'x').body).toEqual([{ ...ref, reservations: 2, recette: 4000, updated: 'x' }]);
    expect(batchBody('blockedseats', [{ ref, figures: f }], 'x').body).toEqual([{ ...ref, blockedSeats: 8, value: 22400, updated: 'x' }]);
    expect(capacityCall(ref, 850)).toEqual({ path: '/productions/NL-26-103-00047130/performances/11201/capacity', body: { capacity: 850 } });
  });

  it('reads the bad item and the message of a 400', () => {
    const text = JSON.stringify({ error: 'invalid_request', error_description: 'item 5: performance NL-26-101-0004711|11051 is not linked to your theatre (4711)' });
    const message = errorMessage(400, text);
    expect(message).toContain('not linked');
    expect(badItemIndex(message)).toBe(5);
    expect(badItemIndex('body: empty array')).toBeNull();
    expect(errorMessage(502, '<html>Bad gateway</html>')).toBe('<html>Bad gateway</html>');
  });

  it('parses DIP numbers with the production part as a string', () => {
    expect(parseDipNumber('NL-26-103-00047130|11201')).toEqual(ref);
    expect(parseDipNumber('NL-24-123-0001234|114849')).toEqual({ productionNumber: 'NL-24-123-0001234', performanceNumber: 114849 });
    for (const bad of ['11201', 'NL-26-103-00047130', 'NL-26-103-00047130|', 'NL-26-103-00047130|0123', 'nl-26-103-0004713|11201']) {
      expect(parseDipNumber(bad)).toBeNull();
    }
  });

  it("reads DIP's performance list as a bare array or in a data envelope", () => {
    const p = { id: 11001, number: 11001, date: '2026-11-25T20:15:00', status: 'agreed', type: 'premiere', production: { id: 'NL-26-101-0004711', title: 'Hamlet' }, theater_location: { id: 1, name: 'Grote Zaal' } };
    const expected = [{ dipNumber: 'NL-26-101-0004711|11001', productionNumber: 'NL-26-101-0004711', performanceNumber: 11001, title: 'Hamlet', date: '2026-11-25T20:15:00', status: 'agreed', type: 'premiere', location: 'Grote Zaal' }];
    expect(parsePerformanceList([p])).toEqual(expected);
    expect(parsePerformanceList({ data: [p], meta: { pagination: {} } })).toEqual(expected);
    expect(parsePerformanceList([{ id: 'x' }, null])).toEqual([]);
    expect(() => parsePerformanceList({ error: 'x' })).toThrow();
  });

  it('stamps figures in Amsterdam time with the offset of the day', () => {
    expect(updatedStamp(new Date('2026-11-23T13:00:00Z'))).toBe('2026-11-23T14:00:00+01:00');
    expect(updatedStamp(new Date('2026-07-01T13:00:00Z'))).toBe('2026-07-01T15:00:00+02:00');
  });

  it('hashes figures so that any change, a cancellation too, shows', () => {
    const a = emptyFigures();
    const b = emptyFigures();
    expect(figuresHash(a)).toBe(figuresHash(b));
    b.tickets.free.tickets = 1;
    expect(figuresHash(a)).not.toBe(figuresHash(b));
  });
});

describe('DIP schedule rules', () => {
  const from = new Date('2026-11-23T12:00:00Z');
  it('accepts schedules that run at least daily and refuses the others', () => {
    expect(cronProblem('0 * * * *', from)).toBeNull();
    expect(cronProblem('15 6 * * *', from)).toBeNull();
    expect(cronProblem('0 3 * * 1', from)).toContain('once a day');
    expect(cronProblem('0 3 * * 1-5', from)).toContain('once a day'); // weekends without figures
    expect(cronProblem('0 * * 1-11 *', from)).toContain('once a day'); // no December
    expect(cronProblem('hourly please', from)).toContain('not a cron expression');
  });

  it('folds the occurrences missed while no process ran into one due time', () => {
    expect(latestDue('0 * * * *', from, new Date('2026-11-23T12:59:00Z'))).toBeNull();
    expect(latestDue('0 * * * *', from, new Date('2026-11-23T13:00:00Z'))?.toISOString()).toBe('2026-11-23T13:00:00.000Z');
    expect(latestDue('0 * * * *', from, new Date('2026-11-23T17:20:00Z'))?.toISOString()).toBe('2026-11-23T17:00:00.000Z');
  });
});
