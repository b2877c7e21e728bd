/**
 * The leader's side of a produce request (SEMANTICS §3).
 *
 * - acks=0: appended if the request arrives; no answer at all (the client never learns an offset).
 * - acks=1: answered once the leader has appended — before any follower has a copy.
 * - acks=all: refused with NOT_ENOUGH_REPLICAS while the ISR is smaller than min.insync.replicas;
 *   otherwise answered once the high watermark passes the batch (every ISR member has it), or
 *   with NOT_ENOUGH_REPLICAS_AFTER_APPEND if the ISR shrank meanwhile, or REQUEST_TIMED_OUT.
 * - Idempotent batches are checked against the producer's sequence numbers: a resend of a batch
 *   already written is acknowledged with its original offset and not written again.
 */
import type { Message } from '../../core/node.js';
import type { Rec, RecordColumn } from '../../core/record.js';
import type { WireCodec } from '../../core/event-codec.js';
import type { Broker } from './broker.js';
import type { LogBatch } from './partition-log.js';
import { checkSequence } from './idempotence.js';
import type { RecordBuffer } from '../beats/shipped-line.js';
import { tpKey } from './tp-key.js';

export interface ProduceBatch {
  topic: string;
  partition: number;
  records: RecordBuffer;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  transactional: boolean;
  /** The producer's codec: the broker stores what it wrote (core/event-codec.ts), null for the record as sent. */
  codec: WireCodec | null;
}

/** A request's records across its batches, in order: what the network accounts for if the request is lost. */
export class RequestRecords implements RecordColumn {
  readonly length: number;

  constructor(private readonly batches: readonly ProduceBatch[]) {
    this.length = batches.reduce((n, b) => n + b.records.length, 0);
  }

  at(index: number): Rec | undefined {
    let i = index;
    for (const b of this.batches) {
      if (i < b.records.length) return i >= 0 ? b.records.at(i) : undefined;
      i -= b.records.length;
    }
    return undefined;
  }

  messageBytes(): number {
    return this.batches.reduce((bytes, b) => bytes + b.records.messageBytes(), 0);
  }

  visitRids(visit: (rid: number) => void): void {
    for (const b of this.batches) b.records.visitRids(visit);
  }

  *[Symbol.iterator](): Iterator<Rec> {
    for (const b of this.batches) yield* b.records;
  }
}

export interface ProduceRequest extends Message {
  requestId: number;
  acks: '0' | '1' | 'all';
  timeoutMs: number;
  batches: ProduceBatch[];
}

export interface ProduceResult {
  error?: string;
  baseOffset?: number;
}

export interface ProduceResponse extends Message {
  requestId: number;
  results: ProduceResult[];
}

