/**
 * The producer's record accumulator (SEMANTICS §3): records for one partition collect in a batch
 * until it holds `batch.size` bytes or `linger.ms` passes; closed batches wait in a per-partition
 * queue. A batch that must be retried goes back to the *front* of its queue — but later batches
 * may already be on the wire, which is how retries reorder a partition unless idempotence (or
 * max.in.flight.requests.per.connection = 1) prevents it.
 */
import type { Rec } from '../../core/record.js';
import { RecordBuffer } from '../beats/shipped-line.js';
import type { SendCallback, SendResult } from './client-api.js';
import { tpKey } from './tp-key.js';

/** Bytes a log line takes in a batch, to turn batch.size into a record count (an access-log line is ~200 B). */
export const RECORD_BYTES = 200;

export interface ProducerBatch {
  readonly topic: string;
  readonly partition: number;
  /** Packed as ids while they are parsed lines (they wait here and in flight until acknowledged). */
  readonly records: RecordBuffer;
  /**
   * The send callbacks, one per run of records sent with the same one (an output that sends a batch
   * of events through one callback makes one run, not a list entry per record): callback k serves
   * records from `callbackStarts[k]` to the next run's start.
   */
  readonly callbacks: SendCallback[];
  readonly callbackStarts: number[];
  readonly createdMs: number;
  /** Assigned at first send for idempotent producers; kept on retries. */
  baseSequence: number;
  producerId: number;
  producerEpoch: number;
  attempts: number;
  retryAtMs: number;
  /** The last attempt may have been written (timeout, NOT_ENOUGH_REPLICAS_AFTER_APPEND): a resend may duplicate it. */
  maybeWritten: boolean;
}

export class Accumulator {
  readonly open = new Map<string, ProducerBatch>();
  readonly queues = new Map<string, ProducerBatch[]>();

  constructor(readonly batchRecords: number) {}

  /** Adds a record; returns true if the batch became full and was closed. `clock` is asked the time only when the record opens a batch. */
  add(topic: string, partition: number, rec: Rec, cb: SendCallback | undefined, clock: { now(): number }): boolean {
    const key = tpKey(topic, partition);
    let b = this.open.get(key);
    if (!b) {
      b = { topic, partition, records: new RecordBuffer(this.batchRecords), callbacks: [], callbackStarts: [], createdMs: clock.now(), baseSequence: -1, producerId: -1, producerEpoch: -1, attempts: 0, retryAtMs: 0, maybeWritten: false };
      this.open.set(key, b);
    }
    const callback = cb ?? noop;
    if (b.callbacks[b.callbacks.length - 1] !== callback) {
      b.callbacks.push(callback);
      b.callbackStarts.push(b.records.length);
    }
    b.records.push(rec);
    if (b.records.length >= this.batchRecords) {
      this.close(key);
      return true;
    }
    return false;
  }

  close(key: string): void {
    const b = this.open.get(key);
    if (!b) return;
    this.open.delete(key);
    this.queue(key).push(b);
  }

  closeAll(): void {
    for (const key of [...this.open.keys()]) this.close(key);
  }

  queue(key: string): ProducerBatch[] {
    let q = this.queues.get(key);
    if (!q) this.queues.set(key, (q = []));
    return q;
  }

  /** A retried batch returns to the front; with sequence numbers, in sequence order. */
  requeue(b: ProducerBatch): void {
    const q = this.queue(tpKey(b.topic, b.partition));
    if (b.baseSequence < 0) {
      q.unshift(b);
      return;
    }
    let i = 0;
    while (i < q.length && q[i]!.baseSequence >= 0 && q[i]!.baseSequence < b.baseSequence) i++;
    q.splice(i, 0, b);
  }

  isEmpty(): boolean {
    if (this.open.size > 0) return false;
    for (const q of this.queues.values()) if (q.length > 0) return false;
    return true;
  }

  *batches(): Iterable<ProducerBatch> {
    yield* this.open.values();
    for (const q of this.queues.values()) yield* q;
  }
}

function noop(): void {}

/** Calls each record's callback with `result`, in record order. */
export function settleBatch(b: ProducerBatch, result: (index: number) => SendResult): void {
  let run = 0;
  for (let j = 0; j < b.records.length; j++) {
    while (run + 1 < b.callbackStarts.length && b.callbackStarts[run + 1]! <= j) run++;
    b.callbacks[run]!(result(j), b.records, j);
  }
}
