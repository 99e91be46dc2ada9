// The sandbox's world: card systems (regions), organizers, events, passes, coupons, API clients, sales.
// Prices are euros as numbers, as on the UiTPAS wire.

export type PeriodType = 'ABSOLUTE' | 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';
export interface PeriodLimit { volume: number; periodType: PeriodType }

export interface CardSystem { id: number; name: string; cities: { postalCode: string; name: string }[] }

export interface Organizer {
  id: string;
  name: string;
  address: { postalCode: string; city: string };
  cardSystemIds: number[];
}

/** How the social tariff of an event is computed from the regular price. */
export type TariffRule =
  | { kind: 'percent'; percent: number; roundTo: number }
  | { kind: 'fixed'; price: number };

export interface UitpasEvent {
  id: string;
  name: string;
  organizerId: string;
  /** Card systems the event is enabled for (the UiTPAS label in UiTdatabank). */
  cardSystemIds: number[];
  passholderTicketLimit: PeriodLimit | null;
  tariffRule: TariffRule | null;
  /** When check-ins are possible (opening hours plus margins); null: always. */
  checkinWindow?: { from: string; to: string } | null;
}

export type CardStatus = 'PROVISIONED' | 'LOCAL_STOCK' | 'ACTIVE' | 'BLOCKED' | 'DELETED';
export type SocialTariffStatus = 'ACTIVE' | 'EXPIRED' | 'NONE';

export interface Coupon {
  id: string;
  name: string;
  cardSystemId: number;
  /** Euros off the regular price (never below 0). */
  discount: number;
  /** How often the coupon can be used; null: no limit of its own. */
  limit: PeriodLimit | null;
}

export interface Passholder {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  postalCode: string;
  city: string;
}

/**
 * What lies behind the wire's socialTariff.status: `suspended` answers NONE on GET /passes and
 * social-tariff-suspended on the tariff calls; `grace` answers ACTIVE with an endDate in the past.
 */
export const SOCIAL_TARIFF_STATES = ['active', 'grace', 'expired', 'suspended', 'none'] as const;
export type SocialTariffState = (typeof SOCIAL_TARIFF_STATES)[number];

export interface Pass {
  uitpasNumber: string;
  /** The card's chip number (hex, as a card reader types it); online passes have none. */
  chipNumber: string | null;
  /** The holder's INSZ (rijksregisternummer), 11 digits. */
  insz: string | null;
  /** publiq's remark on its test-dataset page ("Online UiTPAS, family account", …). */
  comment: string | null;
  passType: 'INDIVIDUAL' | 'GROUP';
  cardStatus: CardStatus;
  /** null for a card that was never registered to a passholder or group. */
  holder: Passholder | null;
  cardSystemId: number;
  socialTariff: { status: SocialTariffStatus; endDate?: string };
  /** Set by POST /_sandbox/passes/{uitpasNumber}; absent: what `socialTariff.status` says. */
  socialTariffState?: SocialTariffState;
  coupons: Coupon[];
  /** Group passes only: tickets per event and period. */
  groupLimit: PeriodLimit | null;
  points: number;
}

export const PERMISSIONS = [
  'TARIFFS_READ', 'TICKETSALES_REGISTER', 'TICKETSALES_SEARCH', 'PASSES_READ', 'EVENT_SETTINGS_READ', 'CHECKINS_WRITE',
  'PASSHOLDER_COUPONS_READ', 'REWARDS_PASSHOLDERS_READ',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface Client {
  clientId: string;
  clientSecret: string;
  /** Shown as `createdVia` in the legacy XML search. */
  name: string;
  organizers: { organizerId: string; permissions: Permission[] }[];
}

export interface TariffView { id: string; name: string; price: number; type: 'SOCIALTARIFF' | 'COUPON' }

export interface Sale {
  id: string;
  createdAt: Date;
  eventId: string;
  uitpasNumber: string;
  regularPrice: number;
  regularPriceLabel?: string;
  tariff: TariffView;
  /** The coupon used, for COUPON sales. */
  couponId: string | null;
  clientId: string;
  /** When it was cancelled (DELETE /ticket-sales/{id}); the legacy XML search still lists it. */
  cancelledAt?: Date;
}

export interface Checkin {
  id: string;
  createdAt: Date;
  eventId: string;
  uitpasNumber: string;
  points: number;
  clientId: string;
}

/** A reward a passholder buys with points (publiq lists no test rewards; these are the sandbox's own). */
export interface Reward {
  id: string;
  title: string;
  type: 'POINTS';
  points: number;
  promotionalDescription: string;
  organizerIds: string[];
  cardSystemIds: number[];
}

export interface World {
  cardSystems: CardSystem[];
  organizers: Organizer[];
  events: UitpasEvent[];
  passes: Pass[];
  clients: Client[];
  rewards: Reward[];
}
