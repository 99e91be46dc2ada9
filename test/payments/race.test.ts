// Many online buyers at once, over real HTTP, against the Mollie sandbox: they fight over the same
// seats, their payments end paid, failed, canceled or expired in random order (some never finish, a
// few are paid after Foyer let their places go), while the clock moves so holds lapse and a second
// wave buys what came free. Afterwards nothing is sold twice, every payment Mollie calls paid has its
// order and seats (or its money back), every other one let its seats go, and none is left open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { checkSellingInvariants } from '../helpers/selling-invariants.js';
import { choose, drainJobs, ok, pollAfter, sandboxControl, startPaymentKit, until, type PaymentKit } from './kit.js';

const MIN = 60_000;
const FIRST_WAVE = 24;
const SECOND_WAVE = 8;

type Fate = 'paid' | 'failed' | 'canceled' | 'expired' | 'never' | 'late-paid' | 'abandon';
const FATES: Fate[] = ['paid', 'paid', 'paid', 'failed', 'canceled', 'expired', 'never', 'abandon'];

/** A small seeded generator: the seed is in every failure message, so a failing order can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Buyer { n: number; fate: Fate; basketId: string; orderId?: string; checkoutUrl?: string }

describe.each(DIALECTS)('online buyers racing on %s', (dialect) => {
  let k: PaymentKit;
  beforeAll(async () => { k = await startPaymentKit(dialect); }, 60_000);
  afterAll(async () => k?.close());

  it('sells no seat twice, and every payment ends with its order paid or its seats released', async () => {
    const seed = Number(process.env.RACE_SEED ?? Date.now() % 1_000_000);
    const rnd = random(seed);
    const why = `seed ${seed} (RACE_SEED=${seed} replays it)`;
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
    const seatsOf = (count: number) => {
      const all = new Set<string>();
      while (all.size < count) all.add(`r${1 + Math.floor(rnd() * 4)}s${1 + Math.floor(rnd() * 10)}`);
      return [...all];
    };
    const call = (method: string, path: string, body?: unknown) => k.s.request(method, path, { token: k.token, body });
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const buyers: Buyer[] = [];

    // One buyer: a basket, 1-3 chosen seats (or the best ones when those are taken), then pay online.
    const buy = async (n: number, fate: Fate): Promise<void> => {
      const basket = ok(await call('POST', '/api/baskets', { channel: 'online' }), 'basket').body;
      const want = seatsOf(1 + Math.floor(rnd() * 3));
      let held = await call('POST', `/api/baskets/${basket.id}/lines`, { performanceId: k.c.performanceId, seatIds: want });
      if (held.status === 409) held = await call('POST', `/api/baskets/${basket.id}/lines`, { performanceId: k.c.performanceId, quantity: want.length });
      if (held.status === 409) return;
      ok(held, 'hold');
      const b: Buyer = { n, fate, basketId: basket.id };
      buyers.push(b);
      if (fate === 'abandon') return;
      const paying = await call('POST', `/api/baskets/${basket.id}/checkout-online`, { redirectUrl: 'https://shop.example/return', locale: 'nl' });
      if (paying.status === 409) return; // its hold lapsed before it paid (the clock moved): nothing was sold
      ok(paying, 'checkout-online');
      b.orderId = paying.body.orderId;
      b.checkoutUrl = paying.body.checkoutUrl;
    };
    const finish = async (b: Buyer): Promise<void> => {
      if (!b.checkoutUrl) return;
      await pause(rnd() * 800);
      if (b.fate === 'paid' || b.fate === 'failed' || b.fate === 'canceled' || b.fate === 'expired') await choose(k, b.checkoutUrl, b.fate);
    };

    await Promise.all(Array.from({ length: FIRST_WAVE }, (_, n) => buy(n, pick(FATES))));
    const first = buyers.filter((b) => b.orderId);
    expect(first.length, why).toBeGreaterThan(8);
    // Two of those that never finish will be paid after Foyer let their places go.
    first.filter((b) => b.fate === 'never').slice(0, 2).forEach((b) => { b.fate = 'late-paid'; });

    // Payments complete in random order while the clock passes the basket holds (15 minutes) and the
    // poller runs, and a second wave buys what came free, paying at once.
    const secondWave = async () => {
      await pause(300);
      await Promise.all(Array.from({ length: SECOND_WAVE }, (_, i) => buy(FIRST_WAVE + i, 'paid')));
      await Promise.all(buyers.filter((b) => b.n >= FIRST_WAVE).map(finish));
    };
    await Promise.all([
      ...first.map(finish),
      (async () => { await pause(200); await pollAfter(k, 16 * MIN); })(),
      secondWave(),
    ]);

    // Every payment the buyer decided reaches Foyer by webhook.
    const rows = () => k.s.deps.db.selectFrom('online_payments').selectAll().where('organisation_id', '=', k.orgId).execute();
    const decided = new Set(buyers.filter((b) => b.orderId && ['paid', 'failed', 'canceled', 'expired'].includes(b.fate)).map((b) => b.orderId!));
    await until(async () => (await rows()).filter((r) => decided.has(r.order_id)).every((r) => r.status !== 'open' && r.status !== 'creating'), `webhooks (${why})`, 20_000);

    // The rest reach their deadline: the poller stops them at Mollie and lets their places go.
    await pollAfter(k, 25 * MIN);
    for (const b of buyers.filter((x) => x.fate === 'late-paid' && x.orderId)) {
      const row = (await rows()).find((r) => r.order_id === b.orderId)!;
      expect(row.status, why).toBe('canceled');
      await sandboxControl(k, 'POST', `/_sandbox/payments/${row.provider_payment_id}/status`, { status: 'paid', method: 'ideal' });
    }
    const latePaid = new Set(buyers.filter((b) => b.fate === 'late-paid' && b.orderId).map((b) => b.orderId!));
    await until(async () => (await rows()).filter((r) => latePaid.has(r.order_id)).every((r) => r.status === 'paid'), `late payments (${why})`, 20_000);
    await drainJobs(k);
    await pollAfter(k, 2 * MIN);

    // What Mollie says, what Foyer says, and what the hall says.
    const atMollie = new Map(((await sandboxControl(k, 'GET', '/_sandbox/payments')).body.payments as { id: string; status: string }[]).map((p) => [p.id, p.status]));
    const payments = await rows();
    expect(payments.length, why).toBe(buyers.filter((b) => b.orderId).length);
    expect(payments.filter((p) => p.status === 'open' || p.status === 'creating'), why).toEqual([]);
    const facts = await checkSellingInvariants(k.s.deps.db, k.c.performanceId);
    expect(facts.soldTwice, why).toBe(0);

    let paidWithSeats = 0;
    for (const p of payments) {
      expect(p.status, `${why}: payment ${p.id}`).toBe(atMollie.get(p.provider_payment_id!));
      const o = ok(await call('GET', `/api/orders/${p.order_id}`), 'order').body as { status: string; tickets: { seatId: string; status: string }[] };
      const seats = ok(await call('GET', `/api/performances/${k.c.performanceId}/seats`), 'seats').body.seats as { seatId: string; status: string }[];
      const state = new Map(seats.map((x) => [x.seatId, x.status]));
      if (p.status === 'paid' && !latePaid.has(p.order_id)) {
        expect(o.status, why).toBe('paid');
        expect(o.tickets.length, why).toBeGreaterThan(0);
        for (const t of o.tickets) {
          expect(t.status, why).toBe('valid');
          expect(state.get(t.seatId), why).toBe('sold');
        }
        paidWithSeats++;
      } else if (p.status === 'paid') {
        // Paid too late: the order stays released, the money goes back, staff are told.
        expect(o.status, why).toBe('cancelled');
        expect(p.attention, why).toBe('paid_after_release');
        const refunds = await k.s.deps.db.selectFrom('online_refunds').select(['amount', 'status']).where('online_payment_id', '=', p.id).execute();
        expect(refunds.map((r) => Number(r.amount)), why).toEqual([Number(p.amount)]);
      } else {
        expect(['failed', 'canceled', 'expired'], why).toContain(p.status);
        expect(o.status, why).toBe('cancelled');
        expect(o.tickets.filter((t) => t.status === 'valid'), why).toEqual([]);
      }
    }
    expect(paidWithSeats, why).toBeGreaterThan(0);
    // Every seat is sold to a paid order or back on sale: no hold or reservation is left behind.
    const seats = ok(await call('GET', `/api/performances/${k.c.performanceId}/seats`), 'seats').body.seats as { seatId: string; status: string }[];
    expect(seats.filter((x) => x.status !== 'sold' && x.status !== 'free'), why).toEqual([]);
    expect(seats.filter((x) => x.status === 'sold').length, why).toBe(facts.validTickets);
  }, 90_000);
});
