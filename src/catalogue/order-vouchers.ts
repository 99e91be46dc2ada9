// Gift vouchers applied to a /v1 order (Utick's promo codes): what they are named by in the order
// (a product line each, at minus what it would pay) and the voucher parts of the order's payment.
// Nothing is taken off a voucher here: the payment spends it, by the vouchers' own conditional write.
import type { Db } from '../platform/db.js';
import type { PaymentPart } from '../orders/steps.js';
import { groupedCode, voucherState } from '../vouchers/rules.js';
import type { Voucher } from '../vouchers/tables.js';
import { uid, type UtickLanguage } from './envelope.js';
import type { Texts } from './messages.js';

/** Utick's PromoCode type of a code that takes an amount off: a gift voucher pays part of the order. */
export const TYPE_DISCOUNT = 100;

export const VOUCHER_WORD: Texts = { en: 'Gift voucher', fr: 'Chèque-cadeau', nl: 'Cadeaubon', de: 'Geschenkgutschein' };

export const voucherLabel = (v: Voucher, lang: UtickLanguage) => `${VOUCHER_WORD[lang]} ${groupedCode(v.code)}`;

/** The vouchers applied to an order, in the order they were applied. */
export async function appliedVouchers(db: Db, orgId: string, orderId: string) {
  return db.selectFrom('utick_order_vouchers').innerJoin('vouchers', 'vouchers.id', 'utick_order_vouchers.voucher_id')
    .selectAll('vouchers').select(['utick_order_vouchers.id as line_id'])
    .where('utick_order_vouchers.order_id', '=', orderId).where('utick_order_vouchers.organisation_id', '=', orgId)
    .orderBy('utick_order_vouchers.created_at').orderBy('utick_order_vouchers.id').execute();
}

/**
 * What each applied voucher pays of `total` (cents), in order: as much of the rest as its balance
 * now allows (an expired, cancelled or spent one nothing); `rest` is what they leave to pay.
 */
export function voucherShares(applied: (Voucher & { line_id: string })[], total: number, now: Date) {
  let rest = total;
  const shares = applied.map((v) => {
    const amount = voucherState(v, now) === 'valid' ? Math.min(Number(v.balance), rest) : 0;
    rest -= amount;
    return { voucher: v, lineId: v.line_id, amount };
  });
  return { shares, rest };
}

/** The payment parts the applied vouchers make of an order of `total`. */
export const voucherParts = (shares: ReturnType<typeof voucherShares>['shares']): PaymentPart[] =>
  shares.filter((s) => s.amount > 0).map((s) => ({ method: 'voucher', amount: s.amount, voucherCode: s.voucher.code }));

/** The applied vouchers as the order's products: at minus what each would pay now. */
export async function voucherProducts(db: Db, orgId: string, orderId: string, total: number, now: Date, lang: UtickLanguage) {
  const { shares } = voucherShares(await appliedVouchers(db, orgId, orderId), total, now);
  return shares.map(({ voucher, lineId, amount }) => {
    const label = voucherLabel(voucher, lang);
    return {
      id: uid(lineId), label, orderid: uid(orderId), stockid: '', typeid: String(TYPE_DISCOUNT), positionid: '', quantity: 1, mainproductid: '',
      price: { id: uid(voucher.id), label, value: { amount: -amount, currency: 'EUR' } }, ticket: null, category: null,
    };
  });
}

/** The order a voucher line belongs to, or undefined. */
export async function orderOfVoucherLine(db: Db, orgId: string, lineId: string): Promise<string | undefined> {
  const r = await db.selectFrom('utick_order_vouchers').select('order_id').where('id', '=', lineId).where('organisation_id', '=', orgId).executeTakeFirst();
  return r?.order_id;
}

export async function dropVoucherLines(db: Db, orgId: string, orderId: string, which: (lineId: string) => boolean): Promise<void> {
  const rows = await db.selectFrom('utick_order_vouchers').select('id').where('order_id', '=', orderId).where('organisation_id', '=', orgId).execute();
  const ids = rows.map((r) => r.id).filter(which);
  if (ids.length) await db.deleteFrom('utick_order_vouchers').where('id', 'in', ids).execute();
}
