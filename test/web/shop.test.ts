// The web shop in a real browser against a real Foyer: on a phone (390x844, touch) through the demo
// season, and on a desktop with the keyboard; the waiting room at a full door; Dutch and French.
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { seedDemo } from '../../src/demo/seed.js';
import { SellingGate } from '../../src/platform/gate.js';
import { buildShop, type ShopFixture } from '../shop/kit.js';
import { PHONE, eventually, openBrowser, screenshotOnFailure, type Browser } from './browser.js';
import { basketCount, englishIn, look, tapSeat } from './shop-kit.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the web shop on a phone, in the demo season', { timeout: 180_000 }, () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    s = await startServer('sqlite');
    await seedDemo(s.deps, pino({ level: 'silent' }));
    browser = await openBrowser(PHONE, { phone: true });
    page = browser.page;
  }, 240_000);
  afterAll(async () => { await browser?.close(); await s?.close(); });

  it('programme -> performance -> two seats tapped on the map -> basket -> details', async () => {
    screenshotOnFailure(() => page, 'shop-phone');
    await page.goto(`${s.baseUrl}/shop/demo/`);
    await page.waitForSelector('.production');
    expect(await page.textContent('h1')).toBe('Programma');
    expect(await page.textContent('.top .brand')).toContain('Demo Schouwburg');
    // the venue's colour, and text on it that reads
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.top')!).backgroundColor)).toBe('rgb(142, 21, 55)');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.top')!).color)).toBe('rgb(255, 255, 255)');

    await page.locator('.performance .button.primary').first().click();
    await page.waitForSelector('.map [data-seat]');
    expect(page.url()).toMatch(/\/shop\/demo\/performances\/[0-9a-f-]{36}$/);
    // The Amsterdam hall is too wide to aim at one seat on a phone: the first tap zooms in.
    const first = (await page.getAttribute('.map [data-seat][data-look="free"]:not([data-wheelchair]) >> nth=40', 'data-seat'))!;
    const second = (await page.getAttribute('.map [data-seat][data-look="free"]:not([data-wheelchair]) >> nth=41', 'data-seat'))!;
    expect((await page.locator(`.map [data-seat="${first}"]`).boundingBox())!.width).toBeLessThan(22);
    await tapSeat(page, first);
    await eventually(() => look(page, first)).toBe('mine');
    await tapSeat(page, second);
    await eventually(() => look(page, second)).toBe('mine');
    expect(await basketCount(page)).toBe(2);
    expect(await page.textContent('.seat-now')).toMatch(/rij \d+, stoel \d+, rang \d/);
    await eventually(() => page.textContent('.basket-bar')).toMatch(/2 kaarten · € \d+,\d\d/);
    await page.locator('.top .timer').waitFor();
    expect(await page.textContent('.top .timer')).toMatch(/^(14:[0-5]\d|15:00)$/);
    await page.click('.zoom button:nth-child(3)'); // the whole hall again, for the picture
    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: path.join('test-results', 'shop-phone.png') });
    if (process.env.FOYER_UPDATE_DOCS === '1') fs.copyFileSync(path.join('test-results', 'shop-phone.png'), path.join('docs', 'shop-phone.png'));

    // Seen by another buyer: taken.
    const other = await s.request('GET', `/api/shops/demo/performances/${page.url().split('/').pop()}/availability`);
    await eventually(async () => (await s.request('GET', `/api/shops/demo/performances/${page.url().split('/').pop()}/availability`)).body.taken).toEqual(expect.arrayContaining([first, second]));
    expect(other.status).toBe(200);

    await page.click('.basket-bar a');
    await page.waitForSelector('.line');
    expect(await page.locator('.line').count()).toBe(2);
    expect(await page.textContent('.hold')).toMatch(/nog 1[45]:\d\d voor u vastgehouden/);
    const before = await page.textContent('.basket-total');
    const select = page.locator('.line select').first();
    const korting = await select.locator('option', { hasText: 'Korting' }).getAttribute('value');
    await select.selectOption(korting!);
    await eventually(() => page.textContent('.basket-total')).not.toBe(before);

    await page.click('text=Verder naar uw gegevens');
    await page.waitForSelector('form.details');
    await page.fill('#f-name', 'Anna de Vries');
    await page.fill('#f-email', 'anna@example.nl');
    await page.fill('#f-emailConfirm', 'anna@voorbeeld.nl');
    await page.check('#f-terms');
    await page.click('form.details button.primary');
    await eventually(() => page.textContent('#e-emailConfirm')).toBe('is niet hetzelfde adres');
    expect(await page.getAttribute('#f-emailConfirm', 'aria-invalid')).toBe('true');
  });
});

