// What a passholder can still use, as the counter shows it: their coupons (GET
// /passholders/{id}/coupons) and the rewards their points can buy (GET /rewards?isRedeemableByPassholderId=).
import type { FastifyInstance } from 'fastify';
import { clientOf, requireAnyPermission } from './auth.js';
import type { Coupon, Pass, PeriodType, Reward } from './model.js';
import { probs } from './problems.js';
import { countInPeriod } from './rules.js';
import type { SandboxStore } from './store.js';
import type { Clock } from '../../src/platform/clock.js';

const utc = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** The calendar period a coupon's limit counts in, around `now` (UTC, as the sandbox counts its sales). */
function periodAround(now: Date, type: PeriodType): { begin: Date; end: Date } {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  switch (type) {
    case 'DAY': return { begin: new Date(Date.UTC(y, m, now.getUTCDate())), end: new Date(Date.UTC(y, m, now.getUTCDate() + 1) - 1000) };
    case 'MONTH': return { begin: new Date(Date.UTC(y, m, 1)), end: new Date(Date.UTC(y, m + 1, 1) - 1000) };
    case 'QUARTER': { const q = m - (m % 3); return { begin: new Date(Date.UTC(y, q, 1)), end: new Date(Date.UTC(y, q + 3, 1) - 1000) }; }
    case 'WEEK': case 'YEAR': case 'ABSOLUTE':
    default: return { begin: new Date(Date.UTC(y, 0, 1)), end: new Date(Date.UTC(y + 1, 0, 1) - 1000) };
  }
}

/** A granted coupon: a stable integer id per pass and coupon, the period it is valid in and what is left of it. */
function grantedCoupon(store: SandboxStore, pass: Pass, coupon: Coupon, index: number, now: Date) {
  const period = periodAround(now, coupon.limit?.periodType ?? 'YEAR');
  const used = store.salesOfPass(pass.uitpasNumber).filter((s) => s.couponId === coupon.id);
  const volume = coupon.limit ? Math.max(0, coupon.limit.volume - countInPeriod(used, now, coupon.limit.periodType)) : null;
  return {
    id: Number(pass.uitpasNumber.slice(-6)) * 100 + index,
    coupon: { id: coupon.id, name: coupon.name, description: `${coupon.discount} euro korting op een ticket` },
    validityPeriod: { begin: utc(period.begin), end: utc(period.end) },
    status: 'ACTIVE' as const,
    ...(volume !== null ? { remaining: { volume, period: coupon.limit!.periodType } } : {}),
  };
}

const rewardView = (r: Reward) => ({
  id: r.id, title: r.title, type: r.type, points: r.points, promotionalDescription: r.promotionalDescription,
  status: 'ACTIVE', allCardSystems: false, applicableCardSystems: r.cardSystemIds.map((id) => ({ id })),
  organizers: r.organizerIds.map((id) => ({ id })), categories: ['Doen'],
});

export function benefitRoutes(app: FastifyInstance, store: SandboxStore, clock: Clock): void {
  app.get<{ Params: { passholderId: string }; Querystring: { status: 'ACTIVE' | 'EXPIRED' | 'ALL'; organizerId?: string } }>('/passholders/:passholderId/coupons', {
    schema: {
      params: { type: 'object', required: ['passholderId'], properties: { passholderId: { type: 'string', minLength: 1 } } },
      querystring: { type: 'object', properties: { status: { type: 'string', enum: ['ACTIVE', 'EXPIRED', 'ALL'], default: 'ACTIVE' }, organizerId: { type: 'string' } } },
    },
  }, async (req) => {
    requireAnyPermission(clientOf(req), 'PASSHOLDER_COUPONS_READ');
    const pass = store.passOfHolder(req.params.passholderId);
    if (!pass) throw probs.unknownPassholderId(req.params.passholderId);
    const regions = req.query.organizerId ? store.organizer(req.query.organizerId)?.cardSystemIds ?? [] : null;
    if (req.query.status === 'EXPIRED') return [];
    const now = clock.now();
    return pass.coupons
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => !regions || regions.includes(c.cardSystemId))
      .map(({ c, i }) => grantedCoupon(store, pass, c, i, now));
  });

  app.get<{ Querystring: { isRedeemableByPassholderId?: string; organizerId?: string; start?: number; limit?: number } }>('/rewards', {
    schema: {
      querystring: {
        type: 'object',
        properties: {
          isRedeemableByPassholderId: { type: 'string', minLength: 1 }, organizerId: { type: 'string' },
          start: { type: 'integer', minimum: 0, default: 0 }, limit: { type: 'integer', minimum: 1, maximum: 50, default: 20 },
        },
      },
    },
  }, async (req) => {
    const q = req.query;
    let rewards = store.world.rewards;
    if (q.organizerId) rewards = rewards.filter((r) => r.organizerIds.includes(q.organizerId!));
    if (q.isRedeemableByPassholderId) {
      requireAnyPermission(clientOf(req), 'REWARDS_PASSHOLDERS_READ');
      const pass = store.passOfHolder(q.isRedeemableByPassholderId);
      if (!pass) throw probs.unknownPassholderId(q.isRedeemableByPassholderId);
      rewards = rewards.filter((r) => r.cardSystemIds.includes(pass.cardSystemId) && r.points <= pass.points);
    }
    const start = q.start ?? 0;
    return { totalItems: rewards.length, member: rewards.slice(start, start + (q.limit ?? 20)).map(rewardView) };
  });
}
