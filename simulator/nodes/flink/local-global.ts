/**
 * The work of a two-phase (local-global) window aggregation in one polled batch (Flink docs,
 * "Performance Tuning" → "Local-Global Aggregation"; the planner's TwoStageOptimizedWindowAggregateRule).
 *
 * Phase 1, chained to the source: the subtask that read a record accumulates it into its partial result
 * for the record's key and window slice — the per-record work, on the subtask owning the record's
 * partition. Phase 2, after the shuffle by key: the subtask owning the key merges each partial result it
 * receives — one per source subtask, key and slice, however many records that partial holds. A hot key
 * thus costs its owner one merge per source subtask instead of one accumulate per record.
 *
 * A batch stands for one flush of the local buffers (the local operator emits its partials as the
 * watermark and checkpoints pass; the simulation flushes per batch, so it counts at least as many merges).
 */
import type { WindowSpec } from '../../spec/schema/job.js';
import type { SubtaskLayout } from './subtasks.js';

/** Length of a window slice: Flink slices a hopping window by the greatest common divisor of size and slide. */
export function sliceLength(window: WindowSpec): number {
  if (window.type === 'tumbling') return window.size;
  if (window.type === 'sliding') {
    let [a, b] = [window.size, window.slide];
    while (b > 0) [a, b] = [b, a % b];
    return a;
  }
  return Number.POSITIVE_INFINITY;
}

export class LocalGlobalCost {
  /** Partial results of this batch: source subtask, key and slice. */
  private readonly partials = new Set<string>();

  constructor(
    private readonly layout: SubtaskLayout,
    private readonly slice: number,
  ) {}

  startBatch(): void {
    this.partials.clear();
    this.layout.startBatch();
  }

  /** One record read from `partition`, of key `key`, at event time `t`. */
  charge(partition: number, key: string, t: number): void {
    const source = this.layout.sourceSubtaskOf(partition);
    this.layout.charge(source);
    const id = `${source}|${Math.floor(t / this.slice)}|${key}`;
    if (this.partials.has(id)) return;
    this.partials.add(id);
    this.layout.charge(this.layout.subtaskOf(key));
  }
}
