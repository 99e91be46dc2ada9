// The UiTPAS client secret at rest: AES-256-GCM under a key derived from a server secret, so a copy
// of a settings row (a backup, a support dump) does not carry a usable credential.
import crypto from 'node:crypto';
import type { Db } from '../../platform/db.js';
import { serverSecret } from '../../platform/secrets.js';

const VERSION = 'v1';

async function key(db: Db, now: Date): Promise<Buffer> {
  return crypto.createHash('sha256').update(`uitpas-credentials:${await serverSecret(db, 'uitpas-credentials', now)}`).digest();
}

export async function sealSecret(db: Db, plain: string, now: Date): Promise<string> {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', await key(db, now), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(':');
}

export async function openSecret(db: Db, sealed: string, now: Date): Promise<string> {
  const [version, iv, tag, data] = sealed.split(':');
  if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('UiTPAS client secret is not in a known sealed format');
  const decipher = crypto.createDecipheriv('aes-256-gcm', await key(db, now), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
