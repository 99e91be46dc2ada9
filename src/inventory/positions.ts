// Where each seat stands in its row for best available: consecutive numbers for seats side by side,
// a skipped number where the seat map's geometry has an aisle or gap, so a party is never "adjacent"
// across it.

export interface PlacedSeat {
  rowKey: string;
  x: number;
  y: number;
}

/** A gap this many times the row's usual spacing between neighbours is an aisle. */
const AISLE_FACTOR = 1.5;

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
};

/** Positions for seats given in map order (row by row, left to right). */
export function rowPositions(seats: PlacedSeat[]): number[] {
  const byRow = new Map<string, number[]>();
  seats.forEach((s, i) => {
    const list = byRow.get(s.rowKey);
    if (list) list.push(i);
    else byRow.set(s.rowKey, [i]);
  });
  const pos = new Array<number>(seats.length).fill(0);
  for (const idx of byRow.values()) {
    const gaps = idx.slice(1).map((i, k) => Math.hypot(seats[i].x - seats[idx[k]].x, seats[i].y - seats[idx[k]].y));
    const usual = median(gaps.filter((g) => g > 0));
    let p = 0;
    idx.forEach((i, k) => {
      if (k > 0) p += usual > 0 && gaps[k - 1] > usual * AISLE_FACTOR ? 2 : 1;
      pos[i] = p;
    });
  }
  return pos;
}