describe('the web shop on a desktop', { timeout: 180_000 }, () => {
  let s: TestServer;
  let shop: ShopFixture;
  let staff: string;
  let browser: Browser;
  let page: Page;
  const gate = new SellingGate(1, 0);
  beforeAll(async () => {
    s = await startServer('sqlite', { gate });
    staff = (await orgWithUser(s, 'admin', 'Theater Utrecht')).token;
    shop = await buildShop(s, staff);
    browser = await openBrowser();
    page = browser.page;
  }, 240_000);
  afterAll(async () => { await browser?.close(); await s?.close(); });

  const perfUrl = () => `${s.baseUrl}/shop/${shop.slug}/performances/${shop.performanceId}`;

  it('the seat map is in its place before it is drawn: nothing below it moves', async () => {
    screenshotOnFailure(() => page, 'shop-no-jump');
    await page.route('**/api/shops/*/performances/*', async (route) => { await sleep(800); await route.continue(); });
    await page.goto(perfUrl());
    await page.waitForSelector('.map-box');
    const early = await page.locator('.map-box').boundingBox();
    await page.waitForSelector('.map [data-seat]');
    const late = await page.locator('.map-box').boundingBox();
    expect(late).toEqual(early);
    await page.unroute('**/api/shops/*/performances/*');
  });

  it('by keyboard: arrows move over the seats, Enter takes one; a wheelchair space only after saying so', async () => {
    screenshotOnFailure(() => page, 'shop-keyboard');
    await page.goto(perfUrl());
    await page.waitForSelector('.map [data-seat]');
    await page.focus('.map svg');
    await page.keyboard.press('ArrowRight');
    await eventually(() => page.textContent('.seat-now')).toContain('rij 1, stoel 2, rang 1');
    await page.keyboard.press('Enter');
    await eventually(() => look(page, 'r1s2')).toBe('mine');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await eventually(() => look(page, 'r1s3')).toBe('mine');
    await page.keyboard.press('Enter'); // again: gives it back
    await eventually(() => look(page, 'r1s3')).toBe('free');

    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    await eventually(() => page.textContent('.seat-now')).toContain('Rolstoelplaats');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[role=alertdialog]');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ja, ik heb een rolstoelplaats nodig');
    await page.keyboard.press('Escape');
    await eventually(() => page.locator('[role=alertdialog]').count()).toBe(0);
    expect(await look(page, 'r4s1')).toBe('free');
    await page.focus('.map svg');
    await page.keyboard.press('Enter');
    await page.click('text=Ja, ik heb een rolstoelplaats nodig');
    await eventually(() => look(page, 'r4s1')).toBe('mine');
    expect(await basketCount(page)).toBe(2);
  });

  it('best available and the standing places as a counter', async () => {
    screenshotOnFailure(() => page, 'shop-best');
    await page.selectOption('select[name=rank]', '2');
    await page.fill('input[name=quantity]', '2');
    await page.click('form.best button');
    await eventually(() => basketCount(page)).toBe(4);
    await page.click('[data-zone="staan"] button[aria-label^="Eén meer"]');
    await eventually(() => page.textContent('[data-zone="staan"] output')).toBe('1');
    await page.click('[data-zone="staan"] button[aria-label^="Eén meer"]');
    await eventually(() => page.textContent('[data-zone="staan"] output')).toBe('2');
    await page.click('[data-zone="staan"] button[aria-label^="Eén minder"]');
    await eventually(() => page.textContent('[data-zone="staan"] output')).toBe('1');
    expect(await basketCount(page)).toBe(5);
  });

  it('free tickets: the basket, the details, and the order confirmed on the return page', async () => {
    screenshotOnFailure(() => page, 'shop-free-order');
    await page.click('.top .basket-link');
    await page.waitForSelector('.line');
    for (let i = 0; i < await page.locator('.line select').count(); i++) {
      const select = page.locator('.line select').nth(i);
      await select.selectOption({ label: (await select.locator('option', { hasText: 'Vrijkaart' }).textContent())! });
      await eventually(async () => (await select.locator('option:checked').textContent()) ?? '').toContain('Vrijkaart');
    }
    await eventually(() => page.textContent('.basket-total')).toBe('€ 0,00');
    await page.locator('.line button.link').last().click();
    await eventually(() => page.locator('.line').count()).toBe(4);
    await page.click('text=Verder naar uw gegevens');
    await page.fill('#f-name', 'Piet Gratis');
    await page.fill('#f-email', 'piet@example.nl');
    await page.fill('#f-emailConfirm', 'piet@example.nl');
    await page.check('#f-newsletter');
    await page.check('#f-terms');
    await page.click('text=Verder naar afrekenen');
    await page.click('text=Bestelling bevestigen');
    await page.waitForSelector('[data-outcome="paid"]');
    expect(page.url()).toContain(`/shop/${shop.slug}/return?basket=`);
    const number = await page.getAttribute('[data-outcome="paid"]', 'data-order');
    expect(await page.textContent('[data-outcome="paid"]')).toContain('piet@example.nl');
    await eventually(() => basketCount(page)).toBe(0);
    expect(number).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const found = (await s.request('GET', `/api/orders?q=${number}`, { token: staff })).body.items;
    expect(found).toEqual([expect.objectContaining({ number, status: 'paid', channel: 'online', customerName: 'Piet Gratis' })]);
  });

  it('the waiting room: at a full door the buyer is told they are in line, and the seat is taken by itself once it is their turn', async () => {
    screenshotOnFailure(() => page, 'shop-queue');
    await page.goto(perfUrl());
    await page.waitForSelector('.map [data-seat]');
    let release!: () => void;
    const busy = gate.run('checkout', () => new Promise<void>((r) => { release = r; }));
    await page.click('.map [data-seat="r2s5"]');
    await page.waitForSelector('.queue[role=alertdialog]');
    expect(await page.textContent('.queue h2')).toBe('U staat in de rij');
    await eventually(() => page.textContent('.queue')).toMatch(/Volgende poging over \d s/);
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    await sleep(2500); // at least one more try while the door is still full
    release();
    await busy;
    await eventually(() => look(page, 'r2s5'), { timeout: 20_000 }).toBe('mine');
    await eventually(() => page.locator('.queue').count()).toBe(0);
    expect(navigations).toEqual([]); // no reload
  });

  it('speaks Dutch and French without English words; the choice is kept', async () => {
    screenshotOnFailure(() => page, 'shop-languages');
    for (const [lang, heading] of [['nl', 'Programma'], ['fr', 'Programme']] as const) {
      await page.goto(`${s.baseUrl}/shop/${shop.slug}/`);
      await page.selectOption('.lang select', lang);
      await eventually(() => page.textContent('h1')).toBe(heading);
      expect(await englishIn(page)).toBeNull();
      await page.goto(perfUrl());
      await page.waitForSelector('.map [data-seat]');
      await page.focus('.map svg');
      await page.keyboard.press('ArrowRight');
      expect(await englishIn(page)).toBeNull();
      await page.click('.top .basket-link');
      await page.waitForSelector('.line');
      expect(await englishIn(page)).toBeNull();
      await page.click('.actions a.primary');
      await page.waitForSelector('form.details');
      await page.click('form.details button.primary');
      await page.waitForSelector('.field-error');
      expect(await englishIn(page)).toBeNull();
    }
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.textContent('.top .basket-link')).toContain('Panier');
    // the check sees English when there is some
    await page.selectOption('.lang select', 'en');
    await eventually(() => englishIn(page)).not.toBeNull();
  });
});
