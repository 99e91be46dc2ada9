import { ApiError } from '../api/client.js';

export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    const fields = Array.isArray(e.problem.errors) ? (e.problem.errors as { field: string; message: string }[]).map((f) => `${f.field}: ${f.message}`) : [];
    return [e.message, ...fields].join(' — ');
  }
  return e instanceof Error ? e.message : String(e);
}

export function ErrorLine({ error }: { error: unknown }) {
  if (!error) return null;
  return <p className="error" role="alert">{errorText(error)}</p>;
}
