/**
 * The instant the metric views answer for: the one set with `at <time>` in this terminal, or the
 * end of the run. Values come from the run's per-second metrics series (simulator/metrics), so a
 * view at 12.4 s shows the sample taken at 12 s — what a scrape once a second would have seen.
 */
import type { RunHandle } from '../run/run.js';
import type { ShellSession } from './types.js';
import { valueAt } from '../metrics/series.js';

export function instantOf(handle: RunHandle, session: ShellSession | undefined): number {
  const at = session?.atMs;
  return at === undefined ? handle.result.simulatedMs : Math.min(at, handle.result.simulatedMs);
}

/** A metric of a node at the instant; undefined when it was not reported (process down, metrics off). */
export function metricAt(handle: RunHandle, node: string, metric: string, atMs: number): number | undefined {
  const series = handle.result.metrics;
  return series ? valueAt(series, node, metric, atMs) : undefined;
}

/** Whether the run kept metrics at all (a run with `metrics: false` did not). */
export function hasMetrics(handle: RunHandle): boolean {
  return handle.result.metrics !== undefined;
}
