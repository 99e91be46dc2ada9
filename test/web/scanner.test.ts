// The door scanner (/scan) on phones (390x844) in real Chromium against a real Foyer: two doors
// scanning one ticket at the same moment, a door that loses its network and admits a ticket another
// door admitted too, the camera reading a ticket's QR code from a fake video stream, the manager's
// screen, and no English on the Dutch and French screens.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import bwipjs from 'bwip-js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DICTIONARY } from '../../web/scan/src/i18n.js';
import { localDate } from '../../src/platform/time.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type OrgFixture, type TestServer } from '../helpers/server.js';
import { sellingKit } from '../selling/kit.js';
import { eventually, openBrowser, screenshotOnFailure, type Browser } from './browser.js';

const PHONE = { width: 390, height: 844 };
const STEWARD = { email: 'deur@web.test', password: 'correct horse battery' };

/** A 640x480 YUV4MPEG2 (I420) video of one still frame: the QR code of `text`, black on white. */
function qrVideo(text: string, file: string): void {
  const [symbol] = bwipjs.raw('qrcode', text, '') as { pixs: number[]; pixx: number; pixy: number }[];
  const W = 640;
  const H = 480;
  const module = Math.floor(300 / symbol.pixx);
  const left = Math.floor((W - symbol.pixx * module) / 2);
  const top = Math.floor((H - symbol.pixy * module) / 2);
  const y = Buffer.alloc(W * H, 235);
  for (let r = 0; r < symbol.pixy; r++) {
    for (let c = 0; c < symbol.pixx; c++) {
      if (!symbol.pixs[r * symbol.pixx + c]) continue;
      for (let dy = 0; dy < module; dy++) y.fill(16, (top + r * module + dy) * W + left + c * module, (top + r * module + dy) * W + left + (c + 1) * module);
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]));
}

/** Words of the English screens that are not also Dutch or French words. */
function englishOnlyWords(): Set<string> {
  const words = (texts: Record<string, string>) => new Set(Object.values(texts).flatMap((v) => v.toLowerCase().replace(/\{\w+\}/g, ' ').match(/\p{L}{3,}/gu) ?? []));
  const en = words(DICTIONARY.en);
  const others = new Set([...words(DICTIONARY.nl), ...words(DICTIONARY.fr)]);
  return new Set([...en].filter((w) => !others.has(w)));
}

function englishIn(text: string, english: Set<string>): string[] {
  return [...new Set(text.toLowerCase().match(/\p{L}{3,}/gu) ?? [])].filter((w) => english.has(w));
}

