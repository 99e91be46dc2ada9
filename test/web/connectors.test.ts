// The connectors section of the back office against the DIP, Mollie and UiTPAS sandboxes (admin,
// desktop): DIP settings saved and tested (ok, then a wrong secret refused in words), a refused cron
// on its field, an unlinked Foyer performance linked by its DIP number; Mollie's check with the
// webhook address and mode; UiTPAS's check, its events and the reconciliation of a sold ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_API_KEY, startMollieSandbox, type RunningMollieSandbox } from '../../sandboxes/mollie/index.js';
import { createUser } from '../../src/staff/service.js';
import { HAMLET, startWorld, type DipWorld } from '../dip/support.js';
import { addPass, basketWith, checkout, EVENT_100_PER_WEEK, startUitpasKit, type UitpasKit } from '../uitpas/kit.js';
import { eventually, logIn, openBrowser, screenshotOnFailure, type Browser } from './browser.js';

const MANAGER = { email: 'manager@connectors.test', password: 'correct horse battery' };
const NOW = '2054-11-23T12:00:00Z';

async function openConnectors(page: Page, panel: string) {
  await page.click('button[name=tab-manage]');
  await page.click('button[name=manage-connectors]');
  await page.click(`button[name=connector-${panel}]`);
}

describe('DIP and Mollie in the connectors section', { timeout: 180_000 }, () => {
  let w: DipWorld;
  let mollie: RunningMollieSandbox;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    w = await startWorld('sqlite');
    mollie = await startMollieSandbox();
    await createUser(w.s.deps.db, w.orgId, { ...MANAGER, name: 'Manager', role: 'admin' }, w.clock.now());
    browser = await openBrowser();
    await browser.context.clock.install({ time: new Date(NOW) });
    page = browser.page;
    page.on('dialog', (d) => { void d.accept(); });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await mollie?.close();
    await w?.close();
  });

  it('saves the DIP settings, tests the connection, and says in words when DIP refuses a wrong secret', async () => {
    screenshotOnFailure(() => page, 'connectors-dip');
    await logIn(page, w.s.baseUrl, MANAGER.email, MANAGER.password);
    await openConnectors(page, 'dip');
    const form = page.locator('form[name=dip-settings]');
    // The stored secret is never shown: the field is empty and says one is set.
    expect(await form.locator('input[name=clientSecret]').inputValue()).toBe('');
    expect(await form.locator('[data-field=clientSecret] .field-hint').textContent()).toContain('Ingesteld');
    expect(await form.locator('input[name=baseUrl]').inputValue()).toBe(w.dip.baseUrl);

    // How often, chosen in words; a custom cron expression for experts.
    expect(await form.locator('select[name=cronChoice] option').allTextContents()).toEqual(['Elk uur', 'Elke 2 uur', 'Elke 6 uur', 'Elke nacht (03:00)', 'Eigen schema (cron)']);
    await form.locator('select[name=cronChoice]').selectOption({ label: 'Elke 6 uur' });
    await page.click('button[name=save-dip]');
    await page.waitForSelector('form[name=dip-settings] .saved');
    expect((await w.s.request('GET', '/api/dip/settings', { token: w.token })).body.cron).toBe('0 */6 * * *');
    // A schedule that does not run daily is refused on its own field.
    await form.locator('select[name=cronChoice]').selectOption('custom');
    await form.locator('input[name=cron]').fill('0 3 * * 1');
    await page.click('button[name=save-dip]');
    await eventually(() => form.locator('[data-field=cron] .field-error').textContent()).toContain('once a day');
    await form.locator('select[name=cronChoice]').selectOption({ label: 'Elk uur' });
    await page.click('button[name=save-dip]');
    await page.waitForSelector('form[name=dip-settings] .saved');

    await page.click('button[name=test-dip]');
    await eventually(() => page.locator('.test-connection .answer').textContent()).toMatch(/^Verbinding in orde: DIP kent \d+ voorstellingen/);
    expect(await page.getAttribute('.test-connection .answer', 'data-answer')).toBe('ok');

    await form.locator('input[name=clientSecret]').fill('not-the-secret');
    await page.click('button[name=save-dip]');
    await page.waitForSelector('form[name=dip-settings] .saved');
    expect(await page.locator('form[name=dip-settings] input[name=clientSecret]').inputValue()).toBe('');
    await page.click('button[name=test-dip]');
    await eventually(() => page.locator('.test-connection .answer[data-answer=refused]').textContent()).toContain('DIP weigert deze inloggegevens');
    // The change is in the audit trail, without the secret.
    const trail = await w.s.request('GET', '/api/audit?subject=settings', { token: w.token });
    expect(JSON.stringify(trail.body)).not.toContain('not-the-secret');

    await page.locator('form[name=dip-settings] input[name=clientSecret]').fill('foyer-demo-secret');
    await page.click('button[name=save-dip]');
    await page.waitForSelector('form[name=dip-settings] .saved');
  });

  it('lists the Foyer performance not linked yet, refuses a malformed number on its field, and links it', async () => {
    screenshotOnFailure(() => page, 'connectors-dip-link');
    const row = page.locator(`tr[data-unlinked="${w.c.performanceId}"]`);
    await row.waitFor();
    expect(await row.locator('input[name=dipNumber]').inputValue()).toBe(`${HAMLET}|`);
    await row.locator('button[name=link-dip]').click();
    await eventually(() => row.locator('[data-field=dipNumber] .field-error').count()).toBe(1);
    await row.locator('input[name=dipNumber]').fill(`${HAMLET}|11001`);
    await row.locator('button[name=link-dip]').click();
    await eventually(() => row.count()).toBe(0);
    expect(await page.locator('.connectors .card[aria-label=dip-unlinked] .saved').textContent()).toContain(`${HAMLET}|11001`);
    const link = await w.s.request('GET', `/api/performances/${w.c.performanceId}/dip`, { token: w.token });
    expect(link.body).toMatchObject({ dipNumber: `${HAMLET}|11001` });
    // The linking screen below shows DIP's performance as linked.
    await eventually(() => page.locator(`tr[data-dip="${HAMLET}|11001"]`).textContent()).toContain('Gekoppeld');
  });

  it('sets up Mollie: the key never shown back, its mode, the webhook address, and the check in words', async () => {
    screenshotOnFailure(() => page, 'connectors-mollie');
    await openConnectors(page, 'mollie');
    const form = page.locator('form[name=mollie-settings]');
    await form.locator('input[name=apiKey]').fill('sk_not_a_key');
    await form.locator('input[name=endpoint]').fill(mollie.apiEndpoint);
    await form.locator('input[name=webhookBaseUrl]').fill('https://tickets.schouwburg.example');
    await form.locator('input[name=enabled]').check();
    await page.click('button[name=save-mollie]');
    await eventually(() => form.locator('[data-field=apiKey] .field-error').textContent()).toContain('Mollie-API-sleutel');
    await form.locator('input[name=apiKey]').fill(DEMO_API_KEY);
    await page.click('button[name=save-mollie]');
    await eventually(() => page.locator('[data-mode]').getAttribute('data-mode')).toBe('test');
    expect(await page.locator('form[name=mollie-settings] input[name=apiKey]').inputValue()).toBe('');
    expect(await page.locator('[data-webhook-url]').textContent()).toBe(`https://tickets.schouwburg.example/api/webhooks/mollie/${w.orgId}`);
    await page.click('button[name=check-mollie]');
    await eventually(() => page.locator('.test-connection .answer[data-answer=ok]').textContent()).toContain('ideal');
  });
});

