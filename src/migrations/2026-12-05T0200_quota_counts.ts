// Frozen: never edit a migration that has shipped; add a new one.
// Quotas per ticket type (src/quotas) count the places of one type of one performance that are held,
// reserved or sold, inside the transaction of every sale of a type with a quota: these indexes keep
// that count to the lines and tickets of that type, never a whole performance.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('basket_lines_performance_type').on('basket_lines').columns(['performance_id', 'ticket_type_id']).execute();
  await db.schema.createIndex('tickets_performance_type').on('tickets').columns(['performance_id', 'ticket_type_id', 'status']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
