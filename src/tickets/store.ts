// What a ticket document (PDF, e-mail, my-order page) shows, read in one query per order.
import type { Db, Tx } from '../platform/db.js';

/** The order's tickets with everything a printed or on-screen ticket shows, in seat order. */
export async function documentTickets(db: Db | Tx, orgId: string, orderId: string) {
  const rows = await db.selectFrom('tickets')
    .innerJoin('orders', 'orders.id', 'tickets.order_id')
    .innerJoin('organisations', 'organisations.id', 'orders.organisation_id')
    .innerJoin('inventory', (j) => j.onRef('inventory.performance_id', '=', 'tickets.performance_id').onRef('inventory.item_id', '=', 'tickets.item_id'))
    .innerJoin('ticket_types', 'ticket_types.id', 'tickets.ticket_type_id')
    .innerJoin('performances', 'performances.id', 'tickets.performance_id')
    .innerJoin('productions', 'productions.id', 'performances.production_id')
    .innerJoin('halls', 'halls.id', 'performances.hall_id')
    .innerJoin('venues', 'venues.id', 'halls.venue_id')
    .select([
      'tickets.id', 'tickets.barcode', 'tickets.status', 'tickets.price', 'tickets.print_state', 'tickets.print_count',
      'tickets.performance_id', 'tickets.dip_category', 'tickets.vat_rate', 'tickets.vat', 'tickets.fee', 'tickets.fee_vat',
      'orders.number as order_number', 'orders.status as order_status', 'organisations.name as organisation_name',
      'inventory.zone_id', 'inventory.section', 'inventory.row_label', 'inventory.seat_label',
      'ticket_types.name_nl', 'ticket_types.name_fr', 'ticket_types.name_en',
      'productions.title', 'performances.starts_at', 'performances.doors_open_minutes', 'performances.duration_minutes',
      'halls.name as hall_name', 'venues.name as venue_name', 'venues.address as venue_address',
      'venues.postal_code as venue_postal_code', 'venues.city as venue_city', 'venues.time_zone',
      'venues.id as venue_id', 'venues.colour as venue_colour',
    ])
    .where('tickets.order_id', '=', orderId)
    .where('tickets.organisation_id', '=', orgId)
    .orderBy('performances.starts_at').orderBy('inventory.sort')
    .execute();
  // A venue's logo is read once, not once per ticket; its tickets share the one string.
  const venueIds = [...new Set(rows.map((r) => r.venue_id))];
  const logos = venueIds.length
    ? new Map((await db.selectFrom('venues').select(['id', 'logo']).where('id', 'in', venueIds).where('organisation_id', '=', orgId).execute())
      .map((v) => [v.id, v.logo]))
    : new Map<string, string | null>();
  return rows.map((r) => ({ ...r, venue_logo: logos.get(r.venue_id) ?? null }));
}
export type DocumentTicket = Awaited<ReturnType<typeof documentTickets>>[number];

/** E-tickets handed to the buyer: unprinted tickets become delivered (they then count as issued for DIP). */
export async function markDelivered(db: Db | Tx, ticketIds: string[], now: Date): Promise<void> {
  if (!ticketIds.length) return;
  await db.updateTable('tickets').set({ print_state: 'delivered', printed_at: now.toISOString() })
    .where('id', 'in', ticketIds).where('print_state', '=', 'none').execute();
}
