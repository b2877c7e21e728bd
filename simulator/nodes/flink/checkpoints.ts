/**
 * Checkpoint bookkeeping (SEMANTICS §4 "Checkpoints", [FL1][FL2]).
 *
 * A checkpoint n is triggered every `execution.checkpointing.interval` (one at a time: max
 * concurrent checkpoints 1). Each source partition injects barrier n at its current offset
 * Sₙ[p]; the barriers reach the keyed operator at different moments (each channel carries
 * its own in-flight data ahead of the barrier). In EXACTLY_ONCE the operator *aligns*: a
 * channel whose barrier arrived is blocked (its records buffered) until every barrier is in,
 * so the snapshot holds exactly the records before Sₙ. In AT_LEAST_ONCE alignment is
 * skipped: records after an early barrier are processed and end up in the snapshot, while
 * the offsets say they are still to be read — after a restore they are counted twice.
 * The snapshot completes when every sink has acknowledged the barrier; completed
 * checkpoints are durable (checkpoint storage), everything else is not.
 */
import type { OperatorState } from './operators.js';

export interface CompletedCheckpoint {
  readonly id: number;
  readonly triggeredAtMs: number;
  readonly completedAtMs: number;
  /** Sₙ: next offset per partition. */
  readonly offsets: ReadonlyMap<number, number>;
  readonly state: OperatorState;
  /** What the sink stored (pre-committed transactions, pending part files). */
  readonly sink: unknown;
  /** The job's number of key groups: a restore keeps it, whatever the new parallelism. */
  readonly maxParallelism: number;
  /** Taken by a stop-with-savepoint. */
  readonly savepoint?: true;
}

export interface PendingCheckpoint {
  readonly id: number;
  readonly triggeredAtMs: number;
  readonly offsets: Map<number, number>;
  readonly arrived: Set<number>;
  /** Source partitions when it was triggered: one barrier each (a partition discovered later is not in it). */
  readonly channels: number;
  aligned: boolean;
  /** A stop-with-savepoint: the job ends when it completes. */
  readonly savepoint?: true;
}

/** One row of the checkpoint history (what the Flink web UI's Checkpoints tab shows). */
export interface CheckpointRecord {
  id: number;
  status: 'completed' | 'expired' | 'failed';
  triggeredAtMs: number;
  durationMs: number;
  offsets: Record<string, number>;
  /** Present on a savepoint. */
  savepoint?: true;
}

export class CheckpointHistory {
  readonly rows: CheckpointRecord[] = [];
  completed = 0;
  failed = 0;

  add(row: CheckpointRecord): void {
    if (row.status === 'completed') this.completed++;
    else this.failed++;
    this.rows.push(row);
    // Keep the history bounded, like the web UI's `web.checkpoints.history` (default 10; we keep more).
    if (this.rows.length > 200) this.rows.shift();
  }
}

export function offsetsRecord(offsets: ReadonlyMap<number, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [p, o] of offsets) out[`p${p}`] = o;
  return out;
}
