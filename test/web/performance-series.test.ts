// The performance series screen in the back office (admin, desktop and narrow): every Thursday to
// Saturday at 20:15 for six weeks, one Friday clicked away in the preview, doors 45 minutes before,
// on sale with box office and online sales opening at set moments; the form grows with the page (no
// scroll box of its own) and fits a narrow window. Writes test-results/performance-series.png;
// FOYER_UPDATE_DOCS=1 also rewrites docs/performance-series.png. Then the price list takes the ranks
// of the halls new performances play in, and one performance is marked sold out, its box office sales
// closed, and cancelled after the dialog says what happens to its tickets. On SQLite and PostgreSQL.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIALECTS } from '../helpers/databases.js';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { eventually, logIn, openBrowser, screenshotOnFailure, type Browser } from './browser.js';

const NOW = '2054-11-23T12:00:00Z';
const DOCS = process.env.FOYER_UPDATE_DOCS === '1';

/** A small hall: rows 1..ranks, four seats each, row n in rank n. */
const seatMap = (ranks: number) => ({
  sections: [{
    name: 'Zaal',
    rows: Array.from({ length: ranks }, (_, r) => ({
      label: String(r + 1), seats: Array.from({ length: 4 }, (_, i) => ({ id: `r${r + 1}s${i + 1}`, label: String(i + 1), rank: r + 1, x: i * 30, y: r * 34 })),
    })),
  }],
});

