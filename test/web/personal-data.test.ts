// An admin exports a customer's personal data from the box office and erases it: the dialog names the
// customer, asks again because of an open reservation, and search no longer finds the customer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUser } from '../../src/staff/service.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { eventually, logIn, openBrowser, screenshotOnFailure, type Browser } from './browser.js';

describe('personal data in the box office', { timeout: 120_000 }, () => {
  let s: TestServer;
  let me: { token: string; email: string; password: string };
  let c: Catalogue;
  let browser: Browser;
  let page: Page;
  const api = (method: string, path: string, body?: unknown) => s.request(method, path, { token: me.token, body });

  beforeAll(async () => {
    s = await startServer('sqlite');
    me = await orgWithUser(s, 'admin');
    c = await buildCatalogue(s, me.token);
    browser = await openBrowser();
    page = browser.page;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('exports the attached customer as JSON, then erases after confirming the open reservation', async () => {
    screenshotOnFailure(() => page, 'personal-data');
    const customer = (await api('POST', '/api/customers', { name: 'Zoë Verstraete', email: 'zoe@example.test' })).body;
    // An open reservation: the erasure asks for a second confirmation.
    const held = (await api('POST', '/api/baskets', { channel: 'boxoffice' })).body;
    await api('POST', `/api/baskets/${held.id}/lines`, { performanceId: c.performanceId, seatIds: ['r2s1'] });
    await api('PUT', `/api/baskets/${held.id}/customer`, { customerId: customer.id });
    expect((await api('POST', `/api/baskets/${held.id}/checkout`, {})).body.status).toBe('reserved');

    await logIn(page, s.baseUrl, me.email, me.password);
    await page.click('[data-seat="r1s1"]');
    await page.fill('input[name=customer-search]', 'Verstraete');
    await page.click('.customer .found button:has-text("Zoë Verstraete")');
    await page.waitForSelector('.customer strong:has-text("Zoë Verstraete")');

    const download = page.waitForEvent('download');
    await page.click('button[name=export-personal-data]');
    const file = await download;
    const exported = JSON.parse(await streamText(await file.createReadStream()));
    expect(exported.customer).toMatchObject({ id: customer.id, name: 'Zoë Verstraete', email: 'zoe@example.test' });

    await page.click('button[name=erase-personal-data]');
    await eventually(() => page.locator('.erase-dialog .ask').textContent()).toContain('Zoë Verstraete');
    await page.click('button[name=confirm-erase]');
    await eventually(() => page.locator('.erase-dialog .open-orders').textContent()).toContain('1');
    expect(await api('GET', `/api/customers/${customer.id}`).then((r) => r.body.erasedAt)).toBeNull();
    await page.click('button[name=confirm-erase]');
    await page.waitForSelector('.customer .erased');
    expect(await page.locator('.customer .erased').textContent()).toContain('Zoë Verstraete');

    const searched = page.waitForResponse((r) => r.url().includes('/api/customers?q=Verstraete'));
    await page.fill('input[name=customer-search]', 'Verstraete');
    expect((await searched).status()).toBe(200);
    expect(await page.locator('.customer .found li').count()).toBe(0);
    expect((await api('GET', '/api/customers?q=Verstraete')).body.items).toEqual([]);
    expect((await api('GET', `/api/customers/${customer.id}`)).body.erasedAt).not.toBeNull();
  });

  it('a box office clerk sees no personal data actions', async () => {
    const orgId = (await api('GET', '/api/me')).body.organisation.id as string;
    await createUser(s.deps.db, orgId, { email: 'clerk@web.test', name: 'Clerk', role: 'boxoffice', password: 'correct horse battery' }, s.clock.now());
    const tab = await browser.context.newPage();
    screenshotOnFailure(() => tab, 'personal-data-clerk');
    await logIn(tab, s.baseUrl, 'clerk@web.test', 'correct horse battery');
    await tab.click('[data-seat="r1s2"]');
    await tab.click('.customer button:has-text("Nieuwe klant")');
    await tab.fill('input[name=customer-name]', 'Piet Peeters');
    await tab.click('.customer button:has-text("Opslaan")');
    await tab.waitForSelector('.customer strong:has-text("Piet Peeters")');
    expect(await tab.locator('button[name=erase-personal-data], button[name=export-personal-data]').count()).toBe(0);
    await tab.close();
  });
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}
