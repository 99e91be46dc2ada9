// Frozen: never edit a migration that has shipped; add a new one.
// Indexes for the reports (src/reports): sales by the moment of payment, cancellations by their
// moment, and the valid tickets of performances summed from the index alone.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('orders_org_paid').on('orders').columns(['organisation_id', 'paid_at']).execute();
  await db.schema.createIndex('tickets_org_cancelled').on('tickets').columns(['organisation_id', 'cancelled_at']).execute();
  await db.schema.createIndex('tickets_report_performance').on('tickets')
    .columns(['performance_id', 'status', 'ticket_type_id', 'dip_category', 'print_state', 'price']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
