// The sandbox's own picture of DIP: what DIP knows (theatres, productions, performances) and what
// it answers. Response objects are snake_case, as DIP's are.

export const TICKET_TYPES = ['normal', 'discount', 'free', 'other'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export interface DipTheater {
  id: number;
  name: string;
  locations: { id: number; name: string }[];
}

export interface DipProduction {
  /** "NL-26-101-0004711": a string; the producer and last groups vary in length ("NL-26-1234-00279"). */
  id: string;
  title: string;
  genre: { id: number; name: string };
}

/** A performance as GET /theaters/performances returns it. */
export interface DipPerformance {
  id: number;
  /** Equals `id`; the part after `|` in "NL-26-101-0004711|11001". */
  number: number;
  /** Local time (Europe/Amsterdam) without offset: "2026-12-01T20:15:00". */
  date: string;
  status: 'agreed' | 'cancellation';
  type: 'normal' | 'premiere' | 'tryout';
  private: boolean;
  in_festival: boolean;
  isOtherLocation: boolean;
  amount_rank1: number;
  amount_rank2: number;
  amount_rank3: number;
  amount_rank4: number;
  amount_rank5: number;
  amount_rank6: number;
  amount_rank7: number;
  amount_rank8: number;
  amount_rank9: number;
  amount_rank10: number;
  production: DipProduction;
  theater: { id: number; name: string };
  theater_location: { id: number; name: string };
  /** The forms the performance takes; the sandbox names them as objects with an id. */
  forms: { id: number; name: string }[];
}

export interface DipClient {
  clientId: string;
  clientSecret: string;
  theaterId: number;
}

export interface DipSeed {
  theaters: DipTheater[];
  performances: DipPerformance[];
  clients: DipClient[];
}

// The assumed wire format of the four PUT calls (dip.md), after validation.
export interface TicketsItem {
  productionNumber: string;
  performanceNumber: number;
  ticketType: TicketType;
  tickets: number;
  recette: number;
  updated: string;
}

export interface ReservationsItem {
  productionNumber: string;
  performanceNumber: number;
  reservations: number;
  recette: number;
  updated: string;
}

export interface BlockedSeatsItem {
  productionNumber: string;
  performanceNumber: number;
  blockedSeats: number;
  value: number;
  updated: string;
}

export interface CapacityBody {
  capacity: number;
}

/** Body of a 4xx/5xx answer, as DIP writes them. */
export interface DipErrorBody {
  error: string;
  error_description: string;
}
