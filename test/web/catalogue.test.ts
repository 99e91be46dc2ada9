// The back office's catalogue in a browser (admin, desktop): a manager makes a pack with a set over
// two performances (a refused validity shown on its field), publishes it and sees it in the list, and
// cannot delete it once sold (told in words);
// makes a stream with its access rules; makes a catalogue key whose secret is shown once and signs
// /v1 calls that answer the published pack, then revokes it (the list then shows when it was last used)
// and /v1 refuses the key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { buy, morePerformances, ok, UtickClient } from '../catalogue/fixtures.js';
import { eventually, logIn, openBrowser, screenshotOnFailure, type Browser, textContrast } from './browser.js';

const NOW = '2054-11-23T12:00:00Z';

describe('the catalogue in the back office', { timeout: 180_000 }, () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: Awaited<ReturnType<typeof orgWithUser>>;
  let c: Catalogue;
  let second: string;
  const api = (method: string, path: string, body?: unknown) => s.request(method, path, { token: admin.token, body });
  const dialogs: string[] = [];

  beforeAll(async () => {
    s = await startServer('sqlite', { clock: fixedClock(NOW) });
    admin = await orgWithUser(s, 'admin', 'Schouwburg Zuid');
    c = await buildCatalogue(s, admin.token);
    [second] = await morePerformances(s, admin.token, c, 1);
    browser = await openBrowser();
    await browser.context.clock.install({ time: new Date(NOW) });
    page = browser.page;
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.accept(); });
    await logIn(page, s.baseUrl, admin.email, admin.password);
    await page.click('button[name=tab-manage]');
    await page.click('button[name=manage-catalogue]');
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('creates a pack with a set over two performances, publishes it and shows it in the list', async () => {
    screenshotOnFailure(() => page, 'catalogue-pack');
    await page.click('button[name=new-pack]');
    await page.fill('input[name=label]', 'Hamlet twee keer');
    await page.selectOption('select[name=typeId]', '1');
    await page.fill('input[name=price]', '45,50');
    await page.selectOption('select[name=ticketTypeId]', c.ticketTypes.free);
    await page.fill('input[name=set-0-label]', 'Beide voorstellingen');
    await page.fill('input[name=set-0-min]', '2');
    await page.fill('input[name=set-0-max]', '2');
    await page.fill('input[name=search-performances]', 'Ham');
    await page.locator(`.performance-picker li[data-performance="${c.performanceId}"] button[name=add-performance]`).click();
    await page.locator(`.performance-picker li[data-performance="${second}"] button[name=add-performance]`).click();
    await expect(page.locator('ul.stocks li').count()).resolves.toBe(2);
    await page.fill('input[name=set-0-stock-0-ranks]', '1');
    await page.check('input[name=published]');
    // Valid until before valid from: the API's refusal shows on the field, in Dutch.
    await page.fill('input[name=validFrom]', '2055-03-01T00:00');
    await page.fill('input[name=validUntil]', '2055-01-01T00:00');
    await page.click('button[name=save-pack]');
    await eventually(() => page.locator('.field.invalid[data-field=validUntil] .field-error').textContent()).toBe('moet na de begindatum van de geldigheid liggen');
    await page.fill('input[name=validFrom]', '');
    await page.fill('input[name=validUntil]', '');
    await page.click('button[name=save-pack]');

    const row = page.locator('tr[data-pack="Hamlet twee keer"]');
    await eventually(() => row.locator('td.published').textContent()).toBe('Gepubliceerd');
    await expect(row.textContent()).resolves.toContain('€ 45,50');
    const packs = (await api('GET', '/api/packs')).body.items;
    expect(packs).toHaveLength(1);
    expect(packs[0]).toMatchObject({
      label: 'Hamlet twee keer', price: 4550, published: true, ticketTypeId: c.ticketTypes.free, validFrom: null, validUntil: null,
      sets: [{ label: 'Beide voorstellingen', itemnbMin: 2, itemnbMax: 2, stocks: [
        { performanceId: c.performanceId, streamId: null, ranks: [1] }, { performanceId: second, streamId: null, ranks: [] },
      ] }],
    });

    // Offline and back with one click.
    await row.locator('button[name=toggle-published]').click();
    await eventually(() => row.locator('td.published').textContent()).toBe('Offline');
    await row.locator('button[name=toggle-published]').click();
    await eventually(() => row.locator('td.published').textContent()).toBe('Gepubliceerd');
  });

  it('refuses to delete a pack that was sold, after a confirmation that says what would go, in words', async () => {
    screenshotOnFailure(() => page, 'catalogue-pack-sold');
    const pack = (await api('GET', '/api/packs')).body.items[0];
    await buy(s, admin.token, null, async (basketId) =>
      ok(await api('POST', `/api/baskets/${basketId}/packs`, { packId: pack.id, performanceIds: [c.performanceId, second] }), 'pack in basket'));
    await page.click('tr[data-pack="Hamlet twee keer"] button[name=open-pack]');
    await page.click('button[name=delete-pack]');
    expect(dialogs.at(-1)).toContain('"Hamlet twee keer" verwijderen? Het pakket en zijn 1 set(s) verdwijnen');
    await eventually(() => page.locator('.pack-form p.error').textContent()).toContain('Dit pakket is al verkocht of zit in een mandje');
    expect((await api('GET', `/api/packs/${pack.id}`)).status).toBe(200);
  });

  it('creates a stream with its price, access rules and status', async () => {
    screenshotOnFailure(() => page, 'catalogue-stream');
    await page.click('button[name=catalogue-streams]');
    await page.click('button[name=new-stream]');
    await page.fill('input[name=label]', 'Hamlet online');
    await page.fill('input[name=url]', 'https://video.example/hamlet');
    await page.fill('input[name=price]', '7,50');
    await page.fill('input[name=accessEndsAt]', '2055-03-01T23:00');
    await page.fill('input[name=accessDurationHours]', '48');
    await page.selectOption('select[name=productionId]', c.productionId);
    await page.check('input[name=freeaccessSeats]');
    await page.click('button[name=save-stream]');
    const row = page.locator('tr[data-stream="Hamlet online"]');
    await eventually(() => row.locator('td.status').textContent()).toBe('Gepubliceerd');
    await expect(row.textContent()).resolves.toContain('€ 7,50');
    expect((await api('GET', '/api/streams')).body.items).toEqual([expect.objectContaining({
      label: 'Hamlet online', url: 'https://video.example/hamlet', price: 750, status: 10, accessDurationHours: 48,
      accessEndsAt: '2055-03-01T22:00:00.000Z', productionId: c.productionId, freeaccessSeats: true, freeaccessPacks: false,
    })]);
  });

  it('creates a catalogue key: its secret is shown once and signs /v1 calls until the key is revoked', async () => {
    screenshotOnFailure(() => page, 'catalogue-keys');
    await page.click('button[name=catalogue-keys]');
    await page.fill('input[name=key-label]', 'Website');
    await page.click('button[name=create-key]');
    const publicKey = (await page.locator('[data-secret=id]').textContent())!;
    const secret = (await page.locator('[data-secret=secret]').textContent())!;
    await expect(page.locator('.secret-warning').textContent()).resolves.toContain('nooit meer');
    await expect(page.locator('button[name=copy-secret]').count()).resolves.toBe(1);

    const client = new UtickClient(s.baseUrl, publicKey, secret, () => s.clock.now());
    const packs = await client.call('catalogue/packs');
    expect(packs.status).toBe(200);
    expect(packs.body.response.map((p: { label: string }) => p.label)).toEqual(['Hamlet twee keer']);

    await page.click('button[name=forget-secret]');
    const row = page.locator('tr[data-key=Website]');
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);
    await expect(row.locator('td.last-used').textContent()).resolves.toBe('nog niet');

    expect(await textContrast(row.locator('button[name=revoke-key]'))).toBeGreaterThanOrEqual(4.5);
    await row.locator('button[name=revoke-key]').click();
    await eventually(() => row.textContent()).toContain('Ingetrokken');
    expect(dialogs.at(-1)).toContain('Sleutel "Website" intrekken?');
    // The list read after the revocation shows the key's last use: the /v1 call above (13:00 in Amsterdam).
    await expect(row.locator('td.last-used').textContent()).resolves.toContain('23-11-2054 13:00');
    const refused = await client.call('catalogue/packs');
    expect(refused.status).toBe(401);
    expect(refused.body.success).toBe(false);
  });
});
