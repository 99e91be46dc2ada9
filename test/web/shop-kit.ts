// Steps a buyer takes in the web shop, in a real browser.
import type { Page } from 'playwright-core';
import { eventually } from './browser.js';

/** Taps a seat as a thumb does: while seats are drawn too small, the first tap zooms in there. */
export async function tapSeat(page: Page, seatId: string): Promise<void> {
  const seat = page.locator(`.map [data-seat="${seatId}"]`);
  for (let i = 0; i < 4; i++) {
    const box = await seat.boundingBox();
    if (!box) throw new Error(`seat ${seatId} is not drawn`);
    const map = (await page.locator('.map svg').boundingBox())!;
    const inside = box.x >= map.x && box.y >= map.y && box.x + box.width <= map.x + map.width && box.y + box.height <= map.y + map.height;
    if (!inside) {
      // zoomed in elsewhere: back to the whole hall
      await page.click('.zoom button[aria-label]:nth-child(3)');
      continue;
    }
    const before = box.width;
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    if (before >= 22) return;
    await eventually(async () => ((await seat.boundingBox())?.width ?? 0) > before).toBe(true);
  }
  throw new Error(`could not tap seat ${seatId}`);
}

export const look = (page: Page, seatId: string) => page.getAttribute(`.map [data-seat="${seatId}"]`, 'data-look');

export const basketCount = async (page: Page) => Number(await page.textContent('.basket-link .count'));

/** English words that have no business on a Dutch or French page of the shop. */
const ENGLISH = /\b(basket|seats?|rows?|free|taken|choose|remove|details|pay|language|loading|back|wheelchair|sold out|available|best|price|tickets? type|your|order|the|and)\b/i;

/** The visible text of the page, and any English word in it. */
export async function englishIn(page: Page): Promise<string | null> {
  const text = await page.evaluate(() => document.body.innerText);
  const m = ENGLISH.exec(text);
  return m ? `"${m[0]}" in: ${text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' ')}` : null;
}
