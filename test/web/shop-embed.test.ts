// The web shop on the venue's own site, in real Chromium: a page of another origin (served by this
// test) puts the shop in a frame with embed.js, as docs/shop.md says; the buyer picks a seat inside
// the frame, the pay step sends the whole window to the Mollie sandbox's checkout, and after paying
// the buyer is on the shop's return page with the order paid. A site the shop does not list gets no
// frame (frame-ancestors). The shop's pages show the venue's logo from the venue's site and Mollie's
// method icons, and no image from anywhere else (img-src lists exactly those origins).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { setPublicUrl } from '../../src/platform/public-url.js';
import { mollieOptions } from '../../src/connectors/mollie/settings.js';
import { DEMO_API_KEY, startMollieSandbox, type RunningMollieSandbox } from '../../sandboxes/mollie/index.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { buildShop, ok, type ShopFixture } from '../shop/kit.js';
import { eventually, openBrowser, screenshotOnFailure, type Browser } from './browser.js';

/** A 2x2 red PNG: the venue's logo. */
const LOGO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAwMDAxMDAAAAYCgIDNEzeQwAAAABJRU5ErkJggg==', 'base64');

interface Site { origin: string; close(): Promise<void> }

/** The venue's own site: a page with the embed snippet, and its logo. */
async function startSite(foyer: () => string, shop: () => ShopFixture): Promise<Site> {
  const server = http.createServer((req, res) => {
    if (req.url === '/logo.png') {
      res.writeHead(200, { 'content-type': 'image/png' }).end(LOGO);
      return;
    }
    const { slug, performanceId } = shop();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="nl"><head><title>Stadsschouwburg</title></head>
<body><h1>Stadsschouwburg: kaarten</h1>
<script src="${foyer()}/shop/embed.js" data-shop="${slug}" data-page="performances/${performanceId}" data-title="Kaarten" async></script>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

describe('the web shop embedded in the venue’s site', { timeout: 240_000 }, () => {
  let s: TestServer;
  let mollie: RunningMollieSandbox;
  let site: Site;
  let shop: ShopFixture;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mollieOptions.timeoutMs = 3000;
    mollie = await startMollieSandbox();
    s = await startServer('sqlite');
    setPublicUrl(s.baseUrl);
    const staff = (await orgWithUser(s, 'admin', 'Stadsschouwburg Utrecht')).token;
    shop = await buildShop(s, staff, { startsAt: '2058-01-15T20:15' });
    site = await startSite(() => s.baseUrl, () => shop);
    ok(await s.request('PUT', '/api/shop-settings', { token: staff, body: { enabled: true, embedOrigins: [site.origin], logoUrl: `${site.origin}/logo.png` } }));
    ok(await s.request('PUT', '/api/mollie/settings', {
      token: staff, body: { apiKey: DEMO_API_KEY, endpoint: mollie.apiEndpoint, enabled: true, webhookBaseUrl: s.baseUrl },
    }));
    browser = await openBrowser({ width: 1280, height: 900 });
    page = browser.page;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await s?.close();
    await mollie?.close();
  });

  const shopFrame = async (): Promise<Frame> => {
    await page.waitForSelector('iframe[title="Kaarten"]');
    const frame = await (await page.$('iframe[title="Kaarten"]'))!.contentFrame();
    if (!frame) throw new Error('no frame');
    return frame;
  };
  const imageLoaded = (f: Frame, selector: string) => f.$eval(selector, (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0);

  it('lets only the listed site frame the shop, and lists exactly the logo’s and Mollie’s origins for images', async () => {
    const html = await fetch(`${s.baseUrl}/shop/${shop.slug}/`, { headers: { accept: 'text/html' } });
    const csp = html.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`frame-ancestors 'self' ${site.origin}`);
    const imgSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('img-src'));
    expect(imgSrc).toBe(`img-src 'self' data: blob: ${site.origin} ${mollie.baseUrl}`);
    // the box office app keeps its own images only
    const app = await fetch(`${s.baseUrl}/`, { headers: { accept: 'text/html' } });
    expect(app.headers.get('content-security-policy')).toContain("img-src 'self' data: blob:;");

    // the same page under another address is another site, which the shop does not list
    const other = site.origin.replace('127.0.0.1', 'localhost');
    const refused = page.waitForEvent('console', { predicate: (m) => /frame-ancestors/.test(m.text()), timeout: 20_000 });
    await page.goto(`${other}/`);
    await refused;
    const frame = await shopFrame();
    expect(await frame.$('.map')).toBeNull();
  });

  it('a buyer picks a seat inside the frame, pays at Mollie in the whole window, and comes back to the order paid', async () => {
    screenshotOnFailure(() => page, 'shop-embed');
    await page.goto(`${site.origin}/`);
    const frame = await shopFrame();
    await frame.waitForSelector('.map [data-seat]');
    // the frame grows with the shop (embed.js)
    await eventually(async () => (await page.$eval('iframe[title="Kaarten"]', (f) => f.getBoundingClientRect().height)) > 640).toBe(true);
    // the venue's logo, from the venue's site, is shown
    await eventually(() => imageLoaded(frame, 'header.top .brand img')).toBe(true);
    // an image from an origin the shop does not name is refused
    const blocked = await frame.evaluate((src) => new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(`${e.violatedDirective} ${e.blockedURI}`), { once: true });
      const img = document.createElement('img');
      img.src = src;
      document.body.append(img);
    }), `${site.origin.replace('127.0.0.1', 'localhost')}/logo.png`);
    expect(blocked).toMatch(/^img-src http:\/\/localhost:\d+\/logo\.png$/);

    await frame.click('.map [data-seat="r1s3"]');
    await eventually(() => frame.getAttribute('.map [data-seat="r1s3"]', 'data-look')).toBe('mine');
    await frame.click('.basket-bar a');
    await frame.waitForSelector('.line');
    await frame.click('text=Verder naar uw gegevens');
    await frame.waitForSelector('form.details');
    await frame.fill('#f-name', 'Els Janssens');
    await frame.fill('#f-email', 'els@example.be');
    await frame.fill('#f-emailConfirm', 'els@example.be');
    await frame.check('#f-terms');
    await frame.click('form.details button:has-text("Verder naar afrekenen")');
    await frame.waitForSelector('form.pay .method');
    // Mollie's method icons show next to the methods
    await eventually(() => frame.$$eval('img.method-icon', (imgs) => imgs.length > 0 && imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
    await frame.locator('.method', { hasText: 'iDEAL' }).locator('input').check();
    await frame.click('form.pay button.primary:has-text("Afrekenen")');

    // payment pages refuse frames: the whole window goes to the checkout, and back to the shop
    await page.waitForURL((u) => u.href.startsWith(`${mollie.baseUrl}/checkout/`));
    await page.click('button[value=paid]');
    await page.waitForURL((u) => u.href.startsWith(`${s.baseUrl}/shop/${shop.slug}/return?basket=`));
    await page.waitForSelector('[data-outcome="paid"]');
    const number = await page.getAttribute('[data-outcome="paid"]', 'data-order');
    const order = await s.deps.db.selectFrom('orders').select(['status', 'channel']).where('number', '=', number!).executeTakeFirstOrThrow();
    expect(order).toEqual({ status: 'paid', channel: 'online' });
    const taken = ok(await s.request('GET', `/api/shops/${shop.slug}/performances/${shop.performanceId}/availability`));
    expect(taken.taken).toContain('r1s3');
  });
});
