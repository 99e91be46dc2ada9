// A season of sales for the reports bench, written straight into the tables in bulk: 2,000
// performances in four halls, ~100k customers, 1,000,000 tickets in ~400k orders with a realistic
// spread of sale days, ticket types, channels, payment methods, reservations and cancellations.
import crypto from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { zonedToUtc } from '../src/platform/time.js';

export const SEASON = { from: '2026-09-01', to: '2027-06-30', salesFrom: '2026-05-01' };
const PERFORMANCES = 2000;
const CUSTOMERS = 100_000;
const TICKETS = 1_000_000;
const HALLS = [{ seats: 420, venue: 0 }, { seats: 650, venue: 0 }, { seats: 780, venue: 1 }, { seats: 550, venue: 1 }];
const TYPES = [
  { name: 'Normaal', cat: 'normal', weight: 55, factor: 1 },
  { name: 'Korting 65+', cat: 'discount', weight: 12, factor: 0.85 },
  { name: 'CJP', cat: 'discount', weight: 10, factor: 0.7 },
  { name: 'UiTPAS kansentarief', cat: 'discount', weight: 5, factor: 0.25 },
  { name: 'Groep', cat: 'other', weight: 13, factor: 0.8 },
  { name: 'Vrijkaart', cat: 'free', weight: 5, factor: 0 },
] as const;

/** Writes rows in batches; one implementation per engine. */
export interface BulkWriter {
  insert(table: string, columns: string[], types: ('text' | 'int')[], rows: unknown[][]): Promise<void>;
  close(): Promise<void>;
}

export function sqliteWriter(file: string): BulkWriter {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -400000');
  const statements = new Map<string, SQLite.Statement>();
  return {
    async insert(table, columns, _types, rows) {
      const key = `${table}(${columns.join(',')})`;
      let st = statements.get(key);
      if (!st) {
        st = db.prepare(`insert into ${table} (${columns.join(',')}) values (${columns.map(() => '?').join(',')})`);
        statements.set(key, st);
      }
      const s = st;
      db.transaction(() => { for (const r of rows) s.run(r); })();
    },
    async close() { db.close(); },
  };
}

/** PostgreSQL: INSERT … SELECT FROM unnest(arrays), one parameter per column, thousands of rows a statement. */
export async function pgWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async insert(table, columns, types, rows) {
      for (let i = 0; i < rows.length; i += 5000) {
        const chunk = rows.slice(i, i + 5000);
        const arrays = columns.map((_, c) => chunk.map((r) => r[c]));
        const casts = types.map((t, c) => `$${c + 1}::${t === 'int' ? 'int' : 'text'}[]`).join(', ');
        await client.query(`insert into ${table} (${columns.join(',')}) select * from unnest(${casts})`, arrays);
      }
    },
    async close() { await client.end(); },
  };
}

/** Deterministic pseudo-random numbers (mulberry32), so every run writes the same season. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Ids shaped like time-ordered UUIDs (v7): new rows land at the end of their indexes, which keeps
 * the bulk load fast; lookups by id cost the same as with random ids.
 */
