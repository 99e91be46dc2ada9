// Which tickets of an order may be handed out (printed, mailed, shown) now.
import { Problem } from '../platform/problems.js';
import './problems.js';

interface Issuable {
  id: string;
  status: 'valid' | 'cancelled';
  dip_category: string;
  order_status: string;
}

/**
 * The valid tickets among `rows` (those of `ticketIds` when given). An unpaid reservation hands out
 * only when everything in it is free; otherwise it answers order-unpaid. None left: nothing-to-print.
 */
export function issuableTickets<T extends Issuable>(rows: T[], ticketIds?: string[]): T[] {
  const chosen = rows.filter((t) => t.status === 'valid' && (!ticketIds || ticketIds.includes(t.id)));
  if (!chosen.length) throw new Problem('nothing-to-print');
  // An online order whose payment is not confirmed has no tickets to hand out yet, not even free ones.
  if (chosen.some((t) => t.order_status === 'awaiting_payment' || (t.order_status === 'reserved' && t.dip_category !== 'free'))) throw new Problem('order-unpaid');
  return chosen;
}