describe('the door scanner on a phone', { timeout: 180_000 }, () => {
  let s: TestServer;
  let admin: OrgFixture;
  let cat: Catalogue;
  let deviceCode = '';
  const browsers: Browser[] = [];
  const barcodes: string[] = [];
  const videoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'foyer-scan-video-'));
  const kit = sellingKit(() => s, () => admin.token);
  const api = (method: string, p: string, body?: unknown) => s.request(method, p, { token: admin.token, body });

  beforeAll(async () => {
    // The server's clock runs from this morning, so tonight's show has not started whatever the time
    // of day the suite runs.
    const today = localDate(new Date(), 'Europe/Amsterdam');
    const shift = Date.now() - Date.parse(`${today}T07:00:00Z`);
    s = await startServer('sqlite', { clock: { now: () => new Date(Date.now() - shift) } });
    admin = await orgWithUser(s, 'admin', 'Schouwburg Web');
    cat = await buildCatalogue(s, admin.token, { startsAt: `${today}T20:15` });
    const order = await kit.sell(cat.performanceId, ['r1s1', 'r1s2', 'r1s3', 'r1s4', 'r1s5']);
    barcodes.push(...order.tickets.map((t: { barcode: string }) => t.barcode));
    const main = (await api('POST', '/api/checkin/doors', { name: 'Hoofdingang' })).body;
    await api('POST', '/api/checkin/doors', { name: 'Zij-ingang' });
    deviceCode = (await api('POST', '/api/checkin/devices', { name: 'Telefoon A', doorId: main.id })).body.code;
    await s.request('POST', '/api/users', { token: admin.token, body: { ...STEWARD, name: 'Steward Web', role: 'door' } });
  }, 240_000);
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await s?.close();
    fs.rmSync(videoDir, { recursive: true, force: true });
  });

  async function phone(opts: { args?: string[] } = {}): Promise<Page> {
    const b = await openBrowser(PHONE, opts);
    browsers.push(b);
    return b.page;
  }

  async function withDeviceCode(page: Page, steward: string) {
    await page.goto(`${s.baseUrl}/scan`);
    await page.fill('input[name=code]', deviceCode.toLowerCase());
    await page.fill('input[name=steward]', steward);
    await page.click('button[type=submit]');
    await page.waitForSelector('.setup');
    await eventually(() => page.locator('.choices input[type=checkbox]').isChecked()).toBe(true);
    await page.click('button.primary');
    await page.waitForSelector('[data-testid=code]');
  }

  async function asStaff(page: Page, who: { email: string; password: string }, door?: string) {
    await page.goto(`${s.baseUrl}/scan/`);
    await page.click('[role=tab]:nth-child(2)');
    await page.fill('input[name=email]', who.email);
    await page.fill('input[name=password]', who.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('.setup');
    if (door) {
      await eventually(() => page.locator('select option').count()).toBeGreaterThan(1);
      await page.selectOption('select', { label: door });
      await eventually(() => page.locator('.choices input[type=checkbox]').isChecked()).toBe(true);
      await page.click('button.primary');
      await page.waitForSelector('[data-testid=code]');
    }
  }

  const result = (page: Page) => page.locator('.result');
  let a: Page;
  let b: Page;

  it('two doors scan the same ticket at the same moment: one green with the seat, one red "already scanned"', async () => {
    a = await phone();
    b = await phone();
    screenshotOnFailure(() => a, 'scan-race-a');
    screenshotOnFailure(() => b, 'scan-race-b');
    await withDeviceCode(a, 'Anouk');
    await asStaff(b, STEWARD, 'Zij-ingang');
    await eventually(() => a.getAttribute('[data-testid=network]', 'data-online')).toBe('true');
    await eventually(() => a.locator('[data-testid=counts]').textContent()).toBe('0 van 5 binnen');

    const code = barcodes[0];
    await Promise.all([a.fill('[data-testid=code]', code), b.fill('[data-testid=code]', code)]);
    await Promise.all([a.press('[data-testid=code]', 'Enter'), b.press('[data-testid=code]', 'Enter')]);
    await Promise.all([a.waitForSelector('.result'), b.waitForSelector('.result')]);
    const answers = await Promise.all([a, b].map(async (p) => ({ ok: await result(p).getAttribute('data-ok'), text: await result(p).innerText(), page: p })));
    const green = answers.filter((x) => x.ok === 'true');
    const red = answers.filter((x) => x.ok === 'false');
    expect(green).toHaveLength(1);
    expect(red).toHaveLength(1);
    expect(green[0].text).toContain('Welkom');
    expect(green[0].text).toContain('Zaal, rij 1, stoel 1');
    expect(green[0].text).toContain('Normaal');
    expect(await result(red[0].page).getAttribute('data-reason')).toBe('already-scanned');
    expect(red[0].text).toContain('Al gescand');
    expect(red[0].text).toMatch(green[0].page === a ? /bij Hoofdingang/ : /bij Zij-ingang/);
    fs.mkdirSync('test-results', { recursive: true });
    await green[0].page.screenshot({ path: 'test-results/scan-green.png' });
    await red[0].page.screenshot({ path: 'test-results/scan-red.png' });
    // Full screen on the phone.
    const box = await result(green[0].page).boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: PHONE.width, height: PHONE.height });
    const admitted = await api('GET', `/api/checkin/performances/${cat.performanceId}/counts`);
    expect(admitted.body.admitted).toBe(1);
  });

  it('a hardware scanner types into the scanner wherever the focus is', async () => {
    await b.locator('.titles').click();
    await b.keyboard.type(`${barcodes[1]}\n`);
    await eventually(() => result(b).getAttribute('data-reason')).toBe('admitted');
    await eventually(() => b.locator('[data-testid=counts]').textContent()).toBe('2 van 5 binnen');
  });

  it('a door without network keeps scanning, and a ticket another door admitted meanwhile is reported as a conflict after reconnecting', async () => {
    screenshotOnFailure(() => a, 'scan-offline');
    // The app shell is kept by the service worker: the scanner reopens without a network.
    await a.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const ctx = browsers[0].context;
    await ctx.setOffline(true);
    await eventually(() => a.getAttribute('[data-testid=network]', 'data-online')).toBe('false');
    await a.reload();
    await a.waitForSelector('[data-testid=code]');
    await eventually(() => a.locator('[data-testid=network]').textContent()).toBe('Offline');

    // Meanwhile the side door admits ticket 3 online.
    await b.fill('[data-testid=code]', barcodes[2]);
    await b.press('[data-testid=code]', 'Enter');
    await eventually(() => result(b).getAttribute('data-reason')).toBe('admitted');

    // The main door, offline, admits ticket 3 too (its list says valid) and ticket 4, and refuses ticket 1 (it knew).
    for (const [code, reason] of [[barcodes[2], 'admitted'], [barcodes[3], 'admitted'], [barcodes[0], 'already-scanned'], ['ZZZZZZZZ', 'not-on-list']] as const) {
      await a.fill('[data-testid=code]', code);
      await a.press('[data-testid=code]', 'Enter');
      await eventually(() => result(a).getAttribute('data-reason')).toBe(reason);
      expect(await result(a).innerText()).toContain('Offline beslist');
      await result(a).click();
    }
    await eventually(() => a.locator('[data-testid=pending]').textContent()).toBe('2 scans wachten op verzending');

    await ctx.setOffline(false);
    await eventually(() => a.getAttribute('[data-testid=network]', 'data-online'), { timeout: 30_000 }).toBe('true');
    await eventually(() => a.locator('[data-testid=pending]').count(), { timeout: 30_000 }).toBe(0);
    const alert = a.locator('[data-testid=conflict-alert]');
    await eventually(() => alert.count(), { timeout: 30_000 }).toBe(1);
    expect(await alert.innerText()).toMatch(/Zaal, rij 1, stoel 3: Twee keer binnengelaten: bij Hoofdingang om \d\d:\d\d \(offline\) en bij Zij-ingang om \d\d:\d\d/);

    // The manager sees it too, and ticket 4 counts as admitted.
    const conflicts = await api('GET', `/api/checkin/conflicts?performanceId=${cat.performanceId}&open=true`);
    expect(conflicts.body.items).toHaveLength(1);
    expect(conflicts.body.items[0]).toMatchObject({ kind: 'double-admission', scan: { door: 'Hoofdingang', staff: 'Anouk' }, other: { door: 'Zij-ingang', offline: false } });
    expect((await api('GET', `/api/checkin/performances/${cat.performanceId}/counts`)).body.admitted).toBe(4);
    // The other door hears of it on its next look at the conflicts.
    await b.click('[data-testid=conflicts-toggle]');
    await eventually(() => b.locator('[data-testid=conflicts-toggle]').textContent(), { timeout: 30_000 }).toBe('Conflicten (1)');
  });

  it('reads a ticket\'s QR code with the camera', async () => {
    const video = path.join(videoDir, 'ticket.y4m');
    qrVideo(barcodes[4], video);
    const cam = await phone({ args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`] });
    screenshotOnFailure(() => cam, 'scan-camera');
    await asStaff(cam, STEWARD, 'Hoofdingang');
    await cam.click('.actions button:nth-child(2)');
    await eventually(() => cam.getAttribute('video', 'data-decoder')).not.toBe('');
    await eventually(() => result(cam).getAttribute('data-reason'), { timeout: 30_000 }).toBe('admitted');
    expect(await result(cam).innerText()).toContain('Zaal, rij 1, stoel 5');
    const decoder = await cam.getAttribute('video', 'data-decoder');
    // Debian's Chromium has no BarcodeDetector on Linux: zxing read it.
    expect(decoder).toBe(await cam.evaluate(() => ('BarcodeDetector' in window ? 'barcode-detector' : 'zxing')));
    // Held up a moment longer, the same ticket is not scanned again.
    await cam.waitForTimeout(1500);
    const scans = await s.handle.db.selectFrom('checkin_scans').select('id').where('outcome', '=', 'applied').execute();
    expect((await api('GET', `/api/checkin/performances/${cat.performanceId}/counts`)).body.admitted).toBe(5);
    expect(scans.length).toBe(5);
  });

  it("shows a manager the counts per door and the conflicts, and sets up devices; Dutch and French screens have no English", async () => {
    const m = await phone();
    screenshotOnFailure(() => m, 'scan-manager');
    const english = englishOnlyWords();
    const texts: { lang: string; where: string; text: string }[] = [];
    const look = async (where: string) => texts.push({ lang: await m.evaluate(() => document.documentElement.lang), where, text: await m.locator('body').innerText() });

    await m.goto(`${s.baseUrl}/scan/`);
    await m.waitForSelector('.signin');
    await look('sign-in');
    await m.click('text=FR');
    await look('sign-in');
    await m.click('text=NL');
    await asStaff(m, admin);
    await look('setup');
    await m.click('.setup button:not(.primary)');
    const table = m.locator(`[data-testid=counts-${cat.performanceId}]`);
    // Who won the race decides which door let ticket 1 in.
    const perDoor = Object.fromEntries((await api('GET', `/api/checkin/performances/${cat.performanceId}/counts`)).body.doors.map((d: { name: string; admitted: number }) => [d.name, String(d.admitted)]));
    expect(Number(perDoor.Hoofdingang) + Number(perDoor['Zij-ingang'])).toBe(6); // five tickets, one of them let in twice
    await eventually(() => table.locator('tr[data-door="Hoofdingang"] td.n').first().textContent()).toBe(perDoor.Hoofdingang);
    expect(await table.locator('tr[data-door="Zij-ingang"] td.n').first().textContent()).toBe(perDoor['Zij-ingang']);
    expect(await table.locator('caption').textContent()).toContain('5 van 5 binnen');
    await eventually(() => m.locator('[data-testid=manager-conflicts] li').count()).toBe(1);
    await m.screenshot({ path: 'test-results/scan-manager.png', fullPage: true });
    await look('manager');
    await m.click('text=FR');
    await eventually(() => m.locator('caption').first().textContent()).toContain('5 sur 5 entrés');
    await look('manager');

    // A new device for the side door: its code is shown once and works.
    await m.click('text=NL');
    await m.fill('input[aria-label=Naam]', 'Telefoon B');
    await m.selectOption('select[name=doorId]', { label: 'Zij-ingang' });
    await m.click('text=Registreren');
    await eventually(() => m.locator('[data-testid=device-code] strong').textContent()).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const code = await m.locator('[data-testid=device-code] strong').textContent();
    expect((await s.request('POST', '/api/checkin/device-sessions', { body: { code } })).status).toBe(201);
    await m.click('text=Afgehandeld');
    await eventually(() => m.locator('[data-testid=manager-conflicts] li').count()).toBe(0);

    // The scan screen in both languages, with a green and a red answer.
    await m.click('text=Terug');
    await m.selectOption('select', { label: 'Hoofdingang' });
    await m.click('button.primary');
    await m.waitForSelector('[data-testid=code]');
    for (const lang of ['NL', 'FR']) {
      await m.click(`text=${lang}`);
      await look('scan');
      await m.fill('[data-testid=code]', barcodes[0]);
      await m.press('[data-testid=code]', 'Enter');
      await m.waitForSelector('.result.red');
      await look('red answer');
      await m.locator('.result').click();
    }
    for (const t of texts.filter((x) => x.lang !== 'en')) {
      expect(englishIn(t.text, english), `${t.lang} ${t.where}: ${t.text}`).toEqual([]);
    }
    // And the check can fail: the English screen has English words.
    await m.click('text=EN');
    expect(englishIn(await m.locator('body').innerText(), english).length).toBeGreaterThan(0);
    expect(texts.map((t) => t.lang)).toEqual(['nl', 'fr', 'nl', 'nl', 'fr', 'nl', 'nl', 'fr', 'fr']);
  });

  it('serves an installable app: manifest, icons and a service worker that keeps the shell', async () => {
    const manifest = await fetch(`${s.baseUrl}/scan/manifest.webmanifest`).then((r) => r.json());
    expect(manifest).toMatchObject({ start_url: '/scan/', scope: '/scan/', display: 'standalone' });
    for (const i of manifest.icons) {
      const png = Buffer.from(await (await fetch(`${s.baseUrl}${i.src}`)).arrayBuffer());
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(i.sizes);
    }
    const sw = await fetch(`${s.baseUrl}/scan/sw.js`).then((r) => r.text());
    const shell = JSON.parse(/const SHELL = (\[.*\]);/.exec(sw)![1]) as string[];
    for (const f of shell) expect((await fetch(`${s.baseUrl}${f}`)).status, f).toBe(200);
    // The scanner's own bundle, not the box office's.
    const html = await fetch(`${s.baseUrl}/scan/`).then((r) => r.text());
    expect(html).toContain('manifest.webmanifest');
    expect(shell.some((f) => f.includes('/assets/main-'))).toBe(false);
    expect((await fetch(`${s.baseUrl}/scan`, { redirect: 'manual' })).headers.get('location')).toBe('/scan/');
  });
});
