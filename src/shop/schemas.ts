// The shop API's answers, for /docs and for the shop app's types.
import { Type } from 'typebox';
import { Nullable, StringEnum } from '../platform/schemas.js';
import { FeeLineView } from '../fees/schemas.js';

const S = Type.String();
const I = Type.Integer();
const B = Type.Boolean();

export const ShopInfo = Type.Object({
  slug: S, name: S, logoUrl: Nullable(S), colour: Nullable(S), termsUrl: Nullable(S), maxPlaces: I, holdMinutes: I,
  uitpas: B, languages: Type.Array(S), defaultLanguage: S,
});

export const STATES = ['on_sale', 'few_left', 'sold_out', 'not_yet_open', 'closed', 'cancelled'] as const;

const PerformanceSummary = {
  id: S, startsAt: S, date: S, venueId: S, venueName: S, city: S, hallName: S,
  state: Type.Unsafe<(typeof STATES)[number]>({ type: 'string', enum: [...STATES] }),
  opensAt: Nullable(S), available: I, priceFrom: Nullable(I), uitpas: B,
};

export const Programme = Type.Object({
  productions: Type.Array(Type.Object({
    id: S, title: S, producer: S, genre: S, description: S, imageUrl: Nullable(S),
    performances: Type.Array(Type.Object(PerformanceSummary)),
  })),
  venues: Type.Array(Type.Object({ id: S, name: S, city: S })),
  genres: Type.Array(S),
  packs: Type.Array(Type.Object({ id: S, label: S, description: S, typeId: I, price: I, imageUrl: Nullable(S) })),
  streams: Type.Array(Type.Object({ id: S, label: S, description: S, price: I, startsAt: Nullable(S) })),
});

const SeatDef = Type.Object({
  id: S, label: S, rank: I, x: Type.Number(), y: Type.Number(),
  wheelchair: Type.Optional(B), companion: Type.Optional(B), restrictedView: Type.Optional(B),
});

export const TicketTypeOffer = Type.Object({ id: S, name: S, prices: Type.Array(Type.Object({ rank: I, amount: I })) });

export const PerformancePage = Type.Object({
  ...PerformanceSummary,
  productionId: S, title: S, producer: S, genre: S, description: S, imageUrl: Nullable(S), extraInfo: S, durationMinutes: I,
  venueColour: Nullable(S), venueLogo: Nullable(S),
  seatMap: Type.Object({
    sections: Type.Array(Type.Object({ name: S, rows: Type.Array(Type.Object({ label: S, seats: Type.Array(SeatDef) })) })),
    zones: Type.Array(Type.Object({ id: S, name: S, capacity: I, rank: I })),
  }),
  ticketTypes: Type.Array(TicketTypeOffer),
});

export const Availability = Type.Object({
  performanceId: S,
  taken: Type.Array(S, { description: 'Seats not free: held by other buyers, sold, reserved or blocked' }),
  zones: Type.Array(Type.Object({ zoneId: S, available: I })),
  ranks: Type.Array(Type.Object({ rank: I, available: I })),
});

export const PackPage = Type.Object({
  id: S, label: S, description: S, typeId: I, price: I, imageUrl: Nullable(S), validUntil: Nullable(S),
  sets: Type.Array(Type.Object({
    id: S, label: S, description: S, min: I, max: I,
    performances: Type.Array(Type.Object({ ...PerformanceSummary, title: S })),
    streams: Type.Array(Type.Object({ id: S, label: S })),
  })),
});

export const StreamPage = Type.Object({
  id: S, label: S, description: S, price: I, startsAt: Nullable(S), accessEndsAt: Nullable(S), accessDurationHours: Nullable(I), onSale: B,
});

export const ShopBasketView = Type.Object({
  status: S, expiresAt: S, now: S,
  lines: Type.Array(Type.Object({
    id: S, performanceId: S, title: S, startsAt: S, seatId: Nullable(S), zoneId: Nullable(S), section: S, row: S, seat: S, rank: I,
    ticketTypeId: S, ticketTypeName: S, price: I, held: B, inPack: B, wheelchair: B,
    uitpas: Nullable(Type.Object({ uitpasNumber: S, passType: S, tariffId: S, tariffName: S })),
    choices: Type.Array(Type.Object({ ticketTypeId: S, name: S, price: I })),
  })),
  packs: Type.Array(Type.Object({ id: S, packId: S, label: S, price: I })),
  streams: Type.Array(Type.Object({ id: S, streamId: S, label: S, price: I })),
  fees: Type.Array(FeeLineView),
  total: I,
  buyer: Nullable(Type.Object({ name: S, email: S, phone: Nullable(S), language: Nullable(S), newsletter: B, termsAccepted: B })),
  order: Nullable(Type.Object({
    id: S, number: S, status: S, total: I, paidAt: Nullable(S), cancelledAt: Nullable(S),
    /** The buyer's my-order page, once the order has one. */
    link: Nullable(S),
  })),
});

export const OpenedBasket = Type.Object({ token: S, basket: ShopBasketView });

export const PassAnswer = Type.Object({
  pass: Type.Object({ uitpasNumber: S, passType: S, messages: Type.Array(S) }),
  appliedLineIds: Type.Array(S),
  endUserMessage: Nullable(S),
  basket: ShopBasketView,
});

export const CheckoutAnswer = Type.Object({ orderId: S, number: S, status: StringEnum(['awaiting_payment', 'paid', 'released']), checkoutUrl: S });

export const PaymentStatusAnswer = Type.Object({
  orderId: S, number: S, status: StringEnum(['awaiting_payment', 'paid', 'released']),
  payment: Nullable(Type.Object({ status: S, method: Nullable(S), checkoutUrl: Nullable(S) })),
  myOrderUrl: Nullable(S),
});

export const ShopSettingsView = Type.Object({
  enabled: B, slug: S, url: S, displayName: Nullable(S), logoUrl: Nullable(S), colour: Nullable(S),
  embedOrigins: Type.Array(S), termsUrl: Nullable(S), maxPlaces: I, buyerCancelHours: Nullable(I),
});
