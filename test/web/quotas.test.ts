// The Quotas panel of a performance in the back office (admin, desktop): it shows per ticket type how
// many are taken; a quota below what is sold is refused on its field with the number, in Dutch; a
// quota that fits is saved and shown as "3 van 50", and the box office is then refused past it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { eventually, logIn, openBrowser, screenshotOnFailure, type Browser } from './browser.js';

const NOW = '2054-11-23T12:00:00Z';

describe('quotas per ticket type in the back office', { timeout: 180_000 }, () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: Awaited<ReturnType<typeof orgWithUser>>;
  let c: Catalogue;
  const api = (method: string, path: string, body?: unknown) => s.request(method, path, { token: admin.token, body });

  beforeAll(async () => {
    s = await startServer('sqlite', { clock: fixedClock(NOW) });
    admin = await orgWithUser(s, 'admin', 'Schouwburg Quota');
    c = await buildCatalogue(s, admin.token);
    const b = await api('POST', '/api/baskets', { channel: 'boxoffice' });
    expect((await api('POST', `/api/baskets/${b.body.id}/lines`, { performanceId: c.performanceId, seatIds: ['r1s1', 'r1s2', 'r1s3'], ticketTypeId: c.ticketTypes.discount })).status).toBe(200);
    expect((await api('POST', `/api/baskets/${b.body.id}/checkout`, { payment: { method: 'cash' } })).status).toBe(201);
    browser = await openBrowser();
    await browser.context.clock.install({ time: new Date(NOW) });
    page = browser.page;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('refuses a quota below what is sold on its field, saves one that fits, and the box office is refused past it', async () => {
    screenshotOnFailure(() => page, 'quotas');
    await logIn(page, s.baseUrl, admin.email, admin.password);
    await page.click('button[name=tab-manage]');
    await page.click('button[name=manage-productions]');
    await page.click('button[name=open-production]');
    await page.click('button[name=edit-performance]');
    const korting = page.locator('.quotas-panel tr[data-ticket-type=Korting]');
    await eventually(() => korting.locator('.quota-taken').textContent()).toBe('3 (geen quotum)');
    // "Hoogstens" once, in the column header; each field is named for its ticket type instead.
    expect((await page.locator('.quotas-panel').innerText()).match(/Hoogstens/g)).toHaveLength(1);
    expect(await page.getByRole('spinbutton', { name: 'Hoogstens: Korting' }).count()).toBe(1);

    await korting.locator('input').fill('2');
    await page.click('button[name=save-quotas]');
    await eventually(() => korting.locator('.field-error').textContent())
      .toBe('Er zijn al 3 tickets van dit type vastgehouden, gereserveerd of verkocht: het quotum kan niet lager zijn dan 3');
    expect((await api('GET', `/api/performances/${c.performanceId}/quotas`)).body.quotas.every((q: { max: null }) => q.max === null)).toBe(true);

    await korting.locator('input').fill('4');
    await page.click('button[name=save-quotas]');
    await eventually(() => korting.locator('.quota-taken').textContent()).toBe('3 van 4');
    await expect(korting.locator('.field-error').count()).resolves.toBe(0);

    const b = await api('POST', '/api/baskets', { channel: 'boxoffice' });
    const over = await api('POST', `/api/baskets/${b.body.id}/lines`, { performanceId: c.performanceId, quantity: 2, ticketTypeId: c.ticketTypes.discount });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ type: '/problems/quota-exhausted', left: 1 });
  });
});
