// What DIP holds, read back: its own status of each performance (GET /theaters/performances), and
// the figures of the producers' read side (GET /productions/{n}/sales, /reservations,
// /blockedseats) compared with what Foyer last pushed.
import { DipUnavailable, failureOf, type DipClient } from './client.js';
import type { DipFigures } from './figures.js';
import type { CheckState } from './tables.js';
import { errorMessage, isNoHistory, parseHeld, parsePerformanceList, READ_KINDS, readPath, type HeldFigure, type ReadKind } from './wire.js';

/** DIP's status per performance number, as `GET /theaters/performances` lists them. */
export async function performanceStatuses(client: DipClient): Promise<Map<number, string>> {
  const answer = await client.call('GET', '/theaters/performances');
  if (answer.status !== 200) {
    throw failureOf(answer.status, 'performances', errorMessage(answer.status, answer.text));
  }
  let list;
  try {
    list = parsePerformanceList(JSON.parse(answer.text));
  } catch (err) {
    throw new DipUnavailable(`DIP performances: unreadable answer (${(err as Error).message})`);
  }
  return new Map(list.map((p) => [p.performanceNumber, p.status]));
}

/** Per kind, the figures DIP holds per performance number ('none': DIP has no history, so zeros). */
export type Held = Record<ReadKind, Map<number, HeldFigure> | 'none'>;

export type ProductionRead = { ok: true; held: Held } | { ok: false; refused: string } | { ok: false; unavailable: string };

/** The three read calls of one production. A refusal (DIP keeps the read side for producers) ends it. */
export async function readProduction(client: DipClient, productionNumber: string): Promise<ProductionRead> {
  const held: Partial<Held> = {};
  for (const kind of READ_KINDS) {
    let answer;
    try {
      answer = await client.call('GET', readPath(kind, productionNumber));
    } catch (err) {
      if (err instanceof DipUnavailable) return { ok: false, unavailable: err.message };
      throw err;
    }
    const message = errorMessage(answer.status, answer.text);
    if (answer.status === 200) {
      try {
        held[kind] = parseHeld(kind, JSON.parse(answer.text));
      } catch (err) {
        return { ok: false, unavailable: `DIP ${kind}: unreadable answer (${(err as Error).message})` };
      }
    } else if (answer.status === 400 && isNoHistory(message)) {
      held[kind] = 'none';
    } else if (failureOf(answer.status, kind, message) instanceof DipUnavailable) {
      return { ok: false, unavailable: `DIP ${kind}: HTTP ${answer.status}: ${message}` };
    } else {
      return { ok: false, refused: message };
    }
  }
  return { ok: true, held: held as Held };
}

export interface Compared {
  count: number;
  money: number;
}

/** What was compared for one performance: Foyer's last accepted push next to what DIP holds. */
export interface CheckDetail {
  foyer: Record<ReadKind, Compared>;
  dip: Record<ReadKind, HeldFigure> | null;
  /** The kinds whose count or money differ. */
  differs: ReadKind[];
  /** DIP's message when it refused the read. */
  refused: string | null;
}

/** The read side's totals per kind of what Foyer pushed: tickets are summed over the four DIP categories. */
export function comparable(f: DipFigures): Record<ReadKind, Compared> {
  const t = Object.values(f.tickets);
  return {
    sales: { count: t.reduce((s, x) => s + x.tickets, 0), money: t.reduce((s, x) => s + x.revenue, 0) },
    reservations: { count: f.reservations.tickets, money: f.reservations.value },
    blockedseats: { count: f.blocked.seats, money: f.blocked.value },
  };
}

export function compare(pushed: DipFigures, held: Held, performanceNumber: number): { state: CheckState; detail: CheckDetail } {
  const foyer = comparable(pushed);
  const dip = {} as Record<ReadKind, HeldFigure>;
  for (const kind of READ_KINDS) {
    const h = held[kind];
    dip[kind] = (h === 'none' ? undefined : h.get(performanceNumber)) ?? { count: 0, money: 0, updated: null };
  }
  const differs = READ_KINDS.filter((k) => dip[k].count !== foyer[k].count || dip[k].money !== foyer[k].money);
  return { state: differs.length ? 'differs' : 'in_sync', detail: { foyer, dip, differs, refused: null } };
}

export function refusedDetail(pushed: DipFigures, message: string): CheckDetail {
  return { foyer: comparable(pushed), dip: null, differs: [], refused: message };
}
