// Pure rules: the social tariff price, calendar periods in Brussels, what a pass is offered.
import { describe, expect, it } from 'vitest';
import type { Pass, Sale, UitpasEvent } from './model.js';
import { DEFAULT_TARIFF_RULE, periodKey, quoteTariffs, socialTariffPrice } from './rules.js';
import { TEST_PASSES } from './seed.js';

describe('socialTariffPrice', () => {
  it('is 25% of the regular price rounded to the nearest 0.50 euro, never above the regular price', () => {
    expect(socialTariffPrice(12, DEFAULT_TARIFF_RULE)).toBe(3);
    expect(socialTariffPrice(42.5, DEFAULT_TARIFF_RULE)).toBe(10.5); // 10.625
    expect(socialTariffPrice(35, DEFAULT_TARIFF_RULE)).toBe(9); // 8.75 rounds up
    expect(socialTariffPrice(27.5, DEFAULT_TARIFF_RULE)).toBe(7); // 6.875
    expect(socialTariffPrice(0.3, DEFAULT_TARIFF_RULE)).toBe(0);
    expect(socialTariffPrice(0, DEFAULT_TARIFF_RULE)).toBe(0);
  });

  it('a fixed tariff is capped at the regular price', () => {
    expect(socialTariffPrice(12, { kind: 'fixed', price: 2 })).toBe(2);
    expect(socialTariffPrice(1.5, { kind: 'fixed', price: 2 })).toBe(1.5);
  });
});

describe('periodKey', () => {
  it('weeks run Monday to Sunday in Brussels time', () => {
    const sundayLate = new Date('2026-12-06T22:59:00Z'); // Sunday 23:59 in Brussels
    const mondayEarly = new Date('2026-12-06T23:01:00Z'); // Monday 00:01 in Brussels
    expect(periodKey(sundayLate, 'WEEK')).toBe(periodKey(new Date('2026-11-30T00:00:00Z'), 'WEEK'));
    expect(periodKey(mondayEarly, 'WEEK')).not.toBe(periodKey(sundayLate, 'WEEK'));
    expect(periodKey(mondayEarly, 'DAY')).toBe('2026-12-07');
    expect(periodKey(new Date('2026-12-31T23:30:00Z'), 'YEAR')).toBe('2027');
    expect(periodKey(new Date('2026-05-01T12:00:00Z'), 'QUARTER')).toBe('2026-Q2');
  });
});

describe('quoteTariffs', () => {
  const event: UitpasEvent = { id: 'e1', name: 'E', organizerId: 'o', cardSystemIds: [8], passholderTicketLimit: { volume: 2, periodType: 'MONTH' }, tariffRule: null };
  const pass = TEST_PASSES.find((p) => p.uitpasNumber === '0900000067513') as Pass;
  const now = new Date('2026-12-15T12:00:00Z');
  const sold = (createdAt: string): Sale => ({
    id: createdAt, createdAt: new Date(createdAt), eventId: 'e1', uitpasNumber: pass.uitpasNumber, regularPrice: 10,
    tariff: { id: 'SOCIALTARIFF', name: 'Kansentarief', price: 2.5, type: 'SOCIALTARIFF' }, couponId: null, clientId: 'c',
  });
  const quote = (sales: Sale[]) => quoteTariffs({ pass, event, sales, now, regularPrice: 10, type: 'ANY', defaultRule: DEFAULT_TARIFF_RULE, regionName: () => 'X' });

  it('counts only the sales of the current period against the event limit', () => {
    expect(quote([sold('2026-11-20T12:00:00Z'), sold('2026-11-21T12:00:00Z'), sold('2026-12-01T12:00:00Z')]).available).toHaveLength(1);
    const full = quote([sold('2026-12-01T12:00:00Z'), sold('2026-12-02T12:00:00Z')]);
    expect(full.available).toEqual([]);
    expect(full.socialRefusal).toBe('limit');
    expect(full.endUserMessage?.nl).toMatch(/maximaal 2 tickets per maand/);
  });
});
