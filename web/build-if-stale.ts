// Builds web/dist when it is missing or older than the app's sources; `npm start` and the browser
// tests call this. A lock directory keeps two callers from building into the same folder at once.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('.', import.meta.url));
const DIST_INDEX = path.join(WEB, 'dist', 'index.html');
const SOURCES = [
  path.join(WEB, 'src'), path.join(WEB, 'index.html'), path.join(WEB, 'shop'), path.join(WEB, 'shop.html'), path.join(WEB, 'public'),
  path.join(WEB, 'scan'), path.join(WEB, 'vite.config.ts'),
];
const LOCK = path.join(WEB, '.build-lock');

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, name) => Math.max(m, newestMtime(path.join(p, name))), st.mtimeMs);
}

export function isStale(): boolean {
  if (!fs.existsSync(DIST_INDEX)) return true;
  return Math.max(...SOURCES.map(newestMtime)) > fs.statSync(DIST_INDEX).mtimeMs;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function ensureWebBuilt(): Promise<void> {
  for (let waited = 0; ; waited += 250) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      if (waited > 180_000) fs.rmSync(LOCK, { recursive: true, force: true }); // a crashed builder's lock
      await sleep(250);
    }
  }
  try {
    if (!isStale()) return;
    const vite = path.join(WEB, '..', 'node_modules', 'vite', 'bin', 'vite.js');
    // The build users get, also when a test runner (NODE_ENV=test) asks: React's production build, the service worker.
    execFileSync(process.execPath, [vite, 'build', '--config', path.join(WEB, 'vite.config.ts'), '--logLevel', 'warn'], {
      stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' },
    });
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await ensureWebBuilt();
}
