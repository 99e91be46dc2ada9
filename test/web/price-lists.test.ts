// Ticket types and price lists in the back office (admin, desktop): a manager creates three ticket
// types, fills the production's price list over three ranks (a typed "abc" refused on its cell),
// applies it to the production's performances after a confirmation that says how many change, finds
// it on one performance, and reads the price change in the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { eventually, logIn, openBrowser, screenshotOnFailure, type Browser } from './browser.js';

const NOW = '2054-11-23T12:00:00Z';

describe('ticket types and price lists in the back office', { timeout: 180_000 }, () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: Awaited<ReturnType<typeof orgWithUser>>;
  let productionId: string;
  const performances: string[] = [];
  const dialogs: string[] = [];
  const api = async (method: string, path: string, body?: unknown) => {
    const r = await s.request(method, path, { token: admin.token, body });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  beforeAll(async () => {
    s = await startServer('sqlite', { clock: fixedClock(NOW) });
    admin = await orgWithUser(s, 'admin', 'Schouwburg Zuid');
    const venue = await api('POST', '/api/venues', { name: 'Zuid', address: 'Plein 1', postalCode: '1000', city: 'Gent', country: 'BE', timeZone: 'Europe/Brussels' });
    const seats = (r: number) => Array.from({ length: 4 }, (_, i) => ({ id: `r${r}s${i + 1}`, label: String(i + 1), rank: r, x: i * 30, y: r * 34 }));
    const hall = await api('POST', `/api/venues/${venue.id}/halls`, { name: 'Grote zaal', seatMap: { sections: [{ name: 'Zaal', rows: [1, 2, 3].map((r) => ({ label: String(r), seats: seats(r) })) }] } });
    productionId = (await api('POST', '/api/productions', { title: 'De Storm' })).id;
    for (const day of ['2055-03-05', '2055-03-06']) {
      performances.push((await api('POST', '/api/performances', { productionId, hallId: hall.id, startsAt: `${day}T20:15` })).id);
    }
    browser = await openBrowser();
    await browser.context.clock.install({ time: new Date(NOW) });
    page = browser.page;
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.accept(); });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('creates three ticket types, prices them over three ranks, applies the list and sees it in the audit trail', async () => {
    screenshotOnFailure(() => page, 'price-lists');
    await logIn(page, s.baseUrl, admin.email, admin.password);
    await page.click('button[name=tab-manage]');
    await page.click('button[name=manage-ticket-types]');
    // The UiTPAS checkboxes: a small box with its label beside it, on one line.
    await page.click('button[name=new-ticket-type]');
    for (const name of ['uitpas', 'uitpasGroup']) {
      const box = (await page.locator(`input[type=checkbox][name=${name}]`).boundingBox())!;
      const label = (await page.locator(`[data-field=${name}] .field-label`).boundingBox())!;
      expect(box.width).toBeLessThan(30);
      expect(box.height).toBeLessThan(30);
      expect(label.x).toBeGreaterThan(box.x + box.width - 1);
      expect(Math.abs((label.y + label.height / 2) - (box.y + box.height / 2))).toBeLessThan(6);
    }
    await page.click('button[name=close-ticket-type]');
    for (const [nl, fr, en, dip] of [['Normaal', 'Normal', 'Regular', 'normal'], ['Korting', 'Réduction', 'Discount', 'discount'], ['Vrijkaart', 'Gratuit', 'Free', 'free']]) {
      await page.click('button[name=new-ticket-type]');
      await page.getByLabel('Naam (Nederlands)').fill(nl);
      await page.getByLabel('Naam (Frans)').fill(fr);
      await page.getByLabel('Naam (Engels)').fill(en);
      await page.getByLabel('DIP-categorie').selectOption(dip);
      await page.click('button[name=save-ticket-type]');
      await page.waitForSelector(`tr[data-ticket-type] >> text=${nl}`);
    }
    const types = (await api('GET', '/api/ticket-types')).items as { id: string; names: { nl: string }; dipCategory: string }[];
    expect(types.map((t) => [t.names.nl, t.dipCategory]).sort()).toEqual([['Korting', 'discount'], ['Normaal', 'normal'], ['Vrijkaart', 'free']]);

    await page.click('button[name=manage-productions]');
    await page.click('button[name=open-production] >> text=De Storm');
    const grid = page.getByRole('form', { name: 'Prijslijst van de productie' });
    await grid.getByLabel('Normaal – rang 3').waitFor();
    const amounts: Record<string, string[]> = { Normaal: ['32,50', '27.50', '20'], Korting: ['25', '20', '15,5'], Vrijkaart: ['0', '0', 'abc'] };
    for (const [type, row] of Object.entries(amounts)) {
      for (const [i, amount] of row.entries()) await grid.getByLabel(`${type} – rang ${i + 1}`).fill(amount);
    }
    await page.click('button[name=save-prices]');
    await eventually(() => grid.locator('td.invalid .field-error').textContent()).toBe('geen bedrag');
    await grid.getByLabel('Vrijkaart – rang 3').fill('0');
    await page.click('button[name=save-prices]');
    await eventually(() => page.getByRole('status').first().textContent()).toBe('Prijslijst opgeslagen');
    // Shown back in the user's locale, stored as cents.
    expect(await grid.getByLabel('Normaal – rang 2').inputValue()).toBe('27,50');
    const stored = (await api('GET', `/api/productions/${productionId}/prices`)).prices as { amount: number }[];
    expect(stored.map((p) => p.amount).sort((a, b) => a - b)).toEqual([0, 0, 0, 1550, 2000, 2000, 2500, 2750, 3250]);

    await page.click('button[name=apply-prices]');
    await eventually(() => page.getByRole('status').first().textContent()).toBe('Prijslijst toegepast op 2 voorstelling(en).');
    expect(dialogs.at(-1)).toContain('De prijslijst van 2 voorstelling(en) vervangen');

    await page.click(`tr[data-performance="${performances[1]}"] button[name=performance-prices]`);
    const dialog = page.getByRole('dialog');
    await eventually(() => dialog.getByLabel('Korting – rang 3').inputValue()).toBe('15,50');
    expect(await dialog.getByLabel('Normaal – rang 1').inputValue()).toBe('32,50');
    await dialog.locator('button[name=close-prices]').click();

    await page.click('button[name=manage-audit]');
    const row = page.locator(`tr[data-audit=price-list][data-subject-id="${performances[1]}"]`);
    await eventually(() => row.locator('li[data-field="Normaal · 1"]').textContent()).toBe('Normaal · 1: leeg → € 32,50');
    expect(await page.locator(`tr[data-audit=price-list][data-subject-id="${productionId}"] li[data-field="Korting · 3"]`).textContent()).toBe('Korting · 3: leeg → € 15,50');
  });
});
