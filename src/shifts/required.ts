// The till's setting "box-office sales require an open shift" (off by default) and the sale step that
// holds a cashier to it: with it on, a staff user takes no money at the box office (a paid checkout,
// a reservation's payment) without an open shift of their own, so every euro lands in a cash-up.
// API clients have no shifts and are not held to it; online sales neither.
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { Problem } from '../platform/problems.js';
import { audit } from '../audit/service.js';
import { registerSaleStep } from '../orders/steps.js';
import './problems.js';

export interface ShiftSettings { requireOpenShift: boolean }

export async function shiftSettings(db: Db, orgId: string): Promise<ShiftSettings> {
  const row = await db.selectFrom('shift_settings').select('require_open_shift').where('organisation_id', '=', orgId).executeTakeFirst();
  return { requireOpenShift: !!row?.require_open_shift };
}

/** A manager changes the setting; recorded in the audit trail in the same transaction. */
export async function putShiftSettings(ctx: Ctx, s: ShiftSettings): Promise<ShiftSettings> {
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (tx) => {
    const before = await shiftSettings(tx, ctx.orgId);
    await tx.insertInto('shift_settings').values({ organisation_id: ctx.orgId, require_open_shift: s.requireOpenShift ? 1 : 0, updated_at: now })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ require_open_shift: s.requireOpenShift ? 1 : 0, updated_at: now })).execute();
    await audit(tx, ctx, { subject: 'settings', subjectId: 'till', action: 'changed', label: 'Till', before: { ...before }, after: { ...s } });
    return s;
  });
}

registerSaleStep({
  name: 'shift.required',
  rank: 1,
  async takingPayment(ctx, { channel }) {
    if (channel !== 'boxoffice' || ctx.actor.kind !== 'user') return;
    if (!(await shiftSettings(ctx.db, ctx.orgId)).requireOpenShift) return;
    const open = await ctx.db.selectFrom('shifts').select('id').where('organisation_id', '=', ctx.orgId).where('user_id', '=', ctx.actor.id)
      .where('status', '=', 'open').executeTakeFirst();
    if (!open) throw new Problem('shift-required');
  },
});
