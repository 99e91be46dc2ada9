// Server-wide secrets live in the database so every Foyer process on one PostgreSQL agrees on them.
import { randomToken } from './ids.js';
import type { Db } from './db.js';

const cache = new WeakMap<Db, Map<string, string>>();

export async function serverSecret(db: Db, name: string, now: Date): Promise<string> {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const hit = perDb.get(name);
  if (hit) return hit;
  await db
    .insertInto('server_secrets')
    .values({ name, value: randomToken(48), created_at: now.toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  perDb.set(name, row.value);
  return row.value;
}
