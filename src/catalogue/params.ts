// Reading Utick parameters: from the query string or a JSON body, names as Utick spells them.
import type { Lang } from '../platform/i18n.js';
import { UTICK_LANGUAGES, UtickError, fromUid, type UtickLanguage } from './envelope.js';

export type Params = Record<string, unknown>;

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

export function integerParam(p: Params, name: string): number | undefined {
  const v = p[name];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) throw new UtickError(400, 'must-be-integer', { name });
  return n;
}

/** limit (max 200) and offset; clients also send entry_count and entry_start. */
export function paging(p: Params): { limit: number; offset: number } {
  const limit = integerParam(p, 'limit') ?? integerParam(p, 'entry_count') ?? DEFAULT_LIMIT;
  const offset = integerParam(p, 'offset') ?? integerParam(p, 'entry_start') ?? 0;
  if (limit < 1 || limit > MAX_LIMIT) throw new UtickError(400, 'limit-range', { max: MAX_LIMIT });
  if (offset < 0) throw new UtickError(400, 'offset-negative');
  return { limit, offset };
}

export function language(p: Params): UtickLanguage {
  const v = p.language;
  if (v === undefined || v === null || v === '') return 'fr';
  if (typeof v !== 'string' || !(UTICK_LANGUAGES as readonly string[]).includes(v.toLowerCase())) {
    throw new UtickError(400, 'language-unknown', { list: UTICK_LANGUAGES.join(', ') });
  }
  return v.toLowerCase() as UtickLanguage;
}

/** Foyer has no German texts: German readers get English. */
export const foyerLang = (l: UtickLanguage): Lang => (l === 'de' ? 'en' : l);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An optional id parameter; a malformed one is a 400. */
export function optionalId(p: Params, name: string): string | undefined {
  const v = p[name];
  if (v === undefined || v === null || v === '') return undefined;
  return id(v, name);
}

export function id(v: unknown, name: string): string {
  if (typeof v !== 'string' || !UUID.test(v)) throw new UtickError(400, 'must-be-uuid', { name });
  return fromUid(v);
}

export function optionalString(p: Params, name: string, max = 200): string | undefined {
  const v = p[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' || v.length > max) throw new UtickError(400, 'must-be-string', { name, max });
  return v;
}
