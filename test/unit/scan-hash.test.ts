import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { barcodeHash as serverHash, normaliseBarcode } from '../../src/checkin/rules.js';
import { barcodeHash, normaliseCode, sha256Hex } from '../../web/scan/src/sha256.js';

describe("the scanner's own SHA-256", () => {
  it('agrees with node for short, long and non-ASCII input, and with the server for the offline list', () => {
    for (const s of ['', 'abc', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'é€漢字'.repeat(40), crypto.randomBytes(300).toString('base64')]) {
      expect(sha256Hex(s)).toBe(crypto.createHash('sha256').update(s).digest('hex'));
    }
    expect(barcodeHash('perf-1', 'ABCDEFGHJKMNPQRSTVWX')).toBe(serverHash('perf-1', 'ABCDEFGHJKMNPQRSTVWX'));
    for (const raw of ['  abc\r\n', '\u0007q1\t', 'ok']) expect(normaliseCode(raw)).toBe(normaliseBarcode(raw));
  });
});
