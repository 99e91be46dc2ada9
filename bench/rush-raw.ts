// The baseline the rush is measured against: the database doing a buy by hand, on the same schema,
// the same database file or server and the same durability (SQLite synchronous=FULL), the way an
// expert would write it without Foyer: one transaction per buy that reads the best free seats
// (a 96-seat window), claims the chosen ones with a conditional UPDATE, and writes the (closed)
// basket the schema requires, the order, its tickets and the payment. Prepared statements; on
// PostgreSQL `RAW_CLIENTS` (8) connections buy at once, the window read FOR UPDATE SKIP LOCKED.
import crypto from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { newId } from '../src/platform/ids.js';
import type { TestDatabase } from '../test/helpers/databases.js';

export interface RawResult {
  seconds: number;
  buys: number;
  seatsSold: number;
}

export interface RawSale {
  orgId: string;
  performanceId: string;
  ticketTypeId: string;
  userId: string;
}

const WINDOW = 96;
// The same keys as Foyer's rows (time-ordered UUIDs), so the ratio compares the work, not the key shape.
const id = newId;
const barcode = () => crypto.randomBytes(10).toString('hex');

interface Seat { item_id: string; section: string; row_label: string; pos: number; rank: number }

/** Best available by hand: the first run of `n` adjacent seats in one row of the window, else the first `n`. */
function choose(window: Seat[], n: number): Seat[] {
  for (let i = 0; i + n <= window.length; i++) {
    const run = window.slice(i, i + n);
    if (run.every((s, k) => s.section === run[0].section && s.row_label === run[0].row_label && s.pos === run[0].pos + k)) return run;
  }
  return window.slice(0, n);
}

const quantityOf = (buyer: number, round: number) => 1 + ((buyer * 7 + round) % 4);

const WINDOW_SQL = `select item_id, section, row_label, pos, rank from inventory
  where performance_id = $1 and zone_id is null and status = 'free' order by rank, sort limit ${WINDOW}`;
const PRICE_SQL = 'select amount from prices where performance_id = $1 and ticket_type_id = $2 and rank = $3';

function sqliteSql(text: string): string {
  return text.replace(/\$\d+/g, '?');
}

export function rawSqlite(db: TestDatabase, sale: RawSale, maxSeconds: number): RawResult {
  const conn = new SQLite(db.sqliteFile!);
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = FULL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  const window = conn.prepare(sqliteSql(WINDOW_SQL));
  const price = conn.prepare(sqliteSql(PRICE_SQL)).pluck();
  const claims = new Map<number, SQLite.Statement>();
  const claimOf = (n: number) => {
    let s = claims.get(n);
    if (!s) {
      s = conn.prepare(`update inventory set status = 'sold', order_id = ?, hold_id = null, hold_expires_at = null
        where performance_id = ? and item_id in (${Array(n).fill('?').join(',')}) and status = 'free'`);
      claims.set(n, s);
    }
    return s;
  };
  const basket = conn.prepare(`insert into baskets (id, organisation_id, channel, status, expires_at, customer_id, order_id, created_by, created_at, updated_at)
    values (?, ?, 'online', 'checked_out', ?, null, ?, ?, ?, ?)`);
  const order = conn.prepare(`insert into orders (id, organisation_id, number, basket_id, channel, status, customer_id, total, fee, fee_vat, fee_vat_rate,
    reservation_expires_at, created_by, created_at, paid_at, cancelled_at) values (?, ?, ?, ?, 'online', 'paid', null, ?, 0, 0, 600, null, ?, ?, ?, null)`);
  const ticket = conn.prepare(`insert into tickets (id, organisation_id, order_id, performance_id, item_id, ticket_type_id, dip_category, price, vat_rate, vat,
    fee, fee_vat, status, barcode, print_state, print_count, printed_at, created_at, cancelled_at)
    values (?, ?, ?, ?, ?, ?, 'normal', ?, 600, ?, 0, 0, 'valid', ?, 'none', 0, null, ?, null)`);
  const payment = conn.prepare(`insert into payments (id, organisation_id, order_id, kind, method, amount, reference, created_by, created_at, provider_status)
    values (?, ?, ?, 'payment', 'card', ?, null, ?, ?, null)`);
  const buy = conn.transaction((n: number): number => {
    const seats = choose(window.all(sale.performanceId) as Seat[], n);
    if (seats.length < n) return 0;
    const orderId = id();
    const basketId = id();
    const now = new Date().toISOString();
    const got = claimOf(n).run(orderId, sale.performanceId, ...seats.map((s) => s.item_id)).changes;
    if (got !== n) throw new Error('raw claim lost a seat on a database it has to itself');
    const amounts = seats.map((s) => Number(price.get(sale.performanceId, sale.ticketTypeId, s.rank)));
    const total = amounts.reduce((a, b) => a + b, 0);
    basket.run(basketId, sale.orgId, now, orderId, sale.userId, now, now);
    order.run(orderId, sale.orgId, barcode().slice(0, 9), basketId, total, sale.userId, now, now);
    seats.forEach((s, i) => ticket.run(id(), sale.orgId, orderId, sale.performanceId, s.item_id, sale.ticketTypeId, amounts[i],
      Math.round((amounts[i] * 600) / 10600), barcode(), now));
    payment.run(id(), sale.orgId, orderId, total, sale.userId, now);
    return n;
  });
  const r: RawResult = { seconds: 0, buys: 0, seatsSold: 0 };
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  try {
    for (let round = 0; performance.now() < deadline; round++) {
      let sold = buy.immediate(quantityOf(round, round));
      if (!sold) sold = buy.immediate(1);
      if (!sold) break;
      r.buys++;
      r.seatsSold += sold;
    }
  } finally {
    conn.close();
  }
  r.seconds = (performance.now() - started) / 1000;
  return r;
}

