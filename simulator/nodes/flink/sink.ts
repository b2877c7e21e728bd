/**
 * What every Flink sink does around checkpoints (SEMANTICS §4 "Sinks"): records come in
 * through `write`; at the checkpoint barrier `snapshot` flushes or pre-commits and answers
 * when the sink's part of the checkpoint is done (the sink's acknowledgement); when the
 * JobManager declares the checkpoint complete, `complete` commits what the snapshot
 * prepared. `restore` runs when the job restarts from a checkpoint: it finishes the commits
 * stored there and cleans up what a failed attempt left open.
 */
import type { Message, NodeContext } from '../../core/node.js';
import type { Rec } from '../../core/record.js';
import type { FlinkSinkKind } from './handle.js';

export interface SinkHost {
  readonly ctx: NodeContext;
  /** The spec id of the Flink node (the ledger's `where`). */
  readonly where: string;
  /** Fails the job (tasks cancelled, restart per restart-strategy). */
  fail(reason: string): void;
}

export interface FlinkSink {
  readonly kind: FlinkSinkKind;
  readonly node: string;
  readonly target: string;
  write(records: readonly Rec[]): void;
  /** At the barrier of checkpoint `id`: `done(state)` when the sink's part is durable, with what `complete`/`restore` need. */
  snapshot(id: number, done: (state: unknown) => void): void;
  /** Checkpoint `id` completed: commit what its snapshot prepared. */
  complete(id: number, state: unknown): void;
  /** The job (re)starts from a checkpoint whose sink state is `state` (undefined: no checkpoint). */
  restore(state: unknown, restoredId: number): void;
  /**
   * Right after `restore` from checkpoint `restoredId` (not called without one): `unemitted` visits
   * the records the restored window state still has to emit, once per window holding each. A sink
   * whose earlier writes of them stand, and would not be replaced by the new ones, notes the copies
   * as the restored job writes them again (ledger bookkeeping, not sink state).
   */
  restoredUnemitted?(restoredId: number, unemitted: (visit: (rid: number) => void) => void): void;
  /** Routes a response; true if it was for this sink. */
  receive(msg: Message, from: string): boolean;
  /** The process at `address` went down: connections to it are reset (see SimNode.peerDown). */
  peerDown?(address: string): void;
  /** Tasks cancelled (failure, crash or stop): volatile buffers and open work are gone. */
  teardown(): void;
  /** Records the sink holds and will still pass on. */
  heldRecords(visit: (rid: number) => void): void;
  inspect(): unknown;
}
