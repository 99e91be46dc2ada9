// The one place that knows UiTPAS API 4.0's JSON shapes (held to sandboxes/uitpas/contract.json by the tests).
// Prices on the wire are euros as numbers; Foyer keeps integer cents.

export interface WireEndUserMessage { nl: string; fr?: string; de?: string; en?: string }

export interface WireProblem {
  type: string;
  title?: string;
  status?: number;
  detail?: string;
  endUserMessage?: WireEndUserMessage;
  schemaErrors?: { jsonPointer: string; error: string }[];
}

export interface WirePass {
  passholderId?: string;
  passType: 'INDIVIDUAL' | 'GROUP';
  uitpasNumber: string;
  firstName?: string;
  points?: number;
  postalCode?: string;
  socialTariff?: { status: 'ACTIVE' | 'EXPIRED' | 'NONE'; endDate?: string };
  messages?: { level: string; text: string }[];
}

export interface WireTariff {
  id: string;
  name: string;
  price: number;
  type: string;
  remaining?: number;
}

export interface WireTariffs {
  available: WireTariff[];
  endUserMessage?: WireEndUserMessage;
}

export interface WireSaleRequest {
  regularPrice: number;
  regularPriceLabel?: string;
  tariff: { id: string };
  eventId: string;
  uitpasNumber: string;
}

export interface WireSale extends WireSaleRequest {
  id: string;
  creationDate: string;
  tariff: { id: string; name?: string; price?: number; type?: string };
}

export interface WireSalesPage { totalItems: number; member: WireSale[] }

export interface WirePermissions {
  organizer: { id: string; name?: string };
  permissions: string[];
}

const PROBLEM_BASE = 'https://api.publiq.be/probs/';

/** The short name of a publiq problem type: "uitpas/maximum-reached", "auth/unauthorized". */
export const problemName = (p: WireProblem): string =>
  p.type.startsWith(PROBLEM_BASE) ? p.type.slice(PROBLEM_BASE.length) : p.type;

export const toEuros = (cents: number): number => cents / 100;
export const toCents = (euros: number): number => Math.round(euros * 100);

/** The message in the user's language, Dutch when UiTPAS has none in it. */
export function endUserText(m: WireEndUserMessage | undefined, lang: string): string | null {
  if (!m) return null;
  return (m as unknown as Record<string, string | undefined>)[lang] ?? m.nl;
}

/** GET /checkin-status: may the passholder check in at the event now? */
export interface WireCheckinStatus { allowed: boolean; endUserMessage?: WireEndUserMessage }

/** POST /checkins answers the check-in (the passholder only with PASSHOLDERS_SEARCH permission). */
export interface WireCheckin { id: string; creationDate?: string; eventId: string; uitpasNumber: string; points?: number }

/** GET /passholders/{id}/coupons: a coupon granted to the passholder. */
export interface WireGrantedCoupon {
  id: number;
  coupon: { id: string; name: string; description?: string };
  validityPeriod: { begin: string; end?: string };
  status: 'ACTIVE' | 'EXPIRED';
  remaining?: { volume: number; period: string };
}

/** GET /rewards: what a passholder can buy with points (and more the counter does not show). */
export interface WireReward { id: string; title: string; type: string; points?: number; promotionalDescription?: string }
export interface WireRewardsPage { totalItems: number; member: WireReward[] }
