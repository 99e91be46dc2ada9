// Frozen: never edit a migration that has shipped; add a new one.
// A customer's phone number as digits only (src/customers/phone.ts), for search by phone; filled in
// for the customers there already are.
import type { Kysely } from 'kysely';

const BATCH = 500;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customers').addColumn('phone_digits', 'text').execute();
  await fillPhoneDigits(db);
}

/** Every customer with a phone number gets its digits (batched, so a large table is not read at once). */
export async function fillPhoneDigits(db: Kysely<any>): Promise<void> {
  for (let after = ''; ;) {
    const rows: { id: string; phone: string }[] = await db.selectFrom('customers').select(['id', 'phone'])
      .where('phone', 'is not', null).where('id', '>', after).orderBy('id').limit(BATCH).execute();
    if (!rows.length) break;
    for (const r of rows) {
      const digits = r.phone.replace(/\D/g, '');
      if (digits) await db.updateTable('customers').set({ phone_digits: digits }).where('id', '=', r.id).execute();
    }
    after = rows[rows.length - 1].id;
  }
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
