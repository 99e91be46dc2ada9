// The box office sends a caller to the web shop: the performance's booking page opens from the sale
// screen while the shop is on, and the link is gone while it is off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/staff/service.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { buildShop, ok, type ShopFixture } from '../shop/kit.js';
import { eventually, logIn, openBrowser, screenshotOnFailure, type Browser } from './browser.js';

const CASHIER = { email: 'kassa@shoplink.test', password: 'correct horse battery' };

describe('box office: open in the web shop', { timeout: 120_000 }, () => {
  let s: TestServer;
  let admin: string;
  let shop: ShopFixture;
  let browser: Browser;
  beforeAll(async () => {
    s = await startServer('sqlite');
    const org = await orgWithUser(s, 'admin');
    admin = org.token;
    shop = await buildShop(s, admin, { slug: 'stadsschouwburg' });
    await createUser(s.deps.db, org.orgId, { ...CASHIER, name: 'Kassa', role: 'boxoffice' }, s.clock.now());
    browser = await openBrowser();
  }, 240_000);
  afterAll(async () => { await browser?.close(); await s?.close(); });

  it("links the chosen performance to its page in the shop, which opens in a new tab", async () => {
    const page = browser.page;
    screenshotOnFailure(() => page, 'shop-link');
    await logIn(page, s.baseUrl, CASHIER.email, CASHIER.password);
    await eventually(() => page.locator('.perf.active strong').textContent()).toBe('Hamlet');
    const link = page.locator('.perf-title a.shop-link');
    await eventually(() => link.getAttribute('href')).toBe(`${s.baseUrl}/shop/stadsschouwburg/performances/${shop.performanceId}`);
    expect(await link.textContent()).toBe('Open in de webshop');
    const tab = browser.context.waitForEvent('page');
    await link.click();
    const shopPage = await tab;
    await shopPage.waitForSelector('.map [data-seat]');
    expect(await shopPage.textContent('h1')).toContain('Hamlet');
    await shopPage.close();
  });

  it('shows no link while the shop is off', async () => {
    const page = browser.page;
    ok(await s.request('PUT', '/api/shop-settings', { token: admin, body: { enabled: false } }));
    await page.reload();
    await eventually(() => page.locator('.perf.active strong').textContent()).toBe('Hamlet');
    await page.waitForSelector('.perf-title');
    expect(await page.locator('.perf-title a.shop-link').count()).toBe(0);
    const answer = await s.request('GET', '/api/shop-links', { token: admin });
    expect(answer.body).toEqual({ home: null });
  });
});
