/**
 * Logstash's queue between inputs and workers (SEMANTICS §2).
 *
 * `memory`: a bounded buffer in RAM holding `pipeline.batch.size × pipeline.workers`
 * events [LS2]; workers take events out of it, and a crash wipes both the buffer and
 * the batches workers hold.
 *
 * `persisted`: an append-only log on disk [LS1]. An event stays in it from the input's
 * write until every filter and output has finished it (the queue ACK). Durability comes
 * from checkpoints, forced every `queue.checkpoint.writes` writes, every
 * `queue.checkpoint.acks` ACKs and at least every `queue.checkpoint.interval`: after an
 * abnormal stop, events written after the last checkpoint are lost, and events ACKed
 * after it are replayed — at-least-once, with duplicates for batches that were done.
 */
import type { Rec, RecordColumn } from '../../core/record.js';
import { QueueSlots } from './queue-slots.js';

// An event's yes/no states, one byte per event. Whether a worker has taken it is its slot's place
// before or after `readPos`.
/** Finished by filters and outputs (volatile until a checkpoint). */
const ACKED = 1;
/** The ACK is in a checkpoint. */
const ACKED_DURABLE = 2;
/** Reached the outputs at least once (ledger bookkeeping: a replay of it is a copy). */
const PROCESSED_ONCE = 4;
/** The input ACKed its sender for this event: from now on only this queue has it. */
const SENDER_ACKED = 8;

export interface QueueSettings {
  type: 'memory' | 'persisted';
  /** Events the queue may hold (memory: workers × batch size; persisted: queue.max_events, 0 = unbounded). */
  capacity: number;
  checkpointWrites: number;
  checkpointAcks: number;
}

/**
 * The queue keeps its events in `QueueSlots` and hands out slot numbers: a worker's batch is a
 * run of consecutive slots (`take`), and so is what one input batch wrote.
 */
export class LogstashQueue {
  private readonly slots = new QueueSlots();
  /**
   * Slots before this one are no longer the queue's. Persisted: durably ACKed (their pages are
   * deleted). Memory: taken and ACKed, or forgotten by a crash; the slots of batches workers
   * still hold stay in the columns, readable, until they are ACKed.
   */
  private first = 0;
  /** First slot not yet taken by a worker. */
  private readPos = 0;
  private unackedCount = 0;
  /** Slots before this one are covered by a checkpoint (persisted queue). */
  private durableEnd = 0;
  private writesSinceCheckpoint = 0;
  /** Events newly ACKed since the last checkpoint. */
  private acksSinceCheckpoint = 0;
  /**
   * The slot runs ACKed since the last checkpoint, as (first, count) pairs in the first
   * `ackedRunsLength` places (the array is reused, not reallocated). A run may include events
   * ACKed earlier: making their ACK durable once more changes nothing.
   */
  private readonly ackedRuns: number[] = [];
  private ackedRunsLength = 0;
  checkpoints = 0;

  constructor(readonly settings: QueueSettings) {}

  /** Events the queue holds now, counted against its capacity. */
  get depth(): number {
    return this.settings.type === 'memory' ? this.slots.end - this.readPos : this.unackedCount;
  }

  get unread(): number {
    return this.slots.end - this.readPos;
  }

  free(): number {
    return this.settings.capacity > 0 ? Math.max(0, this.settings.capacity - this.depth) : Number.POSITIVE_INFINITY;
  }

  /** The slot the next write gets. */
  get end(): number {
    return this.slots.end;
  }

  rec(slot: number): Rec {
    return this.slots.rec(slot);
  }

  /** `rec(slot).rid`, without making the event. */
  rid(slot: number): number {
    return this.slots.rid(slot);
  }

  acked(slot: number): boolean {
    return this.slots.has(slot, ACKED);
  }

  senderAcked(slot: number): boolean {
    return this.slots.has(slot, SENDER_ACKED);
  }

  /** Returns the event's slot. */
  write(rec: Rec, senderAcked: boolean): number {
    return this.written(this.slots.append(rec, senderAcked ? SENDER_ACKED : 0));
  }

  /** `write(records.at(j), senderAcked)`, without making the event when `records` keeps it as numbers. */
  writeFrom(records: RecordColumn, j: number, senderAcked: boolean): number {
    return this.written(this.slots.appendFrom(records, j, senderAcked ? SENDER_ACKED : 0));
  }

  private written(slot: number): number {
    this.unackedCount++;
    if (this.settings.type === 'persisted' && ++this.writesSinceCheckpoint >= this.settings.checkpointWrites) this.checkpoint();
    return slot;
  }

