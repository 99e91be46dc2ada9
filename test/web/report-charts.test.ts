// The report charts (Apache ECharts, loaded on first use) in a browser in Dutch, with a fixed clock:
// revenue by ticket type and channel, the season's occupancy, sales over time against capacity and
// the pace of the on-sale, with Dutch numbers ("7,5 %", "€ 30,00") and channel names ("kassa"), no English word.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ManualClock } from '../../src/platform/clock.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { eventually, logIn, openBrowser, screenshotOnFailure, type Browser } from './browser.js';

const NOW = '2054-11-23T12:00:00Z';
const ENGLISH = /\b(boxoffice|box office|discount|normal|capacity|sold|occupancy|revenue|per day)\b/i;

describe('report charts in Dutch', { timeout: 180_000 }, () => {
  let s: TestServer;
  let clock: ManualClock;
  let browser: Browser;
  let page: Page;
  let admin: Awaited<ReturnType<typeof orgWithUser>>;
  let c: Catalogue;

  const sell = async (channel: 'boxoffice' | 'online', seats: [string, keyof Catalogue['ticketTypes']][], method: string) => {
    const basket = (await s.request('POST', '/api/baskets', { token: admin.token, body: { channel } })).body;
    for (const [seat, type] of seats) {
      const r = await s.request('POST', `/api/baskets/${basket.id}/lines`, { token: admin.token, body: { performanceId: c.performanceId, seatIds: [seat], ticketTypeId: c.ticketTypes[type] } });
      expect(r.status).toBeLessThan(300);
    }
    const done = await s.request('POST', `/api/baskets/${basket.id}/checkout`, { token: admin.token, body: { payment: { method } } });
    expect(done.status, JSON.stringify(done.body)).toBeLessThan(300);
  };

  beforeAll(async () => {
    clock = fixedClock(NOW);
    s = await startServer('sqlite', { clock });
    admin = await orgWithUser(s, 'admin', 'Schouwburg Noord');
    c = await buildCatalogue(s, admin.token); // 40 seats, Hamlet on 15 January 2055
    await sell('boxoffice', [['r1s1', 'normal'], ['r1s2', 'discount']], 'cash');
    clock.set(new Date('2054-11-23T12:02:30Z'));
    await sell('online', [['r3s1', 'normal']], 'online');
    clock.set(new Date(NOW));
    browser = await openBrowser();
    await browser.context.clock.install({ time: new Date('2054-11-23T13:00:00Z') });
    page = browser.page;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const chartText = (name: string) => page.locator(`.report-chart[data-chart=${name}]`).innerText();

  it('daily sales: revenue per day and by ticket type, stacked by channel, in Dutch', async () => {
    screenshotOnFailure(() => page, 'report-charts-daily');
    await logIn(page, s.baseUrl, admin.email, admin.password);
    await page.click('button[name=tab-reports]');
    await page.waitForSelector('.report-chart[data-chart=revenue-by-type] svg');
    const byType = await chartText('revenue-by-type');
    expect(byType).toContain('Omzet per tickettype en kanaal');
    expect(byType).toContain('kassa');
    expect(byType).toContain('Korting');
    expect(byType).toMatch(/€ \d+,00/);
    expect(byType).not.toMatch(ENGLISH);
    const perDay = await chartText('revenue-per-day');
    expect(perDay).toContain('23 nov');
    expect(perDay).not.toMatch(ENGLISH);
  });

  it('daily sales table: dates, money, the venue filter and the ticket type in the words of the manager’s language', async () => {
    screenshotOnFailure(() => page, 'report-charts-daily-table');
    const table = page.locator('.daily-sales table.data').first();
    const header = () => table.locator('thead th').allTextContents();
    const firstRow = () => table.locator('tbody tr').first().locator('td').allTextContents();
    const allVenues = () => page.locator('select[name=report-venue] option').first().textContent();
    await eventually(header).toContain('Tickettype');
    expect((await firstRow())[0]).toBe('ma 23 nov 2054');
    expect(await table.locator('.total-revenue').textContent()).toMatch(/^€ \d+,\d\d$/);
    expect(await allVenues()).toBe('Alle locaties');

    await page.selectOption('select.lang', 'fr');
    await eventually(header).toContain('Type de billet');
    expect((await firstRow())[0]).toBe('lun. 23 nov. 2054');
    expect(await table.locator('.total-revenue').textContent()).toMatch(/^\d+,\d\d €$/);
    expect(await allVenues()).toBe('Tous les lieux');

    await page.selectOption('select.lang', 'en');
    await eventually(header).toContain('Ticket type');
    expect((await firstRow())[0]).toBe('Mon, 23 Nov 2054');
    expect(await table.locator('.total-revenue').textContent()).toMatch(/^€\d+\.\d\d$/);
    expect(await allVenues()).toBe('All venues');
    await page.selectOption('select.lang', 'nl');
    await eventually(header).toContain('Tickettype');
  });

  it('performances: the coming performances by default, occupancy "7,5 %", sales against capacity and the pace by the minute', async () => {
    screenshotOnFailure(() => page, 'report-charts-performances');
    await page.click('.reports button:has-text("Voorstellingen")');
    // No dates typed: the default period holds the coming performances.
    await page.waitForSelector('.report-chart[data-chart=occupancy] svg');
    await eventually(() => chartText('occupancy')).toContain('7,5 %');
    expect(await chartText('occupancy')).not.toMatch(/7\.5/);
    await eventually(() => page.locator('.perf-report table.data tbody tr').first().innerText()).toContain('7,5 %');
    // The tooltip: sold of capacity, in Dutch.
    const box = (await page.locator('.report-chart[data-chart=occupancy] .echart').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await eventually(() => chartText('occupancy')).toContain('3 / 40 verkocht: 7,5 %');

    await page.locator('.perf-report table.data tbody tr').first().click();
    await page.waitForSelector('.report-chart[data-chart=sales-over-time] svg');
    const sales = await chartText('sales-over-time');
    expect(sales).toContain('Capaciteit');
    expect(sales).toContain('Verkocht totaal');
    // All sales fell on one day: the capacity (40) is still drawn, a dashed red line across the whole chart.
    const chartBox = (await page.locator('.report-chart[data-chart=sales-over-time] .echart').boundingBox())!;
    const capacityWidths = await page.locator('.report-chart[data-chart=sales-over-time] svg path[stroke="#c62828"][stroke-dasharray]')
      .evaluateAll((ps) => ps.map((p) => (p as SVGGraphicsElement).getBBox().width));
    expect(Math.max(0, ...capacityWidths)).toBeGreaterThan(chartBox.width * 0.6);
    expect(sales).toContain('40');
    expect(sales).not.toMatch(ENGLISH);
    await page.waitForSelector('.report-chart[data-chart=on-sale-pace] svg');
    const pace = await chartText('on-sale-pace');
    expect(pace).toContain('kassa');
    expect(pace).toContain('online');
    expect(pace).toContain('13:00');
    expect(pace).not.toMatch(ENGLISH);
    expect(await page.locator('.performance-charts').innerText()).toContain('de eerste verkoop');
    if (process.env.FOYER_SHOT) await page.screenshot({ path: process.env.FOYER_SHOT, fullPage: true });
  });
});
