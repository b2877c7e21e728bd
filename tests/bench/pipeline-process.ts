/**
 * One 1,000,000-record run in a process of its own, printed as one JSON line: run-bench.ts starts
 * it for the full pipeline and for the Lambda-vs-Kappa comparison. A fresh process per run keeps
 * one run's garbage (a million-record heap) from slowing the next, so the figures do not depend
 * on the order they are taken in.
 *
 * Usage: `node --import tsx tests/bench/pipeline-process.ts full|comparison [records]`.
 */
import { comparisonRun, fullPipeline } from './pipeline-bench.js';

const which = process.argv[2];
const records = Number(process.argv[3] ?? 1_000_000);
if (which !== 'full' && which !== 'comparison') throw new Error('usage: pipeline-process.ts full|comparison [records]');
const cpu0 = process.cpuUsage();
const run = which === 'full' ? fullPipeline(records) : comparisonRun(records);
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ...run, cpuMs: (cpu.user + cpu.system) / 1000 }));
