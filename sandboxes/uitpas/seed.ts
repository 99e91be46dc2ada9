// publiq's public UiTPAS test data (its test organizer, events and passes), plus one UiTPAS event per Gent demo
// performance of Foyer's demo season, owned by the test organizer so the demo client can sell them.
import { demoPerformances, stableUuid } from '../../src/demo/plan.js';
import { zonedToUtc } from '../../src/platform/time.js';
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
    uitpasNumber, chipNumber: null, insz: null, comment: null, passType: 'INDIVIDUAL', cardStatus: 'ACTIVE', holder: null,
    socialTariff: { status: 'NONE' }, coupons: [], groupLimit: null, points: 0, ...p,
  };
}

const coupon = (id: string, name: string, cardSystemId: number, discount: number, limit: Coupon['limit']): Coupon =>
  ({ id, name, cardSystemId, discount, limit });

const ACTIVE_UNTIL = { status: 'ACTIVE' as const, endDate: '2030-12-31T23:59:59+01:00' };
const EXPIRED_SINCE = { status: 'EXPIRED' as const, endDate: '2024-12-31T23:59:59+01:00' };
const POINTS = 'Use this pass for points rewards';

/**
 * publiq's test-dataset page, row by row: UiTPAS number, chip number, INSZ, social tariff, postal
 * code, coupons, card status and remark. Names and dates of birth are the sandbox's own (publiq
 * lists none). publiq lists 0900004518305 twice (a parent and a child of one online family account,
 * each with an INSZ): both rows are here; the number finds the first, each INSZ its own row.
 */
export const TEST_PASSES: Pass[] = [
  pass('0900000095902', {
    chipNumber: '04784CDAEE3880', insz: '83030201540', comment: POINTS, cardSystemId: GENT,
    holder: holder('95902', 'Tine', 'Zondertarief', '1983-03-02', '9000', 'Gent'), points: 12,
  }),
  pass('0900000067513', {
    chipNumber: '04363CDAEE3880', insz: '36051380284', comment: POINTS, cardSystemId: GENT,
    holder: holder('67513', 'Jan', 'Kansentarief', '1936-05-13', '9090', 'Melle'), socialTariff: ACTIVE_UNTIL, points: 40,
  }),
  pass('0900000031618', {
    chipNumber: '04CEE7528E6180', insz: '66010101785', cardSystemId: GENT,
    holder: holder('31618', 'Els', 'Verlopen', '1966-01-01', '9000', 'Gent'), socialTariff: EXPIRED_SINCE,
  }),
  pass('0900010959113', {
    chipNumber: '04ED6ACACF6180', insz: '08091860684', cardSystemId: GENT,
    holder: holder('959113', 'Karim', 'Gentbrugge', '2008-09-18', '9090', 'Melle'), socialTariff: ACTIVE_UNTIL,
  }),
  pass('0900000002312', {
    chipNumber: '04B00412F15284', insz: '71030360442', cardSystemId: GENT, cardStatus: 'BLOCKED',
    holder: holder('2312', 'Bart', 'Geblokkeerd', '1971-03-03', '9000', 'Gent'), socialTariff: ACTIVE_UNTIL,
  }),
  pass('0900000058918', {
    chipNumber: '045157B2B63780', insz: '17010180147', cardSystemId: PASPARTOE,
    holder: holder('58918', 'Sofie', 'Brussel', '2017-01-01', '1000', 'Brussel'), socialTariff: EXPIRED_SINCE,
  }),
  pass('1000000520006', {
    chipNumber: '045A4832633680', insz: '80010101392', cardSystemId: GENT,
    holder: holder('520006', 'Pieter', 'Regulier', '1980-01-01', '9000', 'Gent'),
  }),
  pass('0900000093204', {
    chipNumber: '045D69DAEE3880', insz: '10010105762', cardSystemId: DENDER,
    holder: holder('93204', 'Lotte', 'Andereregio', '2010-01-01', '9000', 'Gent'), socialTariff: ACTIVE_UNTIL,
    coupons: [
      coupon('COUPON_9321', 'Dender Cultuurbon', DENDER, 5, { volume: 1, periodType: 'YEAR' }),
      coupon('COUPON_9322', 'Dender Sportbon', DENDER, 3, { volume: 2, periodType: 'YEAR' }),
    ],
  }),
  pass('0900004518305', {
    insz: '80010170282', comment: 'Online UiTPAS, family account', cardSystemId: GENT,
    holder: holder('4518305', 'Online', 'Gezin', '1980-01-01', '9000', 'Gent'),
  }),
  pass('0900004518305', {
    insz: '20010170215', comment: 'Daughter of above user, child', cardSystemId: GENT,
    holder: holder('4518305-child', 'Online', 'Dochter', '2020-01-01', '9000', 'Gent'),
  }),
  pass('0900011902815', {
    insz: '91063061055', comment: 'Online UiTPAS, family account', cardSystemId: GENT,
    holder: holder('11902815', 'Online', 'Kansengezin', '1991-06-30', '9000', 'Gent'), socialTariff: ACTIVE_UNTIL,
  }),
  pass('0900011903417', {
    insz: '15021760024', comment: 'Daughter of above user, child', cardSystemId: GENT,
    holder: holder('11903417', 'Online', 'Kansendochter', '2015-02-17', '9000', 'Gent'), socialTariff: ACTIVE_UNTIL,
  }),
  pass('0900000074519', { chipNumber: '044AC54A8E6180', cardSystemId: GENT, cardStatus: 'LOCAL_STOCK', socialTariff: ACTIVE_UNTIL }),
  pass('0900000020405', { chipNumber: '047E2EEA053B80', cardSystemId: GENT, cardStatus: 'LOCAL_STOCK' }),
  pass('0900000045410', {
    chipNumber: '04D0AB6AF85C80', passType: 'GROUP', cardSystemId: GENT,
    holder: holder('45410', '[TEST] Groep Kansentarief', '', '2000-01-01', '9000', 'Gent'), socialTariff: ACTIVE_UNTIL,
  }),
  pass('0900000191800', {
    chipNumber: '048B25DAEE3880', passType: 'GROUP', comment: 'max. 50 ticketsales per day', cardSystemId: GENT,
    holder: holder('191800', '[TEST] Groep Coupons', '', '2000-01-01', '9000', 'Gent'),
    coupons: [coupon('COUPON_1918', 'Groepsbon Gent 3 euro', GENT, 3, null)], groupLimit: { volume: 50, periodType: 'DAY' },
  }),
];

