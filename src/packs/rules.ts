// Pack rules without I/O: which set a place counts against, what a purchase may pick, validity.

export interface SetFacts {
  id: string;
  itemnbMin: number;
  itemnbMax: number;
  /** Performances of the set, with the ranks each may take (empty: any rank). */
  stocks: { performanceId: string; ranks: number[] }[];
}

export const parseRanks = (s: string): number[] => (s ? s.split(',').map(Number) : []);
export const formatRanks = (ranks: number[] | undefined): string => [...new Set(ranks ?? [])].sort((a, b) => a - b).join(',');

export const rankAllowed = (ranks: number[], rank: number): boolean => !ranks.length || ranks.includes(rank);

/** Ranks a performance may take in any set (empty: any); undefined when the pack does not contain it. */
export function ranksFor(sets: SetFacts[], performanceId: string): number[] | undefined {
  const stocks = sets.flatMap((s) => s.stocks.filter((st) => st.performanceId === performanceId));
  if (!stocks.length) return undefined;
  if (stocks.some((st) => !st.ranks.length)) return [];
  return [...new Set(stocks.flatMap((st) => st.ranks))];
}

export type PickRefusal = 'not-in-pack' | 'rank-not-in-pack' | 'set-full';

/**
 * The set a place of `performanceId` in `rank` counts against: the first set holding that
 * performance at that rank that still has room, given `used` places per set.
 */
export function chooseSet(sets: SetFacts[], used: Map<string, number>, performanceId: string, rank: number): { setId: string } | { refusal: PickRefusal } {
  const holding = sets.filter((s) => s.stocks.some((st) => st.performanceId === performanceId));
  if (!holding.length) return { refusal: 'not-in-pack' };
  const ranked = holding.filter((s) => s.stocks.some((st) => st.performanceId === performanceId && rankAllowed(st.ranks, rank)));
  if (!ranked.length) return { refusal: 'rank-not-in-pack' };
  const room = ranked.find((s) => (used.get(s.id) ?? 0) < s.itemnbMax);
  return room ? { setId: room.id } : { refusal: 'set-full' };
}

/** Credits a holding starts with: every set's maximum. */
export const creditsOf = (sets: Pick<SetFacts, 'itemnbMax'>[]): number => sets.reduce((n, s) => n + s.itemnbMax, 0);

/**
 * Checks the performances picked when buying a pack (a subscription "4 of 8"): every pick is in the
 * pack, none twice, and every set gets between its minimum and maximum. Answers the set per pick.
 */
export function assignPicks(sets: SetFacts[], performanceIds: string[]): { ok: true; setOf: Map<string, string> } | { ok: false; reason: string } {
  if (new Set(performanceIds).size !== performanceIds.length) return { ok: false, reason: 'a performance is picked twice' };
  const used = new Map<string, number>();
  const setOf = new Map<string, string>();
  for (const p of performanceIds) {
    const r = chooseSet(sets.map((s) => ({ ...s, stocks: s.stocks.map((st) => ({ ...st, ranks: [] })) })), used, p, 0);
    if ('refusal' in r) return { ok: false, reason: r.refusal === 'not-in-pack' ? `performance ${p} is not in this pack` : `too many picks for a set (${p})` };
    used.set(r.setId, (used.get(r.setId) ?? 0) + 1);
    setOf.set(p, r.setId);
  }
  const short = sets.find((s) => (used.get(s.id) ?? 0) < s.itemnbMin);
  if (short) return { ok: false, reason: `pick at least ${short.itemnbMin} in every set` };
  return { ok: true, setOf };
}

/** Why a pack cannot be used at `now` for a performance starting at `startsAt`, or undefined. */
export function validityBlocker(pack: { valid_from: string | null; valid_until: string | null }, now: string, startsAt?: string): string | undefined {
  if (pack.valid_from && now < pack.valid_from) return `valid from ${pack.valid_from}`;
  if (pack.valid_until && now > pack.valid_until) return `valid until ${pack.valid_until}`;
  if (startsAt && pack.valid_until && startsAt > pack.valid_until) return `the performance is after ${pack.valid_until}`;
  return undefined;
}
