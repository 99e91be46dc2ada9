// Utick's answer envelope and error form.
import { formatInZone } from '../platform/time.js';

export const UTICK_LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
export type UtickLanguage = (typeof UTICK_LANGUAGES)[number];

/** Dates of things without a venue (packs, the envelope) are shown in this zone. */
export const DEFAULT_ZONE = 'Europe/Brussels';

/** An error answered as `{success: false, response: null, error: {code, message}}` with `code` as HTTP status. */
export class UtickError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

interface Meta {
  now: Date;
  language: UtickLanguage;
  environment: 'test' | 'prod';
}

export const success = (response: unknown, m: Meta) => ({
  success: true, response, environment: m.environment, api_version: 1, datetime: formatInZone(m.now, DEFAULT_ZONE),
  cached: false, status_code: 200, language: m.language,
});

export const failure = (e: UtickError, m: Meta) => ({
  success: false, response: null, error: { code: e.code, message: e.message }, environment: m.environment, api_version: 1,
  datetime: formatInZone(m.now, DEFAULT_ZONE), cached: false, status_code: e.code, language: m.language,
});

/** Foyer ids are lower-case UUIDs; Utick's are upper case. */
export const uid = (id: string | null | undefined): string => (id ? id.toUpperCase() : '');
export const fromUid = (id: string): string => id.toLowerCase();

export const utickDate = (iso: string | null | undefined, zone: string): string | null => (iso ? formatInZone(iso, zone) : null);
