// The assumed DIP wire format and the schedule rules, without I/O.
import { describe, expect, it } from 'vitest';
import { emptyFigures, figuresHash } from '../../src/connectors/dip/figures.js';
import { requestProblems } from '../../sandboxes/dip/contract.js';
import { latestDue } from '../../src/connectors/dip/schedule.js';
import { cronProblem } from '../../src/connectors/dip/settings.js';
import {
  badItemIndex, batchBody, capacityCall, errorMessage, isNoHistory, parseDipNumber, parseHeld, parsePerformanceList, rejectedEntry, updatedStamp,
} from '../../src/connectors/dip/wire.js';

const ref = { productionNumber: 'NL-26-103-00047130', performanceNumber: 11201 };

describe('DIP wire format', () => {
  it('sends all four ticket types per performance, zeros included, and knows which item came from which performance', () => {
    const f = emptyFigures();
    f.tickets.normal = { tickets: 3, revenue: 9000 };
    const other = { productionNumber: 'NL-26-101-0004711', performanceNumber: 11001 };
    const { body, owners } = batchBody('tickets', [{ ref, figures: f }, { ref: other, figures: emptyFigures() }], '2054-11-23T13:00:00+01:00');
    expect(body).toHaveLength(8);
    expect(body[0]).toEqual({ productionNumber: 'NL-26-103-00047130', performanceNumber: 11201, ticketType: 'normal', tickets: 3, recette: 9000, updated: '2054-11-23T13:00:00+01:00' });
    expect(body.slice(0, 4).map((i) => i.ticketType)).toEqual(['normal', 'discount', 'free', 'other']);
    expect(body[7]).toMatchObject({ performanceNumber: 11001, ticketType: 'other', tickets: 0, recette: 0 });
    expect(owners).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);

    f.reservations = { tickets: 2, value: 4000 };
    f.blocked = { seats: 8, value: 22400 };
    expect(batchBody('reservations', [{ ref, figures: f }], 'x').body).toEqual([{ ...ref, reservations: 2, recette: 4000, updated: 'x' }]);
    expect(batchBody('blockedseats', [{ ref, figures: f }], 'x').body).toEqual([{ ...ref, blockedSeats: 8, value: 22400, updated: 'x' }]);
    expect(capacityCall(ref, 850)).toEqual({ path: '/productions/NL-26-103-00047130/performances/11201/capacity', body: { capacity: 850 } });
  });

  it("sends bodies that fit Foyer's written contract of DIP (src/connectors/dip/contract.json)", () => {
    const f = emptyFigures();
    f.tickets.discount = { tickets: 2, revenue: 5000 };
    f.reservations = { tickets: 1, value: 2500 };
    f.blocked = { seats: 3, value: 9000 };
    const entries = [{ ref, figures: f }, { ref: { productionNumber: 'NL-26-1234-00279', performanceNumber: 11484906 }, figures: emptyFigures() }];
    const stamp = updatedStamp(new Date('2054-11-23T13:00:00Z'));
    expect(requestProblems('tickets', batchBody('tickets', entries, stamp).body)).toEqual([]);
    expect(requestProblems('reservations', batchBody('reservations', entries, stamp).body)).toEqual([]);
    expect(requestProblems('blockedseats', batchBody('blockedseats', entries, stamp).body)).toEqual([]);
    expect(requestProblems('capacity', capacityCall(ref, 850).body)).toEqual([]);
    expect(requestProblems('tickets', batchBody('tickets', entries, '2054-11-23 14:00').body)).not.toEqual([]);
  });

  it('reads the bad item and the message of a 400', () => {
    const text = JSON.stringify({ error: 'invalid_request', error_description: 'item 5: performance NL-26-101-0004711|11051 is not linked to your theatre (4711)' });
    const message = errorMessage(400, text);
    expect(message).toContain('not linked');
    expect(badItemIndex(message)).toBe(5);
    expect(badItemIndex('body: empty array')).toBeNull();
    expect(errorMessage(502, '<html>Bad gateway</html>')).toBe('<html>Bad gateway</html>');
  });

  it('parses what DIP can produce: production ids of varying groups as strings, performance numbers as plain integers', () => {
    expect(parseDipNumber('NL-26-103-00047130|11201')).toEqual(ref);
    expect(parseDipNumber('NL-24-123-0001234|114849')).toEqual({ productionNumber: 'NL-24-123-0001234', performanceNumber: 114849 });
    // Live: numbers equal the performance id (8 digits), producer groups of other lengths, short and long last groups.
    expect(parseDipNumber('NL-26-1234-00279|11484906')).toEqual({ productionNumber: 'NL-26-1234-00279', performanceNumber: 11484906 });
    expect(parseDipNumber('NL-26-12-3776864|7')).toEqual({ productionNumber: 'NL-26-12-3776864', performanceNumber: 7 });
    // The help pages pad the number with zeros: the same performance.
    expect(parseDipNumber('NL-26-103-00047130|011201')).toEqual(ref);
    expect(parseDipNumber('NL-26-101-0004711|2147483647')?.performanceNumber).toBe(2147483647);
    for (const bad of [
      '11201', 'NL-26-103-00047130', 'NL-26-103-00047130|', 'nl-26-103-0004713|11201', 'NL-26-103-00047130|0', 'NL-26-103-00047130|00000',
      'NL-26-103-00047130|2147483648', 'NL-26-103-00047130|-5', 'NL-26-103-00047130|12a', 'NL-2026-103-1|5', 'NL-26--1|5', 'NL-26-103-|5',
      'BE-26-103-1|5', 'NL-26-1234567-1|5', ' NL-26-103-00047130|11201',
    ]) {
      expect(parseDipNumber(bad), bad).toBeNull();
    }
  });

  it('pins a 400 on a performance only when DIP names one; otherwise it is about the run', () => {
    const numbers = [11001, 11002];
    const owners = [0, 0, 0, 0, 1, 1, 1, 1];
    expect(rejectedEntry('item 5: recette must be integer euro cents', numbers, owners)).toBe(1);
    expect(rejectedEntry('performance 11002 is closed', numbers, owners)).toBe(1);
    expect(rejectedEntry('Not an agency', numbers, owners)).toBeNull();
    expect(rejectedEntry('No sales history for production NL-26-101-0004711', numbers, owners)).toBeNull();
    expect(rejectedEntry('performances 11001 and 11002 overlap', numbers, owners)).toBeNull();
    expect(rejectedEntry('path: performance NL-26-101-0004711|11051 is not linked to your theatre (4711)', [11051])).toBe(0);
    expect(rejectedEntry('body: capacity must be a whole number', [11051])).toBeNull();
  });

  it("reads the producers' read side: rows per theatre, figures per performance, and DIP's 400 for no history", () => {
    const body = [
      { id: 4711, name: 'A', updated: '2054-11-23T15:00:00+01:00', tickets: 3, recette: 900, performances: [{ number: 11001, date: 'x', tickets: 3, recette: 900, updated: '2054-11-23T15:00:00+01:00' }] },
      { id: 5820, name: 'B', updated: null, tickets: 0, recette: 0, performances: [{ number: 11051, date: 'x', tickets: 0, recette: 0, updated: null }] },
    ];
    const held = parseHeld('sales', body);
    expect(held.get(11001)).toEqual({ count: 3, money: 900, updated: '2054-11-23T15:00:00+01:00' });
    expect(held.get(11051)).toEqual({ count: 0, money: 0, updated: null });
    expect(parseHeld('blockedseats', [{ id: 1, performances: [{ number: 5, blocked_seats: 2, value: 100 }] }]).get(5)).toMatchObject({ count: 2, money: 100 });
    expect(() => parseHeld('sales', { error: 'x' })).toThrow();
    expect(isNoHistory('No sales history for production NL-26-101-0004711')).toBe(true);
    expect(isNoHistory('Not an agency')).toBe(false);
  });

  it("reads DIP's performance list as a bare array or in a data envelope", () => {
    const p = { id: 11001, number: 11001, date: '2054-11-25T20:15:00', status: 'agreed', type: 'premiere', production: { id: 'NL-26-101-0004711', title: 'Hamlet' }, theater_location: { id: 1, name: 'Grote Zaal' } };
    const expected = [{ dipNumber: 'NL-26-101-0004711|11001', productionNumber: 'NL-26-101-0004711', performanceNumber: 11001, title: 'Hamlet', date: '2054-11-25T20:15:00', status: 'agreed', type: 'premiere', location: 'Grote Zaal' }];
    expect(parsePerformanceList([p])).toEqual(expected);
    expect(parsePerformanceList({ data: [p], meta: { pagination: {} } })).toEqual(expected);
    expect(parsePerformanceList([{ id: 'x' }, null])).toEqual([]);
    expect(() => parsePerformanceList({ error: 'x' })).toThrow();
  });

  it('stamps figures in Amsterdam time with the offset of the day', () => {
    expect(updatedStamp(new Date('2054-11-23T13:00:00Z'))).toBe('2054-11-23T14:00:00+01:00');
    expect(updatedStamp(new Date('2054-07-01T13:00:00Z'))).toBe('2054-07-01T15:00:00+02:00');
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
  const from = new Date('2054-11-23T12:00:00Z');
  it('accepts schedules that run at least daily and refuses the others', () => {
    expect(cronProblem('0 * * * *', from)).toBeNull();
    expect(cronProblem('15 6 * * *', from)).toBeNull();
    expect(cronProblem('0 3 * * 1', from)).toContain('once a day');
    expect(cronProblem('0 3 * * 1-5', from)).toContain('once a day'); // weekends without figures
    expect(cronProblem('0 * * 1-11 *', from)).toContain('once a day'); // no December
    expect(cronProblem('hourly please', from)).toContain('not a cron expression');
  });

  it('folds the occurrences missed while no process ran into one due time', () => {
    expect(latestDue('0 * * * *', from, new Date('2054-11-23T12:59:00Z'))).toBeNull();
    expect(latestDue('0 * * * *', from, new Date('2054-11-23T13:00:00Z'))?.toISOString()).toBe('2054-11-23T13:00:00.000Z');
    expect(latestDue('0 * * * *', from, new Date('2054-11-23T17:20:00Z'))?.toISOString()).toBe('2054-11-23T17:00:00.000Z');
  });
});
