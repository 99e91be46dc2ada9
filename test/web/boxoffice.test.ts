// The box office in a real browser against a real Foyer: log in, sell two seats for cash, sell a UiTPAS
// ticket against the UiTPAS sandbox, print (a PDF page per ticket), cancel a ticket, find the sale in
// the daily sales report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUser } from '../../src/staff/service.js';
import { EVENT_100_PER_WEEK, drainJobs, salesAtUitpas, startUitpasKit, type UitpasKit } from '../uitpas/kit.js';
import { logIn, openBrowser, pdfPages, screenshotOnFailure, eventually, type Browser } from './browser.js';

const CASHIER = { email: 'kassa@web.test', password: 'correct horse battery' };

describe('box office in the browser', { timeout: 120_000 }, () => {
  let k: UitpasKit;
  let browser: Browser;
  let page: Page;
  let cashOrderNumber = '';

  beforeAll(async () => {
    k = await startUitpasKit('sqlite');
    const me = await k.s.request('GET', '/api/me', { token: k.token });
    await createUser(k.s.deps.db, me.body.organisation.id, { ...CASHIER, name: 'Kassa Web', role: 'admin' }, k.s.clock.now());
    browser = await openBrowser();
    page = browser.page;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await k?.close();
  });

  const api = (method: string, path: string, body?: unknown) => k.s.request(method, path, { token: k.token, body });
  const lines = () => page.locator('table.lines tbody tr');

  it('logs in and sells two seats of the first performance for cash, with the change due', async () => {
    screenshotOnFailure(() => page, 'sell-cash');
    await logIn(page, k.s.baseUrl, CASHIER.email, CASHIER.password);
    await page.waitForSelector('[data-seat="r1s5"]');
    await eventually(() => page.locator('.perf.active strong').textContent()).toBe('Hamlet');

    await page.click('[data-seat="r1s5"]');
    await eventually(() => lines().count()).toBe(1);
    await page.click('[data-seat="r1s6"]');
    await eventually(() => lines().count()).toBe(2);
    await eventually(() => page.locator('.basket-total').textContent()).toBe('€ 60,00');
    await eventually(() => page.getAttribute('[data-seat="r1s5"]', 'data-status')).toBe('mine');

    await page.keyboard.press('F8');
    await page.fill('input[name=cash-received]', '100');
    await eventually(() => page.locator('output[name=change-due]').textContent()).toBe('€ 40,00');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.done[data-order]');
    cashOrderNumber = (await page.getAttribute('.done', 'data-order'))!;

    const found = await api('GET', `/api/orders?q=${cashOrderNumber}`);
    const order = (await api('GET', `/api/orders/${found.body.items[0].id}`)).body;
    expect(order).toMatchObject({ status: 'paid', total: 6000, paid: 6000 });
    expect(order.tickets.map((t: { seatId: string }) => t.seatId).sort()).toEqual(['r1s5', 'r1s6']);
    expect(order.payments[0]).toMatchObject({ method: 'cash', amount: 6000 });
    await eventually(() => page.getAttribute('[data-seat="r1s5"]', 'data-status')).toBe('sold');
  });

  it('prints the tickets: the PDF opens and has a page per ticket; printing again is a reprint', async () => {
    screenshotOnFailure(() => page, 'print');
    const popup = browser.context.waitForEvent('page');
    const printed = page.waitForResponse((r) => r.url().endsWith('/print') && r.request().method() === 'POST');
    await page.keyboard.press('F9');
    expect((await printed).headers()['content-type']).toContain('application/pdf');
    // What the new tab opened: the blob URL's bytes.
    const url = (await popup).url();
    expect(url).toMatch(/^blob:/);
    const bytes = await page.evaluate(async (u) => Array.from(new Uint8Array(await (await fetch(u)).arrayBuffer())), url);
    const pdf = Buffer.from(bytes);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPages(pdf)).toBe(2);
    await eventually(() => page.locator('.done button.primary').textContent()).toContain('Opnieuw afdrukken');

    const found = await api('GET', `/api/orders?q=${cashOrderNumber}`);
    const order = (await api('GET', `/api/orders/${found.body.items[0].id}`)).body;
    expect(order.tickets.every((t: { printCount: number }) => t.printCount === 1)).toBe(true);

    const again = page.waitForResponse((r) => r.url().endsWith('/print') && r.request().method() === 'POST');
    await page.click('.done button:has-text("Opnieuw afdrukken")');
    expect((await again).status()).toBe(200);
    const reprinted = (await api('GET', `/api/orders/${order.id}`)).body;
    expect(reprinted.tickets.map((t: { printCount: number }) => t.printCount)).toEqual([2, 2]);
  });

  it('sells a UiTPAS ticket: the pass number applies the social tariff read from the sandbox', async (ctx) => {
    screenshotOnFailure(() => page, 'uitpas');
    const probe = await api('POST', '/api/baskets/probe/uitpas', { uitpasNumber: '0' });
    if (probe.status === 404 && String(probe.body.type).endsWith('route-not-found')) {
      console.warn('UiTPAS connector absent (POST /api/baskets/{id}/uitpas answers route-not-found): UiTPAS sale skipped');
      ctx.skip();
    }
    await page.keyboard.press('Escape');
    await page.click('[data-seat="r2s1"]');
    await eventually(() => lines().count()).toBe(1);
    await page.fill('input[name=uitpas-number]', '0900000067513');
    await page.keyboard.press('Enter');
    await eventually(() => page.locator('.basket-total').textContent()).toBe('€ 7,50');
    expect(await page.locator('select[name=ticket-type] option:checked').textContent()).toBe('UiTPAS');
    // what the holder can still use, as UiTPAS answers it, for the cashier to mention
    const benefits = page.locator('.pass-benefits[data-benefits="0900000067513"]');
    await eventually(() => benefits.locator('.points').textContent()).toBe('40 punten');
    expect(await benefits.locator('.rewards li').allTextContents()).toEqual([
      '[TEST] Gratis koffie in de foyer · 1 punt', '[TEST] Programmaboekje · 5 punten', '[TEST] Duoticket · 20 punten',
    ]);
    await page.click('.payment button:has-text("Pin")');
    await page.waitForSelector('.done[data-order]');
    await drainJobs(k);
    await eventually(() => salesAtUitpas(k, EVENT_100_PER_WEEK).length).toBe(1);
  });

  it('finds the cash order by number and cancels one ticket with a cash refund', async () => {
    screenshotOnFailure(() => page, 'cancel');
    page.once('dialog', (d) => void d.accept());
    await page.keyboard.press('F3');
    await page.fill('input[name=order-search]', cashOrderNumber);
    await page.waitForSelector(`.order-detail[data-order="${cashOrderNumber}"]`);
    await page.locator('table.tickets input[type=checkbox]').first().check();
    await page.click('button:has-text("Gekozen tickets annuleren")');
    await eventually(() => page.locator('table.tickets tr[data-status=cancelled]').count()).toBe(1);

    const found = await api('GET', `/api/orders?q=${cashOrderNumber}`);
    const order = (await api('GET', `/api/orders/${found.body.items[0].id}`)).body;
    expect(order.tickets.filter((t: { status: string }) => t.status === 'cancelled')).toHaveLength(1);
    expect(order.payments).toContainEqual(expect.objectContaining({ kind: 'refund', method: 'cash', amount: 3000 }));
  });

  it('shows the day’s sales in the daily sales report, with the cancellation netted', async (ctx) => {
    screenshotOnFailure(() => page, 'report');
    const probe = await api('GET', '/api/reports/daily-sales?from=2054-01-01&to=2054-01-01');
    if (probe.status === 404 && String(probe.body.type).endsWith('route-not-found')) {
      console.warn('Reports API absent: the daily sales step is skipped');
      ctx.skip();
    }
    await page.click('.topbar button:has-text("Rapporten")');
    await page.waitForSelector('.daily-sales table.data');
    const rows = await page.locator('.daily-sales table.data tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('Normaal') && r.includes('contant') && r.includes('kassa'))).toBe(true);
    expect(rows.join(' ')).not.toMatch(/\b(cash|boxoffice|normal)\b/);
    expect(rows.some((r) => r.includes('UiTPAS'))).toBe(true);
    // Two seats at € 30, one refunded, one UiTPAS ticket at € 7,50.
    expect(await page.locator('.daily-sales .total-revenue').textContent()).toBe('€ 37,50');
    expect(await page.locator('.daily-sales .total-tickets').textContent()).toBe('2');
  });
  it('shows the performances report with sales over time, and exports CSV', async (ctx) => {
    screenshotOnFailure(() => page, 'report-performances');
    const probe = await api('GET', '/api/reports/performances?from=2054-01-01&to=2054-01-01');
    if (probe.status === 404) ctx.skip();
    await page.click('.reports button:has-text("Voorstellingen")');
    await page.fill('input[name=report-from]', '2055-01-01');
    await page.fill('input[name=report-to]', '2055-01-31');
    const row = page.locator('.perf-report table.data tbody tr').first();
    await eventually(() => row.textContent()).toContain('Hamlet');
    await row.click();
    await page.waitForSelector('.perf-report [data-chart=sales-over-time] svg');
    const download = page.waitForEvent('download');
    await page.click('.perf-report .row button:has-text("Exporteer CSV")');
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file, 'utf8')).toContain('Hamlet');
  });

  it('reserves for a customer created in place, finds it by the customer’s name and takes payment later', async () => {
    screenshotOnFailure(() => page, 'reserve');
    await page.click('.topbar button:has-text("Verkoop")');
    await page.click('[data-seat="r3s3"]');
    await eventually(() => lines().count()).toBe(1);
    // No reservation without a customer's name.
    expect(await page.isDisabled('.payment button[name=reserve]')).toBe(true);
    await page.click('button:has-text("Nieuwe klant")');
    await page.fill('input[name=customer-name]', 'Jan Janssens');
    await page.fill('input[name=customer-email]', 'jan@example.test');
    await page.click('.customer button:has-text("Opslaan")');
    await page.waitForSelector('.customer strong:has-text("Jan Janssens")');
    await page.click('button:has-text("Reserveren, later betalen")');
    await page.waitForSelector('.done[data-order]');
    expect(await page.locator('.done h3').textContent()).toContain('Gereserveerd');
    // When it lapses, as the venue's wall clock (the API's local time with offset).
    const lapses = await page.getAttribute('.done .expires time', 'datetime');
    expect(lapses).toMatch(/\+0[12]:00$/);
    expect(await page.locator('.done .expires').textContent()).toContain(`${lapses!.slice(8, 10)}-${lapses!.slice(5, 7)}-${lapses!.slice(0, 4)} ${lapses!.slice(11, 16)}`);

    await page.keyboard.press('F3');
    await page.fill('input[name=order-search]', 'janssens');
    await page.waitForSelector('.order-detail .status.reserved');
    await page.click('.order-detail button:has-text("Nu betalen: Pin")');
    await page.waitForSelector('.order-detail h2 .status.paid');
    const number = await page.getAttribute('.order-detail', 'data-order');
    const found = await api('GET', `/api/orders?q=${number}`);
    const order = (await api('GET', `/api/orders/${found.body.items[0].id}`)).body;
    expect(order).toMatchObject({ status: 'paid', balance: 0, customer: { name: 'Jan Janssens', email: 'jan@example.test' } });
    expect(order.payments).toContainEqual(expect.objectContaining({ kind: 'payment', method: 'pin', amount: 2000 }));
  });

  it('Enter in the performance search leaves the field, so B takes best available, and F7 pays by pin', async () => {
    screenshotOnFailure(() => page, 'keys');
    await page.click('.topbar button:has-text("Verkoop")');
    await page.waitForSelector('[data-seat="r1s1"]');
    await page.keyboard.press('F2');
    await page.keyboard.type('Hamlet');
    await page.keyboard.press('Enter');
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('name') ?? '')).not.toBe('performance-search');
    await page.waitForSelector('[data-seat="r1s1"]');
    await page.keyboard.press('b');
    expect(await page.inputValue('input[name=performance-search]')).toBe('Hamlet');
    await eventually(() => lines().count()).toBe(2);
    const paid = page.waitForResponse((r) => r.url().endsWith('/checkout') && r.request().method() === 'POST');
    await page.keyboard.press('F7');
    const order = await (await paid).json();
    expect(order).toMatchObject({ status: 'paid' });
    expect(order.payments[0]).toMatchObject({ method: 'pin' });
    await page.waitForSelector('.done[data-order]');
    await page.keyboard.press('Escape');
    await page.fill('input[name=performance-search]', '');
  });

  it('shows every status word in nl and fr, and the ticket type list follows a language switch', async () => {
    screenshotOnFailure(() => page, 'language');
    const tt = (await api('GET', '/api/ticket-types')).body.items.find((x: { name: string }) => x.name === 'Normaal');
    const names = (await api('GET', `/api/ticket-types/${tt.id}`)).body.names;
    await api('PATCH', `/api/ticket-types/${tt.id}`, { names: { ...names, fr: 'Plein tarif', en: 'Full price' } });
    // The cash order: one ticket cancelled (refund), one valid; payments cash.
    const englishNl = /\b(paid|reserved|valid|cancelled|refund|payment|cash|debit|boxoffice|checked_out)\b/i;
    const englishFr = /\b(paid|reserved|valid|cancelled|refund|payment|cash|pin|debit|boxoffice|checked_out)\b/i;
    await page.keyboard.press('F3');
    await page.fill('input[name=order-search]', cashOrderNumber);
    await page.waitForSelector(`.order-detail[data-order="${cashOrderNumber}"]`);
    const nlText = await page.locator('.orders').innerText();
    expect(nlText).toContain('geannuleerd');
    expect(nlText).toContain('terugbetaling');
    expect(nlText).not.toMatch(englishNl);

    await page.selectOption('select.lang', 'fr');
    await page.fill('input[name=order-search]', '');
    await page.fill('input[name=order-search]', cashOrderNumber);
    await eventually(() => page.locator('.order-detail .status').first().textContent()).toBe('payé');
    const frText = await page.locator('.orders').innerText();
    expect(frText).toContain('annulé');
    expect(frText).toContain('remboursement');
    expect(frText).not.toMatch(englishFr);

    // The sell screen, now in French: a new line offers the French ticket type names.
    await page.click('.topbar button:has-text("Vente")');
    await page.click('[data-seat="r4s8"]');
    await eventually(() => page.locator('select[name=ticket-type] option:checked').textContent()).toBe('Plein tarif');
    await page.selectOption('select.lang', 'nl');
    await eventually(() => page.locator('select[name=ticket-type] option:checked').textContent()).toBe('Normaal');
    await page.click('.basket button.link:has-text("Mandje leegmaken"), aside.right button.link:has-text("Mandje leegmaken")');
  });
});
