// In-memory state: the seeded world (passes may be changed through /_sandbox), the registered ticket
// sales (cancelled ones kept, for the legacy search) and the check-ins.
import type { CardSystem, Checkin, Client, Organizer, Pass, Sale, UitpasEvent, World } from './model.js';

const DIGITS = /^\d+$/;

export class SandboxStore {
  private readonly sales = new Map<string, Sale>();
  private readonly checkins: Checkin[] = [];
  private nextId = 1;
  private readonly seededPasses: Pass[];

  constructor(readonly world: World) {
    this.seededPasses = structuredClone(world.passes);
  }

  event(id: string): UitpasEvent | undefined {
    const wanted = id.toLowerCase();
    return this.world.events.find((e) => e.id === wanted);
  }
  pass(uitpasNumber: string): Pass | undefined {
    return this.world.passes.find((p) => p.uitpasNumber === uitpasNumber);
  }
  /**
   * GET /passes?identifier=: a UiTPAS number (13 digits), an INSZ (11 digits, also with the dots and
   * dash of a printed one), an INSZ barcode (the INSZ followed by more digits) or a chip number (hex).
   */
  passByIdentifier(raw: string): Pass | undefined {
    const id = raw.trim();
    const digits = id.replace(/[.\-\s]/g, '');
    if (DIGITS.test(digits) && digits.length === 13) return this.pass(digits);
    if (DIGITS.test(digits) && digits.length >= 11) {
      const insz = this.world.passes.find((p) => p.insz === digits);
      if (insz || digits.length === 11) return insz;
      return this.world.passes.find((p) => p.insz && digits.startsWith(p.insz));
    }
    const chip = id.toUpperCase();
    return this.world.passes.find((p) => p.chipNumber === chip);
  }
  /** The pass of a passholder id (a family's child has its own id on the family's number). */
  passOfHolder(passholderId: string): Pass | undefined {
    return this.world.passes.find((p) => p.holder?.id === passholderId && p.cardStatus === 'ACTIVE');
  }
  organizer(id: string): Organizer | undefined {
    return this.world.organizers.find((o) => o.id === id);
  }
  cardSystem(id: number): CardSystem | undefined {
    return this.world.cardSystems.find((c) => c.id === id);
  }
  client(clientId: string): Client | undefined {
    return this.world.clients.find((c) => c.clientId === clientId);
  }

  /** Every sale of this pass that was not cancelled. */
  salesOfPass(uitpasNumber: string): Sale[] {
    return this.allSales().filter((s) => s.uitpasNumber === uitpasNumber);
  }

  /** Active sales in registration order. */
  allSales(): Sale[] {
    return [...this.sales.values()].filter((s) => !s.cancelledAt);
  }

  /** Active and cancelled sales in registration order. */
  everySale(): Sale[] {
    return [...this.sales.values()];
  }

  /** An active sale. */
  sale(id: string): Sale | undefined {
    const s = this.sales.get(id);
    return s && !s.cancelledAt ? s : undefined;
  }

  newId(): string {
    return String(this.nextId++);
  }

  /** Stores all of them; callers validated them first (all-or-nothing). */
  addSales(list: Sale[]): void {
    for (const s of list) this.sales.set(s.id, s);
  }

  cancel(id: string, at: Date = new Date()): boolean {
    const s = this.sale(id);
    if (!s) return false;
    s.cancelledAt = at;
    return true;
  }

  addCheckin(c: Checkin): void {
    this.checkins.push(c);
  }

  /** Check-ins in the order they were made. */
  allCheckins(): Checkin[] {
    return [...this.checkins];
  }

  /** Ids keep counting, so an id from before the reset stays unknown. Passes return to the seed. */
  clearSales(): void {
    this.sales.clear();
    this.checkins.length = 0;
    this.world.passes.splice(0, this.world.passes.length, ...structuredClone(this.seededPasses));
  }
}
