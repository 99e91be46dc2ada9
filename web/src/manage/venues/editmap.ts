// The seat map as the editor holds it: the API's own shape (sections -> rows -> seats, zones), every
// seat with its id so the preview can pick it. Rules without I/O.
import { defaultSeatId } from '../../../../src/venues/rules.js';
import type { SeatDef } from '../../api/types.js';

export { defaultSeatId };
export const MIN_RANK = 1;
export const MAX_RANK = 10;
/** Seat and row pitch of generated maps, in map units (a seat is drawn 24 wide). */
export const SEAT_PITCH = 30;
export const ROW_PITCH = 34;

export type Seat = SeatDef;
export interface Row { label: string; seats: Seat[] }
export interface Section { name: string; rows: Row[] }
export interface Zone { id?: string; name: string; capacity: number; rank: number }
export interface EditMap { sections: Section[]; zones: Zone[] }

export const emptyMap = (): EditMap => ({ sections: [], zones: [] });

export const allSeats = (m: EditMap): Seat[] => m.sections.flatMap((s) => s.rows.flatMap((r) => r.seats));
export const seatCount = (m: EditMap): number => allSeats(m).length;
export const zoneCapacity = (m: EditMap): number => m.zones.reduce((n, z) => n + z.capacity, 0);

/** The lowest free y below the seats already there (a new section goes underneath). */
export function nextFreeY(m: EditMap): number {
  const seats = allSeats(m);
  return seats.length ? Math.max(...seats.map((s) => s.y)) + ROW_PITCH * 2 : 0;
}

/** Changes every seat for which `pick` is true; rows and sections keep their order. */
export function mapSeats(m: EditMap, pick: (s: Seat) => boolean, change: (s: Seat) => Seat): EditMap {
  return {
    ...m,
    sections: m.sections.map((sec) => ({ ...sec, rows: sec.rows.map((r) => ({ ...r, seats: r.seats.map((s) => (pick(s) ? change(s) : s)) })) })),
  };
}

/** Removes the picked seats, and rows and sections left empty. */
export function removeSeats(m: EditMap, pick: (s: Seat) => boolean): EditMap {
  return {
    ...m,
    sections: m.sections
      .map((sec) => ({ ...sec, rows: sec.rows.map((r) => ({ ...r, seats: r.seats.filter((s) => !pick(s)) })).filter((r) => r.seats.length) }))
      .filter((sec) => sec.rows.length),
  };
}

/** Coordinates as the API takes them: whole numbers, none below 0 (the map moves as a whole). */
export function normalised(m: EditMap): EditMap {
  const seats = allSeats(m);
  if (!seats.length) return m;
  const dx = Math.min(0, ...seats.map((s) => Math.round(s.x))), dy = Math.min(0, ...seats.map((s) => Math.round(s.y)));
  return mapSeats(m, () => true, (s) => ({ ...s, x: Math.round(s.x) - dx, y: Math.round(s.y) - dy }));
}

/** The body the API takes (PATCH/POST seatMap). */
export function apiSeatMap(m: EditMap) {
  const n = normalised(m);
  return {
    sections: n.sections.map((sec) => ({ name: sec.name, rows: sec.rows.map((r) => ({ label: r.label, seats: r.seats.map((s) => ({ ...s })) })) })),
    zones: n.zones.map((z) => ({ ...(z.id ? { id: z.id } : {}), name: z.name, capacity: z.capacity, rank: z.rank })),
  };
}

/** The map as the API answers it, with ids everywhere. */
export function fromApi(map: { sections: Section[]; zones?: { id?: string; name: string; capacity: number; rank?: number | null }[] }): EditMap {
  return {
    sections: map.sections.map((sec) => ({
      name: sec.name,
      rows: sec.rows.map((r) => ({
        label: r.label,
        seats: r.seats.map((s) => ({
          id: s.id || defaultSeatId(sec.name, r.label, s.label), label: s.label, rank: s.rank, x: s.x, y: s.y,
          wheelchair: !!s.wheelchair, companion: !!s.companion, restrictedView: !!s.restrictedView,
        })),
      })),
    })),
    zones: (map.zones ?? []).map((z) => ({ ...(z.id ? { id: z.id } : {}), name: z.name, capacity: z.capacity, rank: z.rank ?? 1 })),
  };
}

/** The seat at a field error's path ("seatMap/sections/0/rows/2/seats/5/label"), if it names one. */
export function seatAtPath(m: EditMap, field: string): Seat | undefined {
  const p = /sections\/(\d+)\/rows\/(\d+)\/seats\/(\d+)/.exec(field);
  if (p) return m.sections[+p[1]]?.rows[+p[2]]?.seats[+p[3]];
  const r = /sections\/(\d+)\/rows\/(\d+)/.exec(field);
  return r ? m.sections[+r[1]]?.rows[+r[2]]?.seats[0] : undefined;
}
