import { describe, expect, it } from 'vitest';
import { newBarcode, newOrderNumber, paidAtZero, reservationDeadline } from '../../src/orders/rules.js';

describe('reservationDeadline', () => {
  const now = new Date('2054-11-23T12:00:00Z');
  const start = '2054-11-30T19:15:00.000Z';

  it('with no deadline set, a reservation lives until the performance starts', () => {
    expect(reservationDeadline(now, null, start)).toBe(start);
  });

  it('with a deadline in hours, it lapses that many hours after the reservation', () => {
    expect(reservationDeadline(now, 48, start)).toBe('2054-11-25T12:00:00.000Z');
    expect(reservationDeadline(now, 1, start)).toBe('2054-11-23T13:00:00.000Z');
  });

  it('never lives past the start of the performance', () => {
    expect(reservationDeadline(now, 24 * 30, start)).toBe(start);
    // Exactly at the start is the start.
    expect(reservationDeadline(now, 7 * 24 + 7.25, start)).toBe(start);
  });
});

describe('paidAtZero', () => {
  it('an order of only zero-priced tickets (free tickets) is paid at once', () => {
    expect(paidAtZero([{ price: 0, dipCategory: 'free' }, { price: 0, dipCategory: 'free' }])).toBe(true);
    expect(paidAtZero([{ price: 0, dipCategory: 'normal' }])).toBe(true);
  });

  it('anything owed makes it a reservation until paid', () => {
    expect(paidAtZero([{ price: 0, dipCategory: 'free' }, { price: 3000, dipCategory: 'normal' }])).toBe(false);
    // A free ticket with a price by mistake still owes money: it is not "paid" without a payment.
    expect(paidAtZero([{ price: 500, dipCategory: 'free' }])).toBe(false);
  });

  it('an empty order is not paid', () => {
    expect(paidAtZero([])).toBe(false);
  });
});

describe('numbers and barcodes', () => {
  it('barcodes are 20 Crockford base-32 characters and do not repeat', () => {
    const codes = Array.from({ length: 5000 }, newBarcode);
    for (const c of codes.slice(0, 50)) expect(c).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{20}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('barcodes use the whole alphabet evenly enough to carry ~100 bits (no fixed or sequential parts)', () => {
    const codes = Array.from({ length: 2000 }, newBarcode);
    for (let i = 0; i < 20; i++) expect(new Set(codes.map((c) => c[i])).size).toBe(32);
  });

  it('order numbers read as XXXX-XXXX and are random', () => {
    const numbers = Array.from({ length: 500 }, newOrderNumber);
    for (const n of numbers.slice(0, 20)) expect(n).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(new Set(numbers).size).toBeGreaterThan(495);
  });
});
