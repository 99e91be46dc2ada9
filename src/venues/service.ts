import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { Problem, invalid, notFound } from '../platform/problems.js';
import type { TimeZone } from '../platform/time.js';
import { audit } from '../audit/service.js';
import { logoErrors, logoSummary } from './branding.js';
import { droppedInUse, flattenSeatMap, seatMapChanges, type SeatMapInput } from './rules.js';
import { findHall, findVenue, hallSeats, hallZones, replaceSeatMap } from './store.js';
import { itemsInUse, syncInventory } from '../inventory/store.js';
import type { Hall, HallSeat, HallZone, Venue } from './tables.js';
import { forgetSaleTerms } from '../platform/sale-terms-cache.js';

export interface VenueInput {
  name: string;
  address: string;
  postalCode: string;
  city: string;
  country: string;
  timeZone: TimeZone;
  colour?: string | null;
  logo?: string | null;
}

export const venueView = (v: Venue) => ({
  id: v.id, name: v.name, address: v.address, postalCode: v.postal_code, city: v.city,
  country: v.country, timeZone: v.time_zone, colour: v.colour, logo: v.logo,
});

/** A venue as the audit trail keeps it: the logo as its kind and size. */
const venueAudit = (v: Venue) => ({ ...venueView(v), id: undefined, logo: logoSummary(v.logo) });

export async function listVenues(ctx: Ctx) {
  const rows = await ctx.db.selectFrom('venues').selectAll().where('organisation_id', '=', ctx.orgId).orderBy('name').execute();
  return rows.map(venueView);
}

export async function getVenue(ctx: Ctx, id: string): Promise<Venue> {
  const v = await findVenue(ctx.db, ctx.orgId, id);
  if (!v) throw notFound('venue');
  return v;
}

export async function createVenue(ctx: Ctx, input: VenueInput) {
  const errors = logoErrors(input.logo);
  if (errors.length) throw invalid(errors);
  const venue: Venue = {
    id: newId(), organisation_id: ctx.orgId, name: input.name, address: input.address,
    postal_code: input.postalCode, city: input.city, country: input.country, time_zone: input.timeZone,
    colour: input.colour?.toLowerCase() ?? null, logo: input.logo ?? null,
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('venues').values(venue).execute();
    await audit(tx, ctx, { subject: 'venue', subjectId: venue.id, action: 'created', label: venue.name, before: null, after: venueAudit(venue) });
  });
  return venueView(venue);
}

export async function updateVenue(ctx: Ctx, id: string, input: Partial<VenueInput>) {
  await getVenue(ctx, id);
  const errors = logoErrors(input.logo);
  if (errors.length) throw invalid(errors);
  const patch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.address !== undefined ? { address: input.address } : {}),
    ...(input.postalCode !== undefined ? { postal_code: input.postalCode } : {}),
    ...(input.city !== undefined ? { city: input.city } : {}),
    ...(input.country !== undefined ? { country: input.country } : {}),
    ...(input.timeZone !== undefined ? { time_zone: input.timeZone } : {}),
    ...(input.colour !== undefined ? { colour: input.colour?.toLowerCase() ?? null } : {}),
    ...(input.logo !== undefined ? { logo: input.logo } : {}),
  };
  if (Object.keys(patch).length) {
    await ctx.db.transaction().execute(async (tx) => {
      const before = await findVenue(tx, ctx.orgId, id);
      if (!before) throw notFound('venue');
      await tx.updateTable('venues').set(patch).where('id', '=', id).where('organisation_id', '=', ctx.orgId).execute();
      const after = { ...before, ...patch };
      await audit(tx, ctx, { subject: 'venue', subjectId: id, action: 'changed', label: after.name, before: venueAudit(before), after: venueAudit(after) });
    });
    forgetSaleTerms();
  }
  return venueView(await getVenue(ctx, id));
}

// --- halls ---------------------------------------------------------------------------------

export function seatMapView(seats: HallSeat[], zones: HallZone[]) {
  const sections: { name: string; rows: { label: string; seats: ReturnType<typeof seatView>[] }[] }[] = [];
  for (const s of seats) {
    let section = sections.find((x) => x.name === s.section);
    if (!section) sections.push((section = { name: s.section, rows: [] }));
    let row = section.rows.find((r) => r.label === s.row_label);
    if (!row) section.rows.push((row = { label: s.row_label, seats: [] }));
    row.seats.push(seatView(s));
  }
  return {
    sections,
    zones: zones.map((z) => ({ id: z.id, name: z.name, capacity: z.capacity, rank: z.rank })),
  };
}

export const seatView = (s: HallSeat) => ({
  id: s.id, label: s.seat_label, rank: s.rank, x: s.x, y: s.y,
  wheelchair: s.wheelchair === 1, companion: s.companion === 1, restrictedView: s.restricted_view === 1,
});

