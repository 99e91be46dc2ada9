// Shapes of the reports API (GET /api/reports/...), as the reports engineer specified them.
export interface Amount { tickets: number; revenue: number }
export interface DailySalesItem {
  date: string; ticketTypeId: string; ticketTypeName: string; dipCategory: string; channel: string; paymentMethod: string;
  tickets: number; revenue: number;
}
export interface DailySales { from: string; to: string; items: DailySalesItem[]; totals: Amount }
export interface PerformanceReportItem {
  performanceId: string; title: string; startsAt: string; venueName: string; capacity: number; soldTickets: number; revenue: number;
  reservations: number; blocked: { conditional: number; definitive: number }; occupancy: number;
  byTicketType: { ticketTypeId: string; name: string; tickets: number; revenue: number }[];
  byCategory: Record<'normal' | 'discount' | 'free' | 'other', Amount>;
}
export interface SalesPoint { date: string; tickets: number; revenue: number; cumulativeTickets: number; cumulativeRevenue: number }
export interface CustomerReportItem {
  customerId: string; name: string; email: string | null; postalCode: string | null; orders: number; tickets: number; revenue: number;
  lastVisit: string | null;
}
export interface Range { from: string; to: string; venue: string }
