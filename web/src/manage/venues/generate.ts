// A section of rows and seats from a grid: rows A-Q (or 1-20), seats 1-30 numbered left to right,
// right to left, odd/even from the centre, or odd or even only; aisles as gaps; rows bent into a
// curve or staggered by half a seat. Rules without I/O.
import { ROW_PITCH, SEAT_PITCH, defaultSeatId, type Section } from './editmap.js';

export const NUMBERINGS = ['ltr', 'rtl', 'odd-even', 'odd', 'even'] as const;
export type Numbering = (typeof NUMBERINGS)[number];

export interface GridSpec {
  section: string;
  /** First and last row: letters (A..Q) or numbers (1..20). */
  firstRow: string;
  lastRow: string;
  seatsPerRow: number;
  numbering: Numbering;
  /** Gaps after these seat positions, counted from the left (1-based). */
  aisles: number[];
  /** Width of an aisle, in seats. */
  aisleWidth: number;
  /** How far the row ends rise above the middle, in seat widths (0: straight rows). */
  curve: number;
  /** Every other row shifted by half a seat. */
  stagger: boolean;
  rank: number;
  /** Top left of the section. */
  x: number;
  y: number;
}

export type GridProblem = 'rows' | 'seats' | 'section' | 'aisles';

const LETTERS = /^[A-Z]$/;
const MAX_ROWS = 100;
const MAX_SEATS = 200;

/** The labels from first to last: A..Q, or 1..20. */
export function rowLabels(first: string, last: string): string[] | undefined {
  const a = first.trim().toUpperCase(), b = last.trim().toUpperCase();
  if (LETTERS.test(a) && LETTERS.test(b) && a <= b) {
    return Array.from({ length: b.charCodeAt(0) - a.charCodeAt(0) + 1 }, (_, i) => String.fromCharCode(a.charCodeAt(0) + i));
  }
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && +a <= +b && +b - +a < MAX_ROWS) {
    return Array.from({ length: +b - +a + 1 }, (_, i) => String(+a + i));
  }
  return undefined;
}

/** Seat labels from left to right. */
export function seatLabels(n: number, numbering: Numbering): string[] {
  const pos = Array.from({ length: n }, (_, i) => i);
  switch (numbering) {
    case 'ltr': return pos.map((i) => String(i + 1));
    case 'rtl': return pos.map((i) => String(n - i));
    case 'odd': return pos.map((i) => String(2 * i + 1));
    case 'even': return pos.map((i) => String(2 * i + 2));
    case 'odd-even': {
      // From the centre outwards: odd numbers to the left (1 nearest the middle), even to the right.
      const left = Math.ceil(n / 2);
      return pos.map((i) => (i < left ? String(2 * (left - i) - 1) : String(2 * (i - left + 1))));
    }
  }
}

export function gridProblems(g: GridSpec): GridProblem[] {
  const out: GridProblem[] = [];
  if (!g.section.trim()) out.push('section');
  if (!rowLabels(g.firstRow, g.lastRow)) out.push('rows');
  if (!Number.isInteger(g.seatsPerRow) || g.seatsPerRow < 1 || g.seatsPerRow > MAX_SEATS) out.push('seats');
  if (g.aisles.some((a) => !Number.isInteger(a) || a < 1 || a >= g.seatsPerRow)) out.push('aisles');
  return out;
}

/** "10, 20" -> [10, 20]; anything that is not a whole number is kept as NaN so gridProblems names it. */
export const parseAisles = (text: string): number[] =>
  text.split(/[\s,;]+/).filter(Boolean).map((t) => (/^\d+$/.test(t) ? +t : NaN));

export function generateSection(g: GridSpec): Section {
  const labels = rowLabels(g.firstRow, g.lastRow) ?? [];
  const seats = seatLabels(g.seatsPerRow, g.numbering);
  const gaps = [...new Set(g.aisles)].sort((a, b) => a - b);
  // x of each seat position within a row, aisles included
  const xs = seats.map((_, i) => (i + gaps.filter((a) => a <= i).length * g.aisleWidth) * SEAT_PITCH);
  const width = xs.length ? xs[xs.length - 1] : 0;
  const rise = g.curve * SEAT_PITCH;
  return {
    name: g.section.trim(),
    rows: labels.map((row, r) => ({
      label: row,
      seats: seats.map((label, i) => {
        const t = width ? (xs[i] - width / 2) / (width / 2) : 0; // -1 .. 1 across the row
        return {
          id: defaultSeatId(g.section.trim(), row, label), label, rank: g.rank,
          x: Math.round(g.x + xs[i] + (g.stagger && r % 2 === 1 ? SEAT_PITCH / 2 : 0)),
          y: Math.round(g.y + r * ROW_PITCH + rise - rise * t * t),
          wheelchair: false, companion: false, restrictedView: false,
        };
      }),
    })),
  };
}
