// Application keys of the catalogue API. The secret signs requests, so it must be readable again:
// it is stored encrypted (AES-256-GCM) under a server secret, and shown to the admin once.
import crypto from 'node:crypto';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { newId, randomToken } from '../platform/ids.js';
import { notFound } from '../platform/problems.js';
import { serverSecret } from '../platform/secrets.js';
import type { CatalogueKey } from './tables.js';

const KEY_SECRET = 'catalogue-key-encryption';

async function cipherKey(db: Db, now: Date): Promise<Buffer> {
  return crypto.createHash('sha256').update(await serverSecret(db, KEY_SECRET, now)).digest();
}

export async function encryptSecret(db: Db, secret: string, now: Date): Promise<string> {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', await cipherKey(db, now), iv);
  const body = Buffer.concat([c.update(secret, 'utf8'), c.final()]);
  return [iv, c.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export async function decryptSecret(db: Db, stored: string, now: Date): Promise<string> {
  const [iv, tag, body] = stored.split('.').map((p) => Buffer.from(p, 'base64url'));
  const d = crypto.createDecipheriv('aes-256-gcm', await cipherKey(db, now), iv);
  d.setAuthTag(tag);
  return Buffer.concat([d.update(body), d.final()]).toString('utf8');
}

export const keyView = (k: CatalogueKey) => ({
  id: k.id, label: k.label, publicKey: k.public_key, createdAt: k.created_at, revokedAt: k.revoked_at,
});

/** A new key; the answer is the only time the secret is shown. */
export async function createKey(ctx: Ctx, label: string) {
  const now = ctx.clock.now();
  const secret = randomToken(32);
  const key: CatalogueKey = {
    id: newId(), organisation_id: ctx.orgId, label, public_key: crypto.randomUUID().toUpperCase(),
    secret_enc: await encryptSecret(ctx.db, secret, now), created_by: ctx.actor.id, created_at: now.toISOString(), revoked_at: null,
  };
  await ctx.db.insertInto('catalogue_keys').values(key).execute();
  return { ...keyView(key), secret };
}

export async function listKeys(ctx: Ctx) {
  const rows = await ctx.db.selectFrom('catalogue_keys').selectAll().where('organisation_id', '=', ctx.orgId).orderBy('created_at').orderBy('id').execute();
  return rows.map(keyView);
}

export async function revokeKey(ctx: Ctx, id: string) {
  const k = await ctx.db.selectFrom('catalogue_keys').selectAll().where('id', '=', id).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!k) throw notFound('catalogue key');
  if (!k.revoked_at) {
    await ctx.db.updateTable('catalogue_keys').set({ revoked_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
  }
  return keyView({ ...k, revoked_at: k.revoked_at ?? ctx.clock.now().toISOString() });
}
