// `npm run foyer -- backup` in the middle of an on-sale rush against a running Foyer on SQLite, then
// `restore` into a new file and Foyer started on it: every order confirmed before the backup began
// is there with its tickets, and no seat is sold twice. Real processes throughout.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { arenaSeatMap, Client, openTestDatabase, seedOnSale, startFoyerProcess, type FoyerProcess, type OnSale } from '../helpers/process.js';
import { checkSellingInvariants } from '../helpers/selling-invariants.js';
import { runCli } from '../foundation/processes.js';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 120_000 });

const BUYERS = 30;
// The rush stops short of selling the hall out: the restored copy must still have a free seat to sell,
// whatever holds the backup caught (at most BUYERS x 3 seats held or in flight when it was taken).
const HALL = arenaSeatMap(2, 20, 25);
const SEATS_TO_SELL = 700;

interface Confirmed { orderId: string; seats: string[] }

describe.runIf(DIALECTS.includes('sqlite'))('backup and restore of a live SQLite database', () => {
  let database: TestDatabase;
  let db: DatabaseHandle;
  let sale: OnSale;
  let live: FoyerProcess | undefined;
  let restored: FoyerProcess | undefined;
  let dir: string;

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    dir = path.dirname(database.sqliteFile!);
    db = openTestDatabase(database);
    sale = await seedOnSale(db, HALL);
  });
  afterAll(async () => {
    await live?.kill('SIGKILL');
    await restored?.kill('SIGKILL');
    await db?.close();
    await database?.drop();
  });

  it('a backup taken mid-rush and restored into a new file has every order confirmed before it began', async () => {
    live = await startFoyerProcess(database);
    const client = await Client.login(live.baseUrl, sale.email, sale.password);
    const confirmed: Confirmed[] = [];
    let stop = false;
    let seatsSold = 0;
    const buyer = async (n: number) => {
      for (let round = 0; !stop && seatsSold < SEATS_TO_SELL; round++) {
        const b = await client.call('POST', '/api/baskets', { channel: 'online' });
        if (b.status !== 201) continue;
        const add = await client.call('POST', `/api/baskets/${b.body.id}/lines`, { performanceId: sale.performanceId, quantity: 1 + ((n + round) % 3) });
        if (add.status !== 200) continue;
        const order = await client.call('POST', `/api/baskets/${b.body.id}/checkout`, { payment: { method: 'card' } });
        if (order.status !== 201) continue;
        const seats = (order.body.tickets as { seatId: string }[]).map((t) => t.seatId).sort();
        confirmed.push({ orderId: order.body.id, seats });
        seatsSold += seats.length;
      }
    };
    const rush = Promise.all(Array.from({ length: BUYERS }, (_, i) => buyer(i)));
    const deadline = Date.now() + 60_000;
    while (confirmed.length < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));

    const before = confirmed.slice();
    const file = path.join(dir, 'mid-rush.sqlite');
    const backup = await runCli(['backup', file], { FOYER_DB: database.sqliteFile });
    const duringBackup = confirmed.length - before.length;
    stop = true;
    await rush;
    expect(before.length).toBeGreaterThanOrEqual(20);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Backup written to .*mid-rush\.sqlite .*\d+ order\(s\)/);
    // Buyers kept buying while the backup ran.
    expect(duringBackup).toBeGreaterThan(0);

    // The live database cannot be overwritten while its server runs; the message says how to stop it.
    const refused = await runCli(['restore', file], { FOYER_DB: database.sqliteFile });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('in use by a running Foyer');
    expect(refused.stderr).toMatch(new RegExp(`kill -TERM [\\d ]*\\b${live.pid}\\b`));

    const target = path.join(dir, 'restored', 'foyer.sqlite');
    const restore = await runCli(['restore', file], { FOYER_DB: target });
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain(`Restored ${file} to ${target}`);

    restored = await startFoyerProcess({ ...database, env: { FOYER_DB: target }, sqliteFile: target });
    const after = await Client.login(restored.baseUrl, sale.email, sale.password);
    for (const c of before) {
      const o = await after.call('GET', `/api/orders/${c.orderId}`);
      expect(o.status, c.orderId).toBe(200);
      expect(o.body.status).toBe('paid');
      expect((o.body.tickets as { seatId: string; status: string }[]).map((t) => t.seatId).sort()).toEqual(c.seats);
    }
    const copy = openDatabase({ sqliteFile: target });
    try {
      const facts = await checkSellingInvariants(copy.db, sale.performanceId);
      expect(facts.validTickets).toBeGreaterThanOrEqual(before.reduce((n, c) => n + c.seats.length, 0));
    } finally {
      await copy.close();
    }
    // The restored Foyer sells on: a seat still free there can be bought.
    const b = await after.call('POST', '/api/baskets', { channel: 'boxoffice' });
    const add = await after.call('POST', `/api/baskets/${b.body.id}/lines`, { performanceId: sale.performanceId, quantity: 1 });
    expect(add.status, JSON.stringify(add.body)).toBe(200);
    expect((await after.call('POST', `/api/baskets/${b.body.id}/checkout`, { payment: { method: 'cash' } })).status).toBe(201);
  });

  it('restores over a stopped database and keeps the one that was there', async () => {
    const file = path.join(dir, 'mid-rush.sqlite');
    const target = path.join(dir, 'restored', 'foyer.sqlite');
    await restored?.kill('SIGTERM');
    restored = undefined;
    const again = await runCli(['restore', file], { FOYER_DB: target });
    expect(again.code, again.stderr).toBe(0);
    const kept = /kept as (\S+)\./.exec(again.stdout)?.[1];
    expect(kept).toBeTruthy();
    // What the restored Foyer sold after the restore is in the kept file, not in the backup put back.
    const count = (f: string) => {
      const d = new SQLite(f, { readonly: true });
      try { return Number((d.prepare('select count(*) as n from orders').get() as { n: number }).n); } finally { d.close(); }
    };
    expect(count(kept!)).toBe(count(file) + 1);
    expect(count(target)).toBe(count(file));
  });

  it('refuses a file that is not a Foyer database, one from a newer Foyer, and an existing backup file', async () => {
    const target = path.join(dir, 'untouched.sqlite');
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database');
    const notSqlite = await runCli(['restore', junk], { FOYER_DB: target });
    expect(notSqlite.code).toBe(1);
    expect(notSqlite.stderr).toContain('is not an SQLite database');

    const other = path.join(dir, 'other.sqlite');
    const o = new SQLite(other);
    o.exec('create table things (id text)');
    o.close();
    const notFoyer = await runCli(['restore', other], { FOYER_DB: target });
    expect(notFoyer.stderr).toContain('is not a Foyer database');

    const newer = path.join(dir, 'newer.sqlite');
    fs.copyFileSync(path.join(dir, 'mid-rush.sqlite'), newer);
    const n = new SQLite(newer);
    n.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('2099-01-01T0000_future', new Date().toISOString());
    n.close();
    const fromNewer = await runCli(['restore', newer], { FOYER_DB: target });
    expect(fromNewer.code).toBe(1);
    expect(fromNewer.stderr).toContain('made by a newer Foyer (it has migration 2099-01-01T0000_future');
    expect(fs.existsSync(target)).toBe(false);

    const exists = await runCli(['backup', newer], { FOYER_DB: database.sqliteFile });
    expect(exists.code).toBe(1);
    expect(exists.stderr).toContain('already exists');
  });
});

describe.runIf(DIALECTS.includes('postgres'))('backup and restore on PostgreSQL', () => {
  it('points at pg_dump and pg_restore instead of copying anything', async () => {
    const env = { DATABASE_URL: 'postgres://foyer@127.0.0.1:5432/foyer' };
    const backup = await runCli(['backup', 'x.dump'], env);
    expect(backup.code).toBe(1);
    expect(backup.stderr).toContain('pg_dump -Fc');
    const restore = await runCli(['restore', 'x.dump'], env);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('pg_restore');
    expect(restore.stderr).toContain('Stop every Foyer');
  });
});
