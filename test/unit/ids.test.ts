// Record ids are UUIDs of version 7: valid UUIDs that sort in the order they were made, so a busy
// table's indexes grow at one end (see src/platform/ids.ts), and never the same twice.
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('is a version 7 UUID that carries the millisecond it was made', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    expect(id).toMatch(UUID_V7);
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after);
  });

  it('sorts ids made in later milliseconds after earlier ones, and repeats none of 100,000', async () => {
    const first = newId();
    await new Promise((r) => setTimeout(r, 3));
    const second = newId();
    expect(first < second).toBe(true);
    const many = Array.from({ length: 100_000 }, newId);
    expect(new Set(many).size).toBe(many.length);
    expect(many.every((id) => UUID_V7.test(id))).toBe(true);
  });
});
