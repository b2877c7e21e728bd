/**
 * `npm run fuzz`: 20,000 mutated and random specs through the parser. Any exception other
 * than a structured SpecIssue list is a bug; the failing input is printed to reproduce it.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseSpec } from '../../simulator/spec/index.js';
import { mutatedSpec, randomText } from './spec-mutations.js';

const base = readFileSync(new URL('../fixtures/specs/design-example.yaml', import.meta.url), 'utf8');
const runs = Number(process.env['FUZZ_RUNS'] ?? 10_000);
let accepted = 0;
let rejected = 0;
const check = (text: string) => {
  const r = parseSpec(text, 'fuzz.yaml');
  if (r.ok) accepted++;
  else {
    rejected++;
    if (r.errors.some((e) => !(e.line >= 1 && e.column >= 1 && e.message))) throw new Error(`malformed issue for input:\n${text}`);
  }
};
const started = process.hrtime.bigint();
fc.assert(fc.property(mutatedSpec(base), check), { numRuns: runs });
fc.assert(fc.property(randomText(), check), { numRuns: runs });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
console.log(`fuzz: ${2 * runs} inputs in ${Math.round(ms)} ms — ${accepted} accepted, ${rejected} rejected with located errors, 0 crashes`);