function orderedIds(table: number) {
  let n = 0;
  return () => `0193${table.toString(16).padStart(4, '0')}-0000-7000-8000-${(n++).toString(16).padStart(12, '0')}`;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export interface SeasonIds {
  orgId: string;
  venueIds: string[];
  performanceIds: string[];
}

/** Writes the season; `progress` hears about each stage. */
export async function writeSeason(w: BulkWriter, progress: (msg: string) => void): Promise<SeasonIds> {
  const rand = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const now = '2026-05-01T08:00:00.000Z';
  const orgId = crypto.randomUUID();
  await w.insert('organisations', ['id', 'name', 'online_hold_minutes', 'boxoffice_hold_minutes', 'created_at'], ['text', 'text', 'int', 'int', 'text'],
    [[orgId, 'Bench Schouwburg', 15, 60, now]]);
  const venueIds = [crypto.randomUUID(), crypto.randomUUID()];
  await w.insert('venues', ['id', 'organisation_id', 'name', 'address', 'postal_code', 'city', 'country', 'time_zone', 'created_at'],
    ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'], [
      [venueIds[0], orgId, 'Stadsschouwburg', 'Plein 1', '3511 AA', 'Utrecht', 'NL', 'Europe/Amsterdam', now],
      [venueIds[1], orgId, 'Cultuurcentrum', 'Markt 2', '9000', 'Gent', 'BE', 'Europe/Brussels', now],
    ]);
  const hallIds = HALLS.map(() => crypto.randomUUID());
  await w.insert('halls', ['id', 'organisation_id', 'venue_id', 'name', 'created_at', 'updated_at'], ['text', 'text', 'text', 'text', 'text', 'text'],
    HALLS.map((h, i) => [hallIds[i], orgId, venueIds[h.venue], `Zaal ${i + 1}`, now, now]));
  const typeIds = TYPES.map(() => crypto.randomUUID());
  await w.insert('ticket_types', ['id', 'organisation_id', 'name_nl', 'name_fr', 'name_en', 'dip_category', 'sell_boxoffice', 'sell_online', 'created_at'],
    ['text', 'text', 'text', 'text', 'text', 'text', 'int', 'int', 'text'],
    TYPES.map((t, i) => [typeIds[i], orgId, t.name, t.name, t.name, t.cat, 1, 1, now]));
  const productionIds = Array.from({ length: 200 }, () => crypto.randomUUID());
  await w.insert('productions', ['id', 'organisation_id', 'title', 'producer', 'genre', 'description', 'created_at'],
    ['text', 'text', 'text', 'text', 'text', 'text', 'text'],
    productionIds.map((id, i) => [id, orgId, `Voorstelling ${i + 1}`, 'Gezelschap', pick(['toneel', 'dans', 'muziek', 'cabaret']), '', now]));

  const seasonStart = Date.parse(`${SEASON.from}T00:00:00Z`);
  const seasonDays = Math.round((Date.parse(`${SEASON.to}T00:00:00Z`) - seasonStart) / DAY) + 1;
  const perfs = Array.from({ length: PERFORMANCES }, () => {
    const day = new Date(seasonStart + Math.floor(rand() * seasonDays) * DAY).toISOString().slice(0, 10);
    const hall = Math.floor(rand() * HALLS.length);
    return { id: crypto.randomUUID(), hall, startsAt: zonedToUtc(`${day}T${pick(['14:30', '20:00', '20:15'])}`, 'Europe/Brussels').getTime(), occupancy: 0.35 + rand() * 0.65 };
  });
  await w.insert('performances', ['id', 'organisation_id', 'production_id', 'hall_id', 'starts_at', 'duration_minutes', 'doors_open_minutes', 'status', 'extra_info', 'vat_rate', 'created_at', 'updated_at'],
    ['text', 'text', 'text', 'text', 'text', 'int', 'int', 'text', 'text', 'int', 'text', 'text'],
    perfs.map((p) => [p.id, orgId, pick(productionIds), hallIds[p.hall], iso(p.startsAt), 120, 30, 'on_sale', '', 900, now, now]));
  progress('catalogue');

  const customerIds = Array.from({ length: CUSTOMERS }, () => crypto.randomUUID());
  for (let i = 0; i < CUSTOMERS; i += 20_000) {
    await w.insert('customers', ['id', 'organisation_id', 'name', 'email', 'postal_code', 'search', 'created_at'],
      ['text', 'text', 'text', 'text', 'text', 'text', 'text'],
      customerIds.slice(i, i + 20_000).map((id, j) => {
        const name = `Klant ${i + j}`;
        return [id, orgId, name, `klant${i + j}@example.test`, String(1000 + ((i + j) % 8999)), name.toLowerCase(), now];
      }));
  }
  progress('customers');

  // Tickets per performance, scaled so the season holds exactly TICKETS tickets.
  const wanted = perfs.map((p) => HALLS[p.hall].seats * p.occupancy);
  const scale = TICKETS / wanted.reduce((a, b) => a + b, 0);
  const counts = wanted.map((x, i) => Math.min(HALLS[perfs[i].hall].seats - 6, Math.floor(x * scale)));
  for (let i = 0, short = TICKETS - counts.reduce((a, b) => a + b, 0); short > 0; i = (i + 1) % counts.length) {
    if (counts[i] < HALLS[perfs[i].hall].seats - 6) { counts[i]++; short--; }
  }
  const typeWeights = TYPES.reduce((a, t) => a + t.weight, 0);
  const pickType = () => {
    let x = rand() * typeWeights;
    for (let i = 0; i < TYPES.length; i++) if ((x -= TYPES[i].weight) < 0) return i;
    return 0;
  };

  const maxSeats = Math.max(...HALLS.map((h) => h.seats));
  const seatIds = Array.from({ length: maxSeats }, (_, s) => `s${s}`);
  const rowLabels = Array.from({ length: maxSeats }, (_, s) => String(Math.floor(s / 20) + 1));
  const seatLabels = Array.from({ length: maxSeats }, (_, s) => String((s % 20) + 1));
  const orderId = orderedIds(1);
  const ticketId = orderedIds(2);
  const paymentId = orderedIds(3);
  let orders: unknown[][] = [];
  let tickets: unknown[][] = [];
  let payments: unknown[][] = [];
  let inventory: unknown[][] = [];
  let blocks: unknown[][] = [];
  let barcode = 0;
  let orderNo = 0;
  const flush = async (force: boolean) => {
    if (!force && tickets.length < 50_000) return;
    await w.insert('orders', ['id', 'organisation_id', 'number', 'basket_id', 'channel', 'status', 'customer_id', 'total', 'created_by', 'created_at', 'paid_at', 'cancelled_at'],
      ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'text', 'text', 'text', 'text'], orders);
    await w.insert('tickets', ['id', 'organisation_id', 'order_id', 'performance_id', 'item_id', 'ticket_type_id', 'dip_category', 'price', 'status', 'barcode', 'print_state', 'print_count', 'created_at', 'cancelled_at'],
      ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'text', 'text', 'text', 'int', 'text', 'text'], tickets);
    await w.insert('payments', ['id', 'organisation_id', 'order_id', 'kind', 'method', 'amount', 'created_by', 'created_at'],
      ['text', 'text', 'text', 'text', 'text', 'int', 'text', 'text'], payments);
    await w.insert('blocks', ['id', 'organisation_id', 'performance_id', 'kind', 'reason', 'created_at'], ['text', 'text', 'text', 'text', 'text', 'text'], blocks);
    await w.insert('inventory', ['performance_id', 'item_id', 'organisation_id', 'rank', 'section', 'row_label', 'seat_label', 'pos', 'sort', 'status', 'order_id', 'block_id'],
      ['text', 'text', 'text', 'int', 'text', 'text', 'text', 'int', 'int', 'text', 'text', 'text'], inventory);
    orders = []; tickets = []; payments = []; inventory = []; blocks = [];
  };

  for (let pi = 0; pi < perfs.length; pi++) {
    const p = perfs[pi];
    const seats = HALLS[p.hall].seats;
    const seatStatus: { status: string; orderId: string | null; blockId: string | null }[] =
      Array.from({ length: seats }, () => ({ status: 'free', orderId: null, blockId: null }));
    const definitive = crypto.randomUUID();
    const conditional = crypto.randomUUID();
    blocks.push([definitive, orgId, p.id, 'definitive', 'techniek', now], [conditional, orgId, p.id, 'conditional', 'pers', now]);
    for (let s = seats - 6; s < seats; s++) seatStatus[s] = { status: 'blocked', orderId: null, blockId: s < seats - 2 ? definitive : conditional };
    let seat = 0;
    while (seat < counts[pi]) {
      const size = Math.min(counts[pi] - seat, 1 + Math.floor(rand() * rand() * 6));
      const id = orderId();
      const online = rand() < 0.6;
      // most tickets sell in the last weeks before the performance
      const lead = Math.min(120, Math.floor(-Math.log(1 - rand() * 0.999) * 25)) * DAY + Math.floor(rand() * 12 * 3600_000);
      const createdAt = Math.max(Date.parse(`${SEASON.salesFrom}T08:00:00Z`), p.startsAt - lead - 3600_000);
      const fate = rand();
      const status = fate < 0.05 ? 'reserved' : fate < 0.08 ? 'cancelled' : 'paid';
      const paidAt = status === 'reserved' ? null : createdAt;
      const cancelledAt = status === 'cancelled' ? Math.min(p.startsAt - 1800_000, createdAt + Math.floor(rand() * 10 * DAY)) : null;
      const method = online ? 'online' : pick(['cash', 'pin', 'pin', 'card']);
      const createdIso = iso(createdAt);
      const cancelledIso = cancelledAt === null ? null : iso(cancelledAt);
      let total = 0;
      for (let k = 0; k < size; k++, seat++) {
        const t = pickType();
        const rank = seat < seats / 3 ? 1 : seat < (2 * seats) / 3 ? 2 : 3;
        const price = Math.round((3600 - rank * 600) * TYPES[t].factor);
        total += price;
        const printed = TYPES[t].cat === 'free' ? rand() < 0.8 : rand() < 0.5;
        tickets.push([ticketId(), orgId, id, p.id, seatIds[seat], typeIds[t], TYPES[t].cat, price,
          status === 'cancelled' ? 'cancelled' : 'valid', `B${(barcode++).toString(36).padStart(12, '0')}`,
          printed ? 'printed' : 'none', printed ? 1 : 0, createdIso, cancelledIso]);
        if (status !== 'cancelled') seatStatus[seat] = { status: status === 'paid' ? 'sold' : 'reserved', orderId: id, blockId: null };
      }
      orders.push([id, orgId, `N${(orderNo++).toString(36).toUpperCase()}`, id, online ? 'online' : 'boxoffice', status,
        rand() < (online ? 0.95 : 0.5) ? customerIds[Math.floor(rand() * rand() * CUSTOMERS)] : null, total, 'bench', createdIso,
        paidAt === null ? null : createdIso, cancelledIso]);
      if (paidAt !== null && total > 0) payments.push([paymentId(), orgId, id, 'payment', method, total, 'bench', createdIso]);
      if (cancelledIso !== null && total > 0) payments.push([paymentId(), orgId, id, 'refund', method, total, 'bench', cancelledIso]);
    }
    for (let s = 0; s < seats; s++) {
      const st = seatStatus[s];
      inventory.push([p.id, seatIds[s], orgId, s < seats / 3 ? 1 : s < (2 * seats) / 3 ? 2 : 3, 'Zaal', rowLabels[s], seatLabels[s],
        s % 20, s, st.status, st.orderId, st.blockId]);
    }
    await flush(false);
    if ((pi + 1) % 500 === 0) progress(`${pi + 1} performances`);
  }
  await flush(true);
  return { orgId, venueIds, performanceIds: perfs.map((p) => p.id) };
}
