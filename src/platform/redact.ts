// Secrets sent where they do not belong (a client_secret in a query string) are refused, and never
// repeated: not in a problem's `instance`, not in the request log.

/** Query parameters whose value is a secret: passwords, tokens, API keys, client secrets, signatures. */
const SECRET_PARAM = /secret|passw|token|api[-_]?key|signature|^key$|^code$|^auth/i;

const nameOf = (param: string): string => {
  const raw = param.split('=')[0];
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
};

/** The URL with the values of secret-looking query parameters replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url.slice(q + 1).split('&').map((p) => (SECRET_PARAM.test(nameOf(p)) ? `${p.split('=')[0]}=[redacted]` : p));
  return `${url.slice(0, q + 1)}${params.join('&')}`;
}
