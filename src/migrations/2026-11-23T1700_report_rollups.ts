// Frozen: never edit a migration that has shipped; add a new one.
// Rollups of closed days for the reports (src/reports/rollup.ts): what was sold, refunded and
// reserved up to the end of a closed local day never changes afterwards, so it is summed once.
//   report_rollups             per organisation: every local day up to `through` is rolled up
//   report_daily_sales         per day, venue, ticket type, DIP category, channel, payment method, sale/refund
//   report_performance_totals  per performance, ticket type, DIP category: net sold and reserved so far
//   report_customer_days       per venue ('' = all venues), day of payment, customer: net orders, tickets, revenue
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_rollups')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('through', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report_daily_sales')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('venue_id', 'text', (c) => c.notNull())
    .addColumn('ticket_type_id', 'text', (c) => c.notNull())
    .addColumn('dip_category', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('payment_method', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('tickets', 'integer', (c) => c.notNull())
    .addColumn('revenue', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_daily_sales_pk',
      ['organisation_id', 'day', 'venue_id', 'ticket_type_id', 'dip_category', 'channel', 'payment_method', 'kind'])
    .execute();

  await db.schema
    .createTable('report_performance_totals')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('performance_id', 'text', (c) => c.notNull())
    .addColumn('ticket_type_id', 'text', (c) => c.notNull())
    .addColumn('dip_category', 'text', (c) => c.notNull())
    .addColumn('sold_tickets', 'integer', (c) => c.notNull())
    .addColumn('sold_revenue', 'integer', (c) => c.notNull())
    .addColumn('reserved_tickets', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_performance_totals_pk', ['performance_id', 'ticket_type_id', 'dip_category'])
    .execute();

  await db.schema
    .createTable('report_customer_days')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('venue_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('orders', 'integer', (c) => c.notNull())
    .addColumn('tickets', 'integer', (c) => c.notNull())
    .addColumn('revenue', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_customer_days_pk', ['organisation_id', 'venue_id', 'day', 'customer_id'])
    .execute();
  // a long period is summed per customer in this order, from the index alone, without hashing or sorting
  await db.schema.createIndex('report_customer_days_customer').on('report_customer_days')
    .columns(['organisation_id', 'venue_id', 'customer_id', 'day', 'orders', 'tickets', 'revenue']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
