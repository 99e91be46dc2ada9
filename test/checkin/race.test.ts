// Doors racing for one ticket over real HTTP against real Foyer processes (two on PostgreSQL): a
// ticket admits exactly once, every other door hears "already scanned", and the database agrees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/platform/db.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { arenaSeatMap, Client, openTestDatabase, seedOnSale, startFoyerProcess, type FoyerProcess, type OnSale } from '../helpers/process.js';

const DOORS = 20;
const SCANS_PER_TICKET = 40;

describe.each(DIALECTS)('doors racing for a ticket on %s', (dialect) => {
  let database: TestDatabase;
  let db: DatabaseHandle;
  let sale: OnSale;
  const procs: FoyerProcess[] = [];
  let admin: Client;
  let doors: Client[];
  let doorIds: string[];
  let nextSeat = 0;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    db = openTestDatabase(database);
    sale = await seedOnSale(db, arenaSeatMap(1, 10, 20));
    procs.push(await startFoyerProcess(database));
    if (dialect === 'postgres') procs.push(await startFoyerProcess(database));
    admin = await Client.login(procs[0].baseUrl, sale.email, sale.password);
    doorIds = [];
    for (let i = 0; i < DOORS; i++) doorIds.push((await admin.call('POST', '/api/checkin/doors', { name: `Deur ${i + 1}` })).body.id);
    const email = `deur-${sale.orgId.slice(0, 8)}@example.test`;
    expect((await admin.call('POST', '/api/users', { email, name: 'Steward', role: 'door', password: 'correct horse battery' })).status).toBe(201);
    const steward = await Client.login(procs[0].baseUrl, email, 'correct horse battery');
    // The doors are spread over the processes.
    doors = Array.from({ length: DOORS }, (_, i) => steward.withBase(procs[i % procs.length].baseUrl));
  }, 120_000);
  afterAll(async () => {
    for (const p of procs) await p.kill('SIGTERM');
    await db?.close();
    await database?.drop();
  });

  async function sell(count: number): Promise<{ id: string; barcode: string }[]> {
    const seatIds = sale.seatIds.slice(nextSeat, nextSeat + count);
    nextSeat += count;
    const b = await admin.call('POST', '/api/baskets', { channel: 'boxoffice' });
    expect((await admin.call('POST', `/api/baskets/${b.body.id}/lines`, { performanceId: sale.performanceId, seatIds })).status).toBe(200);
    const order = await admin.call('POST', `/api/baskets/${b.body.id}/checkout`, { payment: { method: 'cash' } });
    expect(order.status).toBe(201);
    return order.body.tickets;
  }

  const scanAt = (door: number, barcode: string, direction: 'in' | 'out' = 'in') =>
    doors[door % DOORS].call('POST', '/api/checkin/scans', { barcode, performanceIds: [sale.performanceId], doorId: doorIds[door % DOORS], direction });

  const factsOf = async (ticketId: string) => ({
    presence: await db.db.selectFrom('checkin_tickets').selectAll().where('ticket_id', '=', ticketId).execute(),
    scans: await db.db.selectFrom('checkin_scans').selectAll().where('ticket_id', '=', ticketId).where('outcome', '=', 'applied').execute(),
  });

  it(`admits each ticket exactly once when ${SCANS_PER_TICKET} doors scan it at the same moment`, async () => {
    const tickets = await sell(5);
    const answers = await Promise.all(tickets.flatMap((t) => Array.from({ length: SCANS_PER_TICKET }, (_, i) => scanAt(i, t.barcode).then((a) => ({ t, a })))));
    for (const t of tickets) {
      const mine = answers.filter((x) => x.t === t).map((x) => x.a);
      for (const a of mine) expect(a.status, JSON.stringify(a.body)).toBe(200);
      const green = mine.filter((a) => a.body.ok);
      expect(green).toHaveLength(1);
      expect(green[0].body.reason).toBe('admitted');
      const red = mine.filter((a) => !a.body.ok);
      expect(red).toHaveLength(SCANS_PER_TICKET - 1);
      for (const a of red) expect(a.body.reason).toBe('already-scanned');
      // Each losing door is told the winner's door, whichever process it asked.
      const winnerDoor = (await factsOf(t.id)).presence[0].last_door_id;
      const winnerName = `Deur ${doorIds.indexOf(winnerDoor) + 1}`;
      for (const a of red) expect(a.body.previous?.door).toBe(winnerName);
      const f = await factsOf(t.id);
      expect(f.presence).toHaveLength(1);
      expect(f.presence[0]).toMatchObject({ inside: 1, entries: 1 });
      expect(f.scans).toHaveLength(1);
      expect(f.scans[0].id).toBe(green[0].body.scanId);
    }
  });

  it('keeps a ticket\'s state and history in step when doors let it in and out at once (re-entry on)', async () => {
    expect((await admin.call('PUT', `/api/checkin/performances/${sale.performanceId}/settings`, { reentry: true })).status).toBe(200);
    const [t] = await sell(1);
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => scanAt(i, t.barcode, i % 2 ? 'out' : 'in')));
      for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(200);
    }
    const f = await factsOf(t.id);
    const ins = f.scans.filter((s) => s.direction === 'in').length;
    const outs = f.scans.filter((s) => s.direction === 'out').length;
    expect(f.presence[0].entries).toBe(ins);
    expect(ins - outs).toBe(f.presence[0].inside);
    expect(f.presence[0].version).toBe(ins + outs);
    expect((await admin.call('PUT', `/api/checkin/performances/${sale.performanceId}/settings`, { reentry: null })).status).toBe(200);
  });

  it('admits a ticket once when offline uploads and online scans of it arrive together', async () => {
    const tickets = await sell(5);
    const now = Date.now();
    await Promise.all(tickets.map(async (t, n) => {
      const uploads = Array.from({ length: 6 }, (_, i) => doors[(n + i) % DOORS].call('POST', '/api/checkin/uploads', {
        doorId: doorIds[(n + i) % DOORS], sentAt: new Date(now).toISOString(),
        scans: [{ id: `race-${t.id}-${i}`, barcode: t.barcode, performanceId: sale.performanceId, scannedAt: new Date(now - 60_000 + i * 1000).toISOString() }],
      }));
      const online = Array.from({ length: 6 }, (_, i) => scanAt(n + 10 + i, t.barcode));
      const [up, on] = await Promise.all([Promise.all(uploads), Promise.all(online)]);
      for (const a of [...up, ...on]) expect(a.status, JSON.stringify(a.body)).toBe(200);
      const appliedUploads = up.filter((a) => a.body.results[0].outcome === 'applied').length;
      expect(appliedUploads + on.filter((a) => a.body.ok).length).toBe(1);
      const conflicts = up.filter((a) => a.body.results[0].outcome === 'conflict');
      for (const c of conflicts) expect(c.body.conflicts[0].kind).toBe('double-admission');
      expect(conflicts.length).toBe(6 - appliedUploads);
      const f = await factsOf(t.id);
      expect(f.presence).toMatchObject([{ entries: 1, inside: 1 }]);
      expect(f.scans).toHaveLength(1);
      const recorded = await db.db.selectFrom('checkin_conflicts').select('id').where('ticket_id', '=', t.id).execute();
      expect(recorded).toHaveLength(conflicts.length);
    }));
  });
});
