// The buyer's order page's answer, for /docs and the shop app's types.
import { Type } from 'typebox';
import { Nullable, StringEnum } from '../platform/schemas.js';

const S = Type.String();
const I = Type.Integer();
const B = Type.Boolean();

export const MyOrderAnswer = Type.Object({
  number: S,
  status: StringEnum(['paid', 'awaiting_payment', 'reserved', 'cancelled', 'released']),
  statusText: S,
  /** What the buyer should know about the order's state (waiting for the payment, released, cancelled); null when paid. */
  notice: Nullable(S),
  organisationName: S, shopSlug: Nullable(S), language: S,
  /** Whether there are tickets to download, show and put in a calendar. */
  downloadable: B,
  performances: Type.Array(Type.Object({
    id: S, title: S, startsAt: S, date: S, time: S, doorsOpen: Nullable(S), durationMinutes: I,
    venueName: S, venueAddress: S, hallName: S,
    tickets: Type.Array(Type.Object({
      id: S, place: S, section: S, row: Nullable(S), seat: Nullable(S), generalAdmission: B, ticketTypeName: S, price: I,
      status: StringEnum(['valid', 'cancelled']), statusText: S, barcode: Nullable(S), downloadable: B,
    })),
  })),
  totals: Type.Object({ lines: Type.Array(Type.Object({ label: S, amount: I })), total: I }),
  /** The buyer may cancel the order (refunded) until this moment (local time with offset); null: not online (the venue does not allow it, or it is too late). */
  cancelUntil: Nullable(S),
});
