import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseSpec, formatIssue } from '../../../simulator/spec/index.js';
import { hostileSpec, mutatedSpec, randomText } from '../../fuzz/spec-mutations.js';
import { unstructuredReason } from '../../fuzz/structured.js';

const base = readFileSync(new URL('../../fixtures/specs/design-example.yaml', import.meta.url), 'utf8');
const small = readFileSync(new URL('../../fixtures/specs/small-kafka-flink.yaml', import.meta.url), 'utf8');

/** Every outcome is either a spec or a list of structured problems (tests/fuzz/structured.ts); nothing throws. */
function wellFormed(text: string): void {
  const r = parseSpec(text, 'fuzz.yaml');
  if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
  for (const e of [...(r.ok ? [] : r.errors), ...r.warnings]) {
    expect(e.file).toBe('fuzz.yaml');
    expect(unstructuredReason(e), formatIssue(e)).toBeUndefined();
  }
}

// A sample small enough for `npm test` (about two seconds); the 100,000-input run is `npm run fuzz`.
describe('the spec parser under fuzzing', () => {
  it('never throws on mutated specs', () => {
    fc.assert(fc.property(mutatedSpec(base), wellFormed), { numRuns: 80, seed: 20261125 });
  });

  it('gives structured problems for hostile shapes (nesting, aliases, documents, tags, .nan, built-in names, loops)', () => {
    fc.assert(fc.property(hostileSpec(small), wellFormed), { numRuns: 60, seed: 20261205 });
  });

  it('never throws on random text', () => {
    fc.assert(fc.property(randomText(), wellFormed), { numRuns: 250, seed: 7 });
  });
});
