// `npm run build` (and `npm start` before it starts): the box office app into web/dist when its
// sources changed, and the server into dist/ as plain JavaScript. Running the bundle instead of the
// TypeScript through tsx saves ~80 MB per server process and the compile at every start.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ensureWebBuilt } from '../web/build-if-stale.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** src/server.ts and src/cli.ts bundled into dist/ (packages stay in node_modules). */
export async function buildServer(): Promise<void> {
  await build({
    entryPoints: [path.join(ROOT, 'src/server.ts'), path.join(ROOT, 'src/cli.ts')],
    outdir: path.join(ROOT, 'dist'),
    bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await ensureWebBuilt();
  await buildServer();
}
