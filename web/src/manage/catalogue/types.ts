// Packs, streams and catalogue keys as the API answers them (GET /api/packs, /api/streams, /api/catalogue/keys).
import { ApiError } from '../../api/client.js';

export const PACK_TYPES = [1, 10, 20, 100] as const;
export const STREAM_STATUSES = [10, 11, 20] as const;
export const PAGE_SIZE = 20;

export interface PackStock { id?: string; performanceId: string | null; streamId: string | null; ranks: number[] }
export interface PackSet { id?: string; label: string; description: string; itemnbMin: number; itemnbMax: number; stocks: PackStock[] }
export interface Pack {
  id: string; label: string; description: string; typeId: number; imageUrl: string | null; shopUrl: string | null; mainPackId: string | null;
  price: number; ticketTypeId: string; validFrom: string | null; validUntil: string | null; perPerformanceMax: number; published: boolean;
  sets: PackSet[];
}

export interface Stream {
  id: string; label: string; description: string; startsAt: string | null; endsAt: string | null; accessEndsAt: string | null;
  url: string; shopUrl: string | null; accessDurationHours: number | null; status: number; venueId: string | null;
  productionId: string | null; freeaccessSeats: boolean; freeaccessPacks: boolean; price: number;
}

export interface CatalogueKey { id: string; label: string; publicKey: string; createdAt: string; lastUsedAt?: string | null; revokedAt: string | null }

export interface PerformanceChoice { id: string; title: string; startsAt: string; hallName: string; venueName: string; timeZone: string }

/** Whether a refusal is the API's 409 "still in use" (something was sold, or is in a basket or pack). */
export const isInUse = (e: unknown): boolean => e instanceof ApiError && e.status === 409 && String(e.problem.type ?? '').endsWith('in-use');

const pad = (n: number) => String(n).padStart(2, '0');

/** A UTC instant as a datetime-local input's value, in the browser's zone (the manager's wall clock). */
export function toInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local input's value (the browser's zone) as a UTC instant; empty: null. */
export const fromInput = (v: string): string | null => (v ? new Date(v).toISOString() : null);

/** "1, 2" -> [1, 2]; undefined when it is not a list of ranks 1-10. */
export function parseRankList(text: string): number[] | undefined {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const ranks = parts.map(Number);
  return ranks.every((r) => Number.isInteger(r) && r >= 1 && r <= 10) ? ranks : undefined;
}

/** Cents as the text a manager types ("99,50"). */
export const centsText = (cents: number): string => (cents % 100 ? (cents / 100).toFixed(2).replace('.', ',') : String(cents / 100));
