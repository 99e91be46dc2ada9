// The door of an on-sale rush (src/platform/gate.ts): bounded work, checkouts before holds before
// new baskets, and a full door answers busy.
import { describe, expect, it } from 'vitest';
import { SellingGate, type Lane } from '../../src/platform/gate.js';
import { Problem } from '../../src/platform/problems.js';

const later = () => {
  let release!: () => void;
  const done = new Promise<void>((r) => { release = r; });
  return { done, release };
};

describe('selling gate', () => {
  it('runs at most `limit` at once and hands freed slots to checkouts, then holds, then new baskets', async () => {
    const gate = new SellingGate(2, 100);
    const started: string[] = [];
    const blockers = [later(), later()];
    let running = 0;
    let peak = 0;
    const job = (name: string, lane: Lane, wait?: Promise<void>) => gate.run(lane, async () => {
      started.push(name);
      running++;
      peak = Math.max(peak, running);
      await (wait ?? Promise.resolve());
      running--;
    });
    const all = [job('a', 'enter', blockers[0].done), job('b', 'enter', blockers[1].done)];
    // arriving while both slots are busy, in this order
    all.push(job('basket', 'enter'), job('hold', 'hold'), job('checkout', 'checkout'));
    expect(gate.stats()).toEqual({ running: 2, waiting: { checkout: 1, hold: 1, enter: 1 } });
    blockers[0].release();
    blockers[1].release();
    await Promise.all(all);
    expect(started).toEqual(['a', 'b', 'checkout', 'hold', 'basket']);
    expect(peak).toBe(2);
    await new Promise((r) => setImmediate(r)); // the last slot is given back after a turn of the event loop
    expect(gate.stats()).toEqual({ running: 0, waiting: { checkout: 0, hold: 0, enter: 0 } });
  });

  it('answers busy to a new basket when the door is full, but never to a buyer already inside', async () => {
    const gate = new SellingGate(1, 1);
    const block = later();
    const first = gate.run('hold', () => block.done);
    const waiting = gate.run('enter', async () => 'in');
    await expect(gate.run('enter', async () => 'in')).rejects.toSatisfy((e: unknown) => e instanceof Problem && e.code === 'busy');
    const checkout = gate.run('checkout', async () => 'paid');
    block.release();
    await expect(Promise.all([first, waiting, checkout])).resolves.toEqual([undefined, 'in', 'paid']);
  });

  it('frees the slot when the work fails', async () => {
    const gate = new SellingGate(1, 10);
    await expect(gate.run('hold', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(gate.run('hold', async () => 'next')).resolves.toBe('next');
  });
  it('does not run the work of a caller who left while waiting at the door', async () => {
    const gate = new SellingGate(1, 10);
    const block = later();
    const first = gate.run('hold', () => block.done);
    let ran = false;
    let left = false;
    const waiting = gate.run('enter', async () => { ran = true; }, () => left);
    left = true;
    block.release();
    await first;
    await expect(waiting).rejects.toSatisfy((e: unknown) => e instanceof Problem && e.code === 'busy');
    expect(ran).toBe(false);
    await expect(gate.run('hold', async () => 'next')).resolves.toBe('next');
  });
});
