// Demo data: the demo organisation talks to the local DIP sandbox (npm run sandbox:dip) with its
// demo credentials, and its DIP productions' performances are linked by number. DIP stays off
// until someone turns it on, so a demo without a running sandbox does not collect failing jobs.
import type { Db } from '../../platform/db.js';
import { defaultSettings, sealDipSecret } from './settings.js';
import { newLinkRow, saveSettings } from './store.js';

export const DEMO_DIP = { baseUrl: 'http://127.0.0.1:4010', clientId: 'foyer-demo', clientSecret: 'foyer-demo-secret' };

export async function configureDemoDip(
  db: Db, orgId: string, links: { performanceId: string; productionNumber: string; performanceNumber: number }[], now: Date,
): Promise<void> {
  await saveSettings(db, {
    ...defaultSettings(orgId, now), base_url: DEMO_DIP.baseUrl, client_id: DEMO_DIP.clientId,
    client_secret: await sealDipSecret(db, DEMO_DIP.clientSecret, now),
  });
  if (!links.length) return;
  await db.insertInto('dip_links').values(links.map((l) => newLinkRow(orgId, l.performanceId, l.productionNumber, l.performanceNumber, now.toISOString()))).execute();
}
