// Headless Debian chromium driven by playwright-core, a fresh profile per browser, and the built app.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect, onTestFailed } from 'vitest';
import { ensureWebBuilt } from '../../web/build-if-stale.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-dev-shm-usage',
];

export interface Browser { context: BrowserContext; page: Page; close(): Promise<void> }

export interface BrowserOptions {
  /** A phone: touch, a mobile viewport and a dense screen. */
  phone?: boolean;
  locale?: string;
  /** More chromium flags (a fake camera). */
  args?: string[];
}

/** A phone as the shop's buyers hold it. */
export const PHONE = { width: 390, height: 844 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SIGKILL to every chromium process started on this profile. */
function killChromiumOf(profile: string): void {
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) process.kill(Number(pid), 'SIGKILL');
    } catch { /* gone already */ }
  }
}

/** Builds web/dist when missing or stale (once, under a lock), then opens chromium on a fresh profile. */
export async function openBrowser(viewport = { width: 1366, height: 768 }, opts: BrowserOptions = {}): Promise<Browser> {
  await ensureWebBuilt();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'foyer-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: [...ARGS, ...(opts.args ?? [])], viewport, locale: opts.locale ?? 'nl-NL', timezoneId: 'Europe/Amsterdam',
    ...(opts.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const page = context.pages()[0] ?? await context.newPage();
  return {
    context, page,
    async close() {
      // On a loaded machine chromium sometimes never answers the close; then it is killed.
      const closed = await Promise.race([context.close().then(() => true), sleep(15_000).then(() => false)]);
      if (!closed) killChromiumOf(profile);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** On failure: a screenshot in test-results/ named after the test. */
export function screenshotOnFailure(page: () => Page | undefined, name: string): void {
  onTestFailed(async () => {
    const p = page();
    if (!p) return;
    fs.mkdirSync('test-results', { recursive: true });
    await p.screenshot({ path: path.join('test-results', `web-${name}.png`), fullPage: true }).catch(() => {});
  });
}

export async function logIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(baseUrl);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('.topbar');
}

/** Pages in a PDF (its /Type /Page objects). */
export const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

/** expect.poll with room for a busy machine (2 cores shared by many test runs). */
export const eventually = <T>(f: () => T | Promise<T>, opts: { timeout?: number } = {}) =>
  expect.poll(f, { timeout: opts.timeout ?? 20_000, interval: 100 });

/** The WCAG contrast ratio of an element's text against its own background (both as computed). */
export const textContrast = (el: Locator): Promise<number> => el.evaluate((e) => {
  const style = getComputedStyle(e);
  const lum = (c: string) => {
    const [r, g, b] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
});
