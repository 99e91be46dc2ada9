// Application keys of the catalogue API. The secret signs requests, so it must be readable again:
// it is stored sealed (platform/sealed.ts), and shown to the admin once.
import crypto from 'node:crypto';
import { audit } from '../audit/service.js';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { newId, randomToken } from '../platform/ids.js';
import { notFound } from '../platform/problems.js';
import { seal, unseal } from '../platform/sealed.js';
import type { CatalogueKey } from './tables.js';

const PURPOSE = 'catalogue-key-encryption';

export const encryptSecret = (db: Db, secret: string, now: Date): Promise<string> => seal(db, PURPOSE, secret, now);
export const decryptSecret = (db: Db, stored: string, now: Date): Promise<string> => unseal(db, PURPOSE, stored, now);

export const keyView = (k: CatalogueKey) => ({
  id: k.id, label: k.label, publicKey: k.public_key, createdAt: k.created_at, lastUsedAt: k.last_used_at, revokedAt: k.revoked_at,
});

/** A new key; the answer is the only time the secret is shown. */
export async function createKey(ctx: Ctx, label: string) {
  const now = ctx.clock.now();
  const secret = randomToken(32);
  const key: CatalogueKey = {
    id: newId(), organisation_id: ctx.orgId, label, public_key: crypto.randomUUID().toUpperCase(),
    secret_enc: await encryptSecret(ctx.db, secret, now), created_by: ctx.actor.id, created_at: now.toISOString(), revoked_at: null, last_used_at: null,
  };
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('catalogue_keys').values(key).execute();
    await audit(tx, ctx, { subject: 'api-client', subjectId: key.id, action: 'created', label: label, before: null, after: { catalogueKey: key.public_key } });
  });
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
    await ctx.db.transaction().execute(async (tx) => {
      await tx.updateTable('catalogue_keys').set({ revoked_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
      await audit(tx, ctx, { subject: 'api-client', subjectId: id, action: 'revoked', label: k.label, changes: { revoked: [false, true] } });
    });
  }
  return keyView({ ...k, revoked_at: k.revoked_at ?? ctx.clock.now().toISOString() });
}

/** How stale a key's last use may be: the write is skipped while the stored one is this recent. */
export const LAST_USED_PRECISION_MS = 60_000;

/**
 * Records that a key signed a request at `now`. At most one write a minute per key: the stored time is
 * compared first, so busy sites and apps (a rush on /v1 stocks) do not write on every call.
 */
export async function noteKeyUsed(db: Db, key: Pick<CatalogueKey, 'id' | 'last_used_at'>, now: Date): Promise<void> {
  if (key.last_used_at && now.getTime() - Date.parse(key.last_used_at) < LAST_USED_PRECISION_MS) return;
  await db.updateTable('catalogue_keys').set({ last_used_at: now.toISOString() }).where('id', '=', key.id).execute();
}
