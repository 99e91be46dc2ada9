// Pure UiTPAS rules: periods, the social tariff price, which tariffs a pass gets for an event.
import type { Coupon, Pass, PeriodLimit, PeriodType, Sale, SocialTariffState, TariffRule, TariffView, UitpasEvent } from './model.js';
import { messages, type EndUserMessage } from './texts.js';

export const TIME_ZONE = 'Europe/Brussels';

/** The default social tariff: 25% of the regular price, rounded to the nearest 0.50 euro. */
export const DEFAULT_TARIFF_RULE: TariffRule = { kind: 'percent', percent: 25, roundTo: 0.5 };

const localDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Calendar period (in Brussels) that `d` falls in; two dates in the same period share the key. */
export function periodKey(d: Date, type: PeriodType): string {
  const day = localDay.format(d); // YYYY-MM-DD
  const [y, m] = day.split('-').map(Number);
  switch (type) {
    case 'ABSOLUTE': return 'all';
    case 'DAY': return day;
    case 'WEEK': {
      const u = new Date(`${day}T00:00:00Z`);
      u.setUTCDate(u.getUTCDate() - ((u.getUTCDay() + 6) % 7));
      return `W${u.toISOString().slice(0, 10)}`;
    }
    case 'MONTH': return day.slice(0, 7);
    case 'QUARTER': return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
    case 'YEAR': return String(y);
  }
}

export function countInPeriod(sales: Sale[], now: Date, periodType: PeriodType): number {
  const key = periodKey(now, periodType);
  return sales.filter((s) => periodKey(s.createdAt, periodType) === key).length;
}

/** Price in euros, computed in cents so 0.1 + 0.2 never leaks into an answer. */
export function socialTariffPrice(regularPrice: number, rule: TariffRule): number {
  const regular = Math.round(regularPrice * 100);
  let cents: number;
  if (rule.kind === 'fixed') cents = Math.round(rule.price * 100);
  else {
    const step = Math.round(rule.roundTo * 100);
    cents = Math.round((regular * rule.percent) / 100 / step) * step;
  }
  return Math.min(cents, regular) / 100;
}

export function couponPrice(regularPrice: number, coupon: Coupon): number {
  return Math.max(0, Math.round(regularPrice * 100) - Math.round(coupon.discount * 100)) / 100;
}

export type SocialRefusal = 'none' | 'expired' | 'suspended' | 'other-region' | 'limit';

/** What the pass's social tariff is now: the state set through /_sandbox, else the seeded status. */
export function socialTariffState(pass: Pass): SocialTariffState {
  if (pass.socialTariffState) return pass.socialTariffState;
  return pass.socialTariff.status === 'ACTIVE' ? 'active' : pass.socialTariff.status === 'EXPIRED' ? 'expired' : 'none';
}
export type AvailableTariff = TariffView & { remaining: number };

export interface Quote {
  available: AvailableTariff[];
  endUserMessage?: EndUserMessage;
  /** Why SOCIALTARIFF is not in `available`, when it is not. */
  socialRefusal?: SocialRefusal;
  /** Coupons of this pass that exist but are not offered, and why. */
  couponRefusals: Map<string, 'other-region' | 'limit'>;
}

export interface QuoteInput {
  pass: Pass;
  event: UitpasEvent;
  /** Active sales of this pass (any event). */
  sales: Sale[];
  now: Date;
  regularPrice: number;
  type: 'ANY' | 'SOCIALTARIFF' | 'COUPON';
  defaultRule: TariffRule;
  regionName: (cardSystemId: number) => string;
}

function left(limit: PeriodLimit | null, used: Sale[], now: Date): number {
  return limit ? limit.volume - countInPeriod(used, now, limit.periodType) : Number.POSITIVE_INFINITY;
}

function join(a: EndUserMessage | undefined, b: EndUserMessage): EndUserMessage {
  if (!a) return b;
  return { nl: `${a.nl} ${b.nl}`, fr: `${a.fr ?? ''} ${b.fr ?? ''}`.trim(), en: `${a.en ?? ''} ${b.en ?? ''}`.trim() };
}

/**
 * What GET /tariffs answers. Individual passes get `remaining` 1 per request; a group pass gets what
 * its own limit leaves, or, without a limit of its own, what the event's per-passholder limit leaves.
 */
export function quoteTariffs(q: QuoteInput): Quote {
  const { pass, event, now } = q;
  const forEvent = q.sales.filter((s) => s.eventId === event.id);
  const group = pass.passType === 'GROUP';
  const groupLimit = pass.groupLimit ?? event.passholderTicketLimit;
  const groupLeft = group ? left(groupLimit, forEvent, now) : Number.POSITIVE_INFINITY;
  const inRegion = event.cardSystemIds.includes(pass.cardSystemId);
  const out: Quote = { available: [], couponRefusals: new Map() };

  if (q.type !== 'COUPON') {
    const social = forEvent.filter((s) => s.tariff.type === 'SOCIALTARIFF');
    const status = socialTariffState(pass);
    const limit = group ? groupLimit : event.passholderTicketLimit;
    const remaining = group ? groupLeft : Math.min(1, left(event.passholderTicketLimit, social, now));
    if (status === 'none') out.socialRefusal = 'none';
    else if (status === 'expired') {
      out.socialRefusal = 'expired';
      out.endUserMessage = messages.socialTariffExpired();
    } else if (status === 'suspended') {
      out.socialRefusal = 'suspended';
      out.endUserMessage = messages.socialTariffSuspended();
    } else if (!inRegion) {
      out.socialRefusal = 'other-region';
      out.endUserMessage = messages.otherRegion(q.regionName(pass.cardSystemId));
    } else if (remaining <= 0 && limit) {
      out.socialRefusal = 'limit';
      out.endUserMessage = group ? messages.groupLimit(limit.volume, limit.periodType) : messages.socialTariffLimit(limit.volume, limit.periodType);
    } else {
      out.available.push({
        id: 'SOCIALTARIFF', name: 'Kansentarief', type: 'SOCIALTARIFF',
        price: socialTariffPrice(q.regularPrice, event.tariffRule ?? q.defaultRule),
        remaining: Number.isFinite(remaining) ? remaining : 1,
      });
    }
  }

  if (q.type !== 'SOCIALTARIFF') {
    for (const coupon of pass.coupons) {
      if (!event.cardSystemIds.includes(coupon.cardSystemId)) {
        out.couponRefusals.set(coupon.id, 'other-region');
        continue;
      }
      const uses = q.sales.filter((s) => s.couponId === coupon.id);
      const couponLeft = left(coupon.limit, uses, now);
      const remaining = Math.min(group ? groupLeft : 1, couponLeft);
      if (remaining <= 0) {
        out.couponRefusals.set(coupon.id, 'limit');
        const limit = couponLeft <= 0 ? coupon.limit : groupLimit;
        if (limit) out.endUserMessage = join(out.endUserMessage, group && couponLeft > 0 ? messages.groupLimit(limit.volume, limit.periodType) : messages.couponLimit(limit.volume, limit.periodType));
        continue;
      }
      out.available.push({
        id: coupon.id, name: coupon.name, type: 'COUPON', price: couponPrice(q.regularPrice, coupon),
        remaining: Number.isFinite(remaining) ? remaining : 1,
      });
    }
  }
  return out;
}
