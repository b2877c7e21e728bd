import { readFileSync } from 'node:fs';
import { parseSpec } from './simulator/spec/parse.js';
import { runSync } from './simulator/run/run.js';
const out = parseSpec(readFileSync(process.argv[2]!, 'utf8'));
if (!out.ok) { console.log(out.errors); process.exit(1); }
const h = runSync(out.spec);
const counts = h.countsOf('es');
const held = h.heldRecords();
const reasons = new Map<string, number>();
for (let rid = 0; rid < counts.length; rid++) {
  if (counts[rid] === 0) { const f = h.sim.ledger.fateOf(rid, 0, held, 'es'); reasons.set(f, (reasons.get(f) ?? 0) + 1); }
}
console.log(reasons);
console.log(JSON.stringify(h.result.outputs.es));
