// Service fees in the box office app: when the box office channel charges them, the basket shows the
// fee lines and the total with them before payment, the sale takes that total; the daily sales
// report screen shows the fees on lines of their own and the VAT per rate (tickets at 9 %, the fee
// at 21 %). Server and browser stand at the same fixed moment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildCatalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { logIn, openBrowser, screenshotOnFailure, eventually, type Browser } from './browser.js';

const NOW = new Date('2054-11-23T09:00:00Z');

describe('service fees in the box office app', { timeout: 120_000 }, () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let token = '';

  beforeAll(async () => {
    s = await startServer('sqlite', { clock: fixedClock(NOW.toISOString()) });
    const org = await orgWithUser(s, 'admin');
    token = org.token;
    await buildCatalogue(s, token);
    const fees = await s.request('PUT', '/api/fees', { token, body: { boxoffice: { perTicket: 100, perOrder: 50, vatRate: 2100 } } });
    expect(fees.status).toBe(200);
    browser = await openBrowser({ width: 1366, height: 768 });
    page = browser.page;
    await browser.context.clock.install({ time: NOW });
    await logIn(page, s.baseUrl, org.email, org.password);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('shows the fee lines and the total with them in the basket before payment, and the sale takes that total', async () => {
    screenshotOnFailure(() => page, 'fees-basket');
    await page.waitForSelector('[data-seat="r1s5"]');
    await page.click('[data-seat="r1s5"]');
    await eventually(() => page.locator('table.lines tbody tr').count()).toBe(1);
    await page.click('[data-seat="r1s6"]');
    await eventually(() => page.locator('table.lines tbody tr').count()).toBe(2);
    await eventually(() => page.locator('.basket-fee[data-fee=ticket]').textContent()).toBe('Servicekosten per kaart × 2€ 2,00');
    expect(await page.locator('.basket-fee[data-fee=order]').textContent()).toBe('Servicekosten per bestelling€ 0,50');
    expect(await page.locator('.basket-total').textContent()).toBe('€ 62,50');
    expect(await page.locator('.basket-foot strong.grow').textContent()).toBe('Totaal met servicekosten');

    await page.keyboard.press('F8');
    await page.fill('input[name=cash-received]', '70');
    await eventually(() => page.locator('output[name=change-due]').textContent()).toBe('€ 7,50');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.done[data-order]');
    const number = await page.getAttribute('.done', 'data-order');
    const found = await s.request('GET', `/api/orders?q=${number}`, { token });
    const order = (await s.request('GET', `/api/orders/${found.body.items[0].id}`, { token })).body;
    expect(order).toMatchObject({ status: 'paid', total: 6250, paid: 6250 });
    expect(order.tickets.map((t: { seatId: string; fee: number }) => t.fee)).toEqual([100, 100]);
  });

  it('shows the fees and the VAT per rate in the daily sales report', async () => {
    screenshotOnFailure(() => page, 'fees-report');
    await page.click('.topbar button:has-text("Rapporten")');
    await page.waitForSelector('.daily-sales table.fees');
    const fees = await page.locator('.daily-sales table.fees tbody tr').allTextContents();
    expect(fees).toEqual(['ma 23 nov 2054kassaper kaart221 %€ 2,00', 'ma 23 nov 2054kassaper bestelling121 %€ 0,50']);
    expect(await page.locator('.daily-sales .total-revenue').textContent()).toBe('€ 60,00');
    expect(await page.locator('.daily-sales .total-fees').textContent()).toBe('€ 2,50');
    expect(await page.locator('.daily-sales .total-with-fees').textContent()).toBe('€ 62,50');
    // 2 × € 30 at 9 % (€ 2,48 each), € 2,50 of fees at 21 % (€ 0,17 + € 0,17 + € 0,09)
    const vat = await page.locator('.daily-sales table.vat tbody tr').allTextContents();
    expect(vat).toEqual(['ma 23 nov 205421 %€ 2,07€ 0,43€ 2,50', 'ma 23 nov 20549 %€ 55,04€ 4,96€ 60,00']);
  });
});