/** The boxes between the form and the page's scrolling content that scroll or clip their content. */
const clippingBoxes = (page: Page) => page.evaluate(() => {
  const out: string[] = [];
  for (let e = document.querySelector('form.series-form'); e && !e.classList.contains('content'); e = e.parentElement) {
    if (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1) out.push(`${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
  }
  return out;
});

describe.each(DIALECTS)('the performance series screen on %s', (dialect) => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: Awaited<ReturnType<typeof orgWithUser>>;
  let productionId = '';
  let typeId = '';
  const api = async (method: string, path: string, body?: unknown) => {
    const r = await s.request(method, path, { token: admin.token, body });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  beforeAll(async () => {
    s = await startServer(dialect, { clock: fixedClock(NOW) });
    admin = await orgWithUser(s, 'admin', 'Stadsschouwburg Brugge');
    const venue = await api('POST', '/api/venues', { name: 'Stadsschouwburg', address: 'Vlamingstraat 29', postalCode: '8000', city: 'Brugge', country: 'BE', timeZone: 'Europe/Brussels' });
    await api('POST', `/api/venues/${venue.id}/halls`, { name: 'Grote zaal', seatMap: seatMap(2) });
    await api('POST', `/api/venues/${venue.id}/halls`, { name: 'Kleine zaal', seatMap: seatMap(3) });
    typeId = (await api('POST', '/api/ticket-types', { names: { nl: 'Normaal', fr: 'Normal', en: 'Regular' }, dipCategory: 'normal', channels: ['boxoffice', 'online'] })).id;
    productionId = (await api('POST', '/api/productions', { title: 'De Kersentuin', producer: 'Toneelhuis', durationMinutes: 150 })).id;
    browser = await openBrowser({ width: 1280, height: 900 });
    await browser.context.clock.install({ time: new Date(NOW) });
    page = browser.page;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('plans six weeks of Thursday to Saturday at 20:15 less one date, on sale with its sales moments, and creates 17', { timeout: 180_000 }, async () => {
    screenshotOnFailure(() => page, `performance-series-${dialect}`);
    await logIn(page, s.baseUrl, admin.email, admin.password);
    await page.click('button[name=tab-manage]');
    await page.click('button[name=manage-productions]');
    await page.click('button[name=open-production] >> text=De Kersentuin');
    await page.click('button[name=new-series]');
    const form = page.getByRole('form', { name: 'Reeks voorstellingen' });
    await form.locator('select[name=hallId]').selectOption({ label: 'Stadsschouwburg – Grote zaal' });
    await form.locator('input[name=from]').fill('2055-01-06');
    await form.locator('input[name=to]').fill('2055-02-13');
    await form.locator('input[name=doorsOpenMinutes]').fill('45');
    await form.locator('select[name=standardTicketTypeId]').selectOption({ label: 'Normaal' });
    await form.locator('select[name=status]').selectOption('on_sale');
    await form.locator('input[name=series-boxoffice-opens-at]').fill('2054-11-24T10:00');
    await form.locator('input[name=series-online-opens-at]').fill('2054-12-01T10:00');
    await form.locator('button[name=preview-series]').click();
    await eventually(() => form.locator('button[name=preview-date]').count()).toBe(18);
    await form.locator('button[name=preview-date][data-day="2055-01-29"]').click();
    await eventually(() => form.locator('button[name=create-performances]').textContent()).toBe('17 voorstellingen aanmaken');
    expect(await form.locator('[data-field=except]').textContent()).toBe('Uitzonderingen: vr 29-01-2055');

    // The whole form, preview and buttons included, is in the page: nothing scrolls or clips it.
    expect(await clippingBoxes(page)).toEqual([]);
    // The capture: the page made as tall as the form so that the element is drawn whole.
    const box = (await form.boundingBox())!;
    const height = Math.ceil(box.y + box.height + 24);
    if (height > 900) await page.setViewportSize({ width: 1280, height });
    await form.scrollIntoViewIfNeeded();
    fs.mkdirSync('test-results', { recursive: true });
    await form.screenshot({ path: `test-results/performance-series-${dialect}.png` });
    if (DOCS && dialect === 'sqlite') fs.copyFileSync(`test-results/performance-series-${dialect}.png`, 'docs/performance-series.png');
    await page.setViewportSize({ width: 1280, height: 900 });

    // A narrow window: the fields go under each other, nothing sticks out sideways.
    await page.setViewportSize({ width: 700, height: 900 });
    await eventually(() => clippingBoxes(page)).toEqual([]);
    const [fromBox, toBox] = [await form.locator('input[name=from]').boundingBox(), await form.locator('input[name=to]').boundingBox()];
    const formBox = (await form.boundingBox())!;
    expect(fromBox!.x + fromBox!.width).toBeLessThanOrEqual(formBox.x + formBox.width);
    expect(toBox!.x + toBox!.width).toBeLessThanOrEqual(formBox.x + formBox.width);
    await page.screenshot({ path: `test-results/performance-series-narrow-${dialect}.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await form.locator('button[name=create-performances]').click();
    await eventually(() => page.locator('tr[data-performance]').count()).toBe(17);
    expect(await page.locator('tr[data-performance] .status-chip.on_sale').count()).toBe(17);
    expect(await page.locator('tr[data-performance]').first().textContent()).toContain('deuren 19:30');

    const items = (await api('GET', `/api/performances?productionId=${productionId}&limit=50`)).items as {
      startsAt: string; doorsOpenAt: string; status: string; hallName: string; salesWindows: { channel: string; opensAt: string | null; closesAt: string | null }[];
    }[];
    const days = items.map((p) => p.startsAt.slice(0, 10)).sort();
    expect(days).toHaveLength(17);
    expect(days[0]).toBe('2055-01-07');
    expect(days.at(-1)).toBe('2055-02-13');
    expect(days).not.toContain('2055-01-29');
    expect(new Set(items.map((p) => `${p.startsAt.slice(10)} ${p.doorsOpenAt.slice(11, 16)} ${p.status} ${p.hallName}`))).toEqual(new Set(['T20:15:00+01:00 19:30 on_sale Grote zaal']));
    expect(new Set(items.map((p) => p.salesWindows.map((x) => `${x.channel} ${x.opensAt?.slice(0, 16)} ${x.closesAt}`).join(' | '))))
      .toEqual(new Set(['boxoffice 2054-11-24T10:00 null | online 2054-12-01T10:00 null']));
  });

  it('the production\'s price list takes the ranks of the halls its new performances play in, without opening the production again', { timeout: 120_000 }, async () => {
    screenshotOnFailure(() => page, `performance-series-ranks-${dialect}`);
    const grid = page.getByRole('form', { name: 'Prijslijst van de productie' });
    const columns = () => grid.locator('thead th').allTextContents();
    // Opened when the production had no performances (one column); the series in the Grote zaal brings its rank 2.
    await eventually(columns).toEqual(['Tickettype', 'rang 1', 'rang 2']);
    await grid.getByLabel('Normaal – rang 1').fill('30');
    // One performance in the Kleine zaal, whose seats go up to rank 3.
    await page.click('button[name=new-performance]');
    const form = page.getByRole('form', { name: 'Eén voorstelling' });
    await form.locator('select[name=hallId]').selectOption({ label: 'Stadsschouwburg – Kleine zaal' });
    await form.locator('input[name=startsAt]').fill('2055-02-20T15:00');
    await form.locator('button[name=create-performances]').click();
    await eventually(() => page.locator('tr[data-performance]').count()).toBe(18);
    await eventually(columns).toEqual(['Tickettype', 'rang 1', 'rang 2', 'rang 3']);
    // What was typed stays, and the new column saves.
    expect(await grid.getByLabel('Normaal – rang 1').inputValue()).toBe('30');
    await grid.getByLabel('Normaal – rang 3').fill('18,50');
    await grid.locator('button[name=save-prices]').click();
    await eventually(async () => ((await api('GET', `/api/productions/${productionId}/prices`)).prices as { rank: number; amount: number }[])
      .map((p) => `${p.rank}:${p.amount}`).sort()).toEqual(['1:3000', '3:1850']);
  });

  it('marks a performance sold out with its box office closing, then cancels it after showing what happens to its tickets', { timeout: 120_000 }, async () => {
    screenshotOnFailure(() => page, `performance-series-cancel-${dialect}`);
    const items = (await api('GET', `/api/performances?productionId=${productionId}&limit=50`)).items as { id: string; hallName: string }[];
    const matinee = items.find((p) => p.hallName === 'Kleine zaal')!.id;
    await api('PATCH', `/api/performances/${matinee}`, { standardTicketTypeId: typeId });
    await api('PUT', `/api/performances/${matinee}/prices`, { prices: [1, 2, 3].map((rank) => ({ ticketTypeId: typeId, rank, amount: 3000 })) });
    const row = page.locator('tr[data-performance]', { hasText: '20-02-2055' });
    await row.locator('input[name=select-performance]').check();
    await page.click('button[name=put-on-sale]');
    await eventually(() => row.locator('.status-chip').textContent()).toBe('In verkoop');
    const basket = async (seatIds: string[]) => {
      const b = await api('POST', '/api/baskets', { channel: 'boxoffice' });
      await api('POST', `/api/baskets/${b.id}/lines`, { performanceId: matinee, seatIds });
      return b.id as string;
    };
    await api('POST', `/api/baskets/${await basket(['r1s1', 'r1s2'])}/checkout`, { payment: { method: 'cash' } });
    const reserved = await basket(['r2s1']);
    await api('PUT', `/api/baskets/${reserved}/customer`, { name: 'Mevr. Janssens' });
    await api('POST', `/api/baskets/${reserved}/checkout`, {});
    await basket(['r3s1']); // held in an open basket

    await row.locator('button[name=edit-performance]').click();
    const editor = page.getByRole('form', { name: 'Bewerken' });
    expect(await editor.locator('select[name=status] option').allTextContents()).toEqual(['Concept', 'In verkoop', 'Uitverkocht']);
    await editor.locator('select[name=status]').selectOption('sold_out');
    await editor.locator('input[name=boxoffice-closes-at]').fill('2055-02-20T14:30');
    await editor.locator('button[name=save-performance]').click();
    await eventually(() => row.locator('.status-chip').textContent()).toBe('Uitverkocht');
    const soldOut = await api('GET', `/api/performances/${matinee}`);
    expect(soldOut).toMatchObject({ status: 'sold_out', salesWindows: [expect.objectContaining({ channel: 'boxoffice', closesAt: expect.stringMatching(/^2055-02-20T14:30/) })] });
    // Sold out goes back on sale (or is cancelled), not to draft: the editor offers only what the API allows.
    await row.locator('button[name=edit-performance]').click();
    expect(await editor.locator('select[name=status] option').allTextContents()).toEqual(['In verkoop', 'Uitverkocht']);
    expect(await editor.locator('input[name=boxoffice-closes-at]').inputValue()).toBe('2055-02-20T14:30');
    await editor.locator('button[name=close-editor]').click();

    await row.locator('button[name=cancel-performance]').click();
    const dialog = page.getByRole('alertdialog');
    await eventually(() => dialog.locator('.cancel-effects li').allTextContents()).toEqual([
      '3 kaarten in 2 bestellingen worden geannuleerd',
      '€ 60,00 wordt terugbetaald (1 betaalde bestelling)',
      '1 onbetaalde reservering vervalt',
      '1 plaats in een open winkelmandje komt vrij',
    ]);
    // Looking changes nothing.
    expect((await api('GET', `/api/performances/${matinee}`)).status).toBe('sold_out');
    await dialog.locator('button[name=confirm-cancel]').click();
    await eventually(() => page.getByRole('region', { name: 'Voorstellingen' }).getByRole('status').textContent()).toBe('Voorstelling geannuleerd; 3 kaarten geannuleerd');
    await eventually(() => row.locator('.status-chip').textContent()).toBe('Geannuleerd');
    expect(await row.locator('button[name=cancel-performance]').count()).toBe(0);
    expect(await api('GET', `/api/performances/${matinee}/cancellation`)).toMatchObject({ tickets: 0, heldPlaces: 0 });
  });
});
