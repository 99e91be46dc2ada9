// kill -9 of a Foyer process after Mollie said "paid" and before Foyer acted on it: the webhooks are
// in the middle of reading the payments (Mollie answers slowly) when the process dies. After a restart
// Mollie's webhook retries and Foyer's own poller settle everything: every paid payment has its
// order and seats and one confirmation e-mail, nothing is sold twice, nothing is left open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/platform/db.js';
import { ManualClock } from '../../src/platform/clock.js';
import { systemCtx } from '../../src/platform/system-ctx.js';
import { saveMollieSettings } from '../../src/connectors/mollie/settings.js';
import { pollPayments } from '../../src/payments/poller.js';
import { DEMO_API_KEY, startMollieSandbox, type RunningMollieSandbox } from '../../sandboxes/mollie/index.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { arenaSeatMap, Client, freePort, openTestDatabase, quietLog, seedOnSale, startFoyerProcess, type FoyerProcess, type OnSale } from '../helpers/process.js';
import { checkSellingInvariants } from '../helpers/selling-invariants.js';
import '../../src/sale-steps.js';

const BUYERS = 20;
const OUTCOMES = ['paid', 'paid', 'paid', 'failed', 'canceled'] as const;

interface Bought { orderId: string; checkoutUrl: string; outcome: (typeof OUTCOMES)[number] }

describe.each(DIALECTS)('a crash between Mollie\'s "paid" and Foyer\'s webhook on %s', (dialect) => {
  let database: TestDatabase;
  let db: DatabaseHandle;
  let sale: OnSale;
  let sandbox: RunningMollieSandbox;
  let proc: FoyerProcess | undefined;
  let port: number;
  const control = (method: string, path: string, body?: unknown) => fetch(sandbox.baseUrl + path, {
    method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: await r.json().catch(() => undefined) }));
  const start = () => startFoyerProcess(database, { env: { PORT: String(port), FOYER_PUBLIC_URL: `http://127.0.0.1:${port}` } });

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    db = openTestDatabase(database);
    sale = await seedOnSale(db, arenaSeatMap(1, 4, 10));
    // Mollie retries a webhook that got no answer (here quickly: 0.5, 1, 2, 4, 8 s).
    sandbox = await startMollieSandbox({ retryDelaysMs: [500, 1000, 2000, 4000, 8000] });
    port = await freePort();
    await saveMollieSettings(systemCtx({ db: db.db, dialect: db.dialect, clock: new ManualClock(new Date()) }, sale.orgId, quietLog), {
      apiKey: DEMO_API_KEY, endpoint: sandbox.apiEndpoint, enabled: true, webhookBaseUrl: `http://127.0.0.1:${port}`,
    });
  }, 120_000);
  afterAll(async () => {
    await proc?.kill('SIGKILL');
    await sandbox?.close();
    await db?.close();
    await database?.drop();
  });

  it('settles every payment after a restart: paid ones with their seats, the rest released', async () => {
    proc = await start();
    const client = await Client.login(proc.baseUrl, sale.email, sale.password);
    const bought: Bought[] = [];
    await Promise.all(Array.from({ length: BUYERS }, async (_, n) => {
      const b = await client.call('POST', '/api/baskets', { channel: 'online' });
      const add = await client.call('POST', `/api/baskets/${b.body.id}/lines`, { performanceId: sale.performanceId, quantity: 1 + (n % 2) });
      expect(add.status, JSON.stringify(add.body)).toBe(200);
      const paying = await client.call('POST', `/api/baskets/${b.body.id}/checkout-online`, {
        redirectUrl: 'https://shop.example/return', locale: 'nl', buyer: { name: `Koper ${n}`, email: `koper${n}@example.nl` },
      });
      expect(paying.status, JSON.stringify(paying.body)).toBe(201);
      bought.push({ orderId: paying.body.orderId, checkoutUrl: paying.body.checkoutUrl, outcome: OUTCOMES[n % OUTCOMES.length] });
    }));

    // Mollie now answers Foyer's reads slowly: a webhook's handling is under way, not done, when the process dies.
    await control('POST', '/_sandbox/faults', { kind: 'delay', delayMs: 4000, method: 'GET', path: '/v2/payments/' });
    for (const b of bought.sort(() => Math.random() - 0.5)) {
      const res = await fetch(b.checkoutUrl, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `outcome=${b.outcome}&method=ideal`, redirect: 'manual',
      });
      expect(res.status).toBe(303);
    }
    // Wait until Foyer is reading (the webhooks came in), then kill it.
    const reads = async () => ((await control('GET', '/_sandbox/requests')).body.requests as { method: string; url: string }[])
      .filter((r) => r.method === 'GET' && r.url.startsWith('/v2/payments/tr_')).length;
    for (let i = 0; i < 100 && (await reads()) < BUYERS / 2; i++) await new Promise((r) => setTimeout(r, 50));
    await proc.kill('SIGKILL');
    const paidBefore = await db.db.selectFrom('online_payments').select('id').where('status', '=', 'paid').execute();
    expect(paidBefore.length, 'the kill came before Foyer had acted on all the paid payments').toBeLessThan(bought.filter((b) => b.outcome === 'paid').length);

    // Restart on the same address: Mollie's retries arrive there.
    await control('DELETE', '/_sandbox/faults');
    proc = await start();
    const settled = async () => (await db.db.selectFrom('online_payments').select('status').where('organisation_id', '=', sale.orgId).execute())
      .every((p) => p.status !== 'open' && p.status !== 'creating');
    for (let i = 0; i < 150 && !(await settled()); i++) await new Promise((r) => setTimeout(r, 100));
    // Whatever a webhook did not bring, Foyer's poller finds (it runs here, a few minutes on).
    await pollPayments({ db: db.db, dialect: db.dialect, clock: new ManualClock(new Date(Date.now() + 5 * 60_000)) }, quietLog);
    expect(await settled()).toBe(true);

    const after = await Client.login(proc.baseUrl, sale.email, sale.password);
    const seats = new Map(((await after.call('GET', `/api/performances/${sale.performanceId}/seats`)).body.seats as { seatId: string; status: string }[])
      .map((x) => [x.seatId, x.status]));
    for (const b of bought) {
      const o = (await after.call('GET', `/api/orders/${b.orderId}`)).body as { status: string; tickets: { seatId: string; status: string }[] };
      const p = (await after.call('GET', `/api/orders/${b.orderId}/online-payments`)).body.items[0] as { status: string };
      expect(p.status).toBe(b.outcome);
      if (b.outcome === 'paid') {
        expect(o.status).toBe('paid');
        expect(o.tickets.map((t) => [t.status, seats.get(t.seatId)])).toEqual(o.tickets.map(() => ['valid', 'sold']));
        const mails = await db.db.selectFrom('mail_outbox').select('template').where('order_id', '=', b.orderId).execute();
        expect(mails.map((m) => m.template)).toEqual(['order-confirmation']);
      } else {
        expect(o.status).toBe('cancelled');
        expect(o.tickets.map((t) => seats.get(t.seatId))).toEqual(o.tickets.map(() => 'free'));
      }
    }
    const facts = await checkSellingInvariants(db.db, sale.performanceId);
    expect(facts.soldTwice).toBe(0);
  }, 120_000);
});
