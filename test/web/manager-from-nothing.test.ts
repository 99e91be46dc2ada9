// Starting from nothing, in a browser (issue 16's proof): on an empty organisation made as
// `npm run foyer -- create-organisation` makes it, the first admin does everything in the app: a venue,
// a 300-seat hall generated with two aisles, three ranks and a wheelchair row, three ticket types, a
// production with a series of 8 performances (one date clicked away), the production's price list over
// three ranks applied to the series, a box office user, the series put on sale with online sales open;
// the box office user then sells a seat of the 3rd performance, at the changed price, and the audit
// trail shows the price change. On SQLite and PostgreSQL.
// FOYER_UPDATE_DOCS=1 rewrites docs/hall-editor.png (docs/performance-series.png is test/web/performance-series.test.ts's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createOrganisationWithAdmin } from '../../src/organisations/first-admin.js';
import { DIALECTS } from '../helpers/databases.js';
import { fixedClock, startServer, type TestServer } from '../helpers/server.js';
import { eventually, logIn, openBrowser, screenshotOnFailure, type Browser } from './browser.js';

const NOW = '2054-11-23T12:00:00Z';
const ADMIN = { email: 'beheer@brugge.test', name: 'Beheer', password: 'eerste beheer wachtwoord' };
const CASHIER = { email: 'kassa@brugge.test', name: 'Kassa Kim', password: 'kassa wachtwoord 1' };
const DOCS = process.env.FOYER_UPDATE_DOCS === '1';

