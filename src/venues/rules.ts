// Seat-map rules, without I/O: what makes a map valid, and how it becomes seat rows.
import type { FieldError } from '../platform/problems.js';

export const MIN_RANK = 1;
export const MAX_RANK = 10;

export interface SeatInput {
  id?: string;
  label: string;
  rank: number;
  x: number;
  y: number;
  wheelchair?: boolean;
  companion?: boolean;
  restrictedView?: boolean;
}
export interface RowInput {
  label: string;
  seats: SeatInput[];
}
export interface SectionInput {
  name: string;
  rows: RowInput[];
}
export interface ZoneInput {
  id?: string;
  name: string;
  capacity: number;
  rank?: number;
}
export interface SeatMapInput {
  sections: SectionInput[];
  zones?: ZoneInput[];
}

export interface SeatRow {
  id: string;
  section: string;
  row_label: string;
  seat_label: string;
  rank: number;
  x: number;
  y: number;
  wheelchair: number;
  companion: number;
  restricted_view: number;
  sort: number;
}
export interface ZoneRow {
  id: string;
  name: string;
  capacity: number;
  rank: number;
  sort: number;
}

const slug = (s: string) =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';

/** The id a seat gets when the map does not give one: stable as long as its labels stay. */
export const defaultSeatId = (section: string, row: string, seat: string): string =>
  `${slug(section)}-${slug(row)}-${slug(seat)}`;

const msg = (en: string, nl: string, fr: string) => ({ en, nl, fr });

export interface FlattenedMap {
  seats: SeatRow[];
  zones: ZoneRow[];
  errors: FieldError[];
}

/** Validates a seat map and flattens it into rows; errors name the offending element. */
export function flattenSeatMap(map: SeatMapInput, base = 'seatMap'): FlattenedMap {
  const errors: FieldError[] = [];
  const seats: SeatRow[] = [];
  const zones: ZoneRow[] = [];
  const seatIds = new Map<string, string>();
  const zoneIds = new Map<string, string>();
  const sectionNames = new Set<string>();

  map.sections.forEach((section, si) => {
    const sPath = `${base}/sections/${si}`;
    if (sectionNames.has(section.name)) {
      errors.push({ field: `${sPath}/name`, message: msg(`duplicate section "${section.name}"`, `dubbele sectie "${section.name}"`, `section "${section.name}" en double`) });
    }
    sectionNames.add(section.name);
    const rowLabels = new Set<string>();
    section.rows.forEach((row, ri) => {
      const rPath = `${sPath}/rows/${ri}`;
      if (row.seats.length === 0) {
        errors.push({ field: `${rPath}/seats`, message: msg(`row "${row.label}" has no seats`, `rij "${row.label}" heeft geen stoelen`, `le rang "${row.label}" n'a pas de sièges`) });
      }
      if (rowLabels.has(row.label)) {
        errors.push({ field: `${rPath}/label`, message: msg(`duplicate row "${row.label}" in section "${section.name}"`, `dubbele rij "${row.label}" in sectie "${section.name}"`, `rang "${row.label}" en double dans la section "${section.name}"`) });
      }
      rowLabels.add(row.label);
      const seatLabels = new Set<string>();
      row.seats.forEach((seat, pi) => {
        const pPath = `${rPath}/seats/${pi}`;
        const id = seat.id ?? defaultSeatId(section.name, row.label, seat.label);
        const firstAt = seatIds.get(id);
        if (firstAt) {
          errors.push({ field: `${pPath}/id`, message: msg(`duplicate seat id "${id}" (first at ${firstAt})`, `dubbele stoel-id "${id}" (eerst bij ${firstAt})`, `identifiant de siège "${id}" en double (d'abord à ${firstAt})`) });
        } else seatIds.set(id, pPath);
        if (seatLabels.has(seat.label)) {
          errors.push({ field: `${pPath}/label`, message: msg(`duplicate seat "${seat.label}" in row "${row.label}"`, `dubbele stoel "${seat.label}" in rij "${row.label}"`, `siège "${seat.label}" en double dans le rang "${row.label}"`) });
        }
        seatLabels.add(seat.label);
        if (!Number.isInteger(seat.rank) || seat.rank < MIN_RANK || seat.rank > MAX_RANK) {
          errors.push({ field: `${pPath}/rank`, message: msg(`rank must be ${MIN_RANK} to ${MAX_RANK}`, `rang moet ${MIN_RANK} tot ${MAX_RANK} zijn`, `le rang de prix doit être de ${MIN_RANK} à ${MAX_RANK}`) });
        }
        seats.push({
          id, section: section.name, row_label: row.label, seat_label: seat.label, rank: seat.rank,
          x: seat.x, y: seat.y, wheelchair: seat.wheelchair ? 1 : 0, companion: seat.companion ? 1 : 0,
          restricted_view: seat.restrictedView ? 1 : 0, sort: seats.length,
        });
      });
    });
  });

  (map.zones ?? []).forEach((zone, zi) => {
    const zPath = `${base}/zones/${zi}`;
    const id = zone.id ?? slug(zone.name);
    if (zoneIds.has(id) || seatIds.has(id)) {
      errors.push({ field: `${zPath}/id`, message: msg(`duplicate zone id "${id}"`, `dubbele zone-id "${id}"`, `identifiant de zone "${id}" en double`) });
    }
    zoneIds.set(id, zPath);
    zones.push({ id, name: zone.name, capacity: zone.capacity, rank: zone.rank ?? 1, sort: zi });
  });

  if (seats.length === 0 && zones.length === 0) {
    errors.push({ field: `${base}/sections`, message: msg('a hall needs at least one seat or zone', 'een zaal heeft minstens één stoel of zone nodig', 'une salle a besoin d’au moins un siège ou une zone') });
  }
  return { seats, zones, errors };
}

