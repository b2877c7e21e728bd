/**
 * One 1,000,000-record run in a process of its own, printed as one JSON line: run-bench.ts starts
 * it for the full pipeline and for the Lambda-vs-Kappa comparison, and for the floor under each
 * (pipeline-floor.ts). A fresh process per run keeps one run's garbage (a million-record heap)
 * from slowing the next, so the figures do not depend on the order they are taken in.
 *
 * Usage: `node --import tsx tests/bench/pipeline-process.ts full|comparison [records] [--floor] [--no-metrics]`.
 */
import { benchSpec, comparisonRun, fullPipeline } from './pipeline-bench.js';
import { pipelineFloor } from './pipeline-floor.js';

const args = process.argv.slice(2);
const which = args[0];
const floor = args.includes('--floor');
const metrics = !args.includes('--no-metrics');
const records = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
if (which !== 'full' && which !== 'comparison') throw new Error('usage: pipeline-process.ts full|comparison [records] [--floor]');
const cpu0 = process.cpuUsage();
const run = floor ? pipelineFloor(benchSpec(which, records)) : which === 'full' ? fullPipeline(records, { metrics }) : comparisonRun(records);
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ...run, cpuMs: (cpu.user + cpu.system) / 1000 }));