describe.each(DIALECTS)('a manager starts from nothing on %s', (dialect) => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let token = '';
  const dialogs: string[] = [];
  const api = async (method: string, path: string, body?: unknown) => {
    const r = await s.request(method, path, { token, body });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const manage = async (section: string) => {
    await page.click('button[name=tab-manage]');
    await page.click(`button[name=manage-${section}]`);
  };

  beforeAll(async () => {
    s = await startServer(dialect, { clock: fixedClock(NOW) });
    await createOrganisationWithAdmin(s.deps, 'Stadsschouwburg Brugge', ADMIN);
    token = (await api('POST', '/api/auth/login', { email: ADMIN.email, password: ADMIN.password })).token;
    browser = await openBrowser();
    await browser.context.clock.install({ time: new Date(NOW) });
    page = browser.page;
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.accept(); });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('the organisation is empty', async () => {
    expect((await api('GET', '/api/venues')).items).toEqual([]);
    expect((await api('GET', '/api/productions')).items).toEqual([]);
    expect((await api('GET', '/api/ticket-types')).items).toEqual([]);
  });

  it('creates a venue and generates a 300-seat hall with two aisles, three ranks and a wheelchair row', { timeout: 180_000 }, async () => {
    screenshotOnFailure(() => page, `from-nothing-hall-${dialect}`);
    await logIn(page, s.baseUrl, ADMIN.email, ADMIN.password);
    await manage('venues');
    await page.click('button[name=new-venue]');
    await page.fill('input[name=name]', 'Stadsschouwburg');
    await page.fill('input[name=address]', 'Vlamingstraat 29');
    await page.fill('input[name=postalCode]', '8000');
    await page.fill('input[name=city]', 'Brugge');
    await page.selectOption('select[name=country]', 'BE');
    await page.selectOption('select[name=timeZone]', 'Europe/Brussels');
    await page.click('button[name=save-venue]');
    await page.click('button[name=new-hall]');
    await page.fill('input[name=hall-name]', 'Grote zaal');
    await page.fill('input[name=grid-aisles]', '10, 20');
    await page.click('button[name=generate]');
    await eventually(() => page.locator('.hall-preview [data-seat]').count()).toBe(300);
    // Rows A-C stay rank 1, D-G rank 2, H-J rank 3; row J is wheelchair places.
    for (const [rank, rows] of [[2, 'DEFG'], [3, 'HIJ']] as const) {
      for (const r of rows) await page.click(`.hall-preview [data-row="Zaal/${r}"]`);
      await eventually(() => page.locator('output[name=selected-count]').textContent()).toBe(String(rows.length * 30));
      await page.click(`button[name=paint-rank-${rank}]`);
      await page.click('button[name=select-none]');
    }
    await page.click('.hall-preview [data-row="Zaal/J"]');
    await page.click('button[name=flag-wheelchair]');
    await page.click('button[name=select-none]');
    await eventually(() => page.locator('.hall-preview g[data-seat] .seat-icon').count()).toBe(30);
    await page.click('button[name=save-hall]');
    await eventually(() => page.locator('.hall-editor .saved').textContent()).toBe('Zaal opgeslagen');
    await page.screenshot({ path: DOCS && dialect === 'sqlite' ? 'docs/hall-editor.png' : `test-results/hall-editor-${dialect}.png` });

    const [venue] = (await api('GET', '/api/venues')).items;
    expect(venue).toMatchObject({ name: 'Stadsschouwburg', city: 'Brugge', country: 'BE', timeZone: 'Europe/Brussels' });
    const [hall] = (await api('GET', `/api/venues/${venue.id}/halls`)).items;
    expect(hall).toMatchObject({ name: 'Grote zaal', seatCount: 300, capacity: 300 });
    const rows = (await api('GET', `/api/halls/${hall.id}`)).seatMap.sections[0].rows as { label: string; seats: { x: number; rank: number; wheelchair: boolean }[] }[];
    expect(rows.map((r) => `${r.label}${new Set(r.seats.map((x) => x.rank)).size === 1 ? r.seats[0].rank : '?'}`).join(' ')).toBe('A1 B1 C1 D2 E2 F2 G2 H3 I3 J3');
    expect(rows[0].seats.slice(1).map((seat, i) => seat.x - rows[0].seats[i].x).filter((gap) => gap > 30)).toHaveLength(2);
    expect(rows.map((r) => r.seats.filter((x) => x.wheelchair).length)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 30]);
  });

  it('creates three ticket types, a production and a series of 8 performances', { timeout: 180_000 }, async () => {
    screenshotOnFailure(() => page, `from-nothing-series-${dialect}`);
    await page.click('button[name=back]');
    await manage('ticket-types');
    for (const [nl, fr, en, dip] of [['Normaal', 'Normal', 'Regular', 'normal'], ['Korting', 'Réduction', 'Discount', 'discount'], ['Vrijkaart', 'Gratuit', 'Free', 'free']]) {
      await page.click('button[name=new-ticket-type]');
      await page.getByLabel('Naam (Nederlands)').fill(nl);
      await page.getByLabel('Naam (Frans)').fill(fr);
      await page.getByLabel('Naam (Engels)').fill(en);
      await page.getByLabel('DIP-categorie').selectOption(dip);
      await page.click('button[name=save-ticket-type]');
      await page.waitForSelector(`tr[data-ticket-type] >> text=${nl}`);
    }

    await page.click('button[name=manage-productions]');
    await page.click('button[name=new-production]');
    await page.fill('input[name=title]', 'De Kersentuin');
    await page.fill('input[name=producer]', 'Toneelhuis');
    await page.fill('input[name=durationMinutes]', '150');
    await page.click('button[name=save-production]');
    await page.click('button[name=new-series]');
    // Thursday to Saturday at 20:15 for three weeks, less one Friday: 8 performances.
    await page.fill('input[name=from]', '2055-01-06');
    await page.fill('input[name=to]', '2055-01-23');
    await page.selectOption('select[name=standardTicketTypeId]', { label: 'Normaal' });
    await page.click('button[name=preview-series]');
    await eventually(() => page.locator('button[name=preview-date]').count()).toBe(9);
    await page.click('button[name=preview-date][data-day="2055-01-15"]');
    await eventually(() => page.locator('button[name=create-performances]').textContent()).toContain('8');
    await page.click('button[name=create-performances]');
    await eventually(() => page.locator('tr[data-performance]').count()).toBe(8);

    const [production] = (await api('GET', '/api/productions')).items;
    expect(production).toMatchObject({ title: 'De Kersentuin', durationMinutes: 150 });
    const performances = (await api('GET', `/api/performances?productionId=${production.id}&limit=50`)).items as { startsAt: string; status: string }[];
    // The API answers the venue's wall clock with its offset.
    expect(performances.map((p) => p.startsAt).sort()).toEqual(
      ['07', '08', '09', '14', '16', '21', '22', '23'].map((d) => `2055-01-${d}T20:15:00+01:00`),
    );
    expect(performances.every((p) => p.status === 'draft')).toBe(true);
  });

  it('prices the series over three ranks, changes one price, adds a box office user and puts the series on sale', { timeout: 180_000 }, async () => {
    screenshotOnFailure(() => page, `from-nothing-prices-${dialect}`);
    // The price list's columns are the ranks of the halls of the production's performances: the new
    // hall's three come in with the series, without opening the production again.
    const grid = page.getByRole('form', { name: 'Prijslijst van de productie' });
    await grid.getByLabel('Vrijkaart – rang 3').waitFor();
    const amounts: Record<string, string[]> = { Normaal: ['30', '27,50', '20'], Korting: ['25', '20', '15'], Vrijkaart: ['0', '0', '0'] };
    for (const [type, row] of Object.entries(amounts)) {
      for (const [i, amount] of row.entries()) await grid.getByLabel(`${type} – rang ${i + 1}`).fill(amount);
    }
    await page.click('button[name=save-prices]');
    await eventually(() => page.getByRole('status').first().textContent()).toBe('Prijslijst opgeslagen');
    await page.click('button[name=apply-prices]');
    await eventually(() => page.getByRole('status').first().textContent()).toBe('Prijslijst toegepast op 8 voorstelling(en).');
    // The price of a regular seat in the front goes up before the sale opens.
    await grid.getByLabel('Normaal – rang 1').fill('32,50');
    await page.click('button[name=save-prices]');
    await eventually(() => page.getByRole('status').first().textContent()).toBe('Prijslijst opgeslagen');
    await page.click('button[name=apply-prices]');
    await eventually(() => dialogs.filter((d) => d.includes('8 voorstelling(en)')).length).toBe(2);
    await eventually(() => page.getByRole('status').first().textContent()).toBe('Prijslijst toegepast op 8 voorstelling(en).');

    // All 8 on sale, online from this morning on.
    await page.check('input[name=select-all]');
    await page.fill('input[name=online-opens-at]', '2054-11-23T09:00');
    await page.click('button[name=put-on-sale]');
    await eventually(() => page.locator('tr[data-performance] .status-chip.on_sale').count()).toBe(8);

    await manage('people');
    await page.click('button[name=new-user]');
    await page.fill('input[name=email]', CASHIER.email);
    await page.fill('input[name=name]', CASHIER.name);
    await page.selectOption('select[name=role]', 'boxoffice');
    await page.fill('input[name=password]', CASHIER.password);
    await page.click('button[name=save-user]');
    await page.waitForSelector(`tr[data-user="${CASHIER.email}"]`);

    const [production] = (await api('GET', '/api/productions')).items;
    const performances = (await api('GET', `/api/performances?productionId=${production.id}&limit=50`)).items as { id: string; status: string; salesWindows: { channel: string; opensAt: string | null }[] }[];
    expect(performances.map((p) => p.status)).toEqual(Array(8).fill('on_sale'));
    expect(performances.map((p) => p.salesWindows.find((x) => x.channel === 'online')?.opensAt?.slice(0, 16))).toEqual(Array(8).fill('2054-11-23T09:00'));
    const prices = (await api('GET', `/api/performances/${performances[2].id}/prices`)).prices as { amount: number }[];
    expect(prices.map((p) => p.amount).sort((a, b) => a - b)).toEqual([0, 0, 0, 1500, 2000, 2000, 2500, 2750, 3250]);
  });

  it('the box office user sells a seat of the 3rd performance at the new price', { timeout: 180_000 }, async () => {
    const cashier = await openBrowser();
    try {
      await cashier.context.clock.install({ time: new Date(NOW) });
      const p = cashier.page;
      screenshotOnFailure(() => p, `from-nothing-sale-${dialect}`);
      await logIn(p, s.baseUrl, CASHIER.email, CASHIER.password);
      await eventually(() => p.locator('.perf').count()).toBe(8);
      const third = p.locator('.perf').nth(2);
      expect(await third.textContent()).toContain('09-01-2055 20:15');
      await third.click();
      await eventually(() => p.locator('.seatmap [data-seat]').count()).toBe(300);
      await p.click('[data-seat="zaal-a-5"]');
      await eventually(() => p.locator('.basket-total').textContent()).toBe('€ 32,50');
      await p.click('.payment button:has-text("Pin")');
      await p.waitForSelector('.done[data-order]');
      const number = await p.getAttribute('.done', 'data-order');
      const found = (await api('GET', `/api/orders?q=${number}`)).items;
      const order = await api('GET', `/api/orders/${found[0].id}`);
      expect(order).toMatchObject({ status: 'paid', total: 3250, tickets: [expect.objectContaining({ seatId: 'zaal-a-5' })] });
      const performance = await api('GET', `/api/performances/${order.tickets[0].performanceId}`);
      expect(performance.startsAt).toBe('2055-01-09T20:15:00+01:00');
    } finally {
      await cashier.close();
    }
  });

  it('the audit trail shows the price change', { timeout: 120_000 }, async () => {
    screenshotOnFailure(() => page, `from-nothing-audit-${dialect}`);
    const [production] = (await api('GET', '/api/productions')).items;
    await manage('audit');
    const changes = page.locator(`tr[data-audit=price-list][data-subject-id="${production.id}"] li[data-field="Normaal · 1"]`);
    await eventually(() => changes.allTextContents()).toContain('Normaal · 1: € 30,00 → € 32,50');
  });
});

