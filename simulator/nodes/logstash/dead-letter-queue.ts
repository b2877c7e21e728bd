/**
 * The dead letter queue (SEMANTICS §2 [LS4]): events the Elasticsearch output could not
 * index because of a 400/404. Durable (files on disk); beyond
 * `dead_letter_queue.max_bytes` new entries are dropped.
 */
import type { Rec } from '../../core/record.js';

export interface DeadLetter {
  rec: Rec;
  reason: string;
  atMs: number;
}

export class DeadLetterQueue {
  readonly entries: DeadLetter[] = [];
  bytes = 0;
  droppedWhenFull = 0;

  constructor(
    private readonly maxBytes: number,
    /** Names a record for people (the workload's display id). */
    private readonly nameOf: (rid: number) => string,
  ) {}

  /** Adds an entry; false when the queue is full and the entry was dropped. */
  add(rec: Rec, reason: string, atMs: number): boolean {
    const size = approximateBytes(rec);
    if (this.bytes + size > this.maxBytes) {
      this.droppedWhenFull++;
      return false;
    }
    this.bytes += size;
    this.entries.push({ rec, reason, atMs });
    return true;
  }

  inspect(): unknown {
    return {
      entries: this.entries.length,
      bytes: this.bytes,
      droppedWhenFull: this.droppedWhenFull,
      recent: this.entries.slice(-5).map((e) => ({ id: e.rec.id ?? this.nameOf(e.rec.rid), reason: e.reason, atMs: e.atMs })),
    };
  }
}

/** A serialized event's size: its JSON plus a small per-entry header. */
function approximateBytes(rec: Rec): number {
  return JSON.stringify(rec.fields).length + 64;
}
