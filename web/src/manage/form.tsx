// Forms of the back office: a field shows the API's problem+json error for its own name, in the
// user's language (the server already answers in it).
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.js';

export interface FieldProblem { field: string; message: string }

/** The per-field errors of a failed request ('' for the problem's own detail). */
export function fieldErrors(e: unknown): FieldProblem[] {
  if (!(e instanceof ApiError) || !Array.isArray(e.problem.errors)) return [];
  return e.problem.errors as FieldProblem[];
}

/**
 * The message for one field, by the server's path ("name", "seatMap/sections/0/rows/2"); a leading "/" or
 * "body/" is ignored. `nested`: the field also claims the paths under its name, as a field holding a list
 * does ("times" shows the error of "times/0").
 */
export function errorFor(e: unknown, name: string, nested = false): string | undefined {
  const norm = (f: string) => f.replace(/^\/?(body\/)?/, '');
  const own = norm(name);
  return fieldErrors(e).find((f) => norm(f.field) === own || (nested && norm(f.field).startsWith(`${own}/`)))?.message;
}

export function Field({ label, name, error, children, hint, nested }: {
  label: string; name: string; error?: unknown; hint?: string; nested?: boolean; children: ReactNode;
}) {
  const message = errorFor(error, name, nested);
  return (
    <label className={message ? 'field invalid' : 'field'} data-field={name}>
      <span className="field-label">{label}</span>
      {children}
      {hint && !message && <small className="field-hint">{hint}</small>}
      {message && <small className="field-error" role="alert">{message}</small>}
    </label>
  );
}
