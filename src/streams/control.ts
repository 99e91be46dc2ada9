// Who may watch a stream: the answer of Utick's /catalogue/streams/{id}/control.
// A "contact" is a Foyer customer id: what the customer bought in paid orders counts.
import type { Db } from '../platform/db.js';
import { control, type ControlCode } from './rules.js';
import { findStream } from './service.js';

export interface Viewer {
  contactId?: string;
  accessCode?: string;
}

async function holds(db: Db, streamId: string, productionId: string | null, contactId: string, now: string) {
  const bought = await db.selectFrom('stream_purchases').innerJoin('orders', 'orders.id', 'stream_purchases.order_id')
    .select('stream_purchases.id').where('stream_purchases.stream_id', '=', streamId).where('stream_purchases.status', '=', 'valid')
    .where('orders.status', '=', 'paid').where('orders.customer_id', '=', contactId).limit(1).executeTakeFirst();
  const seat = productionId
    ? await db.selectFrom('tickets').innerJoin('orders', 'orders.id', 'tickets.order_id')
      .innerJoin('performances', 'performances.id', 'tickets.performance_id')
      .select('tickets.id').where('performances.production_id', '=', productionId).where('tickets.status', '=', 'valid')
      .where('orders.status', '=', 'paid').where('orders.customer_id', '=', contactId).limit(1).executeTakeFirst()
    : undefined;
  const pack = await db.selectFrom('pack_holdings').innerJoin('orders', 'orders.id', 'pack_holdings.order_id')
    .innerJoin('packs', 'packs.id', 'pack_holdings.pack_id')
    .select('pack_holdings.id').where('pack_holdings.status', '=', 'valid').where('orders.status', '=', 'paid')
    .where('orders.customer_id', '=', contactId)
    .where((eb) => eb.or([eb('packs.valid_until', 'is', null), eb('packs.valid_until', '>=', now)]))
    .where('pack_holdings.pack_id', 'in', (eb) => eb.selectFrom('pack_set_stocks').select('pack_id').where('stream_id', '=', streamId))
    .limit(1).executeTakeFirst();
  return { bought: !!bought, seat: !!seat, pack: !!pack };
}

/** Answers the control code; the first granted access of a viewer starts its access-duration clock. */
export async function controlAccess(db: Db, orgId: string, streamId: string, viewer: Viewer, at: Date): Promise<ControlCode> {
  const stream = await findStream({ db, orgId }, streamId);
  const now = at.toISOString();
  let subject: string;
  let held: { bought: boolean; seat: boolean; pack: boolean };
  if (viewer.accessCode) {
    subject = `code:${viewer.accessCode}`;
    const p = await db.selectFrom('stream_purchases').innerJoin('orders', 'orders.id', 'stream_purchases.order_id')
      .select('stream_purchases.id').where('stream_purchases.stream_id', '=', stream.id).where('stream_purchases.access_code', '=', viewer.accessCode)
      .where('stream_purchases.status', '=', 'valid').where('orders.status', '=', 'paid').executeTakeFirst();
    held = { bought: !!p, seat: false, pack: false };
  } else if (viewer.contactId) {
    subject = `contact:${viewer.contactId}`;
    held = await holds(db, stream.id, stream.production_id, viewer.contactId, now);
  } else {
    return -1;
  }
  const clock = await db.selectFrom('stream_access_clocks').select('first_access_at')
    .where('stream_id', '=', stream.id).where('subject', '=', subject).executeTakeFirst();
  const code = control({
    status: stream.status, accessEndsAt: stream.access_ends_at, accessDurationHours: stream.access_duration_hours,
    freeaccessSeats: stream.freeaccess_seats === 1, freeaccessPacks: stream.freeaccess_packs === 1,
    viaCode: !!viewer.accessCode, ...held, firstAccessAt: clock?.first_access_at ?? null,
  }, now);
  if (code !== -1 && !clock) {
    await db.insertInto('stream_access_clocks').values({ stream_id: stream.id, subject, first_access_at: now })
      .onConflict((oc) => oc.columns(['stream_id', 'subject']).doNothing()).execute();
  }
  return code;
}
