// publiq's public UiTPAS test data (its test organizer, events and passes), plus one UiTPAS event per Gent demo
// performance of Foyer's demo season, owned by the test organizer so the demo client can sell them.
import { demoPerformances, stableUuid } from '../../src/demo/plan.js';
import type { CardSystem, Client, Coupon, Pass, Passholder, UitpasEvent, World } from './model.js';

export const TEST_ORGANIZER_ID = '0ce87cbc-9299-4528-8d35-92225dc9489f';
export const OTHER_ORGANIZER_ID = stableUuid('uitpas-sandbox:other-organizer');
export const EVENT_100_PER_WEEK = '5a0967f9-cc06-4c3c-9206-30481a767434';
export const EVENT_1_PER_WEEK = 'd83b5b8a-108a-45d6-9ac9-8bdc44a0a24a';
export const EVENT_OTHER_ORGANIZER = '373d6cee-b4ae-4637-9b7c-eeb79e45f044';

export const DEMO_CLIENT = { clientId: 'foyer-demo', clientSecret: 'foyer-demo-secret' };
/** Lacks TICKETSALES_REGISTER: for testing a connector's permission check. */
export const LIMITED_CLIENT = { clientId: 'foyer-demo-limited', clientSecret: 'foyer-demo-limited-secret' };

const GENT = 8;
const PASPARTOE = 4;
const DENDER = 1;

export const CARD_SYSTEMS: CardSystem[] = [
  { id: DENDER, name: 'UiTPAS Dender', cities: [{ postalCode: '9300', name: 'Aalst' }, { postalCode: '9400', name: 'Ninove' }] },
  { id: PASPARTOE, name: 'Paspartoe', cities: [{ postalCode: '1000', name: 'Brussel' }, { postalCode: '1030', name: 'Schaarbeek' }] },
  {
    id: GENT, name: 'UiTPAS Gent',
    cities: [{ postalCode: '9000', name: 'Gent' }, { postalCode: '9050', name: 'Gentbrugge' }, { postalCode: '9090', name: 'Melle' }],
  },
];

const holder = (key: string, firstName: string, lastName: string, dateOfBirth: string, postalCode: string, city: string): Passholder =>
  ({ id: stableUuid(`uitpas-sandbox:passholder:${key}`), firstName, lastName, dateOfBirth, postalCode, city });

function pass(uitpasNumber: string, p: Partial<Pass> & Pick<Pass, 'cardSystemId'>): Pass {
  return {
    uitpasNumber, passType: 'INDIVIDUAL', cardStatus: 'ACTIVE', holder: null, socialTariff: { status: 'NONE' },
    coupons: [], groupLimit: null, points: 0, ...p,
  };
}

const coupon = (id: string, name: string, cardSystemId: number, discount: number, limit: Coupon['limit']): Coupon =>
  ({ id, name, cardSystemId, discount, limit });

const ACTIVE_UNTIL = { status: 'ACTIVE' as const, endDate: '2030-12-31T23:59:59+01:00' };
const EXPIRED_SINCE = { status: 'EXPIRED' as const, endDate: '2024-12-31T23:59:59+01:00' };

