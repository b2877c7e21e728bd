/**
 * One 1,000,000-record run in a process of its own, printed as one JSON line: run-bench.ts starts
 * it for the full pipeline and for the Lambda-vs-Kappa comparison, and for the id reference under
 * the full pipeline (id-reference.ts). A fresh process per run keeps one run's garbage from slowing
 * the next, so the figures do not depend on the order they are taken in. With `--expose-gc` the
 * full pipeline also reports the heap its finished run keeps per record.
 *
 * Usage: `node --import tsx tests/bench/pipeline-process.ts full|comparison [records] [--reference] [--no-metrics]`.
 */
import { benchSpec, comparisonRun, fullPipeline } from './pipeline-bench.js';
import { idReference } from './id-reference.js';

const args = process.argv.slice(2);
const which = args[0];
const reference = args.includes('--reference');
const metrics = !args.includes('--no-metrics');
const records = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
if (which !== 'full' && which !== 'comparison') throw new Error('usage: pipeline-process.ts full|comparison [records] [--reference] [--no-metrics]');
const cpu0 = process.cpuUsage();
const run = reference ? idReference(benchSpec(which, records)) : which === 'full' ? fullPipeline(records, { metrics }) : comparisonRun(records);
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ...run, cpuMs: (cpu.user + cpu.system) / 1000 }));
