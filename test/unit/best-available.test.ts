// Best available: adjacent seats in one row where possible, no single empty seat left between taken
// ones when that can be avoided, best rank, front rows and the centre first; across rows otherwise.
import { describe, expect, it } from 'vitest';
import { chooseSeats, type FreeSeat, type RowExtent } from '../../src/inventory/best-available.js';

/**
 * A hall from pictures, front row first: '.' a free seat, 'x' a taken one. Seat ids are
 * "<row>-<position>" with rows numbered from 1 and positions from 0.
 */
function hall(rows: string[], ranks: number[] = rows.map(() => 1)) {
  const free: FreeSeat[] = [];
  const extents = new Map<string, RowExtent>();
  rows.forEach((pic, r) => {
    const rowKey = `Zaal\u0000${r + 1}`;
    extents.set(rowKey, { minPos: 0, maxPos: pic.length - 1 });
    [...pic].forEach((ch, pos) => {
      if (ch === '.') free.push({ itemId: `${r + 1}-${pos}`, rowKey, pos, sort: r * 100 + pos, rank: ranks[r] });
    });
  });
  return { free, extents };
}

const pick = (rows: string[], n: number, ranks?: number[]) => {
  const h = hall(rows, ranks);
  return chooseSeats(h.free, h.extents, n)?.map((s) => s.itemId).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
};

describe('chooseSeats', () => {
  it('takes adjacent seats in the centre of the front row of an empty hall', () => {
    expect(pick(['..........', '..........'], 2)).toEqual(['1-4', '1-5']);
    expect(pick(['.........', '.........'], 3)).toEqual(['1-3', '1-4', '1-5']);
  });

  it('keeps the group together in a row behind rather than splitting it in the front row', () => {
    expect(pick(['..xxxxxx..', '..........'], 4)).toEqual(['2-3', '2-4', '2-5', '2-6']);
  });

  it('does not leave a single empty seat next to the group when a choice without one exists', () => {
    // Front row: free 1..5. Taking 1-3 or 3-5 leaves no lone seat; 2-4 would leave 1 and 5 alone.
    expect(pick(['x.....xxxx'], 3)).toEqual(['1-3', '1-4', '1-5']);
    // Front row has exactly four free together: any three leave one alone, so row 2 is taken.
    expect(pick(['xxxx....xx', '..........'], 3)).toEqual(['2-3', '2-4', '2-5']);
    // A lone seat at the row's end counts too.
    expect(pick(['...xxxxxxx', 'xxxxxx....'], 2)).toEqual(['2-6', '2-7']);
  });

  it('leaves a single seat only when nothing else is possible', () => {
    expect(pick(['xxx...xxxx'], 2)).toHaveLength(2);
    const two = pick(['xxx...xxxx'], 2)!;
    expect(Math.abs(Number(two[0].split('-')[1]) - Number(two[1].split('-')[1]))).toBe(1);
  });

  it('prefers the best (lowest) rank, then the front, then the centre', () => {
    // Row 1 is rank 2, row 2 rank 1: rank beats being in front.
    expect(pick(['..........', '..........'], 2, [2, 1])).toEqual(['2-4', '2-5']);
    // Same rank: the front row wins even off-centre, as near the centre as it can.
    expect(pick(['......xxxx', '..........'], 2)).toEqual(['1-4', '1-5']);
    expect(pick(['..xxxxxxxx', '..........'], 2)).toEqual(['1-0', '1-1']);
  });

  it('falls back across rows when no row has the whole group, in as few adjacent blocks as possible', () => {
    // Three free together in each row, five wanted: three in row 1 and two together in row 2.
    const got = pick(['xxx...xxxx', 'xxx...xxxx', 'xxx...xxxx'], 5)!;
    expect(got.filter((s) => s.startsWith('1-'))).toEqual(['1-3', '1-4', '1-5']);
    const second = got.filter((s) => !s.startsWith('1-'));
    expect(second).toHaveLength(2);
    expect(new Set(second.map((s) => s.split('-')[0])).size).toBe(1);
    const pos = second.map((s) => Number(s.split('-')[1]));
    expect(Math.abs(pos[0] - pos[1])).toBe(1);
  });

  it('in the fallback does not scatter a group over lone seats when larger blocks exist', () => {
    // Row 1 has only lone seats; row 3 has three together; four wanted: the three plus one seat.
    const got = pick(['.x.x.x.x.x', 'xxxxxxxxxx', 'xxx...xxxx'], 4)!;
    expect(got.filter((s) => s.startsWith('3-'))).toEqual(['3-3', '3-4', '3-5']);
    expect(got).toHaveLength(4);
  });

  it('answers nothing when there are not enough free seats, and nothing for zero', () => {
    expect(pick(['xx..xx'], 3)).toBeUndefined();
    expect(pick(['......'], 0)).toBeUndefined();
  });

  it('with spread, picks among the best rows of the same rank only', () => {
    const h = hall(['..........', '..........', '..........'], [1, 1, 2]);
    const rows = new Set<string>();
    for (const r of [0, 0.3, 0.6, 0.99]) rows.add(chooseSeats(h.free, h.extents, 2, 4, () => r)![0].itemId.split('-')[0]);
    expect([...rows].sort()).toEqual(['1', '2']);
  });
});
