// The quota seam: every write that gives a basket line a ticket type (a new line, or a line changing
// type) passes through guardQuotas in its transaction; a new channel that writes lines without it fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/process.js';

const sources = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
  const p = path.join(dir, e.name);
  if (e.isDirectory()) return e.name === 'migrations' ? [] : sources(p);
  return e.name.endsWith('.ts') ? [p] : [];
});

/** Each statement that inserts basket lines or sets their ticket type, with the text of its function. */
function lineTypeWrites(text: string): { at: number; fn: string }[] {
  const writes = [...text.matchAll(/insertInto\('basket_lines'\)|updateTable\('basket_lines'\)\s*\.set\(\{[^}]*ticket_type_id/g)];
  // An insert built once at module level (insertedOnce) writes where its name is called.
  for (const d of text.matchAll(/const (\w+) = insertedOnce\('basket_lines'/g)) {
    const calls = [...text.matchAll(new RegExp(`\\b${d[1]}\\(`, 'g'))];
    if (calls.length === 0) throw new Error(`${d[1]} is declared but never called`);
    writes.push(...calls);
  }
  return writes.map((m) => {
    // The enclosing top-level function: from the last "\nexport async function"/"\nasync function" before it.
    const start = Math.max(text.lastIndexOf('\nexport async function', m.index), text.lastIndexOf('\nasync function', m.index));
    return { at: m.index!, fn: text.slice(start, m.index) };
  });
}

describe('the quota seam', () => {
  it('every write of a basket line with a ticket type calls guardQuotas first, in the same function', () => {
    const offending: string[] = [];
    let found = 0;
    for (const file of sources(path.join(REPO, 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const w of lineTypeWrites(text)) {
        found++;
        if (!w.fn.includes('guardQuotas(')) offending.push(`${path.relative(REPO, file)}:${text.slice(0, w.at).split('\n').length}`);
      }
    }
    expect(offending).toEqual([]);
    // addLines, changeLineType, pack places, UiTPAS apply and remove: the scan sees them all.
    expect(found).toBeGreaterThanOrEqual(5);
  });
});