  /** The input ACKed the sender of the `count` events written from `first` on. */
  markSenderAcked(first: number, count: number): void {
    // A slot the queue has dropped was finished: whether its sender knew no longer matters.
    for (let s = Math.max(first, this.slots.start); s < first + count; s++) this.slots.mark(s, SENDER_ACKED);
  }

  /** The `count` events from `first` on reach the filters and outputs. */
  markProcessed(first: number, count: number): void {
    for (let s = first; s < first + count; s++) this.slots.mark(s, PROCESSED_ONCE);
  }

  /** Hands the next `count` unread events (at most `unread`) to a worker; returns the first one's slot. */
  take(count: number): number {
    const first = this.readPos;
    this.readPos += count;
    // Taken events belong to the worker now; the buffer forgets them once they are ACKed.
    if (this.settings.type === 'memory') this.slots.dropBefore(this.first);
    return first;
  }

  /** Filters and outputs have finished the `count` events from slot `first` on (one worker batch). */
  ack(first: number, count: number): void {
    let newly = 0;
    for (let s = first; s < first + count; s++) {
      if (this.slots.has(s, ACKED)) continue;
      this.slots.mark(s, ACKED);
      newly++;
    }
    this.unackedCount -= newly;
    if (this.settings.type === 'memory') {
      while (this.first < this.readPos && this.slots.has(this.first, ACKED)) this.first++;
      return;
    }
    this.ackedRuns[this.ackedRunsLength++] = first;
    this.ackedRuns[this.ackedRunsLength++] = count;
    this.acksSinceCheckpoint += newly;
    if (this.acksSinceCheckpoint >= this.settings.checkpointAcks) this.checkpoint();
  }

  /** Makes the head and the ACKs durable (fsync of the head page + atomic write of queue state). */
  checkpoint(): void {
    if (this.settings.type !== 'persisted') return;
    this.durableEnd = this.slots.end;
    this.writesSinceCheckpoint = 0;
    for (let r = 0; r < this.ackedRunsLength; r += 2) {
      const first = this.ackedRuns[r]!;
      const end = first + this.ackedRuns[r + 1]!;
      for (let s = first; s < end; s++) this.slots.mark(s, ACKED_DURABLE);
    }
    this.ackedRunsLength = 0;
    this.acksSinceCheckpoint = 0;
    this.checkpoints++;
    // Fully ACKed pages are deleted: drop the durable-ACKed prefix.
    while (this.first < this.slots.end && this.first < this.readPos && this.slots.has(this.first, ACKED_DURABLE)) this.first++;
    this.slots.dropBefore(this.first);
  }

  /**
   * The process died. Calls `lost` for each event destroyed, in queue order: for memory,
   * everything buffered (taken batches are the workers' to report, and their slots stay readable
   * until the next `take`); for persisted, what was written after the last checkpoint and not yet
   * finished. What survives is rewound so it is read again on restart.
   */
  crash(lost: (rec: Rec, senderAcked: boolean) => void): void {
    const end = this.slots.end;
    if (this.settings.type === 'memory') {
      for (let s = this.readPos; s < end; s++) lost(this.slots.rec(s), this.slots.has(s, SENDER_ACKED));
      this.slots.truncate(this.readPos);
      this.first = this.readPos;
      this.unackedCount = 0;
      return;
    }
    for (let s = this.first; s < end; s++) {
      if (s >= this.durableEnd && !this.slots.has(s, ACKED)) lost(this.slots.rec(s), this.slots.has(s, SENDER_ACKED));
    }
    this.slots.rebuild(this.first, (s) => s < this.durableEnd && !this.slots.has(s, ACKED_DURABLE));
    this.first = this.slots.start;
    this.readPos = this.slots.start;
    for (let s = this.first; s < this.slots.end; s++) this.slots.unmark(s, ACKED);
    // Everything left was written before the last checkpoint.
    this.durableEnd = this.slots.end;
    this.ackedRunsLength = 0;
    this.acksSinceCheckpoint = 0;
    this.writesSinceCheckpoint = 0;
    this.unackedCount = this.slots.end - this.slots.start;
  }

  /** Visits the events that will be read again after a restart and had already reached an output (future duplicates). */
  replayedCopies(visit: (rec: Rec) => void): void {
    for (let s = this.first; s < this.slots.end; s++) if (this.slots.has(s, PROCESSED_ONCE)) visit(this.slots.rec(s));
  }

  visit(visit: (rid: number) => void, includeTaken: boolean): void {
    for (let s = includeTaken ? this.first : this.readPos; s < this.slots.end; s++) {
      if (!this.slots.has(s, ACKED)) visit(this.slots.rid(s));
    }
  }
}
