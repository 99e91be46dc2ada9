// A clone of the repository is all the code and tests need: nothing may read a file beside or above
// it (reference material kept next to a developer's checkout, an absolute path of one machine).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/process.js';

const ROOTS = ['src', 'test', 'sandboxes', 'scripts', 'bench', 'web', '.ci', 'vitest.config.ts', 'eslint.config.js', 'package.json', 'tsconfig.json'];
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);
const TEXT = /\.(ts|tsx|mts|cts|js|mjs|cjs|json|sh|html|css|ya?ml)$/;

function files(rel: string): string[] {
  const abs = path.join(REPO, rel);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [rel];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const child = path.posix.join(rel, e.name);
    if (e.isDirectory()) return SKIP_DIRS.has(e.name) ? [] : files(child);
    // Extensionless files in .ci are shell scripts.
    return TEXT.test(e.name) || (rel.startsWith('.ci') && !e.name.includes('.')) ? [child] : [];
  });
}

// Spelled in pieces so that this file does not trip its own check.
const SHARED = ['..', 'shared'].join('/');
const REFERENCE = ['shared', 'reference'].join('/');
const MARKERS: [RegExp, string][] = [
  [new RegExp(SHARED.replace(/\./g, '\\.')), `names ${SHARED}`],
  [new RegExp(REFERENCE), `names ${REFERENCE}`],
  [/(^|[^\w.~-])\/work\//, 'names an absolute /work path'],
  [/\b(ROOT|REPO|repoRoot|process\.cwd\(\))\s*,\s*['"`]\.\.['"`/]/, "walks '..' above the repository root"],
];
const RELATIVE = /(['"`])(\.\.?(?:\/[^'"`\s]*)?)\1/g;

/** Lines that reach outside the repository: file:line: reason. */
export function outsideReferences(rel: string, text: string): string[] {
  const dir = path.posix.dirname(rel);
  return text.split('\n').flatMap((line, i) => {
    const where = `${rel}:${i + 1}`;
    const found = MARKERS.filter(([re]) => re.test(line)).map(([, why]) => `${where}: ${why}`);
    // Relative literals on one line (path.resolve(here, '..', '..')) are walked from the file's folder.
    const parts = [...line.matchAll(RELATIVE)].map((m) => m[2]);
    if (parts.length && path.posix.join(dir, ...parts).split('/')[0] === '..') {
      found.push(`${where}: ${parts.join(' ')} leaves the repository`);
    }
    return found;
  });
}

describe('the repository is self-contained', () => {
  it('finds a reference outside the repository when there is one', () => {
    expect(outsideReferences('sandboxes/uitpas/x.ts', `path.resolve(here, '../../../${REFERENCE}/a.json')`)).toHaveLength(3);
    expect(outsideReferences('src/a.ts', "fs.readFileSync('/work/data/x.json')")).toEqual(['src/a.ts:1: names an absolute /work path']);
    expect(outsideReferences('test/helpers/a.ts', "path.resolve(here, '..', '..', '..', 'x')")).toEqual(["test/helpers/a.ts:1: .. .. .. leaves the repository"]);
    expect(outsideReferences('scripts/a.ts', "path.join(ROOT, '..', 'x')")).toHaveLength(1);
    expect(outsideReferences('web/src/api/types.ts', "import type { X } from '../../../src/baskets/schemas.js';")).toEqual([]);
    expect(outsideReferences('test/helpers/p.ts', "path.resolve(dirname(fileURLToPath(import.meta.url)), '../..')")).toEqual([]);
    expect(outsideReferences('src/a.ts', "fetch('https://example.org/work/x')")).toEqual([]);
  });

  it('no code, test, script or config reads anything beside or above the repository', () => {
    const self = 'test/foundation/self-contained.test.ts'; // its examples are what it looks for
    const all = ROOTS.flatMap(files).filter((f) => f !== self);
    expect(all.length).toBeGreaterThan(100);
    const found = all.flatMap((rel) => outsideReferences(rel, fs.readFileSync(path.join(REPO, rel), 'utf8')));
    expect(found).toEqual([]);
  });
});
