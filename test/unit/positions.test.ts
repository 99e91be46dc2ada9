// Seat positions in a row: an aisle in the seat map's geometry is a gap best available will not span.
import { describe, expect, it } from 'vitest';
import { rowPositions } from '../../src/inventory/positions.js';

describe('rowPositions', () => {
  it('numbers seats side by side consecutively and skips one at an aisle', () => {
    const xs = [0, 30, 60, 90, 170, 200, 230];
    expect(rowPositions(xs.map((x) => ({ rowKey: 'A', x, y: 0 })))).toEqual([0, 1, 2, 3, 5, 6, 7]);
  });

  it('follows a curved row by distance, and counts each row on its own', () => {
    const curve = [0, 1, 2, 3].map((i) => ({ rowKey: 'B', x: i * 28, y: Math.abs(i - 1.5) * 10 }));
    const wide = [0, 60, 120].map((x) => ({ rowKey: 'R', x, y: 500 }));
    expect(rowPositions([...curve, ...wide])).toEqual([0, 1, 2, 3, 0, 1, 2]);
  });
});
