// Frozen: never edit a migration that has shipped; add a new one.
// Names, titles and search text in Unicode NFC, as Foyer now stores all text it is sent: a name
// stored decomposed (o + U+0308) before this is found by a search for the composed "Zoë".
import type { Kysely } from 'kysely';

const COLUMNS: Record<string, string[]> = {
  organisations: ['name'],
  users: ['name'],
  venues: ['name', 'address', 'city'],
  halls: ['name'],
  productions: ['title', 'producer', 'description'],
  ticket_types: ['name_nl', 'name_fr', 'name_en'],
  customers: ['name', 'city', 'search'],
};
const PAGE = 1000;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, columns] of Object.entries(COLUMNS)) {
    for (let after = ''; ;) {
      const rows = await db.selectFrom(table).select(['id', ...columns]).where('id', '>', after).orderBy('id').limit(PAGE).execute();
      for (const row of rows) {
        const changed = Object.fromEntries(columns.filter((c) => typeof row[c] === 'string' && row[c] !== row[c].normalize('NFC'))
          .map((c) => [c, (row[c] as string).normalize('NFC')]));
        if (Object.keys(changed).length) await db.updateTable(table).set(changed).where('id', '=', row.id).execute();
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].id;
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
