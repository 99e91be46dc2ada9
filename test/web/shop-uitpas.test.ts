// UiTPAS in the web shop, in real Chromium on a phone, in Dutch, against the UiTPAS and Mollie
// sandboxes: the buyer types a pass number in the basket; a blocked pass is refused with UiTPAS's
// own words, a valid one turns one ticket into the UiTPAS tariff; paid with iDEAL, the sale is
// registered at UiTPAS as at the box office. The venue lets buyers cancel: on their order page the
// buyer cancels, and the UiTPAS sale is cancelled too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setPublicUrl } from '../../src/platform/public-url.js';
import { mollieOptions } from '../../src/connectors/mollie/settings.js';
import { DEMO_API_KEY, startMollieSandbox, type RunningMollieSandbox } from '../../sandboxes/mollie/index.js';
import { EVENT_100_PER_WEEK, drainJobs, salesAtUitpas, startUitpasKit, type UitpasKit } from '../uitpas/kit.js';
import { ok } from '../shop/kit.js';
import { PHONE, eventually, openBrowser, screenshotOnFailure, type Browser } from './browser.js';
import { englishIn, look, tapSeat } from './shop-kit.js';

describe('UiTPAS in the web shop on a phone', { timeout: 240_000 }, () => {
  let k: UitpasKit;
  let mollie: RunningMollieSandbox;
  let slug = '';
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mollieOptions.timeoutMs = 3000;
    mollie = await startMollieSandbox();
    k = await startUitpasKit('sqlite');
    setPublicUrl(k.s.baseUrl);
    slug = ok(await k.s.request('PUT', '/api/shop-settings', { token: k.token, body: { enabled: true, buyerCancelHours: 24 } })).slug;
    ok(await k.s.request('PUT', '/api/mollie/settings', {
      token: k.token, body: { apiKey: DEMO_API_KEY, endpoint: mollie.apiEndpoint, enabled: true, webhookBaseUrl: k.s.baseUrl },
    }));
    browser = await openBrowser(PHONE, { phone: true });
    page = browser.page;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await k?.close();
    await mollie?.close();
  });

  it('a refused pass in UiTPAS’s words, a valid one at the social tariff, paid with iDEAL and registered at UiTPAS', async () => {
    screenshotOnFailure(() => page, 'shop-uitpas');
    await page.goto(`${k.s.baseUrl}/shop/${slug}/performances/${k.perfWeekly}`);
    await page.waitForSelector('.map [data-seat]');
    for (const seat of ['r1s1', 'r1s2']) {
      await tapSeat(page, seat);
      await eventually(() => look(page, seat)).toBe('mine');
    }
    await page.click('.basket-bar a');
    await page.waitForSelector('.card.uitpas');
    expect(await page.locator('.line').count()).toBe(2);
    expect(await page.textContent('.basket-total')).toBe('€ 60,00');

    // a blocked pass: UiTPAS's own message, in Dutch, and nothing changes
    await page.fill('input[name=uitpas]', '0900000002312');
    await page.click('.card.uitpas button:has-text("Kansentarief toepassen")');
    await eventually(() => page.textContent('main')).toContain('geblokkeerd');
    expect(await page.textContent('.basket-total')).toBe('€ 60,00');

    // a valid pass, typed with spaces as it is printed: one ticket at the UiTPAS tariff
    await page.fill('input[name=uitpas]', '0900 0000 67513');
    await page.click('.card.uitpas button:has-text("Kansentarief toepassen")');
    await eventually(() => page.textContent('.card.uitpas [role=status]')).toContain('Het UiTPAS-tarief staat op 1 kaart(en).');
    await eventually(() => page.textContent('.basket-total')).toBe('€ 37,50');
    expect(await page.locator('.line .type', { hasText: 'UiTPAS' }).count()).toBe(1);
    expect(await page.textContent('.card.uitpas')).toContain('0900000067513');
    expect(await englishIn(page)).toBeNull();

    await page.click('text=Verder naar uw gegevens');
    await page.waitForSelector('form.details');
    await page.fill('#f-name', 'Jan Peeters');
    await page.fill('#f-email', 'jan@example.be');
    await page.fill('#f-emailConfirm', 'jan@example.be');
    await page.check('#f-terms');
    await page.click('form.details button:has-text("Verder naar afrekenen")');
    await page.waitForSelector('form.pay .method');
    expect(await page.textContent('.pay-total')).toBe('€ 37,50');
    await page.locator('.method', { hasText: 'iDEAL' }).locator('input').check();
    await page.click('form.pay button.primary:has-text("Afrekenen")');
    await page.waitForURL((u) => u.href.startsWith(`${mollie.baseUrl}/checkout/`));
    await page.click('button[value=paid]');
    await page.waitForSelector('[data-outcome="paid"]');

    await drainJobs(k);
    await eventually(async () => { await drainJobs(k); return salesAtUitpas(k, EVENT_100_PER_WEEK).length; }).toBe(1);
    const number = await page.getAttribute('[data-outcome="paid"]', 'data-order');
    const order = await k.s.deps.db.selectFrom('orders').select(['status', 'total']).where('number', '=', number!).executeTakeFirstOrThrow();
    expect(order).toEqual({ status: 'paid', total: 3750 });
  });

  it('the buyer cancels the order on its page; the seats are free again and the UiTPAS sale is cancelled', async () => {
    screenshotOnFailure(() => page, 'shop-uitpas-cancel');
    await page.click('.to-my-order');
    await page.waitForSelector('.my-order .card.cancel');
    expect(await page.textContent('.card.cancel p')).toMatch(/^U kunt deze bestelling annuleren tot .+ 20:15\. U krijgt € 37,50 terug/);
    await page.click('.card.cancel button:has-text("Bestelling annuleren…")');
    expect(await page.textContent('.card.cancel [role=group]')).toContain('Zeker? Al uw kaarten vervallen.');
    await page.click('.card.cancel button:has-text("Ja, annuleer mijn bestelling")');
    await eventually(() => page.getAttribute('.my-order', 'data-status')).toBe('cancelled');
    expect(await page.locator('.card.cancel').count()).toBe(0);
    expect(await page.locator('.ticket img.qr').count()).toBe(0);
    expect(await englishIn(page)).toBeNull();
    await eventually(async () => { await drainJobs(k); return salesAtUitpas(k, EVENT_100_PER_WEEK).length; }).toBe(0);
    const free = ok(await k.s.request('GET', `/api/shops/${slug}/performances/${k.perfWeekly}/availability`));
    expect(free.taken).not.toContain('r1s1');
  });
});
