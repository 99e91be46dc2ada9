// Utick application access: signature = hex HMAC-SHA256(publickey + timestamp) keyed with the secret.
import crypto from 'node:crypto';
import type { Db } from '../platform/db.js';
import { decryptSecret, noteKeyUsed } from './keys.js';
import { UtickError } from './envelope.js';

/** How far a request's timestamp may be from the server's clock. */
export const TIMESTAMP_WINDOW_MS = 5 * 60_000;

export const sign = (publicKey: string, timestamp: string, secret: string): string =>
  crypto.createHmac('sha256', secret).update(publicKey + timestamp).digest('hex');

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/** The key and organisation the signed request acts for; a UtickError when the request is not signed right. */
export async function authenticateApplication(db: Db, params: Record<string, unknown>, now: Date): Promise<{ orgId: string; keyId: string; keyLabel: string }> {
  const publicKey = typeof params.publickey === 'string' ? params.publickey : '';
  const timestamp = typeof params.timestamp === 'string' ? params.timestamp : '';
  const signature = typeof params.signature === 'string' ? params.signature.toLowerCase() : '';
  if (!publicKey || !timestamp || !signature) throw new UtickError(401, 'credentials-required');
  if (!ISO_WITH_OFFSET.test(timestamp) || Number.isNaN(Date.parse(timestamp))) throw new UtickError(401, 'timestamp-format');
  if (Math.abs(Date.parse(timestamp) - now.getTime()) > TIMESTAMP_WINDOW_MS) throw new UtickError(401, 'timestamp-stale');
  const key = await db.selectFrom('catalogue_keys').selectAll().where('public_key', '=', publicKey.toUpperCase()).executeTakeFirst();
  if (!key || key.revoked_at) throw new UtickError(401, 'key-unknown');
  const expected = Buffer.from(sign(publicKey, timestamp, await decryptSecret(db, key.secret_enc, now)), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw new UtickError(401, 'bad-signature');
  await noteKeyUsed(db, key, now);
  return { orgId: key.organisation_id, keyId: key.id, keyLabel: key.label };
}
