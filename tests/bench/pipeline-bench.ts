/** Whole-pipeline benchmarks: the run() path exactly as the CLI and the worker use it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runSync } from '../../simulator/run/run.js';
import type { PipelineSpec } from '../../simulator/spec/schema/pipeline.js';
import { FULL_PIPELINE, parseBenchSpec, withRecords } from './bench-specs.js';

export const COMPARISON_EXAMPLE = 'examples/lambda-vs-kappa.yaml';

/** The spec of one 1M-record bench: the full pipeline, or the Lambda-vs-Kappa example scaled to `records`. */
export function benchSpec(which: 'full' | 'comparison', records: number): PipelineSpec {
  if (which === 'full') return parseBenchSpec(FULL_PIPELINE(records), 'bench-full-pipeline');
  // From the working directory: npm runs the bench at the repository root. Same simulated
  // timeline as the example, denser traffic.
  return withRecords(parseBenchSpec(readFileSync(resolve(COMPARISON_EXAMPLE), 'utf8'), COMPARISON_EXAMPLE), records);
}

function timed(spec: PipelineSpec, options: { metrics?: boolean } = {}) {
  const t0 = process.hrtime.bigint();
  const handle = runSync(spec, options);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { handle, ms };
}

/**
 * Heap the run's handle keeps alive (what a finished run holds for the trace, terminal and ledger
 * views), per record: the used heap after a full collection with the handle held, less the used heap
 * before the run. Needs `--expose-gc`; 0 without it.
 */
function retainedBytes(before: number, keep: unknown): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return 0;
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (keep === null) throw new Error('unreachable');
  return after - before;
}

function heapNow(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

/** `metrics: false` runs without the operator metrics (simulator/metrics), for the cost comparison. */
export function fullPipeline(records: number, options: { metrics?: boolean } = {}) {
  const before = heapNow();
  const { handle, ms } = timed(benchSpec('full', records), options);
  const retained = retainedBytes(before, handle);
  const es = handle.result.outputs['es'];
  return {
    retainedBytesPerRecord: retained / handle.workload.total,
    records: handle.workload.total,
    events: handle.result.events,
    ms,
    samples: handle.result.metrics?.timesMs.length ?? 0,
    summary: es ? { exactlyOnce: es.exactlyOnce, duplicated: es.duplicated, lost: es.lost, inFlight: es.inFlight, late: es.late } : handle.result.outputs,
  };
}

/** The Lambda-vs-Kappa example scaled to `records` records. */
export function comparisonRun(records: number) {
  const { handle, ms } = timed(benchSpec('comparison', records));
  return { records: handle.workload.total, events: handle.result.events, ms };
}
