/**
 * End-to-end latency of one output: from the moment a record was created (its line written to
 * the log file, `Workload.writeTimeMs`) to the moment the output's reader can first see it. Only
 * a record's first visibility counts: a duplicate copy written later adds no latency, it is an
 * extra write (extra-writes.ts).
 */
import { RidSet } from '../core/rid-set.js';
import { LatencyHistogram } from './latency-histogram.js';
import type { Workload } from '../workload/workload.js';

export interface LatencySummary {
  /** Records seen by the reader (first copies). */
  records: number;
  p50: number;
  p99: number;
  max: number;
}

export class VisibilityRecorder {
  private readonly seen = new RidSet();
  readonly histogram = new LatencyHistogram();

  constructor(private readonly createdMs: (rid: number) => number) {}

  /** `rid` became visible to the reader at `visibleMs`; later calls for the same rid are ignored. */
  observe(rid: number, visibleMs: number): void {
    if (rid < 0 || !this.seen.add(rid)) return;
    this.histogram.add(visibleMs - this.createdMs(rid));
  }

  summary(): LatencySummary {
    const h = this.histogram;
    return { records: h.count, p50: h.quantile(0.5), p99: h.quantile(0.99), max: h.max };
  }
}

/**
 * Elasticsearch's `index.refresh_interval` default: an indexed document is searchable only after
 * the next refresh of its shard, which runs every second from the index's creation. The
 * simulated cluster does not let a pipeline change it, so the default is the model.
 */
export const ES_REFRESH_INTERVAL_MS = 1000;

/** When a document indexed at `indexedMs` into an index created at `createdMs` becomes visible to a search: the first refresh after it. */
export function searchableAtMs(indexedMs: number, createdMs: number, intervalMs = ES_REFRESH_INTERVAL_MS): number {
  return createdMs + (Math.floor((indexedMs - createdMs) / intervalMs) + 1) * intervalMs;
}

/**
 * A recorder timed by the run's workload (when each line was written); none when a node is built
 * without one (unit tests that assemble a single node).
 */
export function latencyRecorder(ctx: { readonly workload?: Workload }): VisibilityRecorder | null {
  const workload = ctx.workload;
  return workload ? new VisibilityRecorder((rid) => workload.writeTimeMs(rid)) : null;
}