export async function rawPostgres(db: TestDatabase, sale: RawSale, maxSeconds: number, clients = Number(process.env.RAW_CLIENTS ?? 8)): Promise<RawResult> {
  const r: RawResult = { seconds: 0, buys: 0, seatsSold: 0 };
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  let soldOut = false;
  const buyer = async (n: number) => {
    const c = new pg.Client({ connectionString: db.databaseUrl });
    await c.connect();
    const q = (name: string, text: string, values: unknown[]) => c.query({ name, text, values });
    try {
      for (let round = 0; !soldOut && performance.now() < deadline; round++) {
        let want = quantityOf(n, round);
        await c.query('begin');
        try {
          const window = (await q('raw_window', `${WINDOW_SQL} for update skip locked`, [sale.performanceId])).rows as Seat[];
          if (window.length < want) want = window.length ? 1 : 0;
          if (!want) {
            await c.query('rollback');
            // Empty because the other connections hold the last free seats locked, or sold out?
            const left = await q('raw_left', "select 1 from inventory where performance_id = $1 and zone_id is null and status = 'free' limit 1", [sale.performanceId]);
            if (!left.rowCount) soldOut = true;
            continue;
          }
          const seats = choose(window, want);
          const orderId = id();
          const basketId = id();
          const now = new Date().toISOString();
          const ids = seats.map((s) => s.item_id);
          const got = await q('raw_claim', `update inventory set status = 'sold', order_id = $1, hold_id = null, hold_expires_at = null
            where performance_id = $2 and item_id = any($3::text[]) and status = 'free'`, [orderId, sale.performanceId, ids]);
          if (got.rowCount !== want) throw new Error('raw claim lost a seat it had locked');
          const prices = await q('raw_prices', 'select rank, amount from prices where performance_id = $1 and ticket_type_id = $2',
            [sale.performanceId, sale.ticketTypeId]);
          const priceOf = new Map(prices.rows.map((p: { rank: number; amount: number }) => [p.rank, Number(p.amount)]));
          const amounts = seats.map((s) => priceOf.get(s.rank)!);
          const total = amounts.reduce((a, b) => a + b, 0);
          await q('raw_basket', `insert into baskets (id, organisation_id, channel, status, expires_at, customer_id, order_id, created_by, created_at, updated_at)
            values ($1, $2, 'online', 'checked_out', $3, null, $4, $5, $3, $3)`, [basketId, sale.orgId, now, orderId, sale.userId]);
          await q('raw_order', `insert into orders (id, organisation_id, number, basket_id, channel, status, customer_id, total, fee, fee_vat, fee_vat_rate,
            reservation_expires_at, created_by, created_at, paid_at, cancelled_at) values ($1, $2, $3, $4, 'online', 'paid', null, $5, 0, 0, 600, null, $6, $7, $7, null)`,
          [orderId, sale.orgId, barcode().slice(0, 9), basketId, total, sale.userId, now]);
          await q('raw_tickets', `insert into tickets (id, organisation_id, order_id, performance_id, item_id, ticket_type_id, dip_category, price, vat_rate, vat,
            fee, fee_vat, status, barcode, print_state, print_count, printed_at, created_at, cancelled_at)
            select t.id, $1, $2, $3, t.item_id, $4, 'normal', t.price, 600, t.vat, 0, 0, 'valid', t.barcode, 'none', 0, null, $5, null
            from unnest($6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::text[]) as t(id, item_id, price, vat, barcode)`,
          [sale.orgId, orderId, sale.performanceId, sale.ticketTypeId, now, seats.map(() => id()), ids, amounts,
            amounts.map((a) => Math.round((a * 600) / 10600)), seats.map(() => barcode())]);
          await q('raw_payment', `insert into payments (id, organisation_id, order_id, kind, method, amount, reference, created_by, created_at, provider_status)
            values ($1, $2, $3, 'payment', 'card', $4, null, $5, $6, null)`, [id(), sale.orgId, orderId, total, sale.userId, now]);
          await c.query('commit');
          r.buys++;
          r.seatsSold += want;
        } catch (e) {
          await c.query('rollback').catch(() => undefined);
          throw e;
        }
      }
    } finally {
      await c.end();
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => buyer(i)));
  r.seconds = (performance.now() - started) / 1000;
  return r;
}
