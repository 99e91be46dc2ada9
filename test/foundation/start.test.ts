// `npm start` as a newcomer runs it: the real server process, on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { startFoyer, type FoyerProcess } from './processes.js';

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
    const out = foyer.stdout();
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
    expect(await foyer.stop()).toBe(0);
    foyer = undefined;
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
