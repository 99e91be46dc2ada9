// The shop's first page as a buyer's phone gets it: the JavaScript and CSS it loads (gzipped, from
// web/dist) and the time until the seat map can be tapped, in Chromium with the CPU slowed 4x
// (CDP Emulation.setCPUThrottlingRate), against the demo season on a Foyer process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { ensureWebBuilt } from '../web/build-if-stale.js';
import { freshDatabase } from '../test/helpers/databases.js';
import { REPO, startFoyerProcess } from '../test/helpers/process.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.SHOP_PAGE_RUNS ?? 3);

export interface ShopPageFigures { jsGzip: number; cssGzip: number; files: string[]; usableMs: number[] }

export async function shopFirstPage(): Promise<ShopPageFigures> {
  await ensureWebBuilt();
  const database = await freshDatabase('sqlite');
  const proc = await startFoyerProcess(database, { built: true, env: { FOYER_DEMO: 'true', FOYER_MOLLIE_SANDBOX_PORT: '0' } });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'foyer-bench-chromium-'));
  try {
    const programme = await (await fetch(`${proc.baseUrl}/api/shops/demo/programme`)).json() as { productions: { performances: { id: string }[] }[] };
    const perf = programme.productions[0].performances[0].id;
    const url = `${proc.baseUrl}/shop/demo/performances/${perf}`;
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'nl-NL',
    });
    const usableMs: number[] = [];
    let files: string[] = [];
    try {
      for (let run = 0; run < RUNS; run++) {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await page.goto(url, { waitUntil: 'commit' });
        // Usable: the seats are drawn with their live states (a free seat to tap).
        const handle = await page.waitForFunction(() => document.querySelector('.map [data-seat][data-look="free"]') && performance.now(), undefined, { timeout: 60_000, polling: 'raf' });
        usableMs.push(Number(await handle.jsonValue()));
        files = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
          .filter((p) => /\.(js|css)$/.test(p)));
        await page.close();
      }
    } finally {
      await context.close();
    }
    let jsGzip = 0;
    let cssGzip = 0;
    for (const f of files) {
      const bytes = zlib.gzipSync(fs.readFileSync(path.join(REPO, 'web/dist', f)), { level: 9 }).length;
      if (f.endsWith('.js')) jsGzip += bytes;
      else cssGzip += bytes;
    }
    return { jsGzip, cssGzip, files, usableMs };
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
    await proc.kill('SIGTERM');
    await database.drop();
  }
}
