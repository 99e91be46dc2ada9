// GET /api/uitpas/reconciliation: Foyer's UiTPAS tickets of a performance next to the sales UiTPAS holds.
import type { Ctx } from '../../platform/context.js';
import { Problem } from '../../platform/problems.js';
import { findPerformance } from '../../productions/service.js';
import { UitpasAuthFailed, UitpasUnavailable } from './client.js';
import { connection, unreachable } from './settings.js';
import { refusal } from './tariffs.js';
import { salesOfEvent, UitpasSearchRefused } from './uitpas-sales.js';
import { toCents } from './wire.js';

export async function reconcilePerformance(ctx: Ctx, performanceId: string) {
  const perf = await findPerformance(ctx, performanceId);
  if (!perf.uitdatabank_event_id) throw new Problem('uitpas-not-enabled');
  const conn = await connection(ctx.db, ctx.orgId, ctx.clock.now());
  const ours = await ctx.db.selectFrom('uitpas_sales')
    .leftJoin('tickets', 'tickets.id', 'uitpas_sales.ticket_id')
    .leftJoin('orders', 'orders.id', 'tickets.order_id')
    .select(['uitpas_sales.sale_id', 'uitpas_sales.status', 'uitpas_sales.uitpas_number', 'uitpas_sales.tariff_id',
      'uitpas_sales.price', 'uitpas_sales.ticket_id', 'tickets.barcode', 'tickets.status as ticket_status', 'orders.status as order_status'])
    .where('uitpas_sales.organisation_id', '=', ctx.orgId).where('uitpas_sales.performance_id', '=', perf.id)
    .where('uitpas_sales.sale_id', 'is not', null)
    .execute();
  let theirs;
  try {
    theirs = await salesOfEvent(conn.client, perf.uitdatabank_event_id);
  } catch (err) {
    if (err instanceof UitpasSearchRefused) throw refusal(err.problem, ctx.lang);
    if (err instanceof UitpasAuthFailed || err instanceof UitpasUnavailable) unreachable(err);
    throw err;
  }
  const atUitpas = new Map(theirs.map((s) => [String(s.id), s]));
  const byId = new Map(ours.map((s) => [s.sale_id!, s]));
  // An online order whose payment is not confirmed holds its UiTPAS sales, unsold: they are listed apart.
  const awaiting = ours.filter((s) => s.status === 'sold' && s.ticket_status === 'valid' && s.order_status === 'awaiting_payment');
  const sold = ours.filter((s) => s.status === 'sold' && s.ticket_status === 'valid' && s.order_status !== 'awaiting_payment');
  const isAwaiting = new Set(awaiting.map((s) => s.sale_id));

  const missingAtUitpas = sold.filter((s) => !atUitpas.has(s.sale_id!)).map((s) => ({
    saleId: s.sale_id!, ticketId: s.ticket_id, barcode: s.barcode, uitpasNumber: s.uitpas_number, tariffId: s.tariff_id,
  }));
  const differentTariff = sold.flatMap((s) => {
    const t = atUitpas.get(s.sale_id!);
    return t && (t.tariff.id !== s.tariff_id || (t.tariff.price !== undefined && toCents(t.tariff.price) !== s.price))
      ? [{ saleId: s.sale_id!, ticketId: s.ticket_id, foyer: { tariffId: s.tariff_id, price: s.price }, uitpas: { tariffId: t.tariff.id, price: t.tariff.price === undefined ? null : toCents(t.tariff.price) } }]
      : [];
  });
  const notSoldInFoyer = theirs.filter((t) => {
    const mine = byId.get(String(t.id));
    return mine && !isAwaiting.has(mine.sale_id) && !(mine.status === 'sold' && mine.ticket_status === 'valid');
  }).map((t) => ({ saleId: String(t.id), uitpasNumber: t.uitpasNumber, foyerStatus: byId.get(String(t.id))!.status }));
  const unknownToFoyer = theirs.filter((t) => !byId.has(String(t.id))).map((t) => ({
    saleId: String(t.id), uitpasNumber: t.uitpasNumber, tariffId: t.tariff.id, creationDate: t.creationDate,
  }));
  return {
    performanceId: perf.id,
    eventId: perf.uitdatabank_event_id,
    foyerTickets: sold.length,
    uitpasSales: theirs.length,
    matched: sold.length - missingAtUitpas.length,
    missingAtUitpas,
    differentTariff,
    notSoldInFoyer,
    /** Sales of online orders whose payment is not confirmed yet: registered, held, not sold. */
    awaitingPayment: awaiting.map((s) => ({ saleId: s.sale_id!, ticketId: s.ticket_id, uitpasNumber: s.uitpas_number })),
    /** Sales of the event Foyer did not register for this organisation: another seller, or an orphan. */
    unknownToFoyer,
    inSync: !missingAtUitpas.length && !differentTariff.length && !notSoldInFoyer.length && !unknownToFoyer.length,
  };
}
