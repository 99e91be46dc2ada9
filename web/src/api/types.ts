// Response shapes, taken from the server's schemas where it has them (type-only imports: nothing of src/ is bundled).
import type { Static } from 'typebox';
import type { BasketView, BasketLineView } from '../../../src/baskets/schemas.js';
import type { CustomerView } from '../../../src/customers/schemas.js';
import type { Role } from '../../../src/staff/tables.js';

export type Basket = Static<typeof BasketView>;
export type BasketLine = Static<typeof BasketLineView>;
export type Customer = Static<typeof CustomerView>;

/** A staff member; their role is one of the server's (src/staff/tables.ts ROLES: admin, boxoffice, reporting, door). */
export interface User { id: string; email: string; name: string; role: Role }
export interface LoginAnswer { token: string; expiresAt: string; user: User }

export interface Performance {
  id: string; productionId: string; title: string; hallId: string; hallName: string; venueId: string; venueName: string;
  timeZone: string; startsAt: string; startsAtUtc: string; status: string; uitpasEnabled: boolean; standardTicketTypeId: string | null;
}

export interface SeatDef {
  id: string; label: string; rank: number; x: number; y: number; wheelchair: boolean; companion: boolean; restrictedView: boolean;
}
export interface SeatMapDef {
  sections: { name: string; rows: { label: string; seats: SeatDef[] }[] }[];
  zones: { id: string; name: string; capacity: number; rank: number | null }[];
}
export interface Hall { id: string; name: string; capacity: number; seatMap: SeatMapDef }

export type SeatStatus = 'free' | 'held' | 'reserved' | 'sold' | 'blocked';
export interface PlaceStates {
  performanceId: string;
  seats: { seatId: string; status: SeatStatus; blockKind: 'definitive' | 'conditional' | null; blockReason?: string | null }[];
  ranks: { rank: number; total: number; available: number }[];
  zones: { zoneId: string; capacity: number; available: number }[];
}

export interface TicketType { id: string; name: string; dipCategory: string; channels: string[]; uitpas: boolean; archived: boolean }
export interface PriceList { performanceId: string; prices: { ticketTypeId: string; rank: number; amount: number }[] }

export interface Ticket {
  id: string; performanceId: string; title: string; startsAt: string; seatId: string | null; section: string; row: string; seat: string;
  rank: number; ticketTypeName: string; price: number; status: string; barcode: string; printState: string; printCount: number;
}
export interface Order {
  id: string; number: string; status: string; channel: string; customer: { id: string; name: string; email: string | null } | null;
  total: number; paid: number; balance: number; reservationExpiresAt: string | null; createdAt: string;
  tickets: Ticket[]; payments: { id: string; kind: string; method: string; amount: number; reference: string | null; createdAt: string }[];
}
export interface OrderSummary { id: string; number: string; status: string; channel: string; total: number; createdAt: string; customerName: string | null }

export interface Block {
  id: string; kind: 'definitive' | 'conditional'; reason: string; places: number; createdAt: string; releasedAt: string | null;
  createdBy: { id: string; name: string | null } | null; placeNames: string; seatIds: string[];
}

export interface UitpasAnswer {
  pass: { uitpasNumber: string; passType: string; firstName: string | null; socialTariff: string; messages: string[] };
  offers: { performanceId: string; eventId: string; regularPrice: number; lineIds: string[];
    tariffs: { id: string; name: string; type: string; price: number; remaining: number }[]; endUserMessage: string | null }[];
  appliedLineIds: string[];
  endUserMessage: string | null;
  basket: Basket;
}

export interface Items<T> { items: T[] }
