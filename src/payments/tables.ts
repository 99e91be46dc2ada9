import type { Selectable } from 'kysely';

/**
 * Foyer's side of an online order's payment. creating: recorded before the provider was asked (or
 * its answer was lost); open: the provider has it, not final; paid; failed, canceled, expired: it
 * will not be paid (the order was released); refused: the provider would not create it.
 */
export const ONLINE_PAYMENT_STATUSES = ['creating', 'open', 'paid', 'failed', 'canceled', 'expired', 'refused'] as const;
export type OnlinePaymentStatus = (typeof ONLINE_PAYMENT_STATUSES)[number];

/** Why staff should look: money came in for an order that had already let its places go (refunded by itself). */
export const ATTENTION = ['paid_after_release', 'refund_failed'] as const;
export type Attention = (typeof ATTENTION)[number];

export interface OnlinePaymentTable {
  /** Also the Idempotency-Key of the create call: every retry asks for the same payment. */
  id: string;
  organisation_id: string;
  order_id: string;
  provider: string;
  provider_payment_id: string | null;
  /** Cents. */
  amount: number;
  status: OnlinePaymentStatus;
  /** The provider's own word for it (open, pending, authorized, paid, ...). */
  provider_status: string | null;
  method: string | null;
  locale: string;
  redirect_url: string;
  checkout_url: string | null;
  /** Until when the order's places wait for this payment; then Foyer asks the provider and settles. */
  deadline: string;
  /** When the poller asks the provider next (null: nothing left to ask). */
  next_check_at: string | null;
  checks: number;
  attention: Attention | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  settled_at: string | null;
}
export type OnlinePayment = Selectable<OnlinePaymentTable>;

/** requested: to be sent (a job is queued); then the provider's statuses; refunded, failed, canceled are final. */
export const ONLINE_REFUND_STATUSES = ['requested', 'queued', 'pending', 'processing', 'refunded', 'failed', 'canceled'] as const;
export type OnlineRefundStatus = (typeof ONLINE_REFUND_STATUSES)[number];
export type RefundReason = 'cancellation' | 'paid_after_release';

export interface OnlineRefundTable {
  /** Also the Idempotency-Key of the refund call. */
  id: string;
  organisation_id: string;
  online_payment_id: string;
  order_id: string;
  /** The refund row in `payments` (a cancellation); null for money that came in after the release. */
  payment_row_id: string | null;
  reason: RefundReason;
  amount: number;
  status: OnlineRefundStatus;
  provider_refund_id: string | null;
  next_check_at: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}
export type OnlineRefund = Selectable<OnlineRefundTable>;

export interface PaymentTables {
  online_payments: OnlinePaymentTable;
  online_refunds: OnlineRefundTable;
}
