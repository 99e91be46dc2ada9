import type { Selectable } from 'kysely';
import type { Channel } from '../productions/tables.js';
import type { DipCategory } from '../pricing/tables.js';

/** awaiting_payment: paid online, the payment not (yet) confirmed; its places are held for it (src/payments). */
export const ORDER_STATUSES = ['reserved', 'awaiting_payment', 'paid', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const PAYMENT_METHODS = ['cash', 'pin', 'card', 'invoice', 'voucher', 'online'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PRINT_STATES = ['none', 'printed', 'delivered'] as const;
export type PrintState = (typeof PRINT_STATES)[number];

export interface OrderTable {
  id: string;
  organisation_id: string;
  /** Short human number for the counter and the phone: "F7K2-9QXM". */
  number: string;
  basket_id: string;
  channel: Channel;
  status: OrderStatus;
  customer_id: string | null;
  /** Cents owed at checkout: tickets, their fees, the order fee, packs and streams. */
  total: number;
  /** The service fee charged once on this order (cents, VAT included; per-ticket fees are on the tickets). */
  fee: number;
  /** The VAT in `fee`. */
  fee_vat: number;
  /** The VAT rate of this order's fees (its tickets' too), basis points. */
  fee_vat_rate: number;
  /** For an unpaid reservation: when it lapses (null: at the performance). */
  reservation_expires_at: string | null;
  created_by: string;
  created_at: string;
  paid_at: string | null;
  cancelled_at: string | null;
}
export type Order = Selectable<OrderTable>;

export interface TicketTable {
  id: string;
  organisation_id: string;
  order_id: string;
  performance_id: string;
  item_id: string;
  ticket_type_id: string;
  /** The ticket type's DIP category when sold (reports keep it if the type changes later). */
  dip_category: DipCategory;
  /** Cents, VAT included, without the fee: what DIP and UiTPAS hear of. */
  price: number;
  /** The performance's VAT rate when sold (basis points) and the VAT in `price`. */
  vat_rate: number;
  vat: number;
  /** The service fee on this ticket (cents, VAT included; at the order's fee_vat_rate) and its VAT. */
  fee: number;
  fee_vat: number;
  status: 'valid' | 'cancelled';
  barcode: string;
  print_state: PrintState;
  print_count: number;
  printed_at: string | null;
  created_at: string;
  cancelled_at: string | null;
}
export type Ticket = Selectable<TicketTable>;

export interface PaymentTable {
  id: string;
  organisation_id: string;
  order_id: string;
  kind: 'payment' | 'refund';
  method: PaymentMethod;
  amount: number;
  reference: string | null;
  created_by: string;
  created_at: string;
  /** At a payment provider (online): its status of this payment or refund; null for money taken at the desk. */
  provider_status: string | null;
}
export type Payment = Selectable<PaymentTable>;

export interface IdempotencyKeyTable {
  organisation_id: string;
  actor_id: string;
  key: string;
  /** "POST /api/baskets/:id/checkout" with the id filled in, and a hash of the body. */
  request: string;
  status: 'running' | 'done';
  response_status: number | null;
  response_body: string | null;
  created_at: string;
  /** While running: until when the request is its claimer's; after that a retry may run it again. */
  lease_until: string | null;
}

export interface OrderTables {
  orders: OrderTable;
  tickets: TicketTable;
  payments: PaymentTable;
  idempotency_keys: IdempotencyKeyTable;
}
