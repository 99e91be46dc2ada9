// The till in a real browser (desktop 1366x768): a shift opened with a float, a cash sale, a pin sale,
// a gift voucher sold, a sale paid partly cash and partly with that voucher, the shift closed with the
// counted cash; the cash-up on screen adds up and downloads as a PDF; the till's screens in French.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ManualClock } from '../../src/platform/clock.js';
import { buildCatalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type OrgFixture, type TestServer } from '../helpers/server.js';
import { logIn, openBrowser, screenshotOnFailure, eventually, type Browser } from './browser.js';

describe('the till in the browser', { timeout: 180_000 }, () => {
  let s: TestServer;
  let me: OrgFixture;
  let browser: Browser;
  let page: Page;
  let performanceId: string;

  beforeAll(async () => {
    s = await startServer('sqlite', { clock: new ManualClock(new Date()) });
    me = await orgWithUser(s, 'admin');
    // rows 3 and 4: rank 2, € 20,00 a seat
    performanceId = (await buildCatalogue(s, me.token, { rows: 4, perRow: 10 })).performanceId;
    browser = await openBrowser({ width: 1366, height: 768 });
    page = browser.page;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const cell = (table: string, method: string, col: string) => page.locator(`table[data-table=${table}] tr[data-method=${method}] td.${col}`).first().textContent();
  const sold = async () => {
    await page.waitForSelector('.done[data-order]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.done[data-order]', { state: 'detached' });
  };
  const take = async (seat: string) => {
    await page.click(`[data-seat="${seat}"]`);
    await eventually(() => page.locator('table.lines tbody tr').count()).toBe(1);
  };

  it('a shift from float to cash-up: cash, pin, a voucher sold and spent with cash; the cash-up adds up', async () => {
    screenshotOnFailure(() => page, 'till-shift');
    await logIn(page, s.baseUrl, me.email, me.password);
    await eventually(() => page.locator('button[name=shift-state]').textContent()).toBe('⚠ Geen dienst open');
    await page.click('button[name=tab-till]');
    await page.fill('input[name=float]', '150');
    await page.click('button[name=open-shift]');
    await eventually(() => page.locator('output[name=float]').textContent()).toBe('€ 150,00');
    await eventually(() => page.locator('button[name=shift-state]').textContent()).toBe('Dienst open');

    await page.click('button[name=tab-sell]');
    await page.waitForSelector('[data-seat="r3s1"]');
    // cash, with the change due; F8
    await take('r3s1');
    await page.keyboard.press('F8');
    await page.fill('input[name=cash-received]', '50');
    await eventually(() => page.locator('output[name=change-due]').textContent()).toBe('€ 30,00');
    await page.keyboard.press('Enter');
    await sold();
    // pin; F7
    await take('r3s2');
    await page.keyboard.press('F7');
    await sold();
    // a gift voucher of € 25,00, paid by pin
    await page.fill('input[name=voucher-value]', '25');
    await page.click('button[name=sell-voucher]');
    await eventually(() => page.locator('.basket-voucher').count()).toBe(1);
    await page.keyboard.press('F7');
    await page.waitForSelector('.sold-vouchers .voucher-code');
    const code = (await page.locator('.sold-vouchers .voucher-code').textContent())!;
    expect(code).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);
    await sold();
    // € 20,00: € 15,00 from the voucher, the rest cash (€ 10,00 handed over, € 5,00 back)
    await take('r3s3');
    await page.click('button[name=pay-split]');
    await page.fill('input[name=split-voucher-code]', code.toLowerCase().replace(/-/g, ' '));
    await page.click('button[name=check-voucher]');
    await eventually(() => page.locator('output[name=split-voucher-balance]').textContent()).toBe('€ 25,00');
    await page.fill('input[name=split-voucher]', '15');
    await eventually(() => page.locator('output[name=split-remaining]').textContent()).toBe('€ 5,00');
    await page.click('.split button.link >> nth=0'); // the rest in cash
    await eventually(() => page.locator('input[name=split-cash]').inputValue()).toBe('5,00');
    await page.fill('input[name=split-received]', '10');
    await eventually(() => page.locator('output[name=split-change]').textContent()).toBe('€ 5,00');
    await eventually(() => page.locator('output[name=split-remaining]').textContent()).toBe('€ 0,00');
    await page.click('button[name=split-confirm]');
    await sold();

    await page.click('button[name=tab-till]');
    // float 150 + cash 20 + 5 = 175 expected; 174,50 counted. Pin: 20 + 25.
    await eventually(() => cell('shift', 'cash', 'expected')).toBe('€ 175,00');
    await page.fill('input[name=counted-cash]', '174,50');
    await page.fill('input[name=counted-pin]', '45');
    await page.click('button[name=close-shift]');
    await page.waitForSelector('.cash-up-view[data-status=closed]');
    await eventually(() => cell('shift', 'cash', 'counted')).toBe('€ 174,50');
    expect(await cell('shift', 'cash', 'difference')).toBe('€ -0,50');
    expect(await cell('shift', 'pin', 'expected')).toBe('€ 45,00');
    expect(await cell('shift', 'pin', 'difference')).toBe('€ 0,00');
    expect(await cell('shift', 'voucher', 'expected')).toBe('€ 15,00');
    expect(await page.locator('output[name=vouchers-sold]').textContent()).toBe('1 · € 25,00');
    expect(await page.locator('output[name=net]').textContent()).toBe('€ 85,00');
    expect(await page.locator('output[name=orders]').textContent()).toBe('4');
    await eventually(() => page.locator('button[name=shift-state]').textContent()).toBe('⚠ Geen dienst open');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[name=cash-up-pdf]')]);
    const file = await download.path();
    expect(fs.readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-');

    // the voucher keeps its € 10,00
    await page.fill('input[name=lookup-code]', code);
    await page.click('.voucher-lookup button[type=submit]');
    await eventually(() => page.locator('output[name=voucher-balance]').textContent()).toBe('€ 10,00');
  });

  it('the till speaks French: no English on its screen', async () => {
    screenshotOnFailure(() => page, 'till-fr');
    await page.selectOption('select.lang', 'fr');
    await eventually(() => page.locator('button[name=tab-till]').textContent()).toBe('Caisse');
    await page.click('.closing button[type=submit]');
    await page.waitForSelector('table[data-table=day]');
    const text = (await page.locator('.till').innerText());
    expect(text).toContain('Clôture de caisse');
    expect(text).toContain('Clôture journalière');
    expect(text).toContain('Fonds de caisse');
    for (const english of ['Cash-up', 'Expected', 'Counted', 'Difference', 'Float', 'Shift', 'Gift voucher', 'Daily closing', 'Download']) {
      expect(text).not.toContain(english);
    }
  });

  it('a reservation paid later in parts: voucher, cash and pin, from the order panel', async () => {
    screenshotOnFailure(() => page, 'till-reservation-split');
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await s.request(method, path, { token: me.token, body });
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      return res.body;
    };
    const sale = await api('POST', '/api/baskets', { channel: 'boxoffice' });
    await api('POST', `/api/baskets/${sale.id}/vouchers`, { amount: 3000 });
    const sold = await api('POST', `/api/baskets/${sale.id}/checkout`, { payments: [{ method: 'cash', amount: 3000 }] });
    const code: string = (await api('GET', `/api/orders/${sold.id}/vouchers`)).items[0].code;
    const b = await api('POST', '/api/baskets', { channel: 'boxoffice' });
    await api('POST', `/api/baskets/${b.id}/lines`, { performanceId, seatIds: ['r4s1', 'r4s2', 'r4s3'] });
    await api('PUT', `/api/baskets/${b.id}/customer`, { name: 'Lotte Splitsma' });
    const reserved = await api('POST', `/api/baskets/${b.id}/checkout`, {});
    expect(reserved).toMatchObject({ status: 'reserved', total: 6000 });

    await page.selectOption('select.lang', 'nl');
    await page.click('button[name=tab-sell]');
    await page.keyboard.press('F3');
    await page.fill('input[name=order-search]', 'splitsma');
    await page.waitForSelector('.order-detail .status.reserved');
    await page.click('.order-detail button[name=pay-order-split]');
    // € 60,00: € 30,00 from the voucher (all it has), € 10,00 cash, the rest by pin
    await page.fill('.order-detail input[name=split-voucher-code]', code);
    await page.click('.order-detail button[name=check-voucher]');
    await eventually(() => page.locator('.order-detail output[name=split-voucher-balance]').textContent()).toBe('€ 30,00');
    await eventually(() => page.locator('.order-detail input[name=split-voucher]').inputValue()).toBe('30,00');
    await page.fill('.order-detail input[name=split-cash]', '10');
    await eventually(() => page.locator('.order-detail output[name=split-remaining]').textContent()).toBe('€ 20,00');
    expect(await page.isDisabled('.order-detail button[name=split-confirm]')).toBe(true);
    await page.click('.order-detail .split .row:nth-child(2) button.link'); // the rest by pin
    await eventually(() => page.locator('.order-detail output[name=split-remaining]').textContent()).toBe('€ 0,00');
    await page.click('.order-detail button[name=split-confirm]');
    await page.waitForSelector('.order-detail h2 .status.paid');
    await eventually(() => page.locator('.order-detail .balance').textContent()).toBe('€ 0,00');
    expect(await page.locator('.order-detail .payments li').count()).toBe(3);
    const order = await api('GET', `/api/orders/${reserved.id}`);
    expect(order.payments.map((p: { method: string; amount: number }) => [p.method, p.amount])).toEqual([['cash', 1000], ['pin', 2000], ['voucher', 3000]]);
    expect(await api('GET', `/api/vouchers/${code}`)).toMatchObject({ balance: 0, state: 'spent' });
  });

  it('where sales need an open shift, a refused payment says so and offers to open the shift', async () => {
    screenshotOnFailure(() => page, 'till-shift-required');
    const put = await s.request('PUT', '/api/shifts/settings', { token: me.token, body: { requireOpenShift: true } });
    expect(put.status).toBe(200);
    await page.selectOption('select.lang', 'nl');
    await page.click('button[name=tab-sell]');
    await page.waitForSelector('[data-seat="r2s1"]');
    await eventually(() => page.locator('button[name=shift-state]').textContent()).toBe('⚠ Geen dienst open');
    await page.click('[data-seat="r2s1"]');
    await eventually(() => page.locator('table.lines tbody tr').count()).toBe(1);
    await page.keyboard.press('F7');
    await eventually(() => page.locator('.payment .error').textContent()).toContain('Deze zaal neemt kassabetalingen alleen aan in een open dienst');
    await page.click('.payment button[name=go-open-shift]');
    await page.fill('input[name=float]', '100');
    await page.click('button[name=open-shift]');
    await eventually(() => page.locator('button[name=shift-state]').textContent()).toBe('Dienst open');
    await page.click('button[name=tab-sell]');
    // the basket waited: the same seat, paid by pin now
    await eventually(() => page.locator('table.lines tbody tr').count()).toBe(1);
    await page.keyboard.press('F7');
    await page.waitForSelector('.done[data-order]');
    const number = await page.getAttribute('.done[data-order]', 'data-order');
    const found = (await s.request('GET', `/api/orders?q=${number}`, { token: me.token })).body.items;
    expect(found).toMatchObject([{ number, status: 'paid' }]);
    await s.request('PUT', '/api/shifts/settings', { token: me.token, body: { requireOpenShift: false } });
  });
});
