// Mail rules without I/O: when a reminder is due, which mail-server answers are final, how often a
// buyer may ask for their tickets again.

const HOUR = 3_600_000;

/**
 * When to remind the buyer of an unpaid reservation: a day before it lapses, or halfway through a
 * shorter reservation. None when less than half an hour would be left: too late to act on.
 */
export function reminderAt(createdAt: string, expiresAt: string): Date | null {
  const created = Date.parse(createdAt);
  const expires = Date.parse(expiresAt);
  if (expires - created < HOUR) return null;
  return new Date(Math.max(expires - 24 * HOUR, created + (expires - created) / 2));
}

export const REMINDER_MIN_LEFT_MS = 30 * 60_000;

/** Reminders are looked for this far ahead of the lapse (the longest a reminder comes early). */
export const REMINDER_HORIZON_MS = 24 * HOUR;

interface SmtpError {
  code?: unknown;
  responseCode?: unknown;
  command?: unknown;
}

/**
 * A recipient the mail server refuses for good (5xx on RCPT TO, or no valid address at all) will not
 * be accepted by trying again. Everything else (refused connections, timeouts, 4xx, a 5xx greeting
 * from a server in trouble) is tried again with back-off.
 */
export function isPermanentSmtpFailure(err: unknown): boolean {
  const e = (err ?? {}) as SmtpError;
  const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  if (e.code === 'EENVELOPE' && code === undefined) return true;
  return code !== undefined && code >= 500 && code < 600 && e.command === 'RCPT TO';
}

/** A buyer may have their tickets sent again once per this window (race-safe: one row per window). */
export const RESEND_WINDOW_MS = 10 * 60_000;
/** ... and at most this many times a day. */
export const RESENDS_PER_DAY = 5;

export const resendWindow = (now: Date): number => Math.floor(now.getTime() / RESEND_WINDOW_MS);

/** Seconds until the next window starts. */
export const secondsToNextWindow = (now: Date): number => Math.ceil(((resendWindow(now) + 1) * RESEND_WINDOW_MS - now.getTime()) / 1000);

/** "j***@example.nl": enough for the buyer to recognise their address, not enough to learn it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
