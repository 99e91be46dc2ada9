// Shapes of the reports API (GET /api/reports/...); the daily sales from the server's schema (type-only: nothing of src/ is bundled).
import type { Static } from 'typebox';
import type { DailySales as DailySalesSchema } from '../../../src/reports/schemas.js';

export interface Amount { tickets: number; revenue: number }
export type DailySales = Static<typeof DailySalesSchema>;
export type DailySalesItem = DailySales['items'][number];
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
export type { OnSalePace } from '../../../src/reports/pace-schemas.js';
