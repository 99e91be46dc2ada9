// What the box office shows for money and times, and what it reads from a cashier's typing.
import { describe, expect, it } from 'vitest';
import { addDays, localDateTime, money, parseEuros, today } from '../../web/src/format.js';
import { numbersFor } from '../../web/src/reports/charts/numbers.js';

describe('box office formats', () => {
  it('shows money the Dutch way with the euro sign in front', () => {
    expect(money(1250, 'nl')).toBe('€ 12,50');
    expect(money(0, 'nl')).toBe('€ 0,00');
    expect(money(123456, 'nl')).toBe('€ 1.234,56');
    expect(money(-3000, 'nl')).toBe('€ -30,00');
  });

  it('shows money as the user’s language writes it: French and English too, as the charts do', () => {
    expect(money(264250, 'nl')).toBe('€ 2.642,50');
    expect(money(264250, 'fr')).toBe('2 642,50 €');
    expect(money(264250, 'en')).toBe('€2,642.50');
    expect(money(-3000, 'fr')).toBe('-30,00 €');
    expect(money(300000, 'fr')).toBe(numbersFor('fr').euros(300000));
  });

  it('shows a performance at the venue’s wall clock, whatever the offset or the browser’s zone', () => {
    expect(localDateTime('2027-01-15T20:15:00+01:00')).toBe('vr 15-01-2027 20:15');
    expect(localDateTime('2027-07-15T20:15:00+02:00', 'en')).toBe('Thu 15-07-2027 20:15');
    expect(localDateTime('2027-07-15T20:15:00+02:00', 'fr')).toBe('jeu. 15-07-2027 20:15');
  });

  it('shows a UTC moment (an order made) in Amsterdam time, summer and winter', () => {
    expect(localDateTime('2026-11-23T19:05:00.000Z')).toBe('ma 23-11-2026 20:05');
    expect(localDateTime('2026-07-01T22:30:00Z')).toBe('do 02-07-2026 00:30');
  });

  it('reads what a cashier types as cents, and refuses what is not an amount', () => {
    expect(parseEuros('100')).toBe(10000);
    expect(parseEuros('12,50')).toBe(1250);
    expect(parseEuros('€ 7.5')).toBe(750);
    expect(parseEuros('12,345')).toBeNull();
    expect(parseEuros('twaalf')).toBeNull();
    expect(parseEuros('')).toBeNull();
  });

  it('counts calendar days in the venue’s zone', () => {
    expect(today('Europe/Amsterdam', new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});