export const hallView = (h: Hall, seatCount: number, zoneCapacity: number) => ({
  id: h.id, venueId: h.venue_id, name: h.name, seatCount, zoneCapacity, capacity: seatCount + zoneCapacity,
});

export async function getHall(ctx: Ctx, id: string): Promise<Hall> {
  const h = await findHall(ctx.db, ctx.orgId, id);
  if (!h) throw notFound('hall');
  return h;
}

async function hallSummary(ctx: Ctx, h: Hall) {
  const [seats, zones] = await Promise.all([
    ctx.db.selectFrom('hall_seats').select((eb) => eb.fn.countAll<number>().as('n')).where('hall_id', '=', h.id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('hall_zones').select((eb) => eb.fn.sum<number>('capacity').as('n')).where('hall_id', '=', h.id).executeTakeFirstOrThrow(),
  ]);
  return hallView(h, Number(seats.n), Number(zones.n ?? 0));
}

export async function listHalls(ctx: Ctx, venueId: string) {
  await getVenue(ctx, venueId);
  const halls = await ctx.db.selectFrom('halls').selectAll().where('venue_id', '=', venueId).orderBy('name').execute();
  return Promise.all(halls.map((h) => hallSummary(ctx, h)));
}

export async function getHallWithMap(ctx: Ctx, id: string) {
  const h = await getHall(ctx, id);
  const [seats, zones] = await Promise.all([hallSeats(ctx.db, id), hallZones(ctx.db, id)]);
  const zoneCapacity = zones.reduce((n, z) => n + z.capacity, 0);
  return { ...hallView(h, seats.length, zoneCapacity), seatMap: seatMapView(seats, zones) };
}

export async function createHall(ctx: Ctx, venueId: string, name: string, map: SeatMapInput) {
  await getVenue(ctx, venueId);
  const flat = flattenSeatMap(map);
  if (flat.errors.length) throw invalid(flat.errors);
  const now = ctx.clock.now().toISOString();
  const hall: Hall = { id: newId(), organisation_id: ctx.orgId, venue_id: venueId, name, created_at: now, updated_at: now };
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('halls').values(hall).execute();
    await replaceSeatMap(tx, hall, flat.seats, flat.zones);
    await audit(tx, ctx, {
      subject: 'hall', subjectId: hall.id, action: 'created', label: name,
      changes: { venueId: [null, venueId], name: [null, name], ...seatMapChanges({ seats: [], zones: [] }, flat) },
    });
  });
  return getHallWithMap(ctx, hall.id);
}

export async function updateHall(ctx: Ctx, id: string, name: string | undefined, map: SeatMapInput | undefined) {
  const hall = await getHall(ctx, id);
  const flat = map ? flattenSeatMap(map) : undefined;
  if (flat?.errors.length) throw invalid(flat.errors);
  await ctx.db.transaction().execute(async (tx) => {
    let changes: Record<string, [unknown, unknown]> = {};
    if (flat) {
      const dropped = droppedInUse(await itemsInUse(tx, id, ctx.clock.now().toISOString()), flat);
      const [seatsBefore, zonesBefore] = [await hallSeats(tx, id), await hallZones(tx, id)];
      if (dropped.length) throw droppedProblem(dropped, seatsBefore, zonesBefore);
      changes = seatMapChanges({ seats: seatsBefore, zones: zonesBefore }, flat);
      await replaceSeatMap(tx, hall, flat.seats, flat.zones);
      const performances = await tx.selectFrom('performances').select('id').where('hall_id', '=', id)
        .where('status', '!=', 'cancelled').execute();
      for (const p of performances) await syncInventory(tx, p.id, id, hall.organisation_id);
    }
    if (name !== undefined && name !== hall.name) changes = { name: [hall.name, name], ...changes };
    await tx.updateTable('halls')
      .set({ ...(name !== undefined ? { name } : {}), updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id).execute();
    await audit(tx, ctx, { subject: 'hall', subjectId: id, action: 'changed', label: name ?? hall.name, changes });
  });
  return getHallWithMap(ctx, id);
}

/** The refusal names every seat or zone still in use by its place in the saved map, so the editor can show it there. */
function droppedProblem(dropped: string[], seats: HallSeat[], zones: HallZone[]): Problem {
  const seatOf = new Map(seats.map((s) => [s.id, s]));
  const zoneOf = new Map(zones.map((z) => [z.id, z]));
  const places = dropped.map((itemId) => {
    const s = seatOf.get(itemId);
    if (s) return { id: itemId, kind: 'seat' as const, section: s.section, row: s.row_label, seat: s.seat_label };
    return { id: itemId, kind: 'zone' as const, section: zoneOf.get(itemId)?.name ?? itemId, row: null, seat: null };
  });
  const named = places.slice(0, 20).map((p) => (p.kind === 'seat' ? `${p.section} ${p.row}-${p.seat}` : p.section)).join(', ');
  return new Problem('seat-map-drops-sold-seats', { seats: dropped.length > 20 ? `${named} …` : named }, [], { seatIds: dropped, places });
}
