// Loads the demo season (plan.ts) into an organisation of its own.
import { saveUitdatabankSettings } from '../connectors/uitdatabank/settings.js';
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../platform/context.js';
import { conflict } from '../platform/problems.js';
import { systemCtx } from '../platform/system-ctx.js';
import { createOrganisation } from '../organisations/service.js';
import { createUser } from '../staff/service.js';
import { createHall, createVenue } from '../venues/service.js';
import { createPerformance, createProduction } from '../productions/service.js';
import { createTicketType } from '../pricing/service.js';
import { putPriceList } from '../pricing/price-lists.js';
import { configureDemoDip } from '../connectors/dip/demo.js';
import { saveSettings } from '../connectors/uitpas/settings.js';
import { createDoor } from '../checkin/devices.js';
import { saveShopSettings } from '../shop/settings.js';
import {
  DEMO_ADMIN, DEMO_BOXOFFICE, DEMO_DOOR, DEMO_DOORS, DEMO_ORGANISATION, DEMO_PRODUCTIONS, DEMO_TICKET_TYPES, DEMO_VENUES,
  amsterdamSeatMap, demoPerformances, gentSeatMap, type DemoVenueKey,
} from './plan.js';

export interface DemoSeedResult {
  organisationId: string;
  performanceIds: Record<string, string>;
}

export async function isEmpty(deps: Deps): Promise<boolean> {
  return !(await deps.db.selectFrom('organisations').select('id').limit(1).executeTakeFirst());
}

export async function seedDemo(deps: Deps, log: FastifyBaseLogger): Promise<DemoSeedResult> {
  const now = deps.clock.now();
  // Seeding twice would leave a second, half-made demo organisation: its admin's e-mail is taken.
  const loaded = await deps.db.selectFrom('users').select('id').where('email', '=', DEMO_ADMIN.email).executeTakeFirst();
  if (loaded) throw conflict(`the demo data is already loaded (${DEMO_ADMIN.email} exists)`);
  const org = await createOrganisation(deps.db, DEMO_ORGANISATION, now, 'demo');
  const ctx = systemCtx(deps, org.id, log);
  await createUser(deps.db, org.id, { ...DEMO_ADMIN, role: 'admin' }, now);
  await createUser(deps.db, org.id, { ...DEMO_BOXOFFICE, role: 'boxoffice' }, now);
  await createUser(deps.db, org.id, { ...DEMO_DOOR, role: 'door' }, now);
  for (const name of DEMO_DOORS) await createDoor(ctx, name);
  // The web shop at /shop/demo/, in the demo theatre's colour.
  await saveShopSettings(ctx, { enabled: true, colour: '#8e1537' });

  const halls = {} as Record<DemoVenueKey, string>;
  for (const key of ['amsterdam', 'gent'] as const) {
    const v = DEMO_VENUES[key];
    const venue = await createVenue(ctx, v);
    const hall = await createHall(ctx, venue.id, v.hallName, key === 'amsterdam' ? amsterdamSeatMap() : gentSeatMap());
    halls[key] = hall.id;
  }

  // UiTPAS against the sandbox (npm run sandbox:uitpas), with its demo client and publiq's test organizer.
  await saveSettings(ctx, {
    clientId: 'foyer-demo', clientSecret: 'foyer-demo-secret', accountUrl: 'http://127.0.0.1:4020', apiUrl: 'http://127.0.0.1:4020',
    organizerId: '0ce87cbc-9299-4528-8d35-92225dc9489f', channels: { boxoffice: true, online: true },
  });
  // UiTdatabank's Search API against its sandbox (npm run sandbox:uitdatabank), to find a performance's event.
  await saveUitdatabankSettings(ctx, { searchUrl: 'http://127.0.0.1:4025', clientId: 'foyer-demo-search' });

  const types: Record<string, string> = {};
  for (const t of DEMO_TICKET_TYPES) {
    types[t.key] = (await createTicketType(ctx, {
      names: t.names, dipCategory: t.dipCategory, channels: t.channels, uitpas: !!t.uitpas, uitpasGroup: !!t.uitpasGroup,
    })).id;
  }

  const productions: Record<string, string> = {};
  for (const p of DEMO_PRODUCTIONS) {
    productions[p.key] = (await createProduction(ctx, {
      title: p.title, producer: p.producer, genre: p.genre, description: p.description, imageUrl: null,
      dipProductionId: p.dipProductionId,
    })).id;
  }

  const performanceIds: Record<string, string> = {};
  for (const perf of demoPerformances(now)) {
    const venue = perf.production.venue;
    const created = await createPerformance(ctx, {
      productionId: productions[perf.production.key], hallId: halls[venue], startsAt: perf.startsAt,
      durationMinutes: 150, doorsOpenMinutes: 45, status: 'on_sale', extraInfo: '',
      standardTicketTypeId: types.normaal, vatRate: venue === 'gent' ? 600 : 900,
      uitpasEnabled: venue === 'gent', uitdatabankEventId: perf.uitdatabankEventId, salesWindows: [],
    });
    await putPriceList(ctx, created.id, DEMO_TICKET_TYPES.flatMap((t) =>
      t.prices.map((amount, i) => ({ ticketTypeId: types[t.key], rank: i + 1, amount }))));
    performanceIds[perf.key] = created.id;
  }
  await configureDemoDip(deps.db, org.id, demoPerformances(now).filter((p) => p.production.dipProductionId && p.dipNumber !== null)
    .map((p) => ({ performanceId: performanceIds[p.key], productionNumber: p.production.dipProductionId!, performanceNumber: p.dipNumber! })), now);
  return { organisationId: org.id, performanceIds };
}

export function demoLoginText(baseUrl: string): string {
  return [
    'Demo data loaded: organisation "Demo Schouwburg".',
    `  Admin:      ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`,
    `  Box office: ${DEMO_BOXOFFICE.email} / ${DEMO_BOXOFFICE.password}`,
    `  Door:       ${DEMO_DOOR.email} / ${DEMO_DOOR.password} (scanner at ${baseUrl}/scan/)`,
    `  Log in:     curl -s -X POST ${baseUrl}/api/auth/login -H 'content-type: application/json' \\`,
    `                -d '{"email":"${DEMO_ADMIN.email}","password":"${DEMO_ADMIN.password}"}'`,
    `  API docs:   ${baseUrl}/docs`,
  ].join('\n');
}
