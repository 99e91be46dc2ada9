// The DIP screen against the DIP sandbox: DIP's performances with suggestions, link one, push now,
// the push shows in the audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUser } from '../../src/staff/service.js';
import { HAMLET, startWorld, type DipWorld } from '../dip/support.js';
import { eventually, logIn, openBrowser, screenshotOnFailure, type Browser } from './browser.js';

const MANAGER = { email: 'manager@web.test', password: 'correct horse battery' };

describe('the DIP screen', { timeout: 120_000 }, () => {
  let w: DipWorld;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    w = await startWorld('sqlite');
    await createUser(w.s.deps.db, w.orgId, { ...MANAGER, name: 'Manager', role: 'admin' }, w.clock.now());
    browser = await openBrowser();
    page = browser.page;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  it('links a DIP performance to its suggestion and pushes the figures now', async () => {
    screenshotOnFailure(() => page, 'dip');
    await logIn(page, w.s.baseUrl, MANAGER.email, MANAGER.password);
    await page.click('.topbar button:has-text("DIP")');
    const row = page.locator(`tr[data-dip="${HAMLET}|11001"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Niet gekoppeld');
    await row.locator('button:has-text("Koppel")').click();
    await eventually(() => row.textContent()).toContain('Gekoppeld');
    const link = await w.s.request('GET', `/api/performances/${w.c.performanceId}/dip`, { token: w.token });
    expect(link.body).toMatchObject({ dipNumber: `${HAMLET}|11001` });

    await page.click('button:has-text("Nu synchroniseren")');
    await eventually(() => page.locator('.dip table.data').last().locator('tr').count()).toBeGreaterThan(0);
    const pushes = await w.s.request('GET', '/api/dip/pushes', { token: w.token });
    expect(pushes.body.items.length).toBeGreaterThan(0);
  });

  it("shows what DIP holds per performance: in sync, differs, cancelled at DIP, and a run DIP stopped with DIP's message", async () => {
    screenshotOnFailure(() => page, 'dip-states');
    const row = page.locator(`tr[data-dip="${HAMLET}|11001"]`);
    await page.click('button:has-text("Vergelijk met DIP")');
    await eventually(() => row.textContent()).toContain('DIP gelijk');

    // DIP was made to hold other figures, and the correction cannot be sent yet.
    const token = (await (await fetch(`${w.dip.baseUrl}/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'client_id=foyer-demo&client_secret=foyer-demo-secret',
    })).json() as { access_token: string }).access_token;
    const other = ['normal', 'discount', 'free', 'other'].map((ticketType) => ({
      productionNumber: HAMLET, performanceNumber: 11001, ticketType, tickets: ticketType === 'normal' ? 7 : 0, recette: 0, updated: '2054-11-23T12:30:00+01:00',
    }));
    expect((await fetch(`${w.dip.baseUrl}/tickets/cumulative`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(other) })).status).toBe(204);
    expect((await w.dipCall('POST', '/_sandbox/faults', { status: 503, path: '/tickets/cumulative' })).status).toBe(201);
    await page.click('button:has-text("Vergelijk met DIP")');
    await eventually(() => row.textContent()).toContain('DIP wijkt af');
    await eventually(() => page.locator('.dip-run').textContent()).toContain('Verzenden mislukt');

    expect((await w.dipCall('POST', '/_sandbox/performances/11001/status', { status: 'cancellation' })).status).toBe(204);
    expect((await w.dipCall('POST', '/_sandbox/faults', { status: 400, description: 'Not an agency', path: '/theaters/performances', method: 'GET', count: 1 })).status).toBe(201);
    await page.click('button:has-text("Nu synchroniseren")');
    await eventually(() => page.locator('.dip-run').textContent()).toContain('Verzenden gestopt: Not an agency');
    await eventually(() => row.textContent()).toContain('Geannuleerd in DIP');

  });

  it('is not offered to the box office', async () => {
    const clerk = { email: 'clerk@web.test', password: 'correct horse battery' };
    await createUser(w.s.deps.db, w.orgId, { ...clerk, name: 'Clerk', role: 'boxoffice' }, w.clock.now());
    await page.click('.topbar button:has-text("Uitloggen")');
    await logIn(page, w.s.baseUrl, clerk.email, clerk.password);
    // The reports tab shows once the capabilities are known; DIP is not among them for the box office.
    await page.waitForSelector('.topbar button:has-text("Rapporten")');
    expect(await page.locator('.topbar button:has-text("DIP")').count()).toBe(0);
  });
});
