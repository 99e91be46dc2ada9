// The audit trail read by a venue manager: every entry names the things it is about (the production's
// title, the hall's and venue's name, a performance as its title and start in the venue's own time, a
// ticket type in the reader's language), says statuses, channels and roles the way the rest of the app
// does, labels fields as the forms do, and says "Foyer (system)" for changes Foyer made itself. No id,
// no ISO timestamp, no JSON is left on the screen, in Dutch nor in English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIALECTS } from '../helpers/databases.js';
import { gridSeatMap } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { systemCtx } from '../../src/platform/system-ctx.js';
import { putShiftSettings } from '../../src/shifts/required.js';
import { eventually, logIn, openBrowser, screenshotOnFailure, type Browser } from './browser.js';

const NOW = '2054-11-23T12:00:00Z';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const JSONISH = /[{}[\]"]/;

describe.each(DIALECTS)('the audit trail reads as words on %s', (dialect) => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: Awaited<ReturnType<typeof orgWithUser>>;
  const api = async (method: string, path: string, body?: unknown) => {
    const r = await s.request(method, path, { token: admin.token, body });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    s = await startServer(dialect, { clock: fixedClock(NOW) });
    admin = await orgWithUser(s, 'admin', 'Schouwburg Oost');
    // A venue in Brussels (UTC+1 in January): its performances start at its own wall clock, not at UTC's.
    ids.venue = (await api('POST', '/api/venues', { name: 'Theater aan Zee', address: 'Kade 1', postalCode: '8400', city: 'Oostende', country: 'BE', timeZone: 'Europe/Brussels' })).id;
    ids.hall = (await api('POST', `/api/venues/${ids.venue}/halls`, { name: 'Rode Zaal', seatMap: gridSeatMap(2, 4) })).id;
    ids.cjp = (await api('POST', '/api/ticket-types', { names: { nl: 'CJP-korting', fr: 'Réduction CJP', en: 'CJP discount' }, dipCategory: 'discount', channels: ['boxoffice'] })).id;
    ids.production = (await api('POST', '/api/productions', { title: 'Hamlet', producer: 'ITA', genre: 'toneel' })).id;
    ids.performance = (await api('POST', '/api/performances', { productionId: ids.production, hallId: ids.hall, startsAt: '2055-01-21T20:30', standardTicketTypeId: ids.cjp })).id;
    await api('PATCH', `/api/performances/${ids.performance}`, { status: 'on_sale', salesWindows: [{ channel: 'boxoffice', opensAt: '2055-01-02T10:00', closesAt: null }] });
    await api('PUT', `/api/performances/${ids.performance}/prices`, { prices: [{ ticketTypeId: ids.cjp, rank: 1, amount: 1500 }] });
    await api('PATCH', `/api/halls/${ids.hall}`, { name: 'Blauwe Zaal' });
    ids.user = (await api('POST', '/api/users', { email: 'lies@example.test', name: 'Lies Peeters', role: 'boxoffice', password: 'correct horse battery' })).id;
    await api('PATCH', `/api/users/${ids.user}`, { role: 'reporting' });
    // A setting Foyer changes itself (as the CLI and jobs do).
    await putShiftSettings({ ...systemCtx(s.deps, admin.orgId, s.app.log) }, { requireOpenShift: true });

    browser = await openBrowser();
    await browser.context.clock.install({ time: new Date(NOW) });
    page = browser.page;
    await logIn(page, s.baseUrl, admin.email, admin.password);
    await page.click('button[name=tab-manage]');
    await page.click('button[name=manage-audit]');
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const row = (subject: string, id: string, nth = 0) => page.locator(`tr[data-audit="${subject}"][data-subject-id="${id}"]`).nth(nth);
  const field = (subject: string, id: string, name: string, nth = 0) => row(subject, id, nth).locator(`li[data-field="${name}"]`).textContent();
  const table = () => page.locator('table.list tbody').innerText();

  it('names things, says local times and the app\'s words, in Dutch and in English', { timeout: 120_000 }, async () => {
    screenshotOnFailure(() => page, `audit-readable-${dialect}`);
    await eventually(() => page.locator('tr[data-audit]').count()).toBe(11);

    // Nothing a manager cannot read: no ids, no ISO timestamps, no JSON.
    const nl = await table();
    expect(nl).not.toMatch(UUID);
    expect(nl).not.toMatch(ISO);
    expect(nl).not.toMatch(JSONISH);

    // The performance: its production and start in Brussels, in the row's thing and its fields.
    const created = row('performance', ids.performance, 1);
    await expect(created.locator('button[name=audit-history]').textContent()).resolves.toBe('Hamlet, do 21 jan 2055 20:30');
    await expect(field('performance', ids.performance, 'productionId', 1)).resolves.toBe('Productie: leeg → Hamlet');
    await expect(field('performance', ids.performance, 'hallId', 1)).resolves.toBe('Zaal: leeg → Blauwe Zaal');
    await expect(field('performance', ids.performance, 'startsAt', 1)).resolves.toBe('Begin: leeg → do 21 jan 2055 20:30');
    await expect(field('performance', ids.performance, 'status')).resolves.toBe('Status: Concept → In verkoop');
    await expect(field('performance', ids.performance, 'salesWindows')).resolves.toBe('Verkoop per kanaal: leeg → Kassa: Verkoop open vanaf za 2 jan 2055 10:00');
    // The price list of the performance, with the ticket type's name.
    await expect(row('price-list', ids.performance).locator('button[name=audit-history]').textContent()).resolves.toBe('Hamlet, do 21 jan 2055 20:30');
    await expect(row('price-list', ids.performance).locator('ul.changes').innerText()).resolves.toBe('CJP-korting · 1: leeg → € 15,00');
    // The hall: its venue by name, its new name.
    await expect(field('hall', ids.hall, 'venueId', 1)).resolves.toBe('Locatie: leeg → Theater aan Zee');
    await expect(field('hall', ids.hall, 'name')).resolves.toBe('Naam: Rode Zaal → Blauwe Zaal');
    // The ticket type: its name as a text, its channels as the app says them.
    await expect(row('ticket-type', ids.cjp).locator('button[name=audit-history]').textContent()).resolves.toBe('CJP-korting');
    await expect(field('ticket-type', ids.cjp, 'names')).resolves.toBe('Naam: leeg → CJP-korting');
    await expect(field('ticket-type', ids.cjp, 'channels')).resolves.toBe('Kanalen: leeg → Kassa');
    await expect(field('ticket-type', ids.cjp, 'dipCategory')).resolves.toBe('DIP-categorie: leeg → Korting');
    // The user: roles in words.
    await expect(field('user', ids.user, 'role')).resolves.toBe('Rol: Kassa → Rapportage (alleen lezen)');
    // Foyer's own change.
    const till = page.locator('tr[data-audit=settings][data-subject-id=till]');
    await expect(till.locator('td.who').textContent()).resolves.toBe('Foyer (systeem)');
    await expect(till.locator('button[name=audit-history]').textContent()).resolves.toBe('Kassa');
    await expect(till.locator('li[data-field=requireOpenShift]').textContent()).resolves.toBe('Betalen aan de kassa vraagt een open dienst: nee → ja');

    await page.selectOption('select.lang', 'en');
    await eventually(() => field('performance', ids.performance, 'status')).toBe('Status: Draft → On sale');
    const en = await table();
    expect(en).not.toMatch(UUID);
    expect(en).not.toMatch(ISO);
    expect(en).not.toMatch(JSONISH);
    await expect(created.locator('button[name=audit-history]').textContent()).resolves.toBe('Hamlet, Thu 21 Jan 2055 20:30');
    await expect(field('performance', ids.performance, 'salesWindows')).resolves.toBe('Sales per channel: empty → Box office: Sales open from Sat 2 Jan 2055 10:00');
    await expect(row('price-list', ids.performance).locator('ul.changes').innerText()).resolves.toBe('CJP discount · 1: empty → €15.00');
    await expect(row('ticket-type', ids.cjp).locator('button[name=audit-history]').textContent()).resolves.toBe('CJP discount');
    await expect(field('ticket-type', ids.cjp, 'names')).resolves.toBe('Name: empty → CJP discount');
    await expect(field('ticket-type', ids.cjp, 'channels')).resolves.toBe('Channels: empty → Box office');
    await expect(field('user', ids.user, 'role')).resolves.toBe('Role: Box office → Reporting (read only)');
    await expect(field('hall', ids.hall, 'venueId', 1)).resolves.toBe('Venue: empty → Theater aan Zee');
    await expect(till.locator('td.who').textContent()).resolves.toBe('Foyer (system)');
    await page.selectOption('select.lang', 'nl');
  });

  it('shows a deleted thing by the label it had, or as deleted', { timeout: 60_000 }, async () => {
    const gone = (await api('POST', '/api/productions', { title: 'Medea', producer: 'ITA', genre: 'toneel' })).id;
    await api('DELETE', `/api/productions/${gone}`);
    await page.click('button[name=audit-filter]');
    await eventually(() => row('production', gone).locator('button[name=audit-history]').textContent()).toBe('Medea');
    await expect(row('production', gone, 1).locator('button[name=audit-history]').textContent()).resolves.toBe('Medea');
    expect(await table()).not.toMatch(UUID);
  });
});
