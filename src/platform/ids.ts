import crypto from 'node:crypto';

export const newId = (): string => crypto.randomUUID();

/** A random token safe to put in a URL or header. */
export const randomToken = (bytes = 32): string => crypto.randomBytes(bytes).toString('base64url');

export const sha256 = (s: string): string => crypto.createHash('sha256').update(s).digest('hex');
