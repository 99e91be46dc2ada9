// Best-available seat choice, without I/O. Input: the free seats of the candidate ranks and the
// extent of every row; output: the seats to try to claim.

export interface FreeSeat {
  itemId: string;
  rowKey: string;
  pos: number;
  /** Map order; the smallest sort of a row is that row's place front-to-back. */
  sort: number;
  rank: number;
}

export interface RowExtent {
  minPos: number;
  maxPos: number;
}

interface Candidate {
  seats: FreeSeat[];
  /** A lone free seat left next to the block (a gap nobody can fill). */
  leavesSingle: boolean;
  rank: number;
  rowOrder: number;
  centreDistance: number;
}

/** Consecutive runs of free positions per row, each run sorted by position. */
function runsByRow(free: FreeSeat[]): Map<string, FreeSeat[][]> {
  const rows = new Map<string, FreeSeat[]>();
  for (const s of free) {
    const list = rows.get(s.rowKey);
    if (list) list.push(s);
    else rows.set(s.rowKey, [s]);
  }
  const out = new Map<string, FreeSeat[][]>();
  for (const [key, seats] of rows) {
    seats.sort((a, b) => a.pos - b.pos);
    const runs: FreeSeat[][] = [];
    let run: FreeSeat[] = [];
    for (const s of seats) {
      if (run.length && s.pos !== run[run.length - 1].pos + 1) {
        runs.push(run);
        run = [];
      }
      run.push(s);
    }
    if (run.length) runs.push(run);
    out.set(key, runs);
  }
  return out;
}

function candidatesInRuns(runs: Map<string, FreeSeat[][]>, extents: Map<string, RowExtent>, n: number): Candidate[] {
  const out: Candidate[] = [];
  for (const [rowKey, rowRuns] of runs) {
    const ext = extents.get(rowKey);
    const centre = ext ? (ext.minPos + ext.maxPos) / 2 : 0;
    const rowOrder = Math.min(...rowRuns.flat().map((s) => s.sort));
    for (const run of rowRuns) {
      for (let start = 0; start + n <= run.length; start++) {
        const seats = run.slice(start, start + n);
        const left = start;
        const right = run.length - (start + n);
        const mid = (seats[0].pos + seats[n - 1].pos) / 2;
        out.push({
          seats,
          // Rows are in one rank in practice; a mixed-rank block counts as its worst rank.
          rank: Math.max(...seats.map((s) => s.rank)),
          leavesSingle: left === 1 || right === 1,
          rowOrder,
          centreDistance: Math.abs(mid - centre),
        });
      }
    }
  }
  return out;
}

const better = (a: Candidate, b: Candidate): number =>
  Number(a.leavesSingle) - Number(b.leavesSingle) ||
  a.rank - b.rank ||
  a.rowOrder - b.rowOrder ||
  a.centreDistance - b.centreDistance;

/**
 * Chooses `n` seats: adjacent in one row where possible, never leaving a single empty seat between
 * taken ones (or at a row's end) when a choice without one exists; best rank, front rows and the
 * centre first. `spread` > 1 picks at random among that many of the best distinct rows, so buyers
 * racing at an on-sale do not all reach for the same seats.
 */
export function chooseSeats(
  free: FreeSeat[], extents: Map<string, RowExtent>, n: number, spread = 1, random: () => number = Math.random,
): FreeSeat[] | undefined {
  if (n <= 0 || free.length < n) return undefined;
  const runs = runsByRow(free);
  const candidates = candidatesInRuns(runs, extents, n).sort(better);
  if (candidates.length) {
    const pool: Candidate[] = [];
    const rowsSeen = new Set<string>();
    for (const c of candidates) {
      if (pool.length >= spread) break;
      if (c.leavesSingle !== candidates[0].leavesSingle || c.rank !== candidates[0].rank) break;
      if (rowsSeen.has(c.seats[0].rowKey)) continue;
      rowsSeen.add(c.seats[0].rowKey);
      pool.push(c);
    }
    return (pool[Math.floor(random() * pool.length)] ?? candidates[0]).seats;
  }
  // No row has n together: the group in as few adjacent blocks as possible, largest first, each
  // placed by the same preferences (no single gaps, best rank, front, centre).
  return inBlocks(free, extents, n);
}

function inBlocks(free: FreeSeat[], extents: Map<string, RowExtent>, n: number): FreeSeat[] {
  const picked: FreeSeat[] = [];
  let pool = free;
  while (picked.length < n) {
    const runs = runsByRow(pool);
    const longest = Math.max(...[...runs.values()].flat().map((r) => r.length));
    const block = candidatesInRuns(runs, extents, Math.min(n - picked.length, longest)).sort(better)[0];
    picked.push(...block.seats);
    const taken = new Set(block.seats.map((s) => s.itemId));
    pool = pool.filter((s) => !taken.has(s.itemId));
  }
  return picked;
}
