// The checkout seam: orders/ knows the participants of a sale only as registered steps, so it
// imports no connector and no payment provider (architecture: no circular capabilities).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/process.js';

describe('the checkout seam', () => {
  it('leaves src/orders free of imports of connectors and payments', () => {
    const dir = path.join(REPO, 'src/orders');
    const offending = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).flatMap((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      return [...text.matchAll(/from '(\.\.\/(?:connectors|payments|online)[^']*)'/g)].map((m) => `${f}: ${m[1]}`);
    });
    expect(offending).toEqual([]);
  });

  it('registers places, packs, streams, UiTPAS and the recorded payment as steps in rank order', async () => {
    await import('../../src/sale-steps.js');
    const { saleSteps } = await import('../../src/orders/steps.js');
    const names = saleSteps().map((s) => s.name);
    for (const n of ['places', 'packs', 'streams', 'uitpas', 'payment.recorded']) expect(names).toContain(n);
    const ranks = saleSteps().map((s) => s.rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(names.indexOf('places')).toBeLessThan(names.indexOf('uitpas'));
  });
});
