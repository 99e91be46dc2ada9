// Reading the sales UiTPAS holds for an event (GET /ticket-sales, paged).
import type { UitpasClient } from './client.js';
import type { WireProblem, WireSale, WireSalesPage } from './wire.js';

const PAGE = 500;

export class UitpasSearchRefused extends Error {
  override name = 'UitpasSearchRefused';
  constructor(readonly problem: WireProblem) {
    super(`UiTPAS refused GET /ticket-sales: ${problem.type}`);
  }
}

export async function salesOfEvent(client: UitpasClient, eventId: string): Promise<WireSale[]> {
  const all: WireSale[] = [];
  for (let start = 0; ; start += PAGE) {
    const answer = await client.call<WireSalesPage>('GET', '/ticket-sales', { query: { eventId, start, limit: PAGE } });
    if (!answer.ok) throw new UitpasSearchRefused(answer.problem);
    all.push(...answer.body.member);
    if (answer.body.member.length < PAGE || all.length >= answer.body.totalItems) return all;
  }
}
