// Kysely types of the reports' rollup tables (migration 2026-11-23T1700_report_rollups).
import type { DipCategory } from '../pricing/tables.js';
import type { Channel } from '../productions/tables.js';

export interface ReportRollupTable {
  organisation_id: string;
  /** The first local day rolled up (the organisation's first sale or earlier). */
  since: string;
  /** Every local day up to and including this one is in the rollup tables. */
  through: string;
  updated_at: string;
}

export interface ReportDailySalesTable {
  organisation_id: string;
  day: string;
  venue_id: string;
  ticket_type_id: string;
  dip_category: DipCategory;
  channel: Channel;
  payment_method: string;
  kind: 'sale' | 'refund';
  /** Negative for refunds, as the report shows them. */
  tickets: number;
  revenue: number;
}

export interface ReportPerformanceTotalsTable {
  organisation_id: string;
  performance_id: string;
  ticket_type_id: string;
  dip_category: DipCategory;
  /** Valid tickets of paid orders (money rules: free tickets included), net of refunds. */
  sold_tickets: number;
  sold_revenue: number;
  /** Valid tickets of unpaid orders. */
  reserved_tickets: number;
}

export interface ReportCustomerDaysTable {
  organisation_id: string;
  /** '' for all venues together. */
  venue_id: string;
  /** Local day the orders were paid. */
  day: string;
  customer_id: string;
  /** Orders paid that day with at least one ticket still valid, and those tickets. */
  orders: number;
  tickets: number;
  revenue: number;
}

/** Per day, venue, channel, line, sale/refund and VAT rate (migration 2026-12-03T0110_report_daily_money). */
export interface ReportDailyMoneyTable {
  organisation_id: string;
  day: string;
  /** An order fee: the venue of all its tickets, '' when they are in several. */
  venue_id: string;
  channel: Channel;
  /** ticket: the price; ticket_fee: the service fee on tickets; order_fee: once per order. */
  line: 'ticket' | 'ticket_fee' | 'order_fee';
  kind: 'sale' | 'refund';
  vat_rate: number;
  /** Negative for refunds. */
  quantity: number;
  amount: number;
  vat: number;
}

export interface ReportTables {
  report_daily_money: ReportDailyMoneyTable;
  report_rollups: ReportRollupTable;
  report_daily_sales: ReportDailySalesTable;
  report_performance_totals: ReportPerformanceTotalsTable;
  report_customer_days: ReportCustomerDaysTable;
}
