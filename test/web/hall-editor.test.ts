// The hall editor in a browser (admin, desktop): a venue made from nothing, a 300-seat hall generated
// with two aisles, a painted rank and a wheelchair row, then sold from in the box office; a hall
// imported from CSV; and a change that would drop a sold seat, refused with the refusal on that seat.
// (docs/hall-editor.png comes from test/web/manager-from-nothing.test.ts.)
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { eventually, logIn, openBrowser, screenshotOnFailure, type Browser } from './browser.js';

const NOW = '2054-11-23T12:00:00Z';
// A 1x1 PNG, as the venue's logo
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('the hall editor', { timeout: 180_000 }, () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: Awaited<ReturnType<typeof orgWithUser>>;
  let venueId = '';
  let hallId = '';
  const api = (method: string, path: string, body?: unknown) => s.request(method, path, { token: admin.token, body });

  beforeAll(async () => {
    s = await startServer('sqlite', { clock: fixedClock(NOW) });
    admin = await orgWithUser(s, 'admin', 'Schouwburg Noord');
    browser = await openBrowser();
    await browser.context.clock.install({ time: new Date(NOW) });
    page = browser.page;
    page.on('dialog', (d) => { void d.accept(); });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const openVenues = async () => {
    await page.click('button[name=tab-manage]');
    await page.click('button[name=manage-venues]');
  };

  it('creates a venue and generates a 300-seat hall with two aisles, a painted rank and a wheelchair row (docs/hall-editor.png)', async () => {
    screenshotOnFailure(() => page, 'hall-editor');
    await logIn(page, s.baseUrl, admin.email, admin.password);
    await openVenues();
    await page.click('button[name=new-venue]');
    // A name of only spaces passes the browser but not the API: the refusal shows on the name field.
    await page.fill('input[name=name]', '   ');
    await page.fill('input[name=address]', 'Markt 1');
    await page.fill('input[name=postalCode]', '9711 AA');
    await page.fill('input[name=city]', 'Groningen');
    // The zone follows the country while it is the country's default, and stays a choice.
    const zone = () => page.inputValue('select[name=timeZone]');
    await page.selectOption('select[name=country]', 'BE');
    await eventually(zone).toBe('Europe/Brussels');
    await page.selectOption('select[name=timeZone]', 'Europe/Amsterdam');
    await page.selectOption('select[name=country]', 'NL');
    await eventually(zone).toBe('Europe/Amsterdam');
    await page.selectOption('select[name=country]', 'BE');
    await eventually(zone).toBe('Europe/Brussels');
    await page.selectOption('select[name=country]', 'NL');
    await eventually(zone).toBe('Europe/Amsterdam');
    await page.uncheck('input[name=no-colour]');
    await page.setInputFiles('input[name=logo]', { name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(PNG.split(',')[1], 'base64') });
    await page.waitForSelector('img.logo-preview');
    await page.click('button[name=save-venue]');
    await eventually(() => page.locator('.field.invalid[data-field=name] .field-error').count()).toBe(1);
    expect((await api('GET', '/api/venues')).body.items).toEqual([]);
    await page.fill('input[name=name]', 'Schouwburg Noord');
    await page.click('button[name=save-venue]');
    await page.waitForSelector('button[name=new-hall]');
    const venues = (await api('GET', '/api/venues')).body.items;
    expect(venues).toEqual([expect.objectContaining({ name: 'Schouwburg Noord', city: 'Groningen', country: 'NL', timeZone: 'Europe/Amsterdam', colour: '#8e1537', logo: PNG })]);
    venueId = venues[0].id;

    await page.click('button[name=new-hall]');
    await page.fill('input[name=hall-name]', 'Grote zaal');
    await page.fill('input[name=grid-aisles]', '10, 20');
    await page.fill('input[name=grid-curve]', '1');
    await page.click('button[name=generate]');
    await eventually(() => page.locator('.hall-preview [data-seat]').count()).toBe(300);
    await expect(page.locator('output[name=seat-count]').textContent()).resolves.toBe('300');
    // Rows A-C in rank 2, row J wheelchair places.
    for (const r of ['A', 'B', 'C']) await page.click(`.hall-preview [data-row="Zaal/${r}"]`);
    await eventually(() => page.locator('output[name=selected-count]').textContent()).toBe('90');
    await page.click('button[name=paint-rank-2]');
    await page.click('button[name=select-none]');
    await page.click('.hall-preview [data-row="Zaal/J"]');
    await eventually(() => page.locator('output[name=selected-count]').textContent()).toBe('30');
    await page.click('button[name=flag-wheelchair]');
    await page.click('button[name=select-none]');
    await eventually(() => page.locator('.hall-preview g[data-seat] .seat-icon').count()).toBe(30);
    await expect(page.locator('[data-feature=wheelchair]').textContent()).resolves.toBe(' · 30 rolstoelplaatsen');
    await page.click('button[name=save-hall]');
    await eventually(() => page.locator('.hall-editor .saved').textContent()).toBe('Zaal opgeslagen');

    const halls = (await api('GET', `/api/venues/${venueId}/halls`)).body.items;
    expect(halls).toEqual([expect.objectContaining({ name: 'Grote zaal', seatCount: 300, capacity: 300 })]);
    hallId = halls[0].id;
    const rows = (await api('GET', `/api/halls/${hallId}`)).body.seatMap.sections[0].rows as { label: string; seats: { x: number; rank: number; wheelchair: boolean }[] }[];
    expect(rows.map((r) => r.label).join('')).toBe('ABCDEFGHIJ');
    const gaps = rows[0].seats.slice(1).map((seat, i) => seat.x - rows[0].seats[i].x);
    expect(gaps.filter((g) => g > 30)).toHaveLength(2);
    expect(rows.map((r) => r.seats.every((x) => x.rank === 2))).toEqual([true, true, true, false, false, false, false, false, false, false]);
    expect(rows[9].seats.every((x) => x.wheelchair)).toBe(true);
    expect(rows.slice(0, 9).some((r) => r.seats.some((x) => x.wheelchair))).toBe(false);
    const audit = (await api('GET', `/api/audit?subjectId=${hallId}`)).body.items;
    expect(audit).toEqual([expect.objectContaining({ subject: 'hall', action: 'created', label: 'Grote zaal' })]);

    await page.screenshot({ path: 'test-results/hall-editor.png' });
  });

  it('shows the new hall in the box office seat map', async () => {
    screenshotOnFailure(() => page, 'hall-editor-boxoffice');
    const tt = (await api('POST', '/api/ticket-types', { names: { nl: 'Normaal', fr: 'Normal', en: 'Standard' }, dipCategory: 'normal', channels: ['boxoffice', 'online'] })).body.id;
    const production = (await api('POST', '/api/productions', { title: 'De Storm', producer: 'Toneelgroep', genre: 'toneel' })).body.id;
    const perf = await api('POST', '/api/performances', { productionId: production, hallId, startsAt: '2055-01-15T20:15', standardTicketTypeId: tt });
    expect(perf.status, JSON.stringify(perf.body)).toBe(201);
    expect((await api('PUT', `/api/performances/${perf.body.id}/prices`, { prices: [1, 2].map((rank) => ({ ticketTypeId: tt, rank, amount: 2500 - rank * 500 })) })).status).toBe(200);
    expect((await api('PATCH', `/api/performances/${perf.body.id}`, { status: 'on_sale' })).status).toBe(200);
    await page.click('button[name=back]');
    await page.click('button[name=tab-sell]');
    await page.fill('input[name=performance-search]', 'Storm');
    await eventually(() => page.locator('.perf strong').first().textContent()).toBe('De Storm');
    await page.locator('.perf').first().click();
    await eventually(() => page.locator('.seatmap [data-seat]').count()).toBe(300);
    expect(await page.locator('.seatmap g[data-seat] .seat-icon').count()).toBe(30);
    expect(await page.getAttribute('[data-seat="zaal-a-1"]', 'fill')).not.toBe(await page.getAttribute('[data-seat="zaal-d-1"]', 'fill'));

    // A seat sold at the box office: it must stay in the hall from now on.
    const basket = (await api('POST', '/api/baskets', { channel: 'boxoffice' })).body.id;
    expect((await api('POST', `/api/baskets/${basket}/lines`, { performanceId: perf.body.id, seatIds: ['zaal-a-5'] })).status).toBe(200);
    expect((await api('POST', `/api/baskets/${basket}/checkout`, { payment: { method: 'cash' } })).status).toBe(201);
  });

  it('imports a hall from CSV, and says by line what is wrong with a bad file', async () => {
    screenshotOnFailure(() => page, 'hall-editor-import');
    await openVenues();
    await page.click('button[name=open-venue]');
    // On the French screen the grid's section is called in French; the editor then goes on in Dutch.
    await page.selectOption('select.lang', 'fr');
    await page.click('button[name=new-hall]');
    await eventually(() => page.inputValue('input[name=grid-section]')).toBe('Salle');
    await page.selectOption('select.lang', 'nl');
    await page.fill('input[name=hall-name]', 'Studio');
    await page.setInputFiles('input[name=import-file]', { name: 'fout.csv', mimeType: 'text/csv', buffer: Buffer.from('section;row;seat;rank\nStudio;1;1;12\n') });
    await eventually(() => page.locator('.import-report.error').textContent()).toContain('regel 2');
    const csv = [
      'section;row;seat;rank;x;y;features;id;capacity',
      'Studio;1;1;1;;;;;', 'Studio;1;2;1;;;wheelchair;;', 'Studio;1;3;1;;;companion;;',
      'Studio;2;1;2;;;;;', 'Studio;2;2;2;;;restricted-view;;', 'Studio;2;3;2;;;;;',
      'Staanplaatsen;;;1;;;;staan;60',
    ].join('\r\n');
    await page.setInputFiles('input[name=import-file]', { name: 'studio.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await eventually(() => page.locator('.import-report.ok').textContent()).toBe('6 stoelen en 1 zones geïmporteerd');
    await eventually(() => page.locator('.hall-preview [data-seat]').count()).toBe(6);
    await expect(page.locator('[data-feature=wheelchair]').textContent()).resolves.toBe(' · 1 rolstoelplaats');
    await expect(page.locator('[data-feature=companion]').textContent()).resolves.toBe(' · 1 begeleidersplaats');
    await page.click('button[name=save-hall]');
    await eventually(() => page.locator('.hall-editor .saved').textContent()).toBe('Zaal opgeslagen');
    const studio = (await api('GET', `/api/venues/${venueId}/halls`)).body.items.find((h: { name: string }) => h.name === 'Studio');
    expect(studio).toMatchObject({ seatCount: 6, zoneCapacity: 60, capacity: 66 });
    const map = (await api('GET', `/api/halls/${studio.id}`)).body.seatMap;
    expect(map.sections[0].rows[0].seats[1]).toMatchObject({ id: 'studio-1-2', wheelchair: true });
    expect(map.sections[0].rows[1].seats[1]).toMatchObject({ rank: 2, restrictedView: true });
    expect(map.zones).toEqual([{ id: 'staan', name: 'Staanplaatsen', capacity: 60, rank: 1 }]);
    await page.click('button[name=back]');
  });

  it('refuses a change that drops the sold seat, shows the refusal on that seat, and saves once it is put back', async () => {
    screenshotOnFailure(() => page, 'hall-editor-refusal');
    await page.locator('.hall-list tr', { hasText: 'Grote zaal' }).locator('button[name=open-hall]').click();
    await eventually(() => page.locator('.hall-preview [data-seat]').count()).toBe(300);
    await page.click('.hall-preview [data-row="Zaal/A"]');
    await page.click('button[name=remove-seats]');
    await eventually(() => page.locator('.hall-preview [data-seat]').count()).toBe(270);
    await page.click('button[name=save-hall]');
    await eventually(() => page.locator('.hall-editor .refusal').textContent()).toContain('Zaal A-5');
    // The sold seat is drawn again where it was, sold, outlined, with the refusal as its title.
    const seat = page.locator('.hall-preview [data-seat="zaal-a-5"]');
    await expect(seat.getAttribute('data-status')).resolves.toBe('sold');
    await expect(seat.getAttribute('data-flag')).resolves.toBe('');
    await expect(seat.locator('title').textContent()).resolves.toContain('in gebruik: moet blijven');
    expect(await page.locator('.hall-preview [data-flag]').count()).toBe(1);
    expect((await api('GET', `/api/halls/${hallId}`)).body.seatCount).toBe(300);

    await page.click('button[name=restore]');
    await eventually(() => page.locator('.hall-preview [data-seat]').count()).toBe(271);
    await page.click('button[name=save-hall]');
    await eventually(() => page.locator('.hall-editor .saved').textContent()).toBe('Zaal opgeslagen');
    const hall = (await api('GET', `/api/halls/${hallId}`)).body;
    expect(hall.seatCount).toBe(271);
    expect(hall.seatMap.sections[0].rows[0].seats.map((x: { id: string }) => x.id)).toEqual(['zaal-a-5']);
    // (The clock stands still: entries of the same moment come in any order.)
    const changed = (await api('GET', `/api/audit?subjectId=${hallId}`)).body.items.find((e: { action: string }) => e.action === 'changed');
    expect(changed).toMatchObject({ action: 'changed', changes: { seatCount: [300, 271], seatsRemoved: [null, 29] } });

    // Exported as CSV: the header, then one line per seat, the sold seat with its id.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[name=export-csv]')]);
    expect(download.suggestedFilename()).toBe('Grote-zaal.csv');
    const file = fs.readFileSync(await download.path(), 'utf8');
    // As the reports' CSV: a BOM and semicolons (Dutch and Belgian Excel).
    expect(file.startsWith('\uFEFFsection;row;seat;rank;x;y;features;id;capacity\r\n')).toBe(true);
    const csv = file.trim().split('\r\n');
    expect(csv).toHaveLength(1 + 271);
    expect(csv[1]).toMatch(/^Zaal;A;5;2;\d+;\d+;;zaal-a-5;$/);
    expect(csv.filter((l) => l.includes(';wheelchair;'))).toHaveLength(30);

    // The editor in French and English.
    await page.selectOption('.topbar select.lang', 'fr');
    await eventually(() => page.locator('button[name=save-hall]').textContent()).toBe('Enregistrer la salle');
    await expect(page.locator('.hall-preview h3').first().textContent()).resolves.toContain('Aperçu');
    await expect(page.locator('[data-feature=wheelchair]').textContent()).resolves.toBe(' · 30 places PMR');
    await page.selectOption('.topbar select.lang', 'en');
    await eventually(() => page.locator('button[name=generate]').textContent()).toBe('Replace section');
    await page.selectOption('.topbar select.lang', 'nl');
  });
});
