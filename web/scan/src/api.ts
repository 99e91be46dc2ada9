// HTTP for the scanner: bearer token kept on the device (a door reopens the app offline, signed in),
// answers in the steward's language, a short timeout so a dead network falls back to offline at once.
const TOKEN_KEY = 'foyer.scan.token';

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: { type?: string; title?: string; detail?: string }) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

/** No answer: no network, or none in time. */
export class NoNetwork extends Error {}

export const token = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (t: string | null) => (t ? localStorage.setItem(TOKEN_KEY, t) : localStorage.removeItem(TOKEN_KEY)),
};

let language = 'nl';
export const setApiLanguage = (lang: string) => { language = lang; };
let onSignedOut: () => void = () => {};
export const setOnSignedOut = (f: () => void) => { onSignedOut = f; };

export async function api<T>(method: string, path: string, body?: unknown, timeoutMs = 5000): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': language };
  const t = token.get();
  if (t) headers.authorization = `Bearer ${t}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    throw new NoNetwork();
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (res.ok) return JSON.parse(text) as T;
  let problem: ApiError['problem'] = { title: text || res.statusText };
  try { problem = JSON.parse(text); } catch { /* not JSON */ }
  if (res.status === 401 && t) onSignedOut();
  throw new ApiError(res.status, problem);
}

export const get = <T,>(path: string, timeoutMs?: number) => api<T>('GET', path, undefined, timeoutMs);
export const post = <T,>(path: string, body?: unknown, timeoutMs?: number) => api<T>('POST', path, body, timeoutMs);

export const newScanId = (): string =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
