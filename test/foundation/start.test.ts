// `npm start` as a newcomer runs it: the real server process, on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { freePort, startFoyer, type FoyerProcess } from './processes.js';

const json = async (res: Response) => ({ status: res.status, type: res.headers.get('content-type') ?? '', body: await res.json() });

// Child processes start slowly on a busy machine (tsx compiles on start); their budget is generous.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe.each(DIALECTS)('npm start on %s', (dialect) => {
  let db: TestDatabase;
  let foyer: FoyerProcess | undefined;
  beforeAll(async () => { db = await freshDatabase(dialect); });
  afterAll(async () => {
    await foyer?.stop();
    await db?.drop();
  });

  it('loads demo data into an empty database, prints how to log in, and the printed login works', async () => {
    foyer = await startFoyer(db.env);
    const out = await foyer.printed(/E-mails:/);
    const admin = /Admin:\s+(\S+@\S+) \/ (\S+)/.exec(out);
    const boxoffice = /Box office:\s+(\S+@\S+) \/ (\S+)/.exec(out);
    expect(admin, out).not.toBeNull();
    expect(boxoffice, out).not.toBeNull();
    expect(out).toContain(`${foyer.baseUrl}/docs`);

    const health = await json(await fetch(`${foyer.baseUrl}/health`));
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });

    const docs = await fetch(`${foyer.baseUrl}/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/text\/html/);
    expect(await docs.text()).toMatch(/<html/i);

    const spec = await json(await fetch(`${foyer.baseUrl}/openapi.json`));
    expect(spec.status).toBe(200);
    for (const p of ['/api/auth/login', '/api/venues', '/api/performances', '/api/ticket-types']) expect(Object.keys(spec.body.paths)).toContain(p);

    for (const [, email, password] of [admin!, boxoffice!]) {
      const login = await json(await fetch(`${foyer.baseUrl}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
      }));
      expect(login.status, JSON.stringify(login.body)).toBe(200);
      const auth = { authorization: `Bearer ${login.body.token}` };
      const venues = await json(await fetch(`${foyer.baseUrl}/api/venues`, { headers: auth }));
      expect(venues.body.items.map((v: { timeZone: string }) => v.timeZone).sort()).toEqual(['Europe/Amsterdam', 'Europe/Brussels']);
      const perfs = await json(await fetch(`${foyer.baseUrl}/api/performances?status=on_sale`, { headers: auth }));
      expect(perfs.body.total).toBeGreaterThan(10);
    }

    // The demo's connectors answer out of the box: the process runs their stand-ins (or, when another
    // test's Foyer holds the ports, that one's stand-ins answer the same).
    expect(out).toMatch(/DIP:\s+(sandbox at http:\/\/127\.0\.0\.1:4010|port 4010 is in use)/);
    expect(out).toMatch(/UiTPAS:\s+(sandbox at http:\/\/127\.0\.0\.1:4020|port 4020 is in use)/);
    const login = await json(await fetch(`${foyer.baseUrl}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: admin![1], password: admin![2] }),
    }));
    const auth = { authorization: `Bearer ${login.body.token}` };
    const dip = await json(await fetch(`${foyer.baseUrl}/api/dip/check`, { method: 'POST', headers: auth }));
    expect(dip.body, JSON.stringify(dip.body)).toMatchObject({ ok: true, credentialsAccepted: true });
    expect(dip.body.performances).toBeGreaterThan(0);
    const uitpas = await json(await fetch(`${foyer.baseUrl}/api/uitpas/check`, { headers: auth }));
    expect(uitpas.body, JSON.stringify(uitpas.body)).toMatchObject({ ok: true, credentialsAccepted: true, missing: [] });

    expect(await foyer.stop()).toBe(0);
    foyer = undefined;
    if (/DIP:\s+sandbox at/.test(out)) {
      expect(await fetch('http://127.0.0.1:4010/').then(() => 'answers', () => 'gone')).toBe('gone');
    }
  });

  it('sells online out of the box: the demo shop\'s basket is paid in the Mollie sandbox it runs, and the confirmation is in the outbox', async () => {
    const sandboxPort = await freePort();
    foyer = await startFoyer({ ...db.env, FOYER_MOLLIE_SANDBOX_PORT: String(sandboxPort) });
    const out = await foyer.printed(/E-mails:/);
    const shopUrl = /Web shop:\s+(\S+)/.exec(out)?.[1];
    expect(shopUrl, out).toBe(`${foyer.baseUrl}/shop/demo/`);
    expect(out).toContain(`Mollie sandbox at http://127.0.0.1:${sandboxPort}`);
    expect(out).toMatch(/no SMTP_URL.*outbox/);

    // A buyer in the shop: a basket, two of the best seats of the last performance, details, pay.
    const api = `${foyer.baseUrl}/api/shops/demo`;
    let basketToken = '';
    const shop = async (method: string, path: string, body?: unknown) => json(await fetch(api + path, {
      method, headers: { ...(basketToken ? { 'basket-token': basketToken } : {}), ...(body ? { 'content-type': 'application/json' } : {}), 'accept-language': 'nl' },
      body: body ? JSON.stringify(body) : undefined,
    }));
    const programme = await shop('GET', '/programme');
    const performances = programme.body.productions.flatMap((p: { performances: { id: string; startsAt: string }[] }) => p.performances)
      .sort((a: { startsAt: string }, b: { startsAt: string }) => a.startsAt.localeCompare(b.startsAt));
    const opened = await shop('POST', '/baskets');
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    basketToken = opened.body.token;
    const added = await shop('POST', '/basket/lines', { performanceId: performances.at(-1).id, quantity: 2 });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const email = 'demo-koper@example.nl';
    expect((await shop('PUT', '/basket/buyer', { name: 'Demo Koper', email, emailConfirm: email, language: 'nl', newsletter: false, termsAccepted: true })).status).toBe(200);
    const paying = await shop('POST', '/basket/checkout', { method: 'ideal' });
    expect(paying.status, JSON.stringify(paying.body)).toBe(200);
    expect(paying.body.checkoutUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${sandboxPort}/checkout/tr_`));

    // The sandbox's checkout page, as the buyer's browser: pick "paid", get sent back to the shop.
    const page = await fetch(paying.body.checkoutUrl);
    expect(page.status).toBe(200);
    const chosen = await fetch(paying.body.checkoutUrl, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'outcome=paid&method=ideal', redirect: 'manual',
    });
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get('location')).toContain(`${shopUrl}return?basket=`);

    // The sandbox's webhook reaches this Foyer; the buyer's return page says paid either way.
    let status = '';
    for (let i = 0; i < 100 && status !== 'paid'; i++) {
      status = (await shop('GET', '/basket/payment')).body.status;
      if (status !== 'paid') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('paid');

    const login = await json(await fetch(`${foyer.baseUrl}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'kassa@demo.foyer.test', password: 'demo-kassa-2026' }),
    }));
    const auth = { authorization: `Bearer ${login.body.token}` };
    const order = await json(await fetch(`${foyer.baseUrl}/api/orders/${paying.body.orderId}`, { headers: auth }));
    expect(order.body.status).toBe('paid');
    expect(order.body.tickets).toHaveLength(2);
    let mail: { template: string; recipient: string; status: string } | undefined;
    for (let i = 0; i < 100 && mail?.status !== 'not_sent'; i++) {
      const outbox = await json(await fetch(`${foyer.baseUrl}/api/mail/outbox?orderId=${paying.body.orderId}`, { headers: auth }));
      mail = outbox.body.items[0];
      if (mail?.status !== 'not_sent') await new Promise((r) => setTimeout(r, 100));
    }
    expect(mail).toMatchObject({ template: 'order-confirmation', recipient: email, status: 'not_sent' });
    expect(await foyer.stop()).toBe(0);
    foyer = undefined;
    // The sandbox went with the process.
    expect(await fetch(`http://127.0.0.1:${sandboxPort}/`).then(() => 'answers', () => 'gone')).toBe('gone');
  });

  it.skipIf(dialect !== 'sqlite')('leaves the demo\'s payments alone when the sandbox\'s port is taken', async () => {
    const taken = await startFoyer({ ...db.env, FOYER_DEMO: 'false', FOYER_MOLLIE_SANDBOX_PORT: '0' });
    try {
      const port = Number(/Mollie sandbox at http:\/\/127\.0\.0\.1:(\d+)/.exec(await taken.printed(/E-mails:/))?.[1]);
      expect(port, taken.stdout()).toBeGreaterThan(0);
      foyer = await startFoyer({ ...db.env, FOYER_MOLLIE_SANDBOX_PORT: String(port) });
      expect(await foyer.printed(/E-mails:/)).toContain(`Mollie sandbox not started: port ${port} is in use`);
      expect((await fetch(`${foyer.baseUrl}/health`)).status).toBe(200);
      expect(await foyer.stop()).toBe(0);
      foyer = undefined;
    } finally {
      await taken.stop();
    }
  });

  // The same code on both databases, and child processes are slow: once is enough.
  it.skipIf(dialect !== 'sqlite')('on a database that has data, starts without seeding again', async () => {
    foyer = await startFoyer(db.env);
    expect(foyer.stdout()).not.toMatch(/Admin:/);
    const login = await json(await fetch(`${foyer.baseUrl}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.foyer.test', password: 'demo-admin-2026' }),
    }));
    const orgs = await fetch(`${foyer.baseUrl}/api/venues`, { headers: { authorization: `Bearer ${login.body.token}` } });
    expect((await orgs.json()).items).toHaveLength(2);
    expect(await foyer.stop()).toBe(0);
    foyer = undefined;
  });
});

describe('where npm start listens and keeps its data', () => {
  it('defaults to 127.0.0.1:3000 and ./data/foyer.sqlite; HOST, PORT, FOYER_DB and DATABASE_URL override', () => {
    expect(loadConfig({})).toMatchObject({ host: '127.0.0.1', port: 3000, sqliteFile: './data/foyer.sqlite', databaseUrl: undefined, seedDemo: true });
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080', FOYER_DB: '/srv/foyer.db', DATABASE_URL: 'postgres://db/foyer' }))
      .toMatchObject({ host: '0.0.0.0', port: 8080, sqliteFile: '/srv/foyer.db', databaseUrl: 'postgres://db/foyer', publicUrl: 'http://0.0.0.0:8080' });
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db' })).toThrow(/DATABASE_URL/);
  });
});
