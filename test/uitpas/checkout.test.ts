// Registering UiTPAS sales at checkout, cancelling them, and what happens when UiTPAS refuses, is
// down, or registers without answering.
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import pino from 'pino';
import { DEMO_CLIENT } from '../../sandboxes/uitpas/index.js';
import { systemCtx } from '../../src/platform/system-ctx.js';
import { confirmUitpasSales, registerUitpasSales } from '../../src/connectors/uitpas/registrations.js';
import { registerUitpasJobs, sweepRegistrations } from '../../src/connectors/uitpas/jobs.js';
import { JobRunner } from '../../src/platform/jobs.js';
import { Scheduler } from '../../src/platform/schedules.js';
import {
  addPass, basketWith, checkout, drainJobs, EVENT_100_PER_WEEK, EVENT_1_PER_WEEK, expectProblem, salesAtUitpas, startUitpasKit,
  type UitpasKit,
} from './kit.js';

describe.each(DIALECTS)('UiTPAS at checkout on %s', (dialect) => {
  let k: UitpasKit;
  beforeAll(async () => { k = await startUitpasKit(dialect); });
  afterAll(async () => { await k?.close(); });
  beforeEach(() => { k.sandbox.app.uitpas.faults.clear(); });

  const fault = (body: Record<string, unknown>) => k.sandbox.app.uitpas.faults.add(body as never);
  const foyerSales = (status?: string) => {
    let q = k.s.deps.db.selectFrom('uitpas_sales').selectAll();
    if (status) q = q.where('status', '=', status as never);
    return q.execute();
  };
  const basketState = (id: string) => k.s.request('GET', `/api/baskets/${id}`, { token: k.token });
  const reconciliation = (performanceId: string) =>
    k.s.request('GET', `/api/uitpas/reconciliation?performance=${performanceId}`, { token: k.token });

  it('the limited event refuses a second sale: the buyer sees why, the basket stays open with its places held; cancelling the first cancels it at UiTPAS', async () => {
    // Both baskets get the tariff while no sale exists yet; UiTPAS refuses at registration.
    const a = await basketWith(k, k.perfLimited, ['r1s1']);
    const b = await basketWith(k, k.perfLimited, ['r1s2']);
    expect((await addPass(k, a.id, { uitpasNumber: '0900000067513' })).body.basket.lines[0].price).toBe(200);
    expect((await addPass(k, b.id, { uitpasNumber: '0900000067513' })).body.basket.lines[0].price).toBe(200);

    const first = await checkout(k, a.id);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.tickets[0]).toMatchObject({ ticketTypeName: 'UiTPAS', price: 200 });
    const sold = await foyerSales('sold');
    expect(sold).toHaveLength(1);
    expect(sold[0]).toMatchObject({ ticket_id: first.body.tickets[0].id, uitpas_number: '0900000067513' });
    expect(salesAtUitpas(k, EVENT_1_PER_WEEK).map((s) => s.id)).toEqual([sold[0].sale_id]);

    const second = await checkout(k, b.id);
    expectProblem(second, 409, 'uitpas-refused');
    expect(second.body.uitpasProblem).toBe('uitpas/maximum-reached');
    expect(second.body.detail).toContain('maximaal 1 ticket per week');
    const still = await basketState(b.id);
    expect(still.body).toMatchObject({ status: 'open', orderId: null });
    expect(still.body.lines[0]).toMatchObject({ held: true, price: 200, uitpas: { uitpasNumber: '0900000067513' } });
    expect(salesAtUitpas(k, EVENT_1_PER_WEEK)).toHaveLength(1);

    expect((await reconciliation(k.perfLimited)).body).toMatchObject({ inSync: true, foyerTickets: 1, uitpasSales: 1, matched: 1 });

    const cancel = await k.s.request('POST', `/api/orders/${first.body.id}/cancel`, { token: k.token, body: {} });
    expect(cancel.status).toBe(200);
    expect((await foyerSales('cancelling'))).toHaveLength(1);
    await drainJobs(k);
    expect(salesAtUitpas(k, EVENT_1_PER_WEEK)).toHaveLength(0);
    expect((await foyerSales('cancelled')).map((s) => s.sale_id)).toEqual([sold[0].sale_id]);
    // The pass is free again this week: the second basket now goes through.
    expect((await checkout(k, b.id)).status).toBe(201);
  });

  it('a cancellation that already happened at UiTPAS counts as done (404 on retry)', async () => {
    const a = await basketWith(k, k.perfWeekly, ['r4s9']);
    await addPass(k, a.id, { uitpasNumber: '0900010959113' });
    const order = await checkout(k, a.id);
    const [row] = (await foyerSales('sold')).filter((s) => s.ticket_id === order.body.tickets[0].id);
    // Someone cancelled it at the UiTPAS counter already; Foyer's DELETE answers 404.
    k.sandbox.app.uitpas.store.cancel(row.sale_id!);
    await k.s.request('POST', `/api/orders/${order.body.id}/cancel`, { token: k.token, body: {} });
    await drainJobs(k);
    const after = await k.s.deps.db.selectFrom('uitpas_sales').select('status').where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(after.status).toBe('cancelled');
    const dead = await k.s.deps.db.selectFrom('jobs').select('status').where('kind', '=', 'uitpas.cancel-sale').where('status', '=', 'dead').execute();
    expect(dead).toEqual([]);
  });

  it('UiTPAS down during checkout: a clear error, nothing registered, nothing sold', async () => {
    const a = await basketWith(k, k.perfWeekly, ['r4s1']);
    await addPass(k, a.id, { uitpasNumber: '0900000067513' });
    const before = salesAtUitpas(k, EVENT_100_PER_WEEK).length;
    fault({ kind: 'status', status: 503, method: 'POST', path: '/ticket-sales' });
    const res = await checkout(k, a.id);
    expectProblem(res, 503, 'uitpas-unavailable');
    expect(res.body.detail).toContain('er is niets verkocht');
    expect(salesAtUitpas(k, EVENT_100_PER_WEEK)).toHaveLength(before);
    expect((await basketState(a.id)).body).toMatchObject({ status: 'open', orderId: null });
    const orders = await k.s.deps.db.selectFrom('orders').select('id').where('basket_id', '=', a.id).execute();
    expect(orders).toEqual([]);
    const regs = await k.s.deps.db.selectFrom('uitpas_registrations').select('status').where('basket_id', '=', a.id).execute();
    expect(regs.map((r) => r.status)).toEqual(['failed']);
    // UiTPAS back: the same basket sells.
    expect((await checkout(k, a.id)).status).toBe(201);
  });

  it('a timeout after UiTPAS registered: nothing sold in Foyer, and reconciliation cancels the orphan', async () => {
    const a = await basketWith(k, k.perfWeekly, ['r4s2']);
    await addPass(k, a.id, { uitpasNumber: '0900000045410' });
    const before = salesAtUitpas(k, EVENT_100_PER_WEEK).length;
    fault({ kind: 'register-then-timeout', method: 'POST', path: '/ticket-sales', hangMs: 500 });
    const res = await checkout(k, a.id);
    expectProblem(res, 503, 'uitpas-outcome-unknown');
    expect((await basketState(a.id)).body.status).toBe('open');
    // UiTPAS holds a sale Foyer has no ticket for: the reconciliation report shows it.
    expect(salesAtUitpas(k, EVENT_100_PER_WEEK)).toHaveLength(before + 1);
    const report = await reconciliation(k.perfWeekly);
    expect(report.status).toBe(200);
    expect(report.body.inSync).toBe(false);
    expect(report.body.unknownToFoyer.map((u: { uitpasNumber: string }) => u.uitpasNumber)).toEqual(['0900000045410']);

    await drainJobs(k);
    expect(salesAtUitpas(k, EVENT_100_PER_WEEK)).toHaveLength(before);
    const regs = await k.s.deps.db.selectFrom('uitpas_registrations').select('status').where('basket_id', '=', a.id).execute();
    expect(regs.map((r) => r.status)).toEqual(['undone']);
    expect((await reconciliation(k.perfWeekly)).body.inSync).toBe(true);
  });

  it('a hang with nothing done at UiTPAS: the lookup finds nothing and cancels nothing', async () => {
    const a = await basketWith(k, k.perfWeekly, ['r4s3']);
    await addPass(k, a.id, { uitpasNumber: '0900000067513' });
    const before = salesAtUitpas(k, EVENT_100_PER_WEEK).map((s) => s.id);
    const log = k.sandbox.app.uitpas.faults.log;
    const seq = log.at(-1)?.seq ?? 0;
    fault({ kind: 'timeout', method: 'POST', path: '/ticket-sales', hangMs: 300 });
    expectProblem(await checkout(k, a.id), 503, 'uitpas-outcome-unknown');
    await drainJobs(k);
    expect(salesAtUitpas(k, EVENT_100_PER_WEEK).map((s) => s.id)).toEqual(before);
    const since = log.filter((r) => r.seq > seq);
    // It looked (GET /ticket-sales) and, finding nothing of its own, cancelled nothing.
    expect(since.some((r) => r.method === 'GET' && r.url.startsWith('/ticket-sales'))).toBe(true);
    expect(since.filter((r) => r.method === 'DELETE')).toEqual([]);
    expect((await checkout(k, a.id)).status).toBe(201);
  });

  it('a checkout that died after registering: its abandoned basket gets the sale cancelled by the sweep', async () => {
    const a = await basketWith(k, k.perfWeekly, ['r4s5']);
    await addPass(k, a.id, { uitpasNumber: '0900010959113' });
    const basket = await k.s.deps.db.selectFrom('baskets').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    const log = pino({ level: 'silent' });
    // The first step of a checkout, then the process is gone; the buyer walks away.
    const registrationId = await registerUitpasSales(systemCtx(k.s.deps, basket.organisation_id, log), basket);
    const [sale] = await k.s.deps.db.selectFrom('uitpas_sales').selectAll().where('registration_id', '=', registrationId!).execute();
    expect(salesAtUitpas(k, EVENT_100_PER_WEEK).map((x) => x.id)).toContain(sale.sale_id);
    expect((await k.s.request('DELETE', `/api/baskets/${a.id}`, { token: k.token })).status).toBe(204);

    await sweepRegistrations(k.s.deps, log);
    expect((await foyerSales('registered')).map((x) => x.id)).toContain(sale.id); // too fresh to be stale
    const later = { ...k.s.deps, clock: { now: () => new Date(Date.now() + 10 * 60_000) } };
    // The worker, ten minutes on.
    const runner = new JobRunner({ deps: later, log });
    registerUitpasJobs(runner, new Scheduler({ deps: later, log }), later, log);
    await sweepRegistrations(later, log);
    await runner.runDue(10);
    expect(salesAtUitpas(k, EVENT_100_PER_WEEK).map((x) => x.id)).not.toContain(sale.sale_id);
    const reg = await k.s.deps.db.selectFrom('uitpas_registrations').select('status').where('id', '=', registrationId!).executeTakeFirstOrThrow();
    expect(reg.status).toBe('undone');
  });

  it('a registered sale whose line did not become a ticket is cancelled when the order is confirmed', async () => {
    const a = await basketWith(k, k.perfWeekly, ['r4s6']);
    await addPass(k, a.id, { uitpasNumber: '0900000067513' });
    const basket = await k.s.deps.db.selectFrom('baskets').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    const registrationId = await registerUitpasSales(systemCtx(k.s.deps, basket.organisation_id, pino({ level: 'silent' })), basket);
    const [sale] = await k.s.deps.db.selectFrom('uitpas_sales').selectAll().where('registration_id', '=', registrationId!).execute();
    // The order that got made has no ticket for this place (its line left the basket meanwhile).
    await confirmUitpasSales(k.s.deps.db, registrationId!, 'an-order-without-that-ticket', new Date());
    await drainJobs(k);
    expect(salesAtUitpas(k, EVENT_100_PER_WEEK).map((x) => x.id)).not.toContain(sale.sale_id);
    const after = await k.s.deps.db.selectFrom('uitpas_sales').select('status').where('id', '=', sale.id).executeTakeFirstOrThrow();
    expect(after.status).toBe('cancelled');
    await k.s.request('DELETE', `/api/baskets/${a.id}`, { token: k.token });
  });

  it("the sandbox's legacy XML search lists the sales Foyer registered, the cancelled ones with their status", async () => {
    const tokenRes = await fetch(`${k.sandbox.baseUrl}/realms/uitid/protocol/openid-connect/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: DEMO_CLIENT.clientId, client_secret: DEMO_CLIENT.clientSecret }),
    });
    const { access_token: bearer } = await tokenRes.json() as { access_token: string };
    const xml = await fetch(`${k.sandbox.baseUrl}/uitid/rest/uitpas/cultureevent/searchTicketsales?cdbid=${EVENT_100_PER_WEEK}&max=100`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    expect(xml.status).toBe(200);
    const parsed = new XMLParser({ parseTagValue: false }).parse(await xml.text()) as { response: { ticketSales: { ticketSale?: unknown }; total: string } };
    const list = ([] as { id: string; nodeId: string; status: string }[]).concat((parsed.response.ticketSales?.ticketSale ?? []) as never);
    const active = list.filter((s) => s.status === 'ACTIVE').map((s) => String(s.id)).sort();
    const ours = await k.s.deps.db.selectFrom('uitpas_sales').select('sale_id')
      .where('event_id', '=', EVENT_100_PER_WEEK).where('status', '=', 'sold').execute();
    expect(ours.length).toBeGreaterThan(0);
    expect(active).toEqual(ours.map((s) => s.sale_id).sort());
    const cancelled = await k.s.deps.db.selectFrom('uitpas_sales').select('sale_id')
      .where('event_id', '=', EVENT_100_PER_WEEK).where('status', '=', 'cancelled').execute();
    for (const c of cancelled) expect(list.find((s) => String(s.id) === c.sale_id)?.status).toBe('CANCELLED');
    expect(Number(parsed.response.total)).toBe(list.length);
  });
});
