import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseSpec } from '../../../simulator/spec/index.js';
import { mutatedSpec, randomText } from '../../fuzz/spec-mutations.js';

const base = readFileSync(new URL('../../fixtures/specs/design-example.yaml', import.meta.url), 'utf8');

/** Every outcome is either a spec or a list of located errors; nothing throws. */
function wellFormed(text: string): void {
  const r = parseSpec(text, 'fuzz.yaml');
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(e.file).toBe('fuzz.yaml');
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.column).toBeGreaterThanOrEqual(1);
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
  }
}

describe('the spec parser under fuzzing (the full 20k-case run is `npm run fuzz`)', () => {
  it('never throws on mutated specs', () => {
    fc.assert(fc.property(mutatedSpec(base), wellFormed), { numRuns: 250, seed: 20261125 });
  });

  it('never throws on random text', () => {
    fc.assert(fc.property(randomText(), wellFormed), { numRuns: 250, seed: 7 });
  });
});
