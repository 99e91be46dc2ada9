// What a door keeps on the device: tonight's ticket lists (barcode hashes only), the scans it made
// offline until they are uploaded, and the conflicts it was told about. Offline, it decides here.
import type { Conflict, ListTicket, OfflineList, ScanAnswer } from '../../../src/checkin/schemas.js';
import { barcodeHash } from './sha256.js';

export type Direction = 'in' | 'out';
export type ShownReason = ScanAnswer['reason'] | 'not-on-list';

/** What the full-screen answer shows, from the server or decided on the device. */
export interface Shown {
  ok: boolean;
  reason: ShownReason;
  again: boolean;
  place: { zone: boolean; section: string; row: string; seat: string } | null;
  ticketType: string | null;
  previous: { at: string; door: string } | null;
  performance: { title: string; startsAt: string } | null;
  offline: boolean;
  /** Tells two answers to the same code apart (a new scan shows again). */
  seq: number;
}

export interface PendingScan {
  id: string;
  barcode: string;
  performanceId: string;
  direction: Direction;
  scannedAt: string;
}

const KEY = { lists: 'foyer.scan.lists', pending: 'foyer.scan.pending', conflicts: 'foyer.scan.conflicts' };

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}
const write = (key: string, value: unknown) => localStorage.setItem(key, JSON.stringify(value));

let seq = 0;
export const nextSeq = () => ++seq;

/** Local time with offset, as the API writes times ("2027-01-15T19:42:10+01:00"), in the phone's zone. */
export function localNow(d = new Date()): string {
  const off = -d.getTimezoneOffset();
  const local = new Date(d.getTime() + off * 60_000).toISOString().slice(0, 19);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export class DoorStore {
  private lists: Record<string, OfflineList> = read(KEY.lists, {});
  private index = new Map<string, Map<string, ListTicket>>();

  constructor() {
    for (const l of Object.values(this.lists)) this.indexList(l);
  }

  private indexList(l: OfflineList) {
    this.index.set(l.performanceId, new Map(l.tickets.map((t) => [t.h, t])));
  }

  private save() {
    write(KEY.lists, this.lists);
  }

  ticketCount(performanceIds: string[]): number {
    return performanceIds.reduce((n, id) => n + (this.lists[id]?.tickets.length ?? 0), 0);
  }

  hasList(performanceId: string): boolean {
    return !!this.lists[performanceId];
  }

  /** A fresh list from the server; what this device did offline and has not uploaded stays on top. */
  keepList(list: OfflineList, doorName: string) {
    this.lists[list.performanceId] = list;
    this.indexList(list);
    for (const p of this.pending()) if (p.performanceId === list.performanceId) this.mark(p, doorName);
    this.save();
  }

  /** Only tonight's lists stay on the phone. */
  forgetOtherLists(performanceIds: string[]) {
    for (const id of Object.keys(this.lists)) {
      if (!performanceIds.includes(id)) {
        delete this.lists[id];
        this.index.delete(id);
      }
    }
    this.save();
  }

  private find(code: string, performanceIds: string[]): { performanceId: string; ticket: ListTicket } | undefined {
    for (const performanceId of performanceIds) {
      const ticket = this.index.get(performanceId)?.get(barcodeHash(performanceId, code));
      if (ticket) return { performanceId, ticket };
    }
    return undefined;
  }

  private mark(p: { barcode: string; performanceId: string; direction: Direction; scannedAt: string }, doorName: string) {
    const t = this.index.get(p.performanceId)?.get(barcodeHash(p.performanceId, p.barcode));
    if (!t) return;
    t.status = p.direction === 'in' ? 'inside' : 'out';
    t.lastAt = p.scannedAt;
    t.lastDoor = doorName;
  }

  /** An answer the server gave: the list learns it, so a network lost a moment later changes nothing. */
  learn(code: string, performanceIds: string[], direction: Direction, answer: ScanAnswer, doorName: string) {
    const found = this.find(code, performanceIds);
    if (!found) return;
    const scan = { barcode: code, performanceId: found.performanceId };
    if (answer.ok) this.mark({ ...scan, direction, scannedAt: answer.scannedAt }, doorName);
    // Let in at another door: offline, this door must know too.
    else if (answer.reason === 'already-scanned' && answer.previous) this.mark({ ...scan, direction: 'in', scannedAt: answer.previous.at }, answer.previous.door);
    else return;
    this.save();
  }

  /** The door's own decision without a network, by the same rules as the server's. */
  decide(code: string, performanceIds: string[], direction: Direction, doorName: string, id: string): { shown: Shown; pending: PendingScan | null } {
    const base = { again: false, place: null, ticketType: null, previous: null, performance: null, offline: true, seq: nextSeq() };
    const found = this.find(code, performanceIds);
    if (!found) return { shown: { ...base, ok: false, reason: 'not-on-list' }, pending: null };
    const { ticket: t, performanceId } = found;
    const list = this.lists[performanceId];
    const about = { place: { zone: t.zone, section: t.section, row: t.row, seat: t.seat }, ticketType: t.ticketType };
    const red = (reason: ShownReason, previous: Shown['previous'] = null) => ({ shown: { ...base, ...about, ok: false, reason, previous }, pending: null });
    if (t.status === 'cancelled') return red('cancelled');
    const previous = t.lastAt && t.lastDoor ? { at: t.lastAt, door: t.lastDoor } : null;
    if (direction === 'out') {
      if (!list.reentry) return red('reentry-off');
      if (t.status !== 'inside') return red('not-inside');
    } else {
      if (t.status === 'unpaid') return red('not-paid');
      if (t.status === 'inside' || (t.status === 'out' && !list.reentry)) return red('already-scanned', previous);
    }
    const again = direction === 'in' && t.status === 'out';
    const pending: PendingScan = { id, barcode: code, performanceId, direction, scannedAt: localNow() };
    this.mark(pending, doorName);
    this.save();
    this.addPending(pending);
    const reason = direction === 'in' ? 'admitted' : 'exited';
    return { shown: { ...base, ...about, ok: true, reason, again }, pending };
  }

  pending(): PendingScan[] {
    return read<PendingScan[]>(KEY.pending, []);
  }

  addPending(p: PendingScan) {
    write(KEY.pending, [...this.pending(), p]);
  }

  /** Uploaded: gone from the queue (scans made meanwhile stay). */
  uploaded(ids: string[]) {
    const done = new Set(ids);
    write(KEY.pending, this.pending().filter((p) => !done.has(p.id)));
  }

  conflicts(): Conflict[] {
    return read<Conflict[]>(KEY.conflicts, []);
  }

  /** Conflicts the door was told of (its uploads, and the server's list for tonight). */
  noteConflicts(found: Conflict[]) {
    const byId = new Map(this.conflicts().map((c) => [c.id, c]));
    for (const c of found) byId.set(c.id, c);
    write(KEY.conflicts, [...byId.values()].sort((a, b) => (a.detectedAt < b.detectedAt ? 1 : -1)).slice(0, 200));
  }

  signOut() {
    for (const k of Object.values(KEY)) localStorage.removeItem(k);
    this.lists = {};
    this.index.clear();
  }
}
