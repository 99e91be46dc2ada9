// Input no route should have to think about: text with NUL characters. PostgreSQL cannot store
// them (SQLite would), so they are refused as field errors before validation, on both databases.
import type { FieldError } from './problems.js';

const MAX_REPORTED = 20;

function collect(value: unknown, path: string, out: FieldError[], depth: number): void {
  if (out.length >= MAX_REPORTED || depth > 64) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ field: path || '(body)', message: 'nulCharacter' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => collect(v, path ? `${path}/${i}` : String(i), out, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const field = path ? `${path}/${k}` : k;
      if (k.includes('\u0000')) out.push({ field, message: 'nulCharacter' });
      collect(v, field, out, depth + 1);
    }
  }
}

/** Fields of a request (params, query string, body) whose text holds a NUL character. */
export function nulCharacterFields(req: { params: unknown; query: unknown; body: unknown }): FieldError[] {
  const out: FieldError[] = [];
  collect(req.params, 'params', out, 0);
  collect(req.query, 'querystring', out, 0);
  collect(req.body, '', out, 0);
  return out;
}
