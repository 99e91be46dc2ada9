import crypto from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A UUID version 7 (RFC 9562): 48 bits of milliseconds since 1970, then 74 random bits. Rows made
 * one after another get neighbouring keys, so the primary-key and foreign-key indexes of a busy
 * table (orders, tickets, baskets, payments) grow at their right edge: a commit writes a few hot
 * pages instead of one random page per index per row. Ids are identifiers, never secrets (tokens
 * are `randomToken`); what they reveal is the moment the row was made.
 */
export function newId(): string {
  const b = pooledRandomBytes(16);
  let ms = Date.now();
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = (from: number, to: number) => { let s = ''; for (let i = from; i < to; i++) s += HEX[b[i]]; return s; };
  return `${h(0, 4)}-${h(4, 6)}-${h(6, 8)}-${h(8, 10)}-${h(10, 16)}`;
}

// Random bytes from the system's generator, asked for 4 KiB at a time: a buy asks for a few dozen
// bytes at a time (an order number, a barcode per ticket), and each call to the generator costs
// more than the bytes it gives.
const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let used = POOL_SIZE;

/**
 * `n` (at most 4096) random bytes, in a view of a shared buffer: read them at once, before anything
 * else asks for random bytes; never keep or hand out the view. Each byte is handed out once.
 */
export function pooledRandomBytes(n: number): Uint8Array {
  if (n > POOL_SIZE) throw new RangeError(`pooledRandomBytes: ${n} > ${POOL_SIZE}`);
  if (used + n > POOL_SIZE) {
    crypto.randomFillSync(pool);
    used = 0;
  }
  const bytes = pool.subarray(used, used + n);
  used += n;
  return bytes;
}

/** A random token safe to put in a URL or header. */
export const randomToken = (bytes = 32): string => crypto.randomBytes(bytes).toString('base64url');

export const sha256 = (s: string): string => crypto.createHash('sha256').update(s).digest('hex');
