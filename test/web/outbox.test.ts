// The mail outbox in the box office app: staff read what Foyer e-mailed (newest first, its status in
// their language), open one, and send it again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ManualClock } from '../../src/platform/clock.js';
import { createUser } from '../../src/staff/service.js';
import { startMailKit, type MailKit } from '../mail/kit.js';
import { eventually, logIn, openBrowser, screenshotOnFailure, type Browser } from './browser.js';

const CLERK = { email: 'kassa@outbox.test', password: 'correct horse battery' };

describe('the mail outbox in the browser', { timeout: 120_000 }, () => {
  let k: MailKit;
  let browser: Browser;
  let page: Page;
  let anna = '';
  let bram = '';
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    k = await startMailKit('sqlite', { clock });
    await createUser(k.s.deps.db, k.orgId, { ...CLERK, name: 'Kassa', role: 'boxoffice' }, k.s.clock.now());
    // Anna's e-mail goes out through the mail server; Bram's is made later, when there is none.
    const first = await k.sellTo({ name: 'Anna de Vries', email: 'anna@example.nl' }, ['r1s1']);
    anna = (await k.s.request('POST', `/api/orders/${first.order.id}/e-tickets`, { token: k.token, body: {} })).body.id;
    await k.drain();
    clock.advance(60_000);
    const second = await k.sellTo({ name: 'Bram Peeters', email: 'bram@example.be' }, ['r1s2']);
    bram = (await k.s.request('POST', `/api/orders/${second.order.id}/e-tickets`, { token: k.token, body: {} })).body.id;
    await k.drain(k.runner(null));
    expect((await k.outbox(anna)).status).toBe('sent');
    expect((await k.outbox(bram)).status).toBe('not_sent');
    browser = await openBrowser();
    page = browser.page;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await k?.close();
  });

  it('lists the e-mails newest first with their status, opens one and sends it again', async () => {
    screenshotOnFailure(() => page, 'outbox');
    await logIn(page, k.s.baseUrl, CLERK.email, CLERK.password);
    await page.click('.topbar button:has-text("E-mail")');
    const rows = page.locator('table.mail-list tbody tr');
    await eventually(() => rows.count()).toBe(2);
    expect(await rows.nth(0).getAttribute('data-mail')).toBe(bram);
    expect(await rows.nth(0).textContent()).toContain('bram@example.be');
    expect(await rows.nth(0).textContent()).toContain('Niet verstuurd (geen mailserver)');
    expect(await rows.nth(1).textContent()).toContain('anna@example.nl');
    expect(await rows.nth(1).textContent()).toContain('Verstuurd');
    expect(await rows.nth(1).textContent()).toContain('Orderbevestiging');

    // Bram's: its subject, recipient and text, with the my-order link; then again (the same message, queued).
    await rows.nth(0).locator('button:has-text("Openen")').click();
    const row = await k.outbox(bram);
    await eventually(() => page.locator('.outbox h2').textContent()).toBe(row.subject);
    expect(await page.locator('.mail-to').textContent()).toBe('bram@example.be');
    expect(await page.locator('.mail-text').textContent()).toBe(row.body_text);
    await page.click('button:has-text("Opnieuw versturen")');
    await eventually(() => page.locator('.outbox [role=status]').textContent()).toBe('Opnieuw in de wachtrij gezet');
    await eventually(() => page.locator('.mail-status').textContent()).toContain('In de wachtrij');
    expect((await k.outbox(bram)).status).toBe('queued');

    // Anna's was sent already: sending again makes a new e-mail, which heads the list.
    await page.click('button:has-text("Terug naar de lijst")');
    await eventually(() => rows.count()).toBe(2);
    await page.locator(`tr[data-mail="${anna}"] button`).click();
    clock.advance(60_000);
    await page.click('button:has-text("Opnieuw versturen")');
    await eventually(() => page.locator('.outbox [role=status]').count()).toBe(1);
    await page.click('button:has-text("Terug naar de lijst")');
    await eventually(() => rows.count()).toBe(3);
    expect(await rows.nth(0).textContent()).toContain('anna@example.nl');
    expect(await rows.nth(0).getAttribute('data-mail')).not.toBe(anna);
  });

  it('says the status in the language the clerk picks', async () => {
    screenshotOnFailure(() => page, 'outbox-en');
    await page.selectOption('select.lang', 'en');
    await eventually(() => page.locator('table.mail-list').textContent()).toContain('Order confirmation');
    expect(await page.locator(`tr[data-mail="${anna}"]`).textContent()).toContain('Sent');
    await page.selectOption('select.lang', 'fr');
    await eventually(() => page.locator(`tr[data-mail="${anna}"]`).textContent()).toContain('Envoyé');
    expect(await page.locator('.outbox h2').textContent()).toBe('E-mails envoyés');
  });
});
