/**
 * The metrics time series a run keeps (RunResult.metrics): one shared list of sample times and,
 * per node address and metric name, one value per sample. `null` means nothing was reported then:
 * the process was down (a scrape of a dead exporter fails) or did not exist yet. Plain arrays of
 * numbers, so the whole thing is small in JSON and survives structured cloning.
 */
export interface MetricsSeries {
  /** Simulated ms between samples. */
  everyMs: number;
  timesMs: number[];
  /** node address → metric name → value per sample (aligned with timesMs). */
  nodes: Record<string, Record<string, (number | null)[]>>;
}

/** The value of one metric of one node at (or just before) `timeMs`; undefined if none was reported. */
export function valueAt(series: MetricsSeries, node: string, metric: string, timeMs: number): number | undefined {
  const values = series.nodes[node]?.[metric];
  if (!values) return undefined;
  const i = sampleIndexAt(series, timeMs);
  if (i < 0) return undefined;
  return values[i] ?? undefined;
}

/** Index of the last sample at or before `timeMs` (-1 before the first). Binary search: times ascend. */
export function sampleIndexAt(series: MetricsSeries, timeMs: number): number {
  const t = series.timesMs;
  let lo = 0;
  let hi = t.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid]! <= timeMs) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
