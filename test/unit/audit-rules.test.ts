import { describe, expect, it } from 'vitest';
import { diff, withoutSecrets } from '../../src/audit/rules.js';

describe('audit trail: what counts as a change', () => {
  it('keeps only the fields that differ, with before and after', () => {
    expect(diff({ title: 'Hamlet', price: 2500, hall: 'a' }, { title: 'Hamlet', price: 2750 })).toEqual({ price: [2500, 2750] });
  });
  it('treats a new record as every field changed from nothing', () => {
    expect(diff(null, { name: 'Zaal 1', capacity: 300 })).toEqual({ name: [null, 'Zaal 1'], capacity: [null, 300] });
  });
  it('never keeps a password or a secret, only that it changed', () => {
    expect(withoutSecrets({ password_hash: ['x', 'y'], name: ['A', 'B'] })).toEqual({ password_hash: ['•••', '•••'], name: ['A', 'B'] });
  });
});