describe('UiTPAS in the connectors section', { timeout: 180_000 }, () => {
  let k: UitpasKit;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    k = await startUitpasKit('sqlite');
    const org = await k.s.deps.db.selectFrom('performances').select('organisation_id').where('id', '=', k.perfWeekly).executeTakeFirstOrThrow();
    await createUser(k.s.deps.db, org.organisation_id, { ...MANAGER, name: 'Manager', role: 'admin' }, k.s.clock.now());
    // One UiTPAS ticket sold at the box office, registered at UiTPAS.
    const basket = await basketWith(k, k.perfWeekly, ['r1s1']);
    expect((await addPass(k, basket.id, { uitpasNumber: '0900000067513' })).status).toBe(200);
    expect((await checkout(k, basket.id)).status).toBe(201);
    browser = await openBrowser();
    await browser.context.clock.install({ time: new Date(NOW) });
    page = browser.page;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await k?.close();
  });

  it("tests the connection, shows which performances are UiTPAS events, and reconciles a performance's sales", async () => {
    screenshotOnFailure(() => page, 'connectors-uitpas');
    await logIn(page, k.s.baseUrl, MANAGER.email, MANAGER.password);
    await openConnectors(page, 'uitpas');
    expect(await page.locator('form[name=uitpas-settings] input[name=clientSecret]').inputValue()).toBe('');
    await page.click('button[name=test-uitpas]');
    await eventually(() => page.locator('.test-connection .answer').textContent()).toMatch(/^Verbinding in orde met/);

    const row = page.locator(`tr[data-performance="${k.perfWeekly}"]`);
    await row.waitFor();
    expect(await row.locator('input[name=uitdatabankEventId]').inputValue()).toBe(EVENT_100_PER_WEEK);
    expect(await row.locator('input[name=uitpasEnabled]').isChecked()).toBe(true);

    // A malformed event id is refused on its field.
    await row.locator('input[name=uitdatabankEventId]').fill('not-an-id');
    await row.locator('button[name=save-event]').click();
    await eventually(() => row.locator('[data-field=uitdatabankEventId] .field-error').count()).toBe(1);
    await row.locator('input[name=uitdatabankEventId]').fill(EVENT_100_PER_WEEK);

    await row.locator('button[name=compare]').click();
    const rec = page.locator('.reconciliation');
    await eventually(() => rec.locator('[data-count=foyer]').textContent()).toBe('1');
    expect(await rec.locator('[data-count=uitpas]').textContent()).toBe('1');
    expect(await rec.locator('[data-in-sync]').textContent()).toBe('UiTPAS en Foyer komen overeen.');

    // The sale disappears at UiTPAS: the difference is shown, highlighted, with the pass number.
    const sandboxSales = k.sandbox.app.uitpas.store.allSales().filter((x) => x.eventId === EVENT_100_PER_WEEK);
    expect(sandboxSales).toHaveLength(1);
    k.sandbox.app.uitpas.store.cancel(sandboxSales[0].id);
    await row.locator('button[name=compare]').click();
    await eventually(() => rec.locator('[data-count=uitpas]').textContent()).toBe('0');
    expect(await rec.locator('[data-in-sync]').textContent()).toBe('UiTPAS en Foyer verschillen.');
    const missing = rec.locator('.difference.differs[data-difference=missingAtUitpas]');
    expect(await missing.locator('h4').textContent()).toBe('Verkocht in Foyer, niet geregistreerd in UiTPAS (1)');
    expect(await missing.textContent()).toContain('0900000067513');
  });
});