export function handleProduce(broker: Broker, msg: Message, from: string): void {
  const req = msg as ProduceRequest;
  broker.counters.produceRequests++;
  const results: ProduceResult[] = new Array(req.batches.length);
  const waiting: { done: boolean; complete: (e: string | null) => void }[] = [];
  let pending = 0;
  let answered = false;
  const finish = () => {
    if (answered || req.acks === '0') return;
    answered = true;
    broker.ctx.send(from, { kind: 'kafka.produce.response', requestId: req.requestId, results } as ProduceResponse);
  };
  const now = broker.ctx.now();
  req.batches.forEach((b, i) => {
    const r = broker.replicas.get(tpKey(b.topic, b.partition));
    if (!r || r.leader !== broker.brokerId) {
      results[i] = { error: r ? 'NOT_LEADER_OR_FOLLOWER' : 'UNKNOWN_TOPIC_OR_PARTITION' };
      return;
    }
    if (req.acks === 'all' && r.isr.length < r.minIsr) {
      results[i] = { error: 'NOT_ENOUGH_REPLICAS' };
      broker.meters.failedProduceRequests++;
      return;
    }
    let baseOffset = -1;
    let append = true;
    if (b.producerId >= 0) {
      const v = checkSequence(r.log.producers, b.producerId, b.producerEpoch, b.baseSequence, b.records.length);
      if (v.kind === 'error') {
        results[i] = { error: v.error };
        broker.meters.failedProduceRequests++;
        return;
      }
      if (v.kind === 'duplicate') {
        append = false;
        baseOffset = v.baseOffset;
        broker.counters.duplicatesDropped += b.records.length;
        for (let j = 0; j < b.records.length; j++) {
          const rid = b.records.ridAt(j);
          if (broker.ctx.ledger.isTraced(rid)) broker.ctx.ledger.trace(rid, broker.cluster.id, `resent batch dropped by the idempotence check (${r.key})`);
        }
      }
    }
    if (append) {
      const batch: LogBatch = {
        baseOffset: r.log.logEndOffset,
        records: b.records.stored(b.codec),
        epoch: r.leaderEpoch,
        producerId: b.producerId,
        producerEpoch: b.producerEpoch,
        baseSequence: b.baseSequence,
        transactional: b.transactional,
        control: null,
        appendTimeMs: now,
      };
      baseOffset = batch.baseOffset;
      r.log.append(batch);
      broker.counters.recordsAppended += b.records.length;
      const ledger = broker.ctx.ledger;
      // Record values, as the broker's BytesInPerSec counts them (record-bytes.ts).
      broker.meters.bytesIn += b.records.messageBytes();
      for (let j = 0; j < b.records.length; j++) {
        const rid = b.records.ridAt(j);
        if (ledger.isTraced(rid)) ledger.trace(rid, broker.cluster.id, `appended to ${r.key} at offset ${baseOffset + j} on broker ${broker.brokerId}`);
      }
      broker.appended(r);
    }
    const end = baseOffset < 0 ? 0 : baseOffset + b.records.length;
    if (req.acks === 'all' && r.log.highWatermark < end) {
      pending++;
      const entry = {
        done: false,
        complete: (error: string | null) => {
          if (entry.done) return;
          entry.done = true;
          results[i] = error ? { error } : { baseOffset };
          if (--pending === 0) {
            finish();
            // Every entry is answered, and out of its replica's `delayed` (the paths that answer one
            // take it out): the timeout has nothing left to do, so it should hold nothing either.
            waiting.length = 0;
          }
        },
      };
      waiting.push(entry);
      r.delayed.push({ endOffset: end, deadlineMs: now + req.timeoutMs, complete: entry.complete });
    } else {
      results[i] = { baseOffset };
    }
  });
  if (pending === 0) finish();
  else expireAfter(broker, req.timeoutMs, waiting);
}

/**
 * Answers what is still waiting after `timeoutMs` with REQUEST_TIMED_OUT. A function of its own so that
 * the timer holds only `waiting`, not the request: closures made in `handleProduce` share its scope, and
 * a timer made there kept every request's records (and the producer's callbacks, and through them the
 * Logstash batches) alive for request.timeout.ms after the answer, 30 s of a run's records at a time.
 */
function expireAfter(broker: Broker, timeoutMs: number, waiting: { done: boolean; complete: (e: string | null) => void }[]): void {
  broker.ctx.timer(timeoutMs, () => {
    for (const w of waiting) w.complete('REQUEST_TIMED_OUT');
    for (const r of broker.replicas.values()) if (r.delayed.length > 0) r.delayed = r.delayed.filter((d) => !waiting.some((w) => w.complete === d.complete));
  });
}

export interface MarkersRequest extends Message {
  requestId: number;
  producerId: number;
  producerEpoch: number;
  result: 'commit' | 'abort';
  partitions: [string, number][];
}

/** WriteTxnMarkers from the transaction coordinator: the leader appends a COMMIT/ABORT control batch. */
export function handleMarkers(broker: Broker, msg: Message, from: string): void {
  const req = msg as MarkersRequest;
  const done: string[] = [];
  for (const [topic, partition] of req.partitions) {
    const r = broker.replicas.get(tpKey(topic, partition));
    if (!r || r.leader !== broker.brokerId) continue;
    const state = r.log.producers.get(req.producerId);
    const needed = r.log.openTxns.has(req.producerId) || !state || state.epoch < req.producerEpoch;
    if (needed) {
      r.log.append({
        baseOffset: r.log.logEndOffset,
        records: [],
        epoch: r.leaderEpoch,
        producerId: req.producerId,
        producerEpoch: req.producerEpoch,
        baseSequence: -1,
        transactional: true,
        control: req.result,
        appendTimeMs: broker.ctx.now(),
      });
      broker.appended(r);
    }
    done.push(tpKey(topic, partition));
  }
  broker.ctx.send(from, { kind: 'kafka.txn.markers.response', requestId: req.requestId, done } as Message);
}
