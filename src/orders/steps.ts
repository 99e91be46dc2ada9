// The checkout seam. A sale is one straight line; each participant (the places, packs, streams,
// UiTPAS, the payment) is a step with its undo next to it, registered at start-up:
//   prepare  before the checkout transaction, outside it: a call the sale waits for, its intent
//            recorded first (UiTPAS registers the sale); answers the state the later phases get
//   write    inside the checkout transaction (tickets, pack holdings, the payment or its intent)
//   undo     the transaction did not commit: take back what prepare did
//   after    after commit (UiTPAS links its sales to the tickets; an online payment is created)
// Besides the sale itself a step may follow what happens to it later: tickets cancelled, money
// refunded. orders/ knows no step by name, so it imports no connector.
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import type { Database } from '../platform/schema.js';
import type { Basket } from '../baskets/tables.js';
import type { Order, Payment, PaymentMethod } from './tables.js';
import type { SaleLine, TicketRow } from './service.js';

/** What the buyer chose at checkout. */
export interface SaleIntent {
  /** A payment taken now (the box office): the order is paid. */
  payment?: { method: PaymentMethod; reference?: string };
  /** Several payments taken now (cash and pin, a voucher...): their amounts add up to the total. */
  payments?: PaymentPart[];
  /** To be paid online: the order awaits its payment (the payment step creates it after commit). */
  online?: OnlinePaymentRequest;
  /** The id the order gets; a new one when not given (an order made through /v1 keeps its basket's id). */
  orderId?: string;
}

/** One part of a split payment; a voucher part names the voucher by its code (src/vouchers spends it). */
export interface PaymentPart {
  method: PaymentMethod;
  amount: number;
  reference?: string;
  voucherCode?: string;
}

export interface OnlinePaymentRequest {
  /** Where the provider sends the buyer back. */
  redirectUrl: string;
  /** nl, fr or en, for the provider's pages. */
  locale: 'nl' | 'fr' | 'en';
  /** A payment method the buyer already picked (e.g. "ideal"); the provider's choice page otherwise. */
  method?: string;
}

export interface Sale {
  basket: Basket;
  orderId: string;
  intent: SaleIntent;
  now: Date;
}

export interface WrittenSale extends Sale {
  order: Order;
  /** The basket's place lines, in ticket order, as checkout read them once the basket was closed. */
  lines: SaleLine[];
  /** The service fee on each ticket priced above zero (cents; 0: none). */
  ticketFee: number;
  /** The basket holds packs or streams. */
  hasExtras: boolean;
  /** Filled in by the steps as they write: the answer is built from these, without reading back. */
  tickets: TicketRow[];
  /** The payment rows, in the order of `intent.payments` when the sale was split. */
  payments: Payment[];
}

export interface RefundFacts {
  order: Order;
  /** The refund row just written in `payments`. */
  refund: Payment;
}

export interface SaleStep<S = unknown> {
  name: string;
  /** Steps run in rank order: places 10, packs and streams 20, UiTPAS 30, payment 90. */
  rank: number;
  /**
   * A table of the basket's own rows (column basket_id) without which `prepare` has nothing to do:
   * it then runs only when the basket has such a row, which checkout learns with its read of the
   * basket (a basket without them costs the step no query).
   */
  basketTable?: keyof Database;
  prepare?(ctx: Ctx, sale: Sale): Promise<S | undefined>;
  write?(tx: Db, ctx: Ctx, sale: WrittenSale, state: S | undefined): Promise<void>;
  undo?(ctx: Ctx, state: S): Promise<void>;
  after?(ctx: Ctx, sale: WrittenSale, state: S | undefined): Promise<void>;
  /** Tickets were cancelled, in the caller's transaction. */
  ticketsCancelled?(db: Db, ticketIds: string[], now: Date): Promise<void>;
  /** A refund was recorded for a paid order, in the caller's transaction (e.g. queue it at the provider). */
  refunded?(db: Db, ctx: Ctx, facts: RefundFacts): Promise<void>;
  /** Money is about to be taken at the desk or online (a paid checkout, a reservation's payment), before any write: may refuse it. */
  takingPayment?(ctx: Ctx, facts: { channel: string }): Promise<void>;
  /** A reservation was paid later with split payments, in the payment's transaction (e.g. spend a voucher). */
  reservationPaid?(tx: Db, ctx: Ctx, facts: PaidParts): Promise<void>;
}

/** Split payments recorded for an order: the parts as asked and their payment rows, in the same order. */
export interface PaidParts {
  orderId: string;
  parts: PaymentPart[];
  payments: Payment[];
  now: Date;
}

const steps: SaleStep[] = [];
/** The steps' `basketTable`s, kept from one registration to the next. */
let basketTables: readonly (keyof Database)[] = [];

export function registerSaleStep<S>(step: SaleStep<S>): void {
  if (steps.some((s) => s.name === step.name)) throw new Error(`sale step ${step.name} is already registered`);
  steps.push(step as SaleStep);
  steps.sort((a, b) => a.rank - b.rank);
  basketTables = [...new Set(steps.flatMap((s) => (s.basketTable ? [s.basketTable] : [])))];
}

type Prepared = { step: SaleStep; state: unknown }[];

/** The steps' `basketTable`s, for checkout's read of the basket. */
export const stepBasketTables = (): readonly (keyof Database)[] => basketTables;

/**
 * Every step's prepare, in order (a step with a `basketTable` only when `present` has it); if one
 * throws, those before it are undone.
 */
export async function prepareSale(ctx: Ctx, sale: Sale, present: ReadonlySet<keyof Database>): Promise<Prepared> {
  const done: Prepared = [];
  for (const step of steps) {
    try {
      const skip = !step.prepare || (step.basketTable !== undefined && !present.has(step.basketTable));
      done.push({ step, state: skip ? undefined : await step.prepare!(ctx, sale) });
    } catch (e) {
      await undoSale(ctx, done);
      throw e;
    }
  }
  return done;
}

export async function writeSale(tx: Db, ctx: Ctx, sale: WrittenSale, prepared: Prepared): Promise<void> {
  for (const { step, state } of prepared) await step.write?.(tx, ctx, sale, state);
}

export async function undoSale(ctx: Ctx, prepared: Prepared): Promise<void> {
  for (const { step, state } of [...prepared].reverse()) if (state !== undefined) await step.undo?.(ctx, state);
}

export async function afterSale(ctx: Ctx, sale: WrittenSale, prepared: Prepared): Promise<void> {
  for (const { step, state } of prepared) await step.after?.(ctx, sale, state);
}

export async function ticketsCancelled(db: Db, ticketIds: string[], now: Date): Promise<void> {
  for (const step of steps) await step.ticketsCancelled?.(db, ticketIds, now);
}

export async function refunded(db: Db, ctx: Ctx, facts: RefundFacts): Promise<void> {
  for (const step of steps) await step.refunded?.(db, ctx, facts);
}

export async function takingPayment(ctx: Ctx, facts: { channel: string }): Promise<void> {
  for (const step of steps) await step.takingPayment?.(ctx, facts);
}

export async function reservationPaid(tx: Db, ctx: Ctx, facts: PaidParts): Promise<void> {
  for (const step of steps) await step.reservationPaid?.(tx, ctx, facts);
}

/** The registered steps in the order they run (for documentation and tests). */
export const saleSteps = (): readonly Pick<SaleStep, 'name' | 'rank'>[] => steps.map((s) => ({ name: s.name, rank: s.rank }));
