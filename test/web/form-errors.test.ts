// Back-office forms show the API's field errors on the field they concern, in Dutch, as a venue
// manager walking through them would see them: a start time of a series that does not exist, sales
// that close before they open on the right channel, a quota that does not block saving the performance,
// a pack's set left without a name, a hall's zone without capacity, and an empty organisation told
// what to make first. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIALECTS } from '../helpers/databases.js';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { eventually, logIn, openBrowser, screenshotOnFailure, type Browser } from './browser.js';

const NOW = '2054-11-23T12:00:00Z';

const seatMap = {
  sections: [{ name: 'Zaal', rows: [{ label: '1', seats: [1, 2, 3].map((n) => ({ id: `s${n}`, label: String(n), rank: 1, x: n * 30, y: 0 })) }] }],
  zones: [{ id: 'staan', name: 'Staanplaatsen', capacity: 40 }],
};

describe.each(DIALECTS)('field errors in the back office on %s', (dialect) => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: Awaited<ReturnType<typeof orgWithUser>>;
  let performanceId = '';
  let hallId = '';
  const api = async (method: string, path: string, body?: unknown) => {
    const r = await s.request(method, path, { token: admin.token, body });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const openProduction = async () => {
    await page.click('button[name=tab-manage]');
    await page.click('button[name=manage-productions]');
    await page.click('button[name=open-production] >> text=De Kersentuin');
  };

  beforeAll(async () => {
    s = await startServer(dialect, { clock: fixedClock(NOW) });
    admin = await orgWithUser(s, 'admin', 'Schouwburg Brugge');
    const venue = await api('POST', '/api/venues', { name: 'Stadsschouwburg', address: 'Vlamingstraat 29', postalCode: '8000', city: 'Brugge', country: 'BE', timeZone: 'Europe/Brussels' });
    const hall = await api('POST', `/api/venues/${venue.id}/halls`, { name: 'Grote zaal', seatMap });
    await api('POST', '/api/ticket-types', { names: { nl: 'Normaal', fr: 'Normal', en: 'Regular' }, dipCategory: 'normal', channels: ['boxoffice', 'online'] });
    hallId = hall.id;
    const production = await api('POST', '/api/productions', { title: 'De Kersentuin', producer: 'Toneelhuis', durationMinutes: 150 });
    performanceId = (await api('POST', '/api/performances', { productionId: production.id, hallId: hall.id, startsAt: '2055-01-15T20:15' })).id;
    await api('POST', '/api/performances', { productionId: production.id, hallId: hall.id, startsAt: '2054-11-01T20:15' }); // over: not offered for a pack
    browser = await openBrowser({ width: 1280, height: 900 });
    await browser.context.clock.install({ time: new Date(NOW) });
    page = browser.page;
    await logIn(page, s.baseUrl, admin.email, admin.password);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('a series start time that is no time (25:99) shows on the times field', { timeout: 120_000 }, async () => {
    screenshotOnFailure(() => page, `form-errors-times-${dialect}`);
    await openProduction();
    await page.click('button[name=new-series]');
    const form = page.getByRole('form', { name: 'Reeks voorstellingen' });
    await form.locator('input[name=from]').fill('2055-01-06');
    await form.locator('input[name=to]').fill('2055-02-13');
    await form.locator('input[name=times]').fill('25:99');
    await form.locator('button[name=preview-series]').click();
    await eventually(() => form.locator('.field.invalid[data-field=times] .field-error').textContent()).toBe('heeft een ongeldig formaat');
    expect(await form.locator('.field.invalid').count()).toBe(1);
    await form.locator('button[name=close-series]').click();
  });

  it('online sales closing before they open show on the online channel, not on the box office', { timeout: 120_000 }, async () => {
    screenshotOnFailure(() => page, `form-errors-windows-${dialect}`);
    await openProduction();
    await page.locator('tr[data-performance]', { hasText: '15-01-2055' }).locator('button[name=edit-performance]').click();
    const editor = page.getByRole('form', { name: 'Bewerken' });
    await editor.locator('input[name=online-opens-at]').fill('2055-01-10T10:00');
    await editor.locator('input[name=online-closes-at]').fill('2055-01-09T10:00');
    await editor.locator('button[name=save-performance]').click();
    const online = editor.locator('.sales-window[data-channel=online]');
    await eventually(() => online.locator('.field.invalid .field-error').allTextContents()).toEqual(['moet na het openen van de verkoop liggen']);
    expect(await online.locator('.field.invalid .field-label').textContent()).toBe('Verkoop sluit');
    expect(await editor.locator('.sales-window[data-channel=boxoffice] .field.invalid').count()).toBe(0);
    await editor.locator('button[name=close-editor]').click();
  });

  it('a bad quota does not block saving the performance, and its refusal shows on the quota', { timeout: 120_000 }, async () => {
    screenshotOnFailure(() => page, `form-errors-quota-${dialect}`);
    await openProduction();
    await page.locator('tr[data-performance]', { hasText: '15-01-2055' }).locator('button[name=edit-performance]').click();
    const editor = page.getByRole('form', { name: 'Bewerken' });
    const normaal = page.locator('.quotas-panel tr[data-ticket-type=Normaal]');
    await normaal.locator('input').fill('-1');
    await editor.locator('input[name=doorsOpenMinutes]').fill('45');
    await editor.locator('button[name=save-performance]').click();
    await eventually(async () => (await api('GET', `/api/performances/${performanceId}`)).doorsOpenMinutes).toBe(45);

    await page.locator('tr[data-performance]', { hasText: '15-01-2055' }).locator('button[name=edit-performance]').click();
    await normaal.locator('input').fill('-1');
    await page.click('button[name=save-quotas]');
    await eventually(() => normaal.locator('.field-error').textContent()).toBe('moet minstens 0 zijn');
    expect((await api('GET', `/api/performances/${performanceId}/quotas`)).quotas.map((q: { max: number | null }) => q.max)).toEqual([null]);
    await page.locator('button[name=close-editor]').click();
  });

  it('a pack\'s set left without a name is saved as the name its field shows; only coming performances are offered', { timeout: 120_000 }, async () => {
    screenshotOnFailure(() => page, `form-errors-pack-${dialect}`);
    await page.click('button[name=tab-manage]');
    await page.click('button[name=manage-catalogue]');
    await page.click('button[name=new-pack]');
    await page.fill('input[name=label]', 'Kersentuin-pas');
    await page.selectOption('select[name=typeId]', '1');
    await page.fill('input[name=price]', '20');
    await page.selectOption('select[name=ticketTypeId]', { label: 'Normaal' });
    expect(await page.locator('input[name=set-0-label]').getAttribute('placeholder')).toBe('Set 1');
    await page.fill('input[name=search-performances]', 'Kersen');
    const offered = page.locator('.performance-picker li[data-performance]');
    await eventually(() => offered.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-performance')))).toEqual([performanceId]);
    await offered.locator('button[name=add-performance]').click();
    await page.click('button[name=save-pack]');
    await eventually(async () => ((await api('GET', '/api/packs')).items as { label: string; sets: { label: string }[] }[])
      .map((p) => `${p.label}: ${p.sets.map((x) => x.label).join(', ')}`)).toEqual(['Kersentuin-pas: Set 1']);
  });

  it('a hall\'s zone without capacity or with a blank name shows it on that zone, not in a banner', { timeout: 120_000 }, async () => {
    screenshotOnFailure(() => page, `form-errors-zones-${dialect}`);
    await page.click('button[name=tab-manage]');
    await page.click('button[name=manage-venues]');
    await page.click('button[name=open-venue]');
    await page.locator('.hall-list tr', { hasText: 'Grote zaal' }).locator('button[name=open-hall]').click();
    const zones = page.locator('.zone-edit');
    await eventually(() => zones.count()).toBe(1);
    await zones.nth(0).locator('input[name=zone-capacity]').fill('0');
    await page.click('button[name=add-zone]');
    await zones.nth(1).locator('input[name=zone-name]').fill(' ');
    await page.click('button[name=save-hall]');
    await eventually(() => zones.nth(0).locator('.field-error').allTextContents()).toEqual(['Capaciteit: moet minstens 1 zijn']);
    expect(await zones.nth(0).locator('input[name=zone-capacity]').getAttribute('aria-invalid')).toBe('true');
    await eventually(() => zones.nth(1).locator('.field-error').allTextContents()).toEqual([expect.stringMatching(/^Naam zone: /)]);
    expect(await page.locator('.hall-editor .refusal').count()).toBe(0);
    expect((await api('GET', `/api/halls/${hallId}`)).seatMap.zones).toEqual([{ id: 'staan', name: 'Staanplaatsen', capacity: 40, rank: 1 }]);
  });

  it('a new organisation is told to make a venue and hall, and ticket types, first, with the way there', { timeout: 120_000 }, async () => {
    const fresh = await orgWithUser(s, 'admin', 'Nieuw Theater');
    const made = await s.request('POST', '/api/productions', { token: fresh.token, body: { title: 'Eerste stuk', producer: 'Wij' } });
    expect(made.status).toBe(201);
    const other = await openBrowser({ width: 1280, height: 900 });
    try {
      screenshotOnFailure(() => other.page, `form-errors-first-${dialect}`);
      const p = other.page;
      await logIn(p, s.baseUrl, fresh.email, fresh.password);
      await p.click('button[name=tab-manage]');
      await p.click('button[name=manage-productions]');
      await p.click('button[name=open-production] >> text=Eerste stuk');
      await p.click('button[name=new-performance]');
      const form = p.getByRole('form', { name: 'Eén voorstelling' });
      await eventually(() => form.locator('[data-field=hallId] .make-first').textContent()).toBe('Maak eerst een locatie en zaal aan: Locaties & zalen →');
      expect(await p.getByRole('form', { name: 'Prijslijst van de productie' }).locator('.make-first').textContent()).toBe('Maak eerst tickettypes aan: Tickettypes →');
      await p.getByRole('form', { name: 'Prijslijst van de productie' }).locator('button[name=goto-ticket-types]').click();
      await eventually(() => p.locator('button[name=manage-ticket-types]').getAttribute('aria-current')).toBe('page');
      await p.click('button[name=manage-productions]');
      await p.click('button[name=open-production] >> text=Eerste stuk');
      await p.click('button[name=new-performance]');
      await form.locator('button[name=goto-venues]').click();
      await eventually(() => p.locator('button[name=manage-venues]').getAttribute('aria-current')).toBe('page');
    } finally {
      await other.close();
    }
  });
});
