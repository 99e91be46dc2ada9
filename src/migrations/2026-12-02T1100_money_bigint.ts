// Frozen: never edit a migration that has shipped; add a new one.
// Every money column (euro cents) becomes 64-bit on PostgreSQL, where `integer` is 32-bit and a
// basket over 21,474,836.47 euro did not fit. SQLite's integers are 64-bit already.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const MONEY_COLUMNS: [table: string, column: string][] = [
  ['prices', 'amount'],
  ['basket_lines', 'price'],
  ['orders', 'total'],
  ['tickets', 'price'],
  ['payments', 'amount'],
  ['basket_line_uitpas', 'price'],
  ['basket_line_uitpas', 'regular_price'],
  ['uitpas_sales', 'price'],
  ['uitpas_sales', 'regular_price'],
  ['packs', 'price'],
  ['pack_holdings', 'price'],
  ['basket_packs', 'price'],
  ['streams', 'price'],
  ['basket_streams', 'price'],
  ['stream_purchases', 'price'],
  ['report_daily_sales', 'revenue'],
  ['report_performance_totals', 'sold_revenue'],
  ['report_customer_days', 'revenue'],
];

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const [table, column] of MONEY_COLUMNS) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type bigint`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
