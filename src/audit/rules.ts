// What the audit trail records, without I/O.

export const AUDIT_SUBJECTS = [
  'venue', 'hall', 'production', 'performance', 'ticket-type', 'price-list', 'quota',
  'pack', 'stream', 'user', 'api-client', 'settings', 'job',
] as const;
export type AuditSubject = (typeof AUDIT_SUBJECTS)[number];

export type Changes = Record<string, [unknown, unknown]>;

/** The fields whose value differs between before and after (only the keys of `after` are compared). */
export function diff(before: Record<string, unknown> | null | undefined, after: Record<string, unknown>): Changes {
  const out: Changes = {};
  for (const [k, v] of Object.entries(after)) {
    if (v === undefined) continue;
    const was = before ? before[k] : null;
    if (JSON.stringify(was ?? null) !== JSON.stringify(v ?? null)) out[k] = [was ?? null, v ?? null];
  }
  return out;
}

/** Secrets never enter the trail, even hashed. */
const SECRET = /password|secret|token|api_?key|hash/i;
export function withoutSecrets(changes: Changes): Changes {
  const out: Changes = {};
  for (const [k, v] of Object.entries(changes)) out[k] = SECRET.test(k) ? ['•••', '•••'] : v;
  return out;
}
