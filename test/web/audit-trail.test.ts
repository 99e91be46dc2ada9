// The audit trail in a browser, as a manager reads it: a price changed twice shows both changes with
// their amounts in euros the way the manager's language writes them, even when the earlier change has
// been pushed off the first page by the changes made since (a row's thing opens its whole history);
// a failed job tried again, a change of the organisation's settings, the service fees, the shop and re-entry at the doors, each in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { enqueue, JobRunner } from '../../src/platform/jobs.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { eventually, logIn, openBrowser, screenshotOnFailure, type Browser } from './browser.js';

const NOW = '2054-11-23T12:00:00Z';

describe.each(DIALECTS)('the audit trail in the back office on %s', (dialect) => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: Awaited<ReturnType<typeof orgWithUser>>;
  let c: Catalogue;
  const api = async (method: string, path: string, body?: unknown) => {
    const r = await s.request(method, path, { token: admin.token, body });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const audit = async () => {
    await page.click('button[name=tab-manage]');
    await page.click('button[name=manage-audit]');
  };
  const language = (lang: string) => page.selectOption('select.lang', lang);

  beforeAll(async () => {
    s = await startServer(dialect, { clock: fixedClock(NOW) });
    admin = await orgWithUser(s, 'admin', 'Schouwburg Oost');
    c = await buildCatalogue(s, admin.token, { rows: 2, perRow: 4 });
    browser = await openBrowser();
    await browser.context.clock.install({ time: new Date(NOW) });
    page = browser.page;
    page.on('dialog', (d) => { void d.accept(); });
    await logIn(page, s.baseUrl, admin.email, admin.password);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('shows both changes of a price changed twice, in euros, though the first is no longer on the first page', { timeout: 120_000 }, async () => {
    screenshotOnFailure(() => page, `audit-price-twice-${dialect}`);
    const price = (amount: number) => ({ prices: [{ ticketTypeId: c.ticketTypes.normal, rank: 1, amount }, { ticketTypeId: c.ticketTypes.discount, rank: 1, amount: 2000 }] });
    await api('PUT', `/api/productions/${c.productionId}/prices`, price(3000));
    // A season's worth of performances made in between: 26 changes newer than the first price.
    for (let day = 1; day <= 26; day++) {
      await api('POST', '/api/performances', { productionId: c.productionId, hallId: c.hallId, startsAt: `2055-03-${String(day).padStart(2, '0')}T20:15`, standardTicketTypeId: c.ticketTypes.normal });
    }
    await api('PUT', `/api/productions/${c.productionId}/prices`, price(3250));

    await audit();
    const row = page.locator(`tr[data-audit=price-list][data-subject-id="${c.productionId}"]`);
    await eventually(() => row.locator('li[data-field="Normaal · 1"]').allTextContents()).toEqual(['Normaal · 1: € 30,00 → € 32,50']);
    // The earlier change is on a later page; the production's price list opens its whole history.
    await row.locator('button[name=audit-history]').click();
    await eventually(() => page.locator('[data-history-of]').textContent()).toBe('Alle wijzigingen van Prijslijst Hamlet Alles tonen');
    const normal = page.locator('tr[data-audit] li[data-field="Normaal · 1"]');
    await eventually(() => normal.allTextContents()).toEqual(['Normaal · 1: € 30,00 → € 32,50', 'Normaal · 1: leeg → € 30,00']);
    await expect(page.locator('tr[data-audit] li[data-field="Korting · 1"]').allTextContents()).resolves.toEqual(['Korting · 1: leeg → € 20,00']);
    await expect(page.locator('tr[data-audit]').count()).resolves.toBe(2);

    await language('fr');
    await eventually(() => normal.allTextContents()).toEqual(['Normaal · 1: 30,00 € → 32,50 €', 'Normaal · 1: vide → 30,00 €']);
    await language('en');
    await eventually(() => normal.allTextContents()).toEqual(['Normaal · 1: €30.00 → €32.50', 'Normaal · 1: empty → €30.00']);
    await language('nl');

    // Back to everything: the 26 performances are there again, the first price change is not on page 1.
    await page.click('button[name=audit-all]');
    await eventually(() => page.locator('tr[data-audit=performance]').count()).toBe(24);
  });

  it('shows who tried a failed job again and who changed the organisation, shop and check-in settings, in nl, fr and en', { timeout: 120_000 }, async () => {
    screenshotOnFailure(() => page, `audit-job-settings-${dialect}`);
    const job = (await enqueue(s.deps.db, { kind: 'mail.send', payload: { outboxId: 'x' }, organisationId: admin.orgId, maxAttempts: 1 }, s.clock.now()))!;
    await new JobRunner({ deps: s.deps }).register('mail.send', async () => { throw new Error('SMTP answered 451'); }).runDue();
    await page.click('button[name=manage-jobs]');
    await page.locator(`tr[data-job="${job}"] button[name=retry-job]`).click();
    await page.waitForSelector('.jobs [role=status]');
    await api('PATCH', '/api/organisation', { onlineHoldMinutes: 20, reservationHours: 48 });
    await api('PUT', '/api/fees', { online: { perTicket: 150, perOrder: 0, vatRate: 2100 } });
    await api('PUT', '/api/shop-settings', { enabled: true, maxPlaces: 6 });
    await api('PUT', '/api/checkin/settings', { reentry: true });

    await page.click('button[name=manage-audit]');
    const retried = page.locator(`tr[data-audit=job][data-subject-id="${job}"]`);
    await eventually(() => retried.locator('td:nth-child(3)').textContent()).toBe('Achtergrondtaak E-mail versturen opnieuw geprobeerd');
    await expect(retried.locator('td:nth-child(2)').textContent()).resolves.toBe('admin user');
    await expect(retried.locator('li[data-field=status]').textContent()).resolves.toBe('Status: Mislukt → Wacht');
    const settings = page.locator('tr[data-audit=settings][data-subject-id=organisation]');
    await expect(settings.locator('td:nth-child(3)').textContent()).resolves.toBe('Instellingen Organisatie gewijzigd');
    await expect(settings.locator('li').allTextContents()).resolves.toEqual(['Online mandje vastgehouden (minuten): 15 → 20', 'Reservering geldig (uren): leeg → 48']);
    const fees = page.locator('tr[data-audit=settings][data-subject-id=fees]');
    await expect(fees.locator('td:nth-child(3)').textContent()).resolves.toBe('Instellingen Servicekosten gewijzigd');
    await expect(fees.locator('li').allTextContents()).resolves.toEqual(['Online: servicekosten per ticket: € 0,00 → € 1,50']);
    const shop = page.locator('tr[data-audit=settings][data-subject-id=shop]');
    await expect(shop.locator('td:nth-child(3)').textContent()).resolves.toBe('Instellingen Webshop gewijzigd');
    await expect(shop.locator('li').allTextContents()).resolves.toEqual(['Webshop aan: nee → ja', 'Maximum aantal plaatsen per bestelling: 10 → 6']);
    const doors = page.locator('tr[data-audit=settings][data-subject-id=checkin]');
    await expect(doors.locator('td:nth-child(3)').textContent()).resolves.toBe('Instellingen Check-in gewijzigd');
    await expect(doors.locator('li').allTextContents()).resolves.toEqual(['Opnieuw binnen (uitgang scannen): nee → ja']);

    await language('fr');
    await eventually(() => retried.locator('td:nth-child(3)').textContent()).toBe('Tâche en arrière-plan Envoyer un e-mail relancée');
    await expect(retried.locator('li[data-field=status]').textContent()).resolves.toBe('Statut: Échouée → En attente');
    await expect(settings.locator('td:nth-child(3)').textContent()).resolves.toBe('Paramètres Organisation modifié');
    await expect(fees.locator('li').allTextContents()).resolves.toEqual(['En ligne : frais par billet: 0,00 € → 1,50 €']);
    await expect(shop.locator('li').allTextContents()).resolves.toEqual(['Billetterie en ligne active: non → oui', 'Nombre maximum de places par commande: 10 → 6']);
    await expect(doors.locator('td:nth-child(3)').textContent()).resolves.toBe('Paramètres Contrôle d’accès modifié');
    await language('en');
    await eventually(() => retried.locator('td:nth-child(3)').textContent()).toBe('Background job Send e-mail tried again');
    await expect(settings.locator('td:nth-child(3)').textContent()).resolves.toBe('Settings Organisation changed');
    await expect(shop.locator('li').allTextContents()).resolves.toEqual(['Web shop on: no → yes', 'Most places per order: 10 → 6']);
    await expect(doors.locator('li').allTextContents()).resolves.toEqual(['Re-entry (exits scanned): no → yes']);
    await language('nl');

    // The subject filter has the jobs.
    await page.selectOption('select[name=subject]', 'job');
    await page.click('button[name=audit-filter]');
    await eventually(() => page.locator('tr[data-audit]').count()).toBe(1);
  });
});
