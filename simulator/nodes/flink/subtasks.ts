/**
 * A parallel job's subtasks: which Kafka partitions each source subtask reads, which key groups each
 * keyed subtask owns, and what each one has done (records in, busy time).
 *
 * Flink docs, "Parallel Execution" and "Scaling: Rescaling stateful jobs": every operator runs as
 * `parallelism` subtasks; after `keyBy` (SQL: GROUP BY) a record goes to the subtask owning its key
 * group (KeyGroupRangeAssignment, key-groups.ts), and that subtask holds the key's state. The number
 * of key groups (`pipeline.max-parallelism`) is fixed when the job first runs and stored in its
 * checkpoints and savepoints; restoring with another parallelism hands whole key groups to the new
 * subtasks, so each key's state moves with its group.
 *
 * The per-record counters are typed arrays indexed by subtask and the key → subtask answers are
 * cached per key string: routing a record allocates nothing.
 */
import { defaultMaxParallelism, keyGroupRangeForSubtask, subtaskForKey, type KeyGroupRange } from './key-groups.js';
import { partitionsBySubtask, splitOwner } from './split-owner.js';

/** What one subtask shows in the inspector (the web UI's per-subtask metrics). */
export interface SubtaskView {
  subtask: number;
  /** Kafka partitions this source subtask reads; empty: an idle source subtask. */
  partitions: number[];
  keyGroups: KeyGroupRange;
  /** Keys whose state this subtask holds, and the window cells / dedupe entries of those keys. */
  keys: number;
  windowState: number;
  dedupeState: number;
  /** Records this subtask's keyed operator took in (numRecordsIn), and the time it spent on them. */
  recordsIn: number;
  busyTimeMs: number;
}

export class SubtaskLayout {
  readonly partitions: number[][];
  private readonly keyCache = new Map<string, number>();
  readonly recordsIn: Float64Array;
  readonly busyMs: Float64Array;
  /** Source subtask by partition number. */
  private sourceOf: Int32Array;
  /** Records per subtask in the batch being timed. */
  private readonly load: Float64Array;

  constructor(
    private readonly topic: string,
    partitionCount: number,
    readonly parallelism: number,
    readonly maxParallelism: number,
  ) {
    if (parallelism > maxParallelism) throw new RangeError(`parallelism ${parallelism} is above the max parallelism ${maxParallelism}`);
    this.partitions = partitionsBySubtask(topic, partitionCount, parallelism);
    this.recordsIn = new Float64Array(parallelism);
    this.busyMs = new Float64Array(parallelism);
    this.load = new Float64Array(parallelism);
    this.sourceOf = new Int32Array(partitionCount);
    this.partitions.forEach((owned, s) => owned.forEach((p) => (this.sourceOf[p] = s)));
  }

  /**
   * Partitions found by a later discovery: each goes to its split owner (the same rule as at the start,
   * so partition p lands where it would have had it existed from the beginning). Returns the owners.
   */
  addPartitions(partitions: readonly number[]): number[] {
    const count = Math.max(this.sourceOf.length, ...partitions.map((p) => p + 1));
    const grown = new Int32Array(count);
    grown.set(this.sourceOf);
    this.sourceOf = grown;
    return partitions.map((p) => {
      const s = splitOwner(this.topic, p, this.parallelism);
      this.partitions[s]!.push(p);
      this.sourceOf[p] = s;
      return s;
    });
  }

  /** The source subtask reading a partition (KafkaSourceEnumerator's split owner). */
  sourceSubtaskOf(partition: number): number {
    return partition < this.sourceOf.length ? this.sourceOf[partition]! : 0;
  }

  /** One record into subtask s's operator (numRecordsIn). */
  countIn(subtask: number): void {
    this.recordsIn[subtask] = this.recordsIn[subtask]! + 1;
  }

  /**
   * Timing one polled batch: `charge(s)` once per record subtask s works on, then `busyTime` says how
   * long the batch keeps the job busy. Subtasks run in parallel, so that is the busiest one's share —
   * one hot key or one hot partition sets the pace of all (the others wait: backpressure).
   */
  startBatch(): void {
    this.load.fill(0);
  }

  charge(subtask: number): void {
    this.load[subtask] = this.load[subtask]! + 1;
  }

  busyTime(processingTime: number): number {
    let busiest = 0;
    for (let s = 0; s < this.parallelism; s++) {
      const n = this.load[s]!;
      this.busyMs[s] = this.busyMs[s]! + n * processingTime;
      if (n > busiest) busiest = n;
    }
    return busiest * processingTime;
  }

  /** Source subtasks that own no partition (they emit no watermark until marked idle). */
  get emptySourceSubtasks(): number {
    let n = 0;
    for (const owned of this.partitions) if (owned.length === 0) n++;
    return n;
  }

  /** The keyed subtask of a key (cached: a job sees few distinct keys, many times each). */
  subtaskOf(key: string): number {
    let s = this.keyCache.get(key);
    if (s === undefined) {
      s = subtaskForKey(key, this.maxParallelism, this.parallelism);
      this.keyCache.set(key, s);
    }
    return s;
  }

  /**
   * Per-subtask view of keyed state: `windowKeys` yields the key of every window cell, `dedupeKeys` the
   * id of every dedupe entry (the dedupe step is keyed by the id, as ROW_NUMBER() OVER (PARTITION BY id) is).
   */
  view(windowKeys: Iterable<string>, dedupeKeys: Iterable<string>): SubtaskView[] {
    const rows: SubtaskView[] = [];
    for (let s = 0; s < this.parallelism; s++) {
      rows.push({
        subtask: s,
        partitions: this.partitions[s]!.slice(),
        keyGroups: keyGroupRangeForSubtask(this.maxParallelism, this.parallelism, s),
        keys: 0,
        windowState: 0,
        dedupeState: 0,
        recordsIn: this.recordsIn[s]!,
        busyTimeMs: this.busyMs[s]!,
      });
    }
    const seen = new Set<string>();
    for (const k of windowKeys) {
      const row = rows[this.subtaskOf(k)]!;
      row.windowState++;
      if (!seen.has(k)) {
        seen.add(k);
        row.keys++;
      }
    }
    // Dedupe state is keyed by the record id: computed, not cached (there are as many ids as records).
    for (const k of dedupeKeys) rows[subtaskForKey(k, this.maxParallelism, this.parallelism)]!.dedupeState++;
    return rows;
  }
}

/** The max parallelism a job runs with: set, else Flink's default for its first parallelism. */
export function maxParallelismFor(configured: number | undefined, parallelism: number): number {
  return configured ?? defaultMaxParallelism(parallelism);
}
