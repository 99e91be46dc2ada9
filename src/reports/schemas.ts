// Request and response shapes of the reports API (the web screens import these).
import { Type, type Static } from 'typebox';
import { Day, Nullable, StringEnum } from '../platform/schemas.js';

export const FORMATS = ['json', 'csv', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

const rangeFields = {
  from: Day,
  to: Day,
  venue: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only this venue' })),
  format: Type.Optional(StringEnum(FORMATS)),
};
export const RangeQuery = Type.Object(rangeFields, { additionalProperties: false });
export const PagedRangeQuery = Type.Object({
  ...rangeFields,
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 }),
}, { additionalProperties: false });
export const OverTimeQuery = Type.Object({
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  venue: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  format: Type.Optional(StringEnum(FORMATS)),
}, { additionalProperties: false });

const Amount = Type.Object({ tickets: Type.Integer(), revenue: Type.Integer() });

export const DailySalesItem = Type.Object({
  date: Type.String(),
  ticketTypeId: Type.String(),
  ticketTypeName: Type.String(),
  dipCategory: Type.String(),
  channel: Type.String(),
  paymentMethod: Type.String({ description: "cash, pin, card, invoice, voucher, online, or 'none' for orders of nothing to pay" }),
  tickets: Type.Integer({ description: 'Negative on a row of cancellations' }),
  revenue: Type.Integer({ description: 'Cents, VAT included; negative on a row of cancellations' }),
});
export const DailySalesFee = Type.Object({
  date: Type.String(),
  channel: Type.String(),
  kind: StringEnum(['ticket', 'order'] as const),
  quantity: Type.Integer({ description: 'Tickets (or orders) the fee was charged on; negative on a row of refunds' }),
  amount: Type.Integer({ description: 'Cents, VAT included; negative on a row of refunds' }),
  vatRate: Type.Integer({ description: 'Basis points (2100 = 21 %)' }),
  vat: Type.Integer(),
});
export const DailySalesVat = Type.Object({
  date: Type.String(),
  rate: Type.Integer({ description: 'Basis points (900 = 9 %)' }),
  net: Type.Integer(), vat: Type.Integer(), gross: Type.Integer({ description: 'Tickets and fees at this rate that day, net of refunds' }),
});
export const DailySales = Type.Object({
  from: Type.String(), to: Type.String(),
  items: Type.Array(DailySalesItem),
  fees: Type.Array(DailySalesFee, { description: 'Service fees per day, channel, kind and VAT rate, refunds on rows of their own (not in the items)' }),
  vat: Type.Array(DailySalesVat, { description: 'Per day and VAT rate, tickets and fees together' }),
  totals: Type.Object({
    tickets: Type.Integer(), revenue: Type.Integer({ description: 'Tickets only' }),
    fees: Type.Integer(), total: Type.Integer({ description: 'revenue + fees' }),
    feesByChannel: Type.Array(Type.Object({ channel: Type.String(), kind: StringEnum(['ticket', 'order'] as const), quantity: Type.Integer(), amount: Type.Integer(), vat: Type.Integer() })),
    vat: Type.Array(Type.Object({ rate: Type.Integer(), net: Type.Integer(), vat: Type.Integer(), gross: Type.Integer() })),
  }),
});
export type DailySales = Static<typeof DailySales>;
export type DailySalesItem = Static<typeof DailySalesItem>;
export type DailySalesFee = Static<typeof DailySalesFee>;
export type DailySalesVat = Static<typeof DailySalesVat>;

export const PerformanceReportItem = Type.Object({
  performanceId: Type.String(),
  title: Type.String(),
  startsAt: Type.String({ description: 'Local time with offset' }),
  venueName: Type.String(),
  capacity: Type.Integer(),
  soldTickets: Type.Integer(),
  revenue: Type.Integer(),
  reservations: Type.Integer(),
  blocked: Type.Object({ conditional: Type.Integer(), definitive: Type.Integer() }),
  occupancy: Type.Number({ description: 'Percent sold of capacity, one decimal' }),
  byTicketType: Type.Array(Type.Object({ ticketTypeId: Type.String(), name: Type.String(), tickets: Type.Integer(), revenue: Type.Integer() })),
  byCategory: Type.Object({ normal: Amount, discount: Amount, free: Amount, other: Amount }),
});
export const PerformanceReport = Type.Object({ from: Type.String(), to: Type.String(), items: Type.Array(PerformanceReportItem) });
export type PerformanceReportItem = Static<typeof PerformanceReportItem>;
export type PerformanceReport = Static<typeof PerformanceReport>;

export const SalesPoint = Type.Object({
  date: Type.String(), tickets: Type.Integer(), revenue: Type.Integer(), cumulativeTickets: Type.Integer(), cumulativeRevenue: Type.Integer(),
});
export const SalesOverTime = Type.Object({ performanceId: Type.String(), points: Type.Array(SalesPoint) });
export type SalesPoint = Static<typeof SalesPoint>;
export type SalesOverTime = Static<typeof SalesOverTime>;

export const CustomerReportItem = Type.Object({
  customerId: Type.String(),
  name: Type.String(),
  email: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  orders: Type.Integer(),
  tickets: Type.Integer(),
  revenue: Type.Integer(),
  lastVisit: Nullable(Type.String({ description: 'Start (local time with offset) of the latest performance booked, up to the end of the period' })),
});
export const CustomerReport = Type.Object({
  from: Type.String(), to: Type.String(),
  items: Type.Array(CustomerReportItem),
  total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(),
});
export type CustomerReportItem = Static<typeof CustomerReportItem>;
export type CustomerReport = Static<typeof CustomerReport>;
