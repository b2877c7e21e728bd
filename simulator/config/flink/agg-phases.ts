/**
 * Whether Flink's planner runs a job's window aggregation in two phases (local-global).
 *
 * Flink docs, "Performance Tuning" → "Local-Global Aggregation": the aggregation is split into a local
 * phase, chained to the source subtasks, that accumulates each key's records it sees, and a global phase
 * after the shuffle that merges the partial results. A hot key then no longer sends all its records to one
 * subtask: it sends one partial result per source subtask. For window table function aggregations the
 * planner does this by itself (TwoStageOptimizedWindowAggregateRule) when all of these hold:
 * - `table.optimizer.agg-phase-strategy` is not ONE_PHASE (the default is AUTO);
 * - the window is on event time (a processing-time window must be materialised on one node);
 * - every aggregate function can merge partial results (COUNT, SUM, AVG can; COUNT(DISTINCT …) is
 *   left one-phase here, as its distinct state is kept per key);
 * - the input is not already distributed by the grouping key.
 * The legacy group windows (GROUP BY TUMBLE(ts, …)) and the session windows get no such split.
 */
import type { FlinkConfig } from './config-yaml.js';
import { flinkValue } from './config-yaml.js';

export interface AggregationShape {
  window?: { type: string };
  dedupe?: unknown;
}

export function runsLocalGlobal(job: AggregationShape, groupWindow: boolean, config: FlinkConfig): boolean {
  if (!job.window || groupWindow || job.window.type === 'session' || job.dedupe !== undefined) return false;
  return (flinkValue(config, 'table.optimizer.agg-phase-strategy') ?? 'AUTO').toUpperCase() !== 'ONE_PHASE';
}
