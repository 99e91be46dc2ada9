// Stream access without I/O: the Utick control codes.

/** -1 denied; 1 valid access code; 10 stream bought; 20 seat for its production; 30 pack containing it. */
export type ControlCode = -1 | 1 | 10 | 20 | 30;

export interface ControlFacts {
  status: number;
  accessEndsAt: string | null;
  accessDurationHours: number | null;
  freeaccessSeats: boolean;
  freeaccessPacks: boolean;
  /** What the viewer holds. */
  viaCode: boolean;
  bought: boolean;
  seat: boolean;
  pack: boolean;
  /** When this viewer was first granted access (null: never). */
  firstAccessAt: string | null;
}

/** The grant before the clock is considered. */
export function grantOf(f: ControlFacts): ControlCode {
  if (f.viaCode) return f.bought ? 1 : -1;
  if (f.bought) return 10;
  if (f.seat && f.freeaccessSeats) return 20;
  if (f.pack && f.freeaccessPacks) return 30;
  return -1;
}

/** The answer at `now`: cancelled streams, the access end time and the access duration deny. */
export function control(f: ControlFacts, now: string): ControlCode {
  if (f.status === 20) return -1;
  if (f.accessEndsAt && now > f.accessEndsAt) return -1;
  const grant = grantOf(f);
  if (grant === -1) return -1;
  if (f.accessDurationHours !== null && f.firstAccessAt) {
    const end = new Date(new Date(f.firstAccessAt).getTime() + f.accessDurationHours * 3600_000).toISOString();
    if (now > end) return -1;
  }
  return grant;
}
