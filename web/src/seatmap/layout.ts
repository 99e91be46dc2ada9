// Seat map geometry computed once per hall: flat seats with their row and section, row labels, bounds.
import type { SeatDef, SeatMapDef } from '../api/types.js';

export interface PlacedSeat extends SeatDef { section: string; row: string }
export interface Layout {
  seats: PlacedSeat[];
  /** The seats row by row: the map redraws a row only when one of its seats changes. */
  rows: { key: string; seats: PlacedSeat[] }[];
  byId: Map<string, PlacedSeat>;
  rowLabels: { key: string; label: string; x: number; y: number }[];
  sectionLabels: { name: string; x: number; y: number }[];
  viewBox: { x: number; y: number; w: number; h: number };
}

export const SEAT_SIZE = 24;

export function layoutOf(map: SeatMapDef): Layout {
  const seats: PlacedSeat[] = [];
  const rows: Layout['rows'] = [];
  const rowLabels: Layout['rowLabels'] = [];
  const sectionLabels: Layout['sectionLabels'] = [];
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const section of map.sections) {
    let sMinX = Infinity, sMinY = Infinity;
    for (const row of section.rows) {
      if (!row.seats.length) continue;
      let rMinX = Infinity, rY = 0;
      const rowSeats: PlacedSeat[] = [];
      rows.push({ key: `${section.name}/${row.label}`, seats: rowSeats });
      for (const s of row.seats) {
        const placed = { ...s, section: section.name, row: row.label };
        seats.push(placed);
        rowSeats.push(placed);
        rMinX = Math.min(rMinX, s.x); rY = s.y;
        minX = Math.min(minX, s.x); minY = Math.min(minY, s.y); maxX = Math.max(maxX, s.x); maxY = Math.max(maxY, s.y);
        sMinX = Math.min(sMinX, s.x); sMinY = Math.min(sMinY, s.y);
      }
      rowLabels.push({ key: `${section.name}/${row.label}`, label: row.label, x: rMinX - SEAT_SIZE, y: rY });
    }
    if (Number.isFinite(sMinX)) sectionLabels.push({ name: section.name, x: sMinX, y: sMinY - SEAT_SIZE });
  }
  if (!seats.length) { minX = minY = 0; maxX = maxY = 100; }
  const pad = SEAT_SIZE * 2;
  return {
    seats,
    rows,
    byId: new Map(seats.map((s) => [s.id, s])),
    rowLabels,
    sectionLabels,
    viewBox: { x: minX - pad, y: minY - pad, w: maxX - minX + 2 * pad, h: maxY - minY + 2 * pad },
  };
}
