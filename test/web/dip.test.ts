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
