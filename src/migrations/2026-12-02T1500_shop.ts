// Frozen: never edit a migration that has shipped; add a new one.
// The public web shop: a unique slug per organisation (its shop lives at /shop/<slug>/), the shop's
// settings, the anonymous buyers' basket tokens, and one customer per e-mail address for the shop.
import type { Kysely } from 'kysely';

/** "Stadsschouwburg Utrecht" -> "stadsschouwburg-utrecht" (as the shop's rules did when this shipped). */
function slugOf(name: string): string {
  const s = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return s || 'theater';
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('slug', 'text').execute();
  const orgs = await db.selectFrom('organisations').select(['id', 'name']).orderBy('created_at').orderBy('id').execute();
  const taken = new Set<string>();
  for (const o of orgs as { id: string; name: string }[]) {
    // The demo organisation of `npm start` gets the short address the README shows.
    const base = o.name === 'Demo Schouwburg' && !taken.has('demo') ? 'demo' : slugOf(o.name);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    await db.updateTable('organisations').set({ slug }).where('id', '=', o.id).execute();
  }
  await db.schema.createIndex('organisations_slug').on('organisations').column('slug').unique().execute();

  await db.schema.createTable('shop_settings')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('logo_url', 'text')
    .addColumn('colour', 'text')
    .addColumn('embed_origins', 'text', (c) => c.notNull())
    .addColumn('terms_url', 'text')
    .addColumn('max_places', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // An existing demo database gets its shop switched on, as a fresh `npm start` does.
  const demo = await db.selectFrom('organisations').select('id').where('slug', '=', 'demo').executeTakeFirst();
  if (demo) {
    await db.insertInto('shop_settings').values({
      organisation_id: (demo as { id: string }).id, enabled: 1, display_name: null, logo_url: null, colour: '#8e1537',
      embed_origins: '[]', terms_url: null, max_places: 10, updated_at: new Date().toISOString(),
    }).execute();
  }

  // A buyer's basket: the browser keeps a random token, Foyer only its hash.
  await db.schema.createTable('shop_baskets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('basket_id', 'text', (c) => c.notNull().unique().references('baskets.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('buyer_name', 'text')
    .addColumn('buyer_email', 'text')
    .addColumn('buyer_phone', 'text')
    .addColumn('language', 'text')
    .addColumn('newsletter', 'integer', (c) => c.notNull())
    .addColumn('terms_accepted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // One person, one customer: the shop matches buyers by e-mail, and this key decides between two
  // first purchases with the same address that arrive at once (on any number of processes).
  await db.schema.createTable('customer_email_keys')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addPrimaryKeyConstraint('customer_email_keys_pk', ['organisation_id', 'email'])
    .execute();

  await db.schema.alterTable('customers').addColumn('language', 'text').execute();
  await db.schema.alterTable('customers').addColumn('newsletter_opt_in_at', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Foyer migrations only go forward');
}
