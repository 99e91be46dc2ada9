// What DIP "knows" in the sandbox: Foyer's demo season at the demo theatre (same production ids,
// performance numbers and dates as a freshly seeded Foyer), plus a second theatre whose
// performances the demo theatre must never see.
import { amsterdamSeatMap, DEMO_VENUES, demoPerformances, seasonAnchor } from '../../src/demo/plan.js';
import type { DipClient, DipPerformance, DipProduction, DipSeed, DipTheater } from './types.js';

export const DEMO_THEATER: DipTheater = {
  id: DEMO_VENUES.amsterdam.dipTheaterId,
  name: DEMO_VENUES.amsterdam.name,
  locations: [{ id: 47111, name: DEMO_VENUES.amsterdam.hallName }],
};

export const OTHER_THEATER: DipTheater = {
  id: 5820,
  name: 'Theater De Proef Utrecht',
  locations: [{ id: 58201, name: 'Grote Zaal' }, { id: 58202, name: 'Kleine Zaal' }],
};

export const DEMO_CLIENT: DipClient = { clientId: 'foyer-demo', clientSecret: 'foyer-demo-secret', theaterId: DEMO_THEATER.id };
export const OTHER_CLIENT: DipClient = { clientId: 'proef-utrecht', clientSecret: 'proef-utrecht-secret', theaterId: OTHER_THEATER.id };

type Ranks = Pick<DipPerformance, `amount_rank${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10}`>;

function ranks(perRank: number[]): Ranks {
  const r = (i: number) => perRank[i] ?? 0;
  return {
    amount_rank1: r(0), amount_rank2: r(1), amount_rank3: r(2), amount_rank4: r(3), amount_rank5: r(4),
    amount_rank6: r(5), amount_rank7: r(6), amount_rank8: r(7), amount_rank9: r(8), amount_rank10: r(9),
  };
}

/** Seats per price rank in the demo hall, counted from Foyer's own seat map. */
function amsterdamRanks(): Ranks {
  const counts: number[] = [];
  for (const section of amsterdamSeatMap().sections) {
    for (const row of section.rows) {
      for (const seat of row.seats) counts[seat.rank - 1] = (counts[seat.rank - 1] ?? 0) + 1;
    }
  }
  return ranks(counts);
}

const SPECIAL_TYPES: Record<string, DipPerformance['type']> = { 'hamlet-1': 'premiere', 'annie-1': 'tryout', 'annie-2': 'premiere' };

interface PerfInput {
  number: number;
  date: string;
  production: DipProduction;
  theater: DipTheater;
  locationIndex?: number;
  type?: DipPerformance['type'];
  status?: DipPerformance['status'];
  ranks: Ranks;
}

const GENRES = ['toneel', 'dans', 'cabaret', 'klassiek', 'musical', 'muziek', 'kleinkunst', 'jeugd'];

/** DIP's genre object for a genre name (ids are the sandbox's own). */
export const genre = (name: string): DipProduction['genre'] => ({ id: GENRES.includes(name) ? GENRES.indexOf(name) + 1 : 99, name });

function performance(p: PerfInput): DipPerformance {
  const location = p.theater.locations[p.locationIndex ?? 0];
  return {
    id: p.number, number: p.number, date: p.date, status: p.status ?? 'agreed', type: p.type ?? 'normal',
    private: false, in_festival: false, isOtherLocation: false, ...p.ranks,
    production: { ...p.production, genre: { ...p.production.genre } }, theater: { id: p.theater.id, name: p.theater.name },
    theater_location: { ...location }, forms: p.type === 'tryout' ? [{ id: 2, name: 'try-out' }] : [{ id: 1, name: 'voorstelling' }],
  };
}

/** A performance at the demo theatre for tests and benches: `extraPerformances` of the sandbox. */
export function extraPerformance(p: { number: number; date: string; productionId: string; title: string; seats: number; status?: DipPerformance['status'] }): DipPerformance {
  return performance({
    number: p.number, date: p.date, theater: DEMO_THEATER, ranks: ranks([p.seats]), status: p.status,
    production: { id: p.productionId, title: p.title, genre: genre('toneel') },
  });
}

function dayAt(anchor: Date, day: number, time: string): string {
  return `${new Date(anchor.getTime() + day * 86400000).toISOString().slice(0, 10)}T${time}:00`;
}

/** The seed for the season of `now`'s week (the same week rule as Foyer's demo seed). */
export function buildSeed(now: Date): DipSeed {
  const performances: DipPerformance[] = [];
  const demoRanks = amsterdamRanks();
  for (const demo of demoPerformances(now)) {
    const dipId = demo.production.dipProductionId;
    if (!dipId || demo.dipNumber === null) continue;
    performances.push(performance({
      number: demo.dipNumber, date: `${demo.startsAt}:00`, theater: DEMO_THEATER, ranks: demoRanks,
      production: { id: dipId, title: demo.production.title, genre: genre(demo.production.genre) },
      type: SPECIAL_TYPES[demo.key],
    }));
  }

  const anchor = seasonAnchor(now);
  const hamlet = performances.find((p) => p.number === 11001)?.production;
  const droom: DipProduction = { id: 'NL-26-201-0005820', title: 'Een Midzomernachtsdroom', genre: genre('toneel') };
  const zwanenmeer: DipProduction = { id: 'NL-26-202-00058210', title: 'Het Zwanenmeer', genre: genre('dans') };
  const otherRanks = ranks([420, 180]);
  const other: PerfInput[] = [
    { number: 21001, date: dayAt(anchor, 8, '20:15'), production: droom, theater: OTHER_THEATER, ranks: otherRanks, type: 'premiere' },
    { number: 21002, date: dayAt(anchor, 15, '20:15'), production: droom, theater: OTHER_THEATER, ranks: otherRanks, status: 'cancellation' },
    { number: 21101, date: dayAt(anchor, 12, '19:30'), production: zwanenmeer, theater: OTHER_THEATER, ranks: ranks([120]), locationIndex: 1, type: 'tryout' },
  ];
  // Hamlet tours: the same production at the other theatre, so "another theatre's performance of
  // a production the demo theatre also plays" can be tried.
  if (hamlet) {
    other.push({ number: 11051, date: dayAt(anchor, 18, '20:15'), production: hamlet, theater: OTHER_THEATER, ranks: otherRanks });
    other.push({ number: 11052, date: dayAt(anchor, 19, '20:15'), production: hamlet, theater: OTHER_THEATER, ranks: otherRanks });
  }
  performances.push(...other.map(performance));
  performances.sort((a, b) => a.date.localeCompare(b.date) || a.number - b.number);
  return { theaters: [DEMO_THEATER, OTHER_THEATER], performances, clients: [DEMO_CLIENT, OTHER_CLIENT] };
}
