import type { Selectable } from 'kysely';

export const VOUCHER_STATUSES = ['valid', 'cancelled'] as const;
export type VoucherStatus = (typeof VOUCHER_STATUSES)[number];

export interface VoucherTable {
  id: string;
  organisation_id: string;
  /** 20 Crockford base-32 characters (100 bits), without dashes; shown in groups of four. */
  code: string;
  /** The order that sold it. */
  order_id: string;
  value: number;
  /** What is left to spend: changed only by one conditional UPDATE per use. */
  balance: number;
  status: VoucherStatus;
  /** The end of its last valid day (UTC); null: no expiry. */
  expires_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
}
export type Voucher = Selectable<VoucherTable>;

export interface VoucherUseTable {
  id: string;
  organisation_id: string;
  voucher_id: string;
  order_id: string;
  /** The payment (or refund) row of the order this use is. */
  payment_id: string;
  /** redeem: spent on the order; return: given back when the order was cancelled. */
  kind: 'redeem' | 'return';
  amount: number;
  created_at: string;
}

export interface BasketVoucherTable {
  id: string;
  organisation_id: string;
  basket_id: string;
  amount: number;
  /** The last day it can be spent (YYYY-MM-DD, the venue's calendar); null: the default term. */
  expires_on: string | null;
  created_at: string;
}

export interface VoucherTables {
  vouchers: VoucherTable;
  voucher_uses: VoucherUseTable;
  basket_vouchers: BasketVoucherTable;
}
