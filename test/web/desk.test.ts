// The box office on a busy night, in a real browser on the demo Amsterdam hall: a whole row or a
// dragged area into the basket in one request, blocking a row with a reason that shows again (on the
// seat and in the list of blocks, where it is lifted), customers found by phone number and orders by
// part of their number, and the payment staying on screen with 8 lines at 1366x768 and 1280x720, and
// with 14 lines at 1366x768 (the list scrolls to its last line, the payment buttons stay and pay).
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ADMIN } from '../../src/demo/plan.js';
import { seedDemo } from '../../src/demo/seed.js';
import { ManualClock } from '../../src/platform/clock.js';
import { localDate } from '../../src/platform/time.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { logIn, openBrowser, screenshotOnFailure, eventually, type Browser } from './browser.js';

describe('the box office desk', { timeout: 120_000 }, () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let token = '';
  let performanceId = '';
  /** The Zaal's rows of the demo hall: seat ids front to back. */
  let rows: string[][] = [];

  const api = (method: string, path: string, body?: unknown) => s.request(method, path, { token, body });
  const sell = async (seatIds: string[]) => {
    const b = await api('POST', '/api/baskets', { channel: 'boxoffice' });
    expect((await api('POST', `/api/baskets/${b.body.id}/lines`, { performanceId: performanceId, seatIds })).status).toBe(200);
    const done = await api('POST', `/api/baskets/${b.body.id}/checkout`, { payment: { method: 'cash' } });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    return done.body as { id: string; number: string };
  };
  const lines = () => page.locator('table.lines tbody tr');
  const status = (seatId: string) => page.getAttribute(`[data-seat="${seatId}"]`, 'data-status');
  /** Counts the POSTs that add places to a basket. */
  const linePosts = () => {
    const seen: string[] = [];
    page.on('request', (r) => { if (r.method() === 'POST' && /\/api\/baskets\/[^/]+\/lines$/.test(r.url())) seen.push(r.postData() ?? ''); });
    return seen;
  };
  const centre = async (seatId: string) => {
    const box = (await page.locator(`[data-seat="${seatId}"]`).boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const clearBasket = async () => {
    await page.click('aside.right button.link:has-text("Mandje leegmaken")');
    await eventually(() => lines().count()).toBe(0);
  };

  beforeAll(async () => {
    // This morning in Amsterdam, so that the desk's "today" (the browser's date there) is the server's:
    // between midnight there and midnight UTC the two dates differ. The demo's season starts on this
    // week's Monday; its Hamlets (Wednesday to Friday) are over by the weekend, while Beethoven 9 (in
    // the week after next) is ahead whatever the day the suite runs.
    const morning = new Date(`${localDate(new Date(), 'Europe/Amsterdam')}T07:00:00Z`);
    s = await startServer('sqlite', { clock: new ManualClock(morning) });
    const seeded = await seedDemo(s.deps, pino({ level: 'silent' }));
    performanceId = seeded.performanceIds['beethoven-1'];
    token = (await s.request('POST', '/api/auth/login', { body: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password } })).body.token;
    const hall = (await api('GET', `/api/performances/${performanceId}`)).body.hallId;
    const zaal = (await api('GET', `/api/halls/${hall}`)).body.seatMap.sections[0] as { rows: { seats: { id: string }[] }[] };
    rows = zaal.rows.map((r) => r.seats.map((x) => x.id));
    browser = await openBrowser({ width: 1366, height: 768 });
    page = browser.page;
    await logIn(page, s.baseUrl, DEMO_ADMIN.email, DEMO_ADMIN.password);
    await page.fill('input[name=performance-search]', 'Beethoven');
    // The list filtered to Beethoven 9: its first is the first Beethoven 9 (the one sold from here).
    await page.waitForFunction(() => [...document.querySelectorAll('.perf strong')].every((e) => e.textContent === 'Beethoven 9')
      && document.querySelectorAll('.perf strong').length > 0);
    const seatsAsked = page.waitForRequest((r) => /\/api\/performances\/[^/]+\/seats$/.test(r.url()));
    await page.locator('.perf').first().click();
    // The performance the desk shows: the sales below are made in it.
    performanceId = /\/api\/performances\/([^/]+)\/seats$/.exec((await seatsAsked).url())![1];
    await page.waitForSelector(`[data-seat="${rows[0][0]}"]`);
    // Row 3: 16 of its 24 seats sold, 8 left; row 7: one seat sold.
    await sell(rows[2].slice(4, 20));
    await sell([rows[6][4]]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('a click on a row number takes the row’s free seats into the basket in one request; the payment stays in view at 1366x768 and 1280x720', async () => {
    screenshotOnFailure(() => page, 'desk-row');
    await eventually(() => status(rows[2][4]), { timeout: 30_000 }).toBe('sold');
    const posts = linePosts();
    await page.click('[data-row="Zaal/3"]');
    await eventually(() => page.locator('.selection-count').textContent()).toBe('8');
    expect(await page.locator('[data-selected]').count()).toBe(8);
    // A second click gives the row back; a third takes it again.
    await page.click('[data-row="Zaal/3"]');
    await eventually(() => page.locator('.selection').count()).toBe(0);
    await page.click('[data-row="Zaal/3"]');
    await page.click('button[name=add-selection]');
    await eventually(() => lines().count()).toBe(8);
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0]).seatIds.sort()).toEqual([...rows[2].slice(0, 4), ...rows[2].slice(20)].sort());
    await eventually(() => status(rows[2][0])).toBe('mine');
    expect(await page.locator('.selection').count()).toBe(0);

    for (const size of [{ width: 1366, height: 768 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(size);
      // The total and every payment button are on screen (the lines scroll when they do not fit).
      await eventually(() => lines().count()).toBe(8);
      for (const sel of ['.basket-total', '.payment button[name=pay-cash]', '.payment button[name=pay-pin]', '.payment button[name=pay-invoice]', '.payment button[name=reserve]']) {
        const box = (await page.locator(sel).boundingBox())!;
        expect(box, `${sel} at ${size.width}x${size.height}`).not.toBeNull();
        expect(box.y + box.height, `${sel} at ${size.width}x${size.height}`).toBeLessThanOrEqual(size.height);
        expect(box.y).toBeGreaterThanOrEqual(0);
      }
      expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    // F7 pays the 8 by pin straight away.
    const paid = page.waitForResponse((r) => r.url().endsWith('/checkout') && r.request().method() === 'POST');
    await page.keyboard.press('F7');
    expect((await (await paid).json()).tickets).toHaveLength(8);
    await page.waitForSelector('.done[data-order]');
    await page.keyboard.press('Escape');
  });

  it('with 14 lines at 1366x768 the lines scroll, the last one is reached by scrolling, and the payment stays in view and pays', async () => {
    screenshotOnFailure(() => page, 'desk-many-lines');
    await page.setViewportSize({ width: 1366, height: 768 });
    const seats = rows[14].slice(0, 14);
    for (const [i, seat] of seats.entries()) {
      await page.click(`[data-seat="${seat}"]`);
      await eventually(() => lines().count()).toBe(i + 1);
    }
    const scroller = page.locator('aside.right .lines-scroll');
    // The list is taller than its box: it scrolls, the page does not.
    expect(await scroller.evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    const inView = async (sel: string) => {
      const box = (await page.locator(sel).boundingBox())!;
      expect(box, sel).not.toBeNull();
      expect(box.y, sel).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, sel).toBeLessThanOrEqual(768);
    };
    const payButtons = ['.basket-total', '.payment button[name=pay-cash]', '.payment button[name=pay-pin]', '.payment button[name=pay-split]', '.payment button[name=reserve]'];
    for (const sel of payButtons) await inView(sel);
    // The last line is below the list's edge until the list is scrolled to it.
    const last = lines().last();
    const edge = async () => (await scroller.boundingBox())!;
    expect((await last.boundingBox())!.y).toBeGreaterThan((await edge()).y + (await edge()).height - 1);
    await scroller.hover();
    await page.mouse.wheel(0, 2000);
    await eventually(async () => {
      const box = (await last.boundingBox())!;
      const e = await edge();
      return box.y >= e.y && box.y + box.height <= e.y + e.height + 1;
    }).toBe(true);
    for (const sel of payButtons) await inView(sel);
    // Reached, the last line is usable: take it out; then the payment button pays the other 13.
    await last.locator('button[aria-label]').click();
    await eventually(() => lines().count()).toBe(13);
    const paid = page.waitForResponse((r) => r.url().endsWith('/checkout') && r.request().method() === 'POST');
    await page.click('.payment button[name=pay-pin]');
    expect((await (await paid).json()).tickets).toHaveLength(13);
    await page.waitForSelector('.done[data-order]');
    await page.keyboard.press('Escape');
  });

  it('dragging over seats chooses the free ones in the rectangle; one request takes them all', async () => {
    screenshotOnFailure(() => page, 'desk-drag');
    await eventually(() => status(rows[6][4]), { timeout: 30_000 }).toBe('sold');
    const posts = linePosts();
    const from = await centre(rows[5][2]);
    const to = await centre(rows[6][6]);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
    await page.mouse.move(to.x, to.y, { steps: 4 });
    await page.mouse.up();
    // Seats 3-7 of rows 6 and 7, less the sold one.
    await eventually(() => page.locator('.selection-count').textContent()).toBe('9');
    await page.click('button[name=add-selection]');
    await eventually(() => lines().count()).toBe(9);
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0]).seatIds.sort()).toEqual([...rows[5].slice(2, 7), ...rows[6].slice(2, 4), ...rows[6].slice(5, 7)].sort());
    await clearBasket();
    await eventually(() => status(rows[5][2])).toBe('free');
  });

  it('blocks a row with a reason in one go; the reason shows on the seat and in the list of blocks, where the block is lifted', async () => {
    screenshotOnFailure(() => page, 'desk-blocks');
    await page.check('input[name=block-mode]');
    await eventually(() => page.locator('.block-list').textContent()).toContain('Geen blokkades');
    await page.click('[data-row="Zaal/10"]');
    await eventually(() => page.locator('[data-selected]').count()).toBe(24);
    await page.fill('input[name=block-reason]', 'Camera-opstelling');
    await page.click('.blocks button:has-text("Definitief")');
    await eventually(() => status(rows[9][0])).toBe('blocked-definitive');
    expect(await page.locator('[data-status=blocked-definitive]').count()).toBe(24);
    // On hover: the seat's title names the block and its reason.
    expect(await page.locator(`[data-seat="${rows[9][5]}"] title`).textContent()).toBe('Zaal 10-6 (2) · Geblokkeerd (definitief): Camera-opstelling');

    const item = page.locator('.block-list li').first();
    await eventually(() => item.locator('.block-reason').textContent()).toBe('Camera-opstelling');
    expect(await item.locator('.block-places').textContent()).toBe('Zaal, rij 10, stoel 1–24');
    expect(await item.locator('.block-by').textContent()).toMatch(/^door Demo Beheerder · \w+ \d\d-\d\d-\d{4} \d\d:\d\d$/);
    expect(await item.locator('.block-kind').textContent()).toContain('24 plaatsen');
    await page.selectOption('.topbar select.lang', 'fr');
    await eventually(() => item.locator('.block-places').textContent()).toBe('Zaal, rang 10, siège 1–24');
    await eventually(() => page.locator(`[data-seat="${rows[9][5]}"] title`).textContent()).toContain('Bloqué');
    await page.selectOption('.topbar select.lang', 'nl');

    await item.locator('button:has-text("Opheffen")').click();
    await eventually(() => status(rows[9][0])).toBe('free');
    await eventually(() => page.locator('.block-list').textContent()).toContain('Geen blokkades');
    const left = (await api('GET', `/api/performances/${performanceId}/blocks`)).body.items;
    expect(left).toEqual([]);
    await page.uncheck('input[name=block-mode]');
  });

  it('finds a customer by phone number typed any way, and an order by part of its number without the dash', async () => {
    screenshotOnFailure(() => page, 'desk-search');
    expect((await api('POST', '/api/customers', { name: 'Fleur de Vries', phone: '+31 6 1234 5678' })).status).toBe(201);
    await page.click(`[data-seat="${rows[12][10]}"]`);
    await eventually(() => lines().count()).toBe(1);
    await page.fill('input[name=customer-search]', '06-1234 5678');
    const found = page.locator('.customer .found button');
    await eventually(() => found.first().textContent()).toContain('Fleur de Vries');
    expect(await found.first().textContent()).toContain('+31 6 1234 5678');
    await found.first().click();
    await page.waitForSelector('.customer strong:has-text("Fleur de Vries")');
    await page.click('button:has-text("Reserveren, later betalen")');
    await page.waitForSelector('.done[data-order]');
    const number = (await page.getAttribute('.done', 'data-order'))!;
    await page.keyboard.press('Escape');

    // The middle of the number, across its dash, typed without it.
    await page.keyboard.press('F3');
    await page.fill('input[name=order-search]', number.replace('-', '').slice(2, 7));
    await page.waitForSelector(`.order-detail[data-order="${number}"]`);
    expect(await page.locator('.order-detail').textContent()).toContain('Fleur de Vries');
    await page.fill('input[name=order-search]', '0612345678');
    await eventually(() => page.locator(`.orders button.order[data-order="${number}"]`).count()).toBe(1);
  });
});