/** Seats or zones that a new map would drop while tickets or holds still use them. */
export function droppedInUse(inUse: Iterable<string>, next: FlattenedMap): string[] {
  const kept = new Set([...next.seats.map((s) => s.id), ...next.zones.map((z) => z.id)]);
  return [...inUse].filter((id) => !kept.has(id));
}

type Kept = Pick<SeatRow, 'id' | 'section' | 'row_label' | 'seat_label' | 'rank' | 'x' | 'y' | 'wheelchair' | 'companion' | 'restricted_view'>;
const zoneText = (zones: Pick<ZoneRow, 'name' | 'capacity'>[]) => zones.map((z) => `${z.name} ${z.capacity}`).join(', ') || null;

/** What a new seat map changes, for the audit trail: counts, not every seat. */
export function seatMapChanges(
  before: { seats: Kept[]; zones: Pick<ZoneRow, 'name' | 'capacity'>[] }, after: FlattenedMap,
): Record<string, [unknown, unknown]> {
  const old = new Map(before.seats.map((s) => [s.id, s]));
  const look = (s: Kept) => [s.section, s.row_label, s.seat_label, s.rank, s.x, s.y, s.wheelchair, s.companion, s.restricted_view].join('|');
  let added = 0, changed = 0;
  for (const s of after.seats) {
    const was = old.get(s.id);
    if (!was) added++;
    else if (look(was) !== look(s)) changed++;
  }
  const removed = before.seats.length - (after.seats.length - added);
  const out: Record<string, [unknown, unknown]> = {};
  if (before.seats.length !== after.seats.length) out.seatCount = [before.seats.length, after.seats.length];
  if (added) out.seatsAdded = [null, added];
  if (removed) out.seatsRemoved = [null, removed];
  if (changed) out.seatsChanged = [null, changed];
  const [zb, za] = [zoneText(before.zones), zoneText(after.zones)];
  if (zb !== za) out.zones = [zb, za];
  return out;
}
