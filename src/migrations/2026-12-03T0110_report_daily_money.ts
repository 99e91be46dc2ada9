// Frozen: never edit a migration that has shipped; add a new one.
// The daily sales report's money lines (src/reports/money-events.ts): per local day, venue, channel,
// line (ticket, ticket_fee, order_fee), sale/refund and VAT rate, how many, the gross and its VAT.
// Days already rolled up have no such rows, so every organisation's rollup starts again: the
// worker's job (or the first report) rolls the history up anew, counting it live until then.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_daily_money')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('venue_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('vat_rate', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('vat', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_daily_money_pk', ['organisation_id', 'day', 'venue_id', 'channel', 'line', 'kind', 'vat_rate'])
    .execute();
  // order fees come back on the day their order is cancelled
  await db.schema.createIndex('orders_org_cancelled').on('orders').columns(['organisation_id', 'cancelled_at']).execute();
  for (const table of ['report_customer_days', 'report_performance_totals', 'report_daily_sales', 'report_rollups']) {
    await sql`delete from ${sql.table(table)}`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
