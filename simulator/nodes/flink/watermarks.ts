/**
 * Watermarks (SEMANTICS §4 "Event time"; Flink's BoundedOutOfOrdernessWatermarks and
 * WatermarksWithIdleness).
 *
 * Each source partition (split) tracks the largest event time it has emitted; its
 * watermark is that − max-out-of-orderness − 1 ms. Watermarks are emitted periodically
 * (`pipeline.auto-watermark-interval`), not per record. The operator downstream takes the
 * minimum over its inputs, so a partition that never gets data holds everything back —
 * unless `source.idleness` marks it idle after that long without records (processing time),
 * which removes it from the minimum until it gets data again. If every input is idle the
 * watermark does not move.
 *
 * A source subtask that owns no partition (parallelism above the partition count) is an input too:
 * it waits for splits from partition discovery and emits no watermark, so the minimum stays at its
 * initial value. Flink's Kafka source does not mark such a subtask idle by itself; only an idle
 * timeout does, counted from the job's start (Kafka connector docs, "Idleness").
 */

export interface PartitionWatermark {
  readonly partition: number;
  /** Largest event time seen, or null before the first record. */
  readonly maxEventMs: number | null;
  readonly watermark: number;
  readonly idle: boolean;
}

export class WatermarkTracker {
  /**
   * Per partition (indexed by partition number), NaN when unknown: the largest event time seen, and
   * when the last record came. Typed arrays, not maps: `observe` runs for every record, and a map
   * entry holding a time that is not a small integer is a fresh heap number each time it is set.
   */
  private maxSeen = new Float64Array(0);
  private lastRecordAt = new Float64Array(0);
  private current = Number.NEGATIVE_INFINITY;
  /** The source partitions whose watermarks are combined (discovery adds to them). */
  private readonly partitions: number[];

  constructor(
    partitions: readonly number[],
    private readonly bound: number,
    private readonly idleness: number | undefined,
    private readonly startedAtMs: number,
    /** Source subtasks with no partition (fewer once discovery hands them one). */
    private emptySubtasks = 0,
  ) {
    this.partitions = [...partitions];
    for (const p of partitions) {
      this.room(p);
      this.lastRecordAt[p] = startedAtMs;
    }
  }

  /**
   * A partition found by discovery joins the minimum at `now` with no record yet, so it holds the
   * watermark back until its first record (or its idle timeout) — as a new split's output does.
   */
  addPartition(p: number, now: number, emptySubtasks: number): void {
    this.partitions.push(p);
    this.room(p);
    this.lastRecordAt[p] = now;
    this.emptySubtasks = emptySubtasks;
  }

  /** A record with event time t came out of partition p at processing time now. */
  observe(p: number, t: number, now: number): void {
    if (p >= this.maxSeen.length) this.room(p);
    // NaN (nothing seen yet) compares false, so the first record always sets it.
    if (!(t <= this.maxSeen[p]!)) this.maxSeen[p] = t;
    this.lastRecordAt[p] = now;
  }

  private room(p: number): void {
    if (p < this.maxSeen.length) return;
    const grow = (a: Float64Array) => {
      const b = new Float64Array(p + 1).fill(Number.NaN);
      b.set(a);
      return b;
    };
    this.maxSeen = grow(this.maxSeen);
    this.lastRecordAt = grow(this.lastRecordAt);
  }

  private seen(p: number): number | undefined {
    const m = p < this.maxSeen.length ? this.maxSeen[p]! : Number.NaN;
    return Number.isNaN(m) ? undefined : m;
  }

  private partitionWatermark(p: number): number {
    const m = this.seen(p);
    return m === undefined ? Number.NEGATIVE_INFINITY : m - this.bound - 1;
  }

  private isIdle(p: number, now: number): boolean {
    if (this.idleness === undefined) return false;
    const last = p < this.lastRecordAt.length ? this.lastRecordAt[p]! : Number.NaN;
    return now - (Number.isNaN(last) ? now : last) >= this.idleness;
  }

  /**
   * The periodic emission: recomputes the operator's input watermark (min over active
   * partitions). Watermarks never go backwards. Returns the current watermark.
   */
  emit(now: number): number {
    let min = Number.POSITIVE_INFINITY;
    let active = 0;
    if (this.emptySubtasks > 0 && !this.emptySubtasksIdle(now)) {
      active++;
      min = Number.NEGATIVE_INFINITY;
    }
    for (const p of this.partitions) {
      if (this.isIdle(p, now)) continue;
      active++;
      min = Math.min(min, this.partitionWatermark(p));
    }
    if (active > 0 && min > this.current) this.current = min;
    return this.current;
  }

  /** Subtasks without a split never get a record: idle once the timeout has passed since the start. */
  emptySubtasksIdle(now: number): boolean {
    return this.idleness !== undefined && now - this.startedAtMs >= this.idleness;
  }

  get watermark(): number {
    return this.current;
  }

  inspect(now: number): PartitionWatermark[] {
    return this.partitions.map((p) => ({
      partition: p,
      maxEventMs: this.seen(p) ?? null,
      watermark: this.partitionWatermark(p),
      idle: this.isIdle(p, now),
    }));
  }
}
