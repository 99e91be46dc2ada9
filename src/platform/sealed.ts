// Secrets Foyer must read again (a platform's client secret, a catalogue key's signing secret) are
// stored sealed: AES-256-GCM under a key derived from a server secret kept in the database, so a
// copy of a settings row (a backup, a support dump) does not carry a usable credential.
import crypto from 'node:crypto';
import type { Db } from './db.js';
import { serverSecret } from './secrets.js';

const VERSION = 'v1';

async function key(db: Db, purpose: string, now: Date): Promise<Buffer> {
  return crypto.createHash('sha256').update(`${purpose}:${await serverSecret(db, purpose, now)}`).digest();
}

export async function seal(db: Db, purpose: string, plain: string, now: Date): Promise<string> {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', await key(db, purpose, now), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(':');
}

export async function unseal(db: Db, purpose: string, sealed: string, now: Date): Promise<string> {
  const [version, iv, tag, data] = sealed.split(':');
  if (version !== VERSION || !iv || !tag || data === undefined) throw new Error(`${purpose}: not a sealed secret`);
  const decipher = crypto.createDecipheriv('aes-256-gcm', await key(db, purpose, now), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
