// What a passholder can still use, shown at the counter beside their pass: their points, the coupons
// UiTPAS granted them (in the organizer's regions) and the rewards their points buy at this organizer.
import type { Ctx } from '../../platform/context.js';
import { connection, unreachable, type Connection } from './settings.js';
import { passIdentifier, readPass } from './tariffs.js';
import type { WireGrantedCoupon, WireRewardsPage } from './wire.js';

export interface PassBenefits {
  uitpasNumber: string;
  points: number | null;
  coupons: { name: string; description: string | null; validUntil: string | null; remaining: { volume: number; period: string } | null }[] | null;
  rewards: { title: string; points: number | null; description: string | null }[] | null;
  /** Lists UiTPAS would not give (a permission the client lacks): 'coupons', 'rewards'. */
  unavailable: ('coupons' | 'rewards')[];
}

async function coupons(conn: Connection, passholderId: string) {
  const a = await conn.client.call<WireGrantedCoupon[]>('GET', `/passholders/${encodeURIComponent(passholderId)}/coupons`, {
    query: { status: 'ACTIVE', organizerId: conn.settings.organizer_id },
  }).catch(unreachable);
  if (!a.ok) return null;
  return a.body.map((g) => ({
    name: g.coupon.name, description: g.coupon.description ?? null, validUntil: g.validityPeriod.end ?? null,
    remaining: g.remaining ?? null,
  }));
}

async function rewards(conn: Connection, passholderId: string) {
  const a = await conn.client.call<WireRewardsPage>('GET', '/rewards', {
    query: { isRedeemableByPassholderId: passholderId, organizerId: conn.settings.organizer_id, limit: 20 },
  }).catch(unreachable);
  if (!a.ok) return null;
  return a.body.member.map((r) => ({ title: r.title, points: r.points ?? null, description: r.promotionalDescription ?? null }));
}

export async function passBenefits(ctx: Ctx, typed: string): Promise<PassBenefits> {
  const identifier = passIdentifier(typed);
  const conn = await connection(ctx.db, ctx.orgId, ctx.clock.now());
  const pass = await readPass(ctx, conn, identifier.value);
  const holder = pass.passholderId;
  const [c, r] = holder ? await Promise.all([coupons(conn, holder), rewards(conn, holder)]) : [null, null];
  return {
    uitpasNumber: pass.uitpasNumber, points: pass.points ?? null, coupons: c, rewards: r,
    unavailable: holder ? [...(c ? [] : ['coupons' as const]), ...(r ? [] : ['rewards' as const])] : [],
  };
}
