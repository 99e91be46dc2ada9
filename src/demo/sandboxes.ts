// The demo's DIP, UiTPAS and UiTdatabank settings point at local stand-ins (ports 4010, 4020, 4025:
// see src/demo/seed.ts and src/connectors/dip/demo.ts). `npm start` runs them in its own process
// when the demo organisation exists, so "test connection", the DIP push and the UiTPAS tariffs work
// out of the box. A port that is taken is left alone: whatever answers there (say `npm run
// sandbox:uitpas` in another terminal) gets the demo's calls.
import type { Deps } from '../platform/context.js';
import { startDipSandbox } from '../../sandboxes/dip/index.js';
import { startUitpasSandbox } from '../../sandboxes/uitpas/index.js';
import { startUitdatabankSandbox } from '../../sandboxes/uitdatabank/index.js';
import { demoOrganisation } from './mollie.js';

interface Running { baseUrl: string; close(): Promise<void> }

const STAND_INS: { name: string; port: number; start(port: number): Promise<Running> }[] = [
  { name: 'DIP', port: 4010, start: (port) => startDipSandbox({ host: '127.0.0.1', port }) },
  { name: 'UiTPAS', port: 4020, start: (port) => startUitpasSandbox({ host: '127.0.0.1', port }) },
  { name: 'UiTdatabank', port: 4025, start: (port) => startUitdatabankSandbox({ host: '127.0.0.1', port }) },
];

export interface DemoSandboxes {
  /** One line per stand-in for the start-up banner. */
  lines: string[];
  close(): Promise<void>;
}

export async function startDemoSandboxes(deps: Deps): Promise<DemoSandboxes | null> {
  if (!(await demoOrganisation(deps))) return null;
  const running: Running[] = [];
  const lines: string[] = [];
  for (const s of STAND_INS) {
    try {
      const r = await s.start(s.port);
      running.push(r);
      lines.push(`  ${`${s.name}:`.padEnd(11)} sandbox at ${r.baseUrl} (a stand-in, not the real platform)`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
      lines.push(`  ${`${s.name}:`.padEnd(11)} port ${s.port} is in use: the demo's calls go to whatever answers there`);
    }
  }
  return { lines, close: async () => { await Promise.all(running.map((r) => r.close())); } };
}
