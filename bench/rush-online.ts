// The rush's online phase: buyers in the web shop (its public API, a basket token each) who pay at the
// Mollie sandbox's checkout page; a buy counts once Mollie's webhook has made the order paid.
import { Problem } from '../src/platform/problems.js';
import type { HttpJson } from './rush-http.js';
import type { Shop } from './rush-buyers.js';

const SOLD_OUT = new Set(['/problems/not-enough-seats']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `basketId` in the Shop interface is the shop basket's token here. */
export function onlineShop(client: HttpJson, slug: string, performanceId: string, orderPollMs = 50, webhookTimeoutMs = 20_000): Shop {
  const shop = `/api/shops/${encodeURIComponent(slug)}`;
  const must = <T>(r: { status: number; body: T }, want: number, what: string): T => {
    if (r.status !== want) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    return r.body;
  };
  let n = 0;
  return {
    async basket() {
      return must(await client.call('POST', `${shop}/baskets`), 201, 'shop basket').token as string;
    },
    async add(token, quantity) {
      const r = await client.call('POST', `${shop}/basket/lines`, { performanceId, quantity }, { 'basket-token': token });
      if (r.status === 409 && SOLD_OUT.has(r.body.type)) return 'none';
      must(r, 200, 'shop lines');
      return 'ok';
    },
    async checkout(token) {
      const h = { 'basket-token': token };
      const email = `koper${++n}@bench.test`;
      must(await client.call('PUT', `${shop}/basket/buyer`, {
        name: 'Bench Koper', email, emailConfirm: email, language: 'nl', newsletter: false, termsAccepted: true,
      }, h), 200, 'shop buyer');
      const paying = must(await client.call('POST', `${shop}/basket/checkout`, { method: 'ideal' }, h), 200, 'shop checkout') as { orderId: string; checkoutUrl: string };
      // The buyer's browser at Mollie's checkout page: "paid", then back to the shop.
      const res = await fetch(paying.checkoutUrl, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'outcome=paid&method=ideal', redirect: 'manual',
      });
      if (res.status !== 303) throw new Error(`sandbox checkout: ${res.status}`);
      await res.arrayBuffer();
      // Foyer hears it from the webhook (staff's view of the order asks nobody).
      const deadline = Date.now() + webhookTimeoutMs;
      for (;;) {
        const o = must(await client.call('GET', `/api/orders/${paying.orderId}`), 200, 'order') as { status: string; tickets: unknown[] };
        if (o.status === 'paid') return o.tickets.length;
        if (o.status !== 'awaiting_payment') throw new Problem('payment-over', { status: o.status });
        if (Date.now() > deadline) throw new Error(`no webhook within ${webhookTimeoutMs} ms for order ${paying.orderId}`);
        await sleep(orderPollMs);
      }
    },
  };
}