function testEvents(): UitpasEvent[] {
  const base = { organizerId: TEST_ORGANIZER_ID, cardSystemIds: [GENT, PASPARTOE], tariffRule: null };
  return [
    { ...base, id: EVENT_100_PER_WEEK, name: 'Permanente UiTPAS Test Festiviteit', passholderTicketLimit: { volume: 100, periodType: 'WEEK' } },
    { ...base, id: EVENT_1_PER_WEEK, name: 'Test event met beperkte aankoop', passholderTicketLimit: { volume: 1, periodType: 'WEEK' }, tariffRule: { kind: 'fixed', price: 2 } },
    { ...base, id: EVENT_OTHER_ORGANIZER, name: 'Test event with no permission', organizerId: OTHER_ORGANIZER_ID, cardSystemIds: [GENT], passholderTicketLimit: null },
  ];
}

const HOUR = 3_600_000;

/** One event per Gent demo performance of the season around `now`; check-ins from 2 hours before to 4 hours after the start. */
export function demoEvents(now: Date): UitpasEvent[] {
  return demoPerformances(now).flatMap((p) => {
    if (!p.uitdatabankEventId) return [];
    const start = zonedToUtc(p.startsAt, 'Europe/Brussels').getTime();
    return [{
      id: p.uitdatabankEventId, name: `${p.production.title} (${p.startsAt.replace('T', ' ')})`, organizerId: TEST_ORGANIZER_ID,
      cardSystemIds: [GENT, PASPARTOE], passholderTicketLimit: { volume: 100, periodType: 'DAY' as const }, tariffRule: null,
      checkinWindow: { from: new Date(start - 2 * HOUR).toISOString(), to: new Date(start + 4 * HOUR).toISOString() },
    }];
  });
}

export function defaultClients(): Client[] {
  return [
    {
      ...DEMO_CLIENT, name: 'Foyer demo',
      organizers: [{
        organizerId: TEST_ORGANIZER_ID,
        permissions: [
          'TARIFFS_READ', 'TICKETSALES_REGISTER', 'TICKETSALES_SEARCH', 'PASSES_READ', 'EVENT_SETTINGS_READ', 'CHECKINS_WRITE',
          'PASSHOLDER_COUPONS_READ', 'REWARDS_PASSHOLDERS_READ',
        ],
      }],
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
    passes: structuredClone(TEST_PASSES),
    clients,
    rewards: [
      { id: 'REWARD_T1', title: '[TEST] Gratis koffie in de foyer', type: 'POINTS', points: 1, promotionalDescription: 'Een koffie of thee bij een voorstelling.', organizerIds: [TEST_ORGANIZER_ID], cardSystemIds: [GENT, PASPARTOE, DENDER] },
      { id: 'REWARD_T2', title: '[TEST] Programmaboekje', type: 'POINTS', points: 5, promotionalDescription: 'Het programmaboekje van het seizoen.', organizerIds: [TEST_ORGANIZER_ID], cardSystemIds: [GENT, PASPARTOE] },
      { id: 'REWARD_T3', title: '[TEST] Duoticket', type: 'POINTS', points: 20, promotionalDescription: 'Twee tickets voor de prijs van één.', organizerIds: [TEST_ORGANIZER_ID], cardSystemIds: [GENT] },
    ],
  };
}
