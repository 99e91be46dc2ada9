// Utick's promo codes over Foyer's gift vouchers. A website asks for the code its buyer typed
// (label), applies it to the order being filled, and the order's payment spends it: a voucher pays
// like a discount of its balance. Foyer has no other promo codes: prices are its price list.
import { Problem } from '../platform/problems.js';
import { newId } from '../platform/ids.js';
import { findVoucherByCode } from '../vouchers/service.js';
import { groupedCode, voucherState } from '../vouchers/rules.js';
import { STATE_WORDS } from '../vouchers/problems.js';
import type { Voucher } from '../vouchers/tables.js';
import type { Call } from './calls.js';
import { DEFAULT_ZONE, UtickError, uid, utickDate } from './envelope.js';
import type { Texts } from './messages.js';
import { TYPE_DISCOUNT, VOUCHER_WORD, voucherLabel } from './order-vouchers.js';
import { optionalId, optionalString } from './params.js';
import { findUtickOrder } from './shop-orders.js';

const LEFT: Texts = { en: '{amount} left', fr: 'solde {amount}', nl: 'nog {amount}', de: 'noch {amount}' };
const euros = (cents: number): string => `€ ${(cents / 100).toFixed(2).replace('.', ',')}`;

/** A voucher as Utick's PromoCode: a discount of its balance (cents), valid until it expires. */
function promoCodeObject(c: Call, v: Voucher) {
  const balance = Number(v.balance);
  const left = LEFT[c.s.language].replace('{amount}', euros(balance));
  return {
    id: uid(v.id), label: groupedCode(v.code), description: `${VOUCHER_WORD[c.s.language]}: ${left}`, message: '', typeid: TYPE_DISCOUNT,
    starttime: utickDate(v.created_at, DEFAULT_ZONE), endtime: utickDate(v.expires_at, DEFAULT_ZONE),
    capacity_total: -1, capacity_free: -1,
    discount: { id: uid(v.id), label: voucherLabel(v, c.s.language), value: balance, percentage: '' },
    product_category: null,
  };
}

/**
 * GET shop/promocodes {label, orderid?, stockid?}: the usable voucher whose code is `label`, or none.
 * A voucher pays any order and stock; `orderid` and `stockid` are checked to be the caller's and kept out.
 */
export async function promoCodes(c: Call) {
  const label = optionalString(c.p, 'label', 100);
  if (!label) throw new UtickError(400, 'promo-label-required');
  const orderId = optionalId(c.p, 'orderid');
  if (orderId) await findUtickOrder(c, orderId);
  optionalId(c.p, 'stockid');
  const v = await findVoucherByCode(c.s.db, c.s.orgId, label);
  if (!v || voucherState(v, c.s.now) !== 'valid') return [];
  return [promoCodeObject(c, v)];
}

async function voucherOf(c: Call, id: string): Promise<Voucher> {
  const v = await c.s.db.selectFrom('vouchers').selectAll().where('id', '=', id).where('organisation_id', '=', c.s.orgId).executeTakeFirst();
  if (!v) throw UtickError.notFound('promoCode');
  return v;
}

export const promoCode = async (c: Call, id: string) => promoCodeObject(c, await voucherOf(c, id));

/**
 * POST shop/promocodes/{id} {orderid}: applies the voucher to the order being filled (again: once).
 * Answers the order id; the call answers its products, the voucher among them.
 */
export async function applyPromoCode(c: Call, id: string): Promise<string> {
  const orderId = optionalId(c.p, 'orderid');
  if (!orderId) throw new UtickError(400, 'order-required');
  const v = await voucherOf(c, id);
  const f = await findUtickOrder(c, orderId);
  if (!f.basket || f.basket.status !== 'open') throw new UtickError(409, 'order-closed');
  const state = voucherState(v, c.s.now);
  if (state !== 'valid') throw new Problem('voucher-not-usable', { code: groupedCode(v.code), state: STATE_WORDS[state] });
  await c.s.db.insertInto('utick_order_vouchers')
    .values({ id: newId(), organisation_id: c.s.orgId, order_id: orderId, voucher_id: v.id, created_at: c.s.now.toISOString() })
    .onConflict((oc) => oc.columns(['order_id', 'voucher_id']).doNothing()).execute();
  return orderId;
}
