// Utick's answer envelope and error form.
import { formatInZone } from '../platform/time.js';
import { THINGS, messageIn, type MessageKey, type MessageVars, type Thing } from './messages.js';

export const UTICK_LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
export type UtickLanguage = (typeof UTICK_LANGUAGES)[number];

/** Dates of things without a venue (packs, the envelope) are shown in this zone. */
export const DEFAULT_ZONE = 'Europe/Brussels';

/**
 * An error answered as `{success: false, response: null, error: {code, message}}` with `code` as HTTP
 * status; the message is written in the request's language when the answer is made.
 */
export class UtickError extends Error {
  constructor(readonly code: number, readonly key: MessageKey, readonly vars: MessageVars = {}) {
    super(messageIn('en', key, vars));
  }

  static notFound(thing: Thing): UtickError {
    return new UtickError(404, 'not-found', { what: THINGS[thing] });
  }

  messageIn(lang: UtickLanguage): string {
    return messageIn(lang, this.key, this.vars);
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
  success: false, response: null, error: { code: e.code, message: e.messageIn(m.language) }, environment: m.environment, api_version: 1,
  datetime: formatInZone(m.now, DEFAULT_ZONE), cached: false, status_code: e.code, language: m.language,
});

/** Foyer ids are lower-case UUIDs; Utick's are upper case. */
export const uid = (id: string | null | undefined): string => (id ? id.toUpperCase() : '');
export const fromUid = (id: string): string => id.toLowerCase();

export const utickDate = (iso: string | null | undefined, zone: string): string | null => (iso ? formatInZone(iso, zone) : null);
