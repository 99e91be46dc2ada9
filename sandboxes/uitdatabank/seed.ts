// publiq's UiTPAS test events as UiTdatabank lists them (organised by the UiTPAS test organizer, with
// its card systems' labels), one event per Gent demo performance, and a few that fail UiTPAS's
// preconditions: a look-alike event by an organizer outside UiTPAS, one without the UiTPAS label,
// and a draft (hidden by the default filters).
import { demoPerformances, stableUuid } from '../../src/demo/plan.js';
import { zonedToUtc } from '../../src/platform/time.js';
import type { SandboxClient, SandboxEvent, SandboxOrganizer, SandboxPlace } from './model.js';

export const IO_BASE = 'https://io-test.uitdatabank.be';

export const UITPAS_TEST_ORGANIZER = '0ce87cbc-9299-4528-8d35-92225dc9489f';
export const NON_UITPAS_ORGANIZER = stableUuid('uitdatabank-sandbox:organizer:comedy-kelder');
export const DEMO_VENUE_PLACE = stableUuid('uitdatabank-sandbox:place:demo-gent');
export const TEST_PLACE = stableUuid('uitdatabank-sandbox:place:uitpas-test');
export const LOOKALIKE_PREFIX = 'uitdatabank-sandbox:lookalike:';

export const SEARCH_CLIENT: SandboxClient = { clientId: 'foyer-demo-search', searchApi: true };
/** Known to publiq, but without Search API access: 403. */
export const NO_SEARCH_CLIENT: SandboxClient = { clientId: 'foyer-demo-no-search', searchApi: false };

const CARD_SYSTEM_LABELS = ['UiTPAS Gent', 'Paspartoe'];
const HOUR = 3_600_000;

export function seedPlaces(): SandboxPlace[] {
  return [
    {
      id: DEMO_VENUE_PLACE, name: { nl: 'Demo Schouwburg Gent' },
      address: { addressCountry: 'BE', addressLocality: 'Gent', postalCode: '9000', streetAddress: 'Sint-Baafsplein 17' },
    },
    {
      id: TEST_PLACE, name: { nl: '[TEST] UiTPAS locatie Gent' },
      address: { addressCountry: 'BE', addressLocality: 'Gent', postalCode: '9000', streetAddress: 'Testlaan 1' },
    },
  ];
}

export function seedOrganizers(): SandboxOrganizer[] {
  return [
    { id: UITPAS_TEST_ORGANIZER, name: { nl: '[TEST] UiTPAS Organisatie (Regio Gent + Paspartoe)' }, labels: CARD_SYSTEM_LABELS, hiddenLabels: [] },
    { id: NON_UITPAS_ORGANIZER, name: { nl: 'Comedy Kelder vzw' }, labels: [], hiddenLabels: [] },
  ];
}

export function seedEvents(now: Date): SandboxEvent[] {
  const created = new Date(now.getTime() - 90 * 24 * HOUR).toISOString();
  const permanent = (id: string, nl: string): SandboxEvent => ({
    id, name: { nl }, calendarType: 'permanent', locationId: TEST_PLACE, organizerId: UITPAS_TEST_ORGANIZER,
    labels: CARD_SYSTEM_LABELS, hiddenLabels: [], workflowStatus: 'APPROVED', created,
  });
  const events: SandboxEvent[] = [
    permanent('5a0967f9-cc06-4c3c-9206-30481a767434', 'Permanente UiTPAS Test Festiviteit'),
    permanent('d83b5b8a-108a-45d6-9ac9-8bdc44a0a24a', 'Test event met beperkte aankoop'),
  ];
  for (const p of demoPerformances(now)) {
    if (!p.uitdatabankEventId) continue;
    const start = zonedToUtc(p.startsAt, 'Europe/Brussels');
    const single = {
      name: { nl: p.production.title }, description: { nl: p.production.description }, calendarType: 'single' as const,
      startDate: start.toISOString(), endDate: new Date(start.getTime() + 2 * HOUR).toISOString(), locationId: DEMO_VENUE_PLACE,
      hiddenLabels: [], workflowStatus: 'APPROVED' as const, created,
    };
    events.push({ ...single, id: p.uitdatabankEventId, organizerId: UITPAS_TEST_ORGANIZER, labels: CARD_SYSTEM_LABELS });
    if (p.production.key === 'gent-comedy') {
      // The comedy club entered the same evening itself: not in UiTPAS, not by a UiTPAS organizer.
      events.push({ ...single, id: stableUuid(`${LOOKALIKE_PREFIX}${p.key}`), organizerId: NON_UITPAS_ORGANIZER, labels: [] });
    }
    if (p.production.key === 'gent-kinder') {
      // The theatre's own entry, by the UiTPAS organizer but without UiTPAS switched on for it.
      events.push({ ...single, id: stableUuid(`${LOOKALIKE_PREFIX}${p.key}`), organizerId: UITPAS_TEST_ORGANIZER, labels: [] });
      events.push({ ...single, id: stableUuid(`uitdatabank-sandbox:draft:${p.key}`), organizerId: UITPAS_TEST_ORGANIZER, labels: CARD_SYSTEM_LABELS, workflowStatus: 'DRAFT' });
    }
  }
  return events;
}