export const TEST_PASSES: Pass[] = [
  pass('0900000095902', { cardSystemId: GENT, holder: holder('95902', 'Tine', 'Zondertarief', '1985-03-14', '9000', 'Gent'), points: 12 }),
  pass('0900000067513', { cardSystemId: GENT, holder: holder('67513', 'Jan', 'Kansentarief', '1979-11-02', '9090', 'Melle'), socialTariff: ACTIVE_UNTIL, points: 40 }),
  pass('0900000031618', {
    cardSystemId: GENT, holder: holder('31618', 'Els', 'Verlopen', '1990-06-21', '9000', 'Gent'), socialTariff: EXPIRED_SINCE,
    coupons: [coupon('COUPON_3161', 'Cultuurbon Gent 5 euro', GENT, 5, { volume: 1, periodType: 'ABSOLUTE' })],
  }),
  pass('0900010959113', { cardSystemId: GENT, holder: holder('959113', 'Karim', 'Gentbrugge', '2001-01-30', '9050', 'Gentbrugge'), socialTariff: ACTIVE_UNTIL }),
  pass('0900000002312', { cardSystemId: GENT, cardStatus: 'BLOCKED', holder: holder('2312', 'Bart', 'Geblokkeerd', '1972-09-09', '9000', 'Gent'), socialTariff: ACTIVE_UNTIL }),
  pass('0900000058918', { cardSystemId: PASPARTOE, holder: holder('58918', 'Sofie', 'Brussel', '1968-04-04', '1000', 'Brussel'), socialTariff: EXPIRED_SINCE }),
  pass('1000000520006', { cardSystemId: GENT, holder: holder('520006', 'Pieter', 'Regulier', '1995-12-12', '9000', 'Gent') }),
  pass('0900000093204', {
    cardSystemId: DENDER, holder: holder('93204', 'Lotte', 'Andereregio', '1988-08-08', '9300', 'Aalst'), socialTariff: ACTIVE_UNTIL,
    coupons: [
      coupon('COUPON_9321', 'Dender Cultuurbon', DENDER, 5, { volume: 1, periodType: 'YEAR' }),
      coupon('COUPON_9322', 'Dender Sportbon', DENDER, 3, { volume: 2, periodType: 'YEAR' }),
    ],
  }),
  pass('0900000074519', { cardSystemId: GENT, cardStatus: 'LOCAL_STOCK' }),
  pass('0900000020405', { cardSystemId: GENT, cardStatus: 'LOCAL_STOCK' }),
  pass('0900000045410', {
    passType: 'GROUP', cardSystemId: GENT, holder: holder('45410', '[TEST] Groep Kansentarief', '', '2000-01-01', '9000', 'Gent'),
    socialTariff: ACTIVE_UNTIL, groupLimit: { volume: 20, periodType: 'DAY' },
  }),
  pass('0900000191800', {
    passType: 'GROUP', cardSystemId: GENT, holder: holder('191800', '[TEST] Groep Coupons', '', '2000-01-01', '9000', 'Gent'),
    coupons: [coupon('COUPON_1918', 'Groepsbon Gent 3 euro', GENT, 3, null)], groupLimit: { volume: 50, periodType: 'DAY' },
  }),
];

function testEvents(): UitpasEvent[] {
  const base = { organizerId: TEST_ORGANIZER_ID, cardSystemIds: [GENT, PASPARTOE], tariffRule: null };
  return [
    { ...base, id: EVENT_100_PER_WEEK, name: 'Permanente UiTPAS Test Festiviteit', passholderTicketLimit: { volume: 100, periodType: 'WEEK' } },
    { ...base, id: EVENT_1_PER_WEEK, name: '[TEST] UiTPAS activiteit: 1 ticket per week', passholderTicketLimit: { volume: 1, periodType: 'WEEK' }, tariffRule: { kind: 'fixed', price: 2 } },
    { ...base, id: EVENT_OTHER_ORGANIZER, name: '[TEST] Activiteit van een andere organisator', organizerId: OTHER_ORGANIZER_ID, cardSystemIds: [GENT], passholderTicketLimit: null },
  ];
}

/** One event per Gent demo performance of the season around `now`. */
export function demoEvents(now: Date): UitpasEvent[] {
  return demoPerformances(now).flatMap((p) => p.uitdatabankEventId ? [{
    id: p.uitdatabankEventId, name: `${p.production.title} (${p.startsAt.replace('T', ' ')})`, organizerId: TEST_ORGANIZER_ID,
    cardSystemIds: [GENT, PASPARTOE], passholderTicketLimit: { volume: 100, periodType: 'DAY' as const }, tariffRule: null,
  }] : []);
}

export function defaultClients(): Client[] {
  return [
    {
      ...DEMO_CLIENT, name: 'Foyer demo',
      organizers: [{ organizerId: TEST_ORGANIZER_ID, permissions: ['TARIFFS_READ', 'TICKETSALES_REGISTER', 'TICKETSALES_SEARCH', 'PASSES_READ', 'EVENT_SETTINGS_READ'] }],
    },
    {
      ...LIMITED_CLIENT, name: 'Foyer demo (zonder registratierecht)',
      organizers: [{ organizerId: TEST_ORGANIZER_ID, permissions: ['TARIFFS_READ', 'TICKETSALES_SEARCH', 'PASSES_READ'] }],
    },
  ];
}

export function seedWorld(now: Date, clients: Client[] = defaultClients()): World {
  return {
    cardSystems: CARD_SYSTEMS,
    organizers: [
      { id: TEST_ORGANIZER_ID, name: '[TEST] UiTPAS Organisatie (Regio Gent + Paspartoe)', address: { postalCode: '9000', city: 'Gent' }, cardSystemIds: [GENT, PASPARTOE] },
      { id: OTHER_ORGANIZER_ID, name: '[TEST] Andere UiTPAS Organisatie', address: { postalCode: '9000', city: 'Gent' }, cardSystemIds: [GENT] },
    ],
    events: [...testEvents(), ...demoEvents(now)],
    passes: TEST_PASSES,
    clients,
  };
}
