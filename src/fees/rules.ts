// Service fees and VAT, without I/O. Money is integer cents, VAT included (gross); rates are basis
// points (900 = 9 %). VAT is worked out per line from its gross amount and rounded per line, so a
// breakdown per rate always sums to exactly the VAT of its lines.
import type { Channel } from '../productions/tables.js';

/** What a channel charges on top of the tickets. */
export interface FeeSettings {
  channel: Channel;
  /** Cents per ticket that costs something (a free ticket carries none). */
  perTicket: number;
  /** Cents once per order that owes something for its tickets. */
  perOrder: number;
  /** The fee's own VAT rate, basis points. */
  vatRate: number;
}

/** Standard Dutch and Belgian VAT: a service fee's default rate. */
export const DEFAULT_FEE_VAT_RATE = 2100;

export const noFees = (channel: Channel): FeeSettings => ({ channel, perTicket: 0, perOrder: 0, vatRate: DEFAULT_FEE_VAT_RATE });

/** Theatre tickets: 9 % in the Netherlands, 6 % in Belgium. */
export const ticketVatRate = (country: string): number => (country.toUpperCase() === 'BE' ? 600 : 900);

/** The VAT in a gross amount at `rate`: round(gross * rate / (10000 + rate)), half away from zero. */
export function vatOf(gross: number, rate: number): number {
  const v = Math.round((Math.abs(gross) * rate) / (10_000 + rate));
  return gross < 0 ? -v : v;
}

export interface FeeLine {
  kind: 'ticket' | 'order';
  /** Tickets the fee is on (1 for the order fee). */
  quantity: number;
  /** Cents each. */
  unitAmount: number;
  /** Cents in all: quantity × unitAmount. */
  amount: number;
  vatRate: number;
}

/**
 * The fees on a basket or order of places priced `prices`: per ticket on every ticket above zero,
 * and per order once when any ticket costs something. Packs and streams carry no fee.
 */
export function feesFor(settings: FeeSettings, prices: number[]): FeeLine[] {
  const paying = prices.filter((p) => p > 0).length;
  const out: FeeLine[] = [];
  if (paying && settings.perTicket > 0) {
    out.push({ kind: 'ticket', quantity: paying, unitAmount: settings.perTicket, amount: paying * settings.perTicket, vatRate: settings.vatRate });
  }
  if (paying && settings.perOrder > 0) {
    out.push({ kind: 'order', quantity: 1, unitAmount: settings.perOrder, amount: settings.perOrder, vatRate: settings.vatRate });
  }
  return out;
}

/** A gross amount at a rate: a ticket, one ticket's fee, an order fee, a pack. */
export interface VatLine {
  gross: number;
  rate: number;
  /** Its VAT as stored when sold (vatOf otherwise). */
  vat?: number;
}

export interface VatRow {
  rate: number;
  net: number;
  vat: number;
  gross: number;
}

/** Per rate (highest first): the gross, its VAT (the sum of each line's rounded VAT) and the net. */
export function vatBreakdown(lines: VatLine[]): VatRow[] {
  const byRate = new Map<number, VatRow>();
  for (const l of lines) {
    const row = byRate.get(l.rate) ?? { rate: l.rate, net: 0, vat: 0, gross: 0 };
    const vat = l.vat ?? vatOf(l.gross, l.rate);
    row.gross += l.gross;
    row.vat += vat;
    row.net += l.gross - vat;
    byRate.set(l.rate, row);
  }
  return [...byRate.values()].filter((r) => r.gross !== 0).sort((a, b) => b.rate - a.rate);
}

/** A sold ticket's money as stored: its price and fee with their VAT. */
export interface TicketMoney {
  status: string;
  price: number;
  vat_rate: number;
  vat: number;
  fee: number;
  fee_vat: number;
}

export interface FeeView {
  kind: 'ticket' | 'order';
  quantity: number;
  amount: number;
  vatRate: number;
  vat: number;
}

/**
 * What an order (or part of it) comes to, line by line: each valid ticket at its rate and its fee,
 * the order's own fee (`orderFee`, 0 when it no longer counts), and `extras` (packs and streams at their
 * rate, gift vouchers at 0).
 */
export function moneyOf(
  tickets: TicketMoney[], orderFee: { amount: number; vat: number; rate: number }, extras: VatLine[] = [],
): { owed: number; fees: FeeView[]; vat: VatRow[] } {
  const valid = tickets.filter((t) => t.status === 'valid');
  const withFee = valid.filter((t) => Number(t.fee) > 0);
  const fees: FeeView[] = [];
  if (withFee.length) {
    fees.push({
      kind: 'ticket', quantity: withFee.length, amount: withFee.reduce((n, t) => n + Number(t.fee), 0),
      vatRate: orderFee.rate, vat: withFee.reduce((n, t) => n + Number(t.fee_vat), 0),
    });
  }
  if (orderFee.amount) fees.push({ kind: 'order', quantity: 1, amount: orderFee.amount, vatRate: orderFee.rate, vat: orderFee.vat });
  const lines: VatLine[] = [
    ...valid.map((t) => ({ gross: t.price, rate: t.vat_rate, vat: Number(t.vat) })),
    ...withFee.map((t) => ({ gross: Number(t.fee), rate: orderFee.rate, vat: Number(t.fee_vat) })),
    ...(orderFee.amount ? [{ gross: orderFee.amount, rate: orderFee.rate, vat: orderFee.vat }] : []),
    ...extras.filter((e) => e.gross),
  ];
  return { owed: lines.reduce((n, l) => n + l.gross, 0), fees, vat: vatBreakdown(lines) };
}
