// A performance as the back office reads it (GET /api/performances), and the halls to choose from.
export interface SalesWindow { channel: 'boxoffice' | 'online'; opensAt: string | null; closesAt: string | null }

export interface ManagedPerformance {
  id: string; productionId: string; title: string; hallId: string; hallName: string; venueId: string; venueName: string; timeZone: string;
  startsAt: string; startsAtUtc: string; endsAt: string; doorsOpenAt: string; durationMinutes: number; doorsOpenMinutes: number;
  status: Status; standardTicketTypeId: string | null; uitpasEnabled: boolean; uitdatabankEventId: string | null; salesWindows: SalesWindow[];
}

export const STATUSES = ['draft', 'on_sale', 'sold_out', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];
export const CHANNELS = ['boxoffice', 'online'] as const;
/** What a status may become in the editor, as the API allows it (src/productions/rules.ts); cancelling is the cancel dialog's. */
export const NEXT_STATUSES: Record<Status, readonly Status[]> = { draft: ['on_sale'], on_sale: ['draft', 'sold_out'], sold_out: ['on_sale'], cancelled: [] };

export interface HallChoice { id: string; name: string; venueName: string; timeZone: string }
export interface TicketTypeChoice { id: string; name: string; archived: boolean }

/** "2026-12-04T20:15:00+01:00" -> "2026-12-04T20:15" (the local wall clock, as inputs and the API take it). */
export const wallClock = (s: string | null): string => (s ? s.slice(0, 16) : '');
