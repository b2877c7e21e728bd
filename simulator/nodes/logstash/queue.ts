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
import type { Rec } from '../../core/record.js';

const TAKEN = 1;
const ACKED = 2;
const ACKED_DURABLE = 4;
const PROCESSED_ONCE = 8;
const SENDER_ACKED = 16;

/**
 * One event in the queue. The five yes/no states share one number: a busy queue holds tens of
 * thousands of entries for seconds of simulated time, long enough for the garbage collector to copy
 * each one twice, so each entry is three fields, not seven.
 */
export class QueueEntry {
  private flags: number;

  constructor(
    readonly seq: number,
    readonly rec: Rec,
    senderAcked: boolean,
  ) {
    this.flags = senderAcked ? SENDER_ACKED : 0;
  }

  private set(flag: number, on: boolean): void {
    this.flags = on ? this.flags | flag : this.flags & ~flag;
  }

  /** Handed to a worker (volatile). */
  get taken(): boolean {
    return (this.flags & TAKEN) !== 0;
  }
  set taken(on: boolean) {
    this.set(TAKEN, on);
  }

  /** Finished by filters and outputs (volatile until a checkpoint). */
  get acked(): boolean {
    return (this.flags & ACKED) !== 0;
  }
  set acked(on: boolean) {
    this.set(ACKED, on);
  }

  /** The ACK is in a checkpoint. */
  get ackedDurable(): boolean {
    return (this.flags & ACKED_DURABLE) !== 0;
  }
  set ackedDurable(on: boolean) {
    this.set(ACKED_DURABLE, on);
  }

  /** Reached the outputs at least once (ledger bookkeeping: a replay of it is a copy). */
  get processedOnce(): boolean {
    return (this.flags & PROCESSED_ONCE) !== 0;
  }
  set processedOnce(on: boolean) {
    this.set(PROCESSED_ONCE, on);
  }

  /** The input ACKed its sender for this event: from now on only this queue has it. */
  get senderAcked(): boolean {
    return (this.flags & SENDER_ACKED) !== 0;
  }
  set senderAcked(on: boolean) {
    this.set(SENDER_ACKED, on);
  }
}

export interface QueueSettings {
  type: 'memory' | 'persisted';
  /** Events the queue may hold (memory: workers × batch size; persisted: queue.max_events, 0 = unbounded). */
  capacity: number;
  checkpointWrites: number;
  checkpointAcks: number;
}

export class LogstashQueue {
  private entries: QueueEntry[] = [];
  /**
   * Entries before this one are gone (durably ACKed pages deleted); the array is cut only once they
   * are half of it, so a checkpoint every 1,024 writes does not copy a long backlog each time.
   */
  private first = 0;
  /** First entry not yet taken by a worker. */
  private readPos = 0;
  private nextSeq = 0;
  private unackedCount = 0;
  /** Highest seq covered by a checkpoint (persisted queue). */
  private durableHead = -1;
  private writesSinceCheckpoint = 0;
  private readonly ackedSinceCheckpoint: QueueEntry[] = [];
  checkpoints = 0;

  constructor(readonly settings: QueueSettings) {}

  /** Events the queue holds now, counted against its capacity. */
  get depth(): number {
    return this.settings.type === 'memory' ? this.entries.length - this.readPos : this.unackedCount;
  }

  get unread(): number {
    return this.entries.length - this.readPos;
  }

  free(): number {
    return this.settings.capacity > 0 ? Math.max(0, this.settings.capacity - this.depth) : Number.POSITIVE_INFINITY;
  }

  write(rec: Rec, senderAcked: boolean): QueueEntry {
    const entry = new QueueEntry(this.nextSeq++, rec, senderAcked);
    this.entries.push(entry);
    this.unackedCount++;
    if (this.settings.type === 'persisted' && ++this.writesSinceCheckpoint >= this.settings.checkpointWrites) this.checkpoint();
    return entry;
  }

  take(max: number): QueueEntry[] {
    const n = Math.min(max, this.entries.length - this.readPos);
    const out = this.entries.slice(this.readPos, this.readPos + n);
    for (const e of out) e.taken = true;
    this.readPos += n;
    if (this.settings.type === 'memory') this.compactMemory();
    return out;
  }

  ack(batch: readonly QueueEntry[]): void {
    for (const e of batch) {
      if (e.acked) continue;
      e.acked = true;
      this.unackedCount--;
      if (this.settings.type === 'persisted') this.ackedSinceCheckpoint.push(e);
    }
    if (this.settings.type === 'persisted' && this.ackedSinceCheckpoint.length >= this.settings.checkpointAcks) this.checkpoint();
  }

  /** Makes the head and the ACKs durable (fsync of the head page + atomic write of queue state). */
  checkpoint(): void {
    if (this.settings.type !== 'persisted') return;
    this.durableHead = this.nextSeq - 1;
    this.writesSinceCheckpoint = 0;
    for (const e of this.ackedSinceCheckpoint) e.ackedDurable = true;
    this.ackedSinceCheckpoint.length = 0;
    this.checkpoints++;
    // Fully ACKed pages are deleted: drop the durable-ACKed prefix.
    while (this.first < this.entries.length && this.first < this.readPos && this.entries[this.first]!.ackedDurable) this.first++;
    if (this.first > 1024 && this.first * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.first);
      this.readPos -= this.first;
      this.first = 0;
    }
  }

  /** The entries still in the queue (taken ones included). */
  private live(): QueueEntry[] {
    return this.first === 0 ? this.entries : this.entries.slice(this.first);
  }

  private compactMemory(): void {
    // Taken events belong to the worker now; the buffer forgets them.
    if (this.readPos > 1024 && this.readPos * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.readPos);
      this.readPos = 0;
    }
  }

  /**
   * The process died. Returns the events destroyed: for memory, everything buffered
   * (taken batches are the workers' to report); for persisted, what was written after the
   * last checkpoint. What survives is rewound so it is read again on restart.
   */
  crash(): QueueEntry[] {
    if (this.settings.type === 'memory') {
      const lost = this.entries.slice(this.readPos);
      this.entries = [];
      this.readPos = 0;
      this.unackedCount = 0;
      return lost;
    }
    const live = this.live();
    const lost = live.filter((e) => e.seq > this.durableHead && !e.acked);
    this.entries = live.filter((e) => e.seq <= this.durableHead && !e.ackedDurable);
    this.first = 0;
    for (const e of this.entries) {
      e.taken = false;
      e.acked = false;
    }
    this.ackedSinceCheckpoint.length = 0;
    this.writesSinceCheckpoint = 0;
    this.readPos = 0;
    this.unackedCount = this.entries.length;
    this.nextSeq = this.durableHead + 1;
    return lost;
  }

  /** Entries that will be read again after a restart and had already reached an output (future duplicates). */
  replayedCopies(): QueueEntry[] {
    return this.live().filter((e) => e.processedOnce);
  }

  visit(visit: (rid: number) => void, includeTaken: boolean): void {
    for (let i = includeTaken ? this.first : this.readPos; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      if (!e.acked) visit(e.rec.rid);
    }
  }
}
