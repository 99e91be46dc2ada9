// In-memory state: the seeded world (read-only) and the registered ticket sales.
import type { CardSystem, Client, Organizer, Pass, Sale, UitpasEvent, World } from './model.js';

export class SandboxStore {
  private readonly sales = new Map<string, Sale>();
  private nextId = 1;

  constructor(readonly world: World) {}

  event(id: string): UitpasEvent | undefined {
    const wanted = id.toLowerCase();
    return this.world.events.find((e) => e.id === wanted);
  }
  pass(uitpasNumber: string): Pass | undefined {
    return this.world.passes.find((p) => p.uitpasNumber === uitpasNumber);
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
    return [...this.sales.values()].filter((s) => s.uitpasNumber === uitpasNumber);
  }

  /** Active sales in registration order. */
  allSales(): Sale[] {
    return [...this.sales.values()];
  }

  sale(id: string): Sale | undefined {
    return this.sales.get(id);
  }

  newId(): string {
    return String(this.nextId++);
  }

  /** Stores all of them; callers validated them first (all-or-nothing). */
  addSales(list: Sale[]): void {
    for (const s of list) this.sales.set(s.id, s);
  }

  cancel(id: string): boolean {
    return this.sales.delete(id);
  }

  /** Ids keep counting, so an id from before the reset stays unknown. */
  clearSales(): void {
    this.sales.clear();
  }
}
