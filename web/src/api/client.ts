// The one place that talks HTTP: bearer token from sessionStorage, JSON in and out, problem documents as ApiError.
const TOKEN_KEY = 'foyer.token';

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: { type?: string; title?: string; detail?: string; [k: string]: unknown }) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
  /** The server has no such route at all (a capability not installed), as opposed to a missing record. */
  get routeMissing(): boolean {
    return this.status === 404 && String(this.problem.type ?? '').endsWith('route-not-found');
  }
}

export const session = {
  get token(): string | null { return sessionStorage.getItem(TOKEN_KEY); },
  set token(t: string | null) { if (t) sessionStorage.setItem(TOKEN_KEY, t); else sessionStorage.removeItem(TOKEN_KEY); },
};

let language = 'nl';
export const setApiLanguage = (lang: string) => { language = lang; };
let onUnauthenticated: () => void = () => {};
export const setOnUnauthenticated = (f: () => void) => { onUnauthenticated = f; };

export interface RequestOptions { body?: unknown; headers?: Record<string, string> }

async function send(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'accept-language': language, ...opts.headers };
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  if (res.ok) return res;
  const text = await res.text();
  let problem: ApiError['problem'] = { title: text || res.statusText };
  try { problem = JSON.parse(text); } catch { /* not JSON: keep the text */ }
  if (res.status === 401 && path !== '/api/auth/login') onUnauthenticated();
  throw new ApiError(res.status, problem);
}

export async function api<T>(method: string, path: string, opts?: RequestOptions): Promise<T> {
  const res = await send(method, path, opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export async function apiBlob(method: string, path: string, opts?: RequestOptions): Promise<Blob> {
  return (await send(method, path, opts)).blob();
}

export const get = <T,>(path: string) => api<T>('GET', path);
export const post = <T,>(path: string, body?: unknown, headers?: Record<string, string>) => api<T>('POST', path, { body, headers });

/** Query string from the defined values only. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

export function idempotencyKey(): string {
  return crypto.randomUUID();
}
