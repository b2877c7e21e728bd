/**
 * `npm run fuzz`: 100,000 specs through the parser — mutations of a valid spec, the hostile
 * shapes of issue #20 (deep nesting, alias bombs, several documents, tags, .nan/.inf, built-in and
 * non-ASCII names, loops) and random text. Every outcome must be a spec or a list of structured
 * problems (`structured.ts` says what that means); an exception or one unstructured message is a
 * bug, and fast-check prints the seed and the input to reproduce it. FUZZ_RUNS sets the total.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseSpec, formatIssue } from '../../simulator/spec/index.js';
import { hostileSpec, mutatedSpec, randomText } from './spec-mutations.js';
import { unstructuredReason } from './structured.js';

const base = readFileSync(new URL('../fixtures/specs/design-example.yaml', import.meta.url), 'utf8');
// Hostile shapes need no more than a Kafka topic and a Flink job around them; a small base keeps 100k inputs to minutes.
const small = readFileSync(new URL('../fixtures/specs/small-kafka-flink.yaml', import.meta.url), 'utf8');
const total = Number(process.env['FUZZ_RUNS'] ?? 100_000);
let accepted = 0;
let rejected = 0;
const check = (text: string) => {
  const r = parseSpec(text, 'fuzz.yaml');
  if (r.ok) accepted++;
  else {
    rejected++;
    if (r.errors.length === 0) throw new Error('rejected without a problem');
  }
  for (const issue of [...(r.ok ? [] : r.errors), ...r.warnings]) {
    const reason = unstructuredReason(issue);
    if (reason) throw new Error(`unstructured problem (${reason}): ${formatIssue(issue)}`);
  }
};
// YAML parsing dominates the time (about 10 ms for the 4.5 KB base on a busy machine), so it gets a quarter of the runs.
const shares: [string, fc.Arbitrary<string>, number][] = [
  ['mutated', mutatedSpec(base), 0.25],
  ['hostile, small base', hostileSpec(small), 0.3],
  ['hostile, full base', hostileSpec(base), 0.05],
  ['random', randomText(), 0.4],
];
const started = process.hrtime.bigint();
for (const [name, arbitrary, share] of shares) {
  const runs = Math.round(total * share);
  const t = process.hrtime.bigint();
  fc.assert(fc.property(arbitrary, check), { numRuns: runs });
  console.log(`  ${name}: ${runs} inputs in ${Math.round(Number(process.hrtime.bigint() - t) / 1e6)} ms`);
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
console.log(`fuzz: ${accepted + rejected} inputs in ${Math.round(ms)} ms — ${accepted} accepted, ${rejected} rejected, every problem structured, 0 crashes`);
