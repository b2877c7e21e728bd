/**
 * The Kafka producer client embedded in a host node (SEMANTICS §3, ProducerConfig [K2]).
 *
 * send() only buffers; the outcome arrives in the callback (MISCONCEPTIONS 17). The sender drains
 * closed batches to each partition's leader, at most max.in.flight.requests.per.connection
 * requests per broker. Retriable errors (timeouts, NOT_LEADER_OR_FOLLOWER, NOT_ENOUGH_REPLICAS,
 * …) are retried after retry.backoff.ms until `retries` or delivery.timeout.ms runs out; then the
 * records are dropped with an error. A retry after a timeout or NOT_ENOUGH_REPLICAS_AFTER_APPEND
 * may repeat a write that landed: without idempotence that is a duplicate, and with several
 * requests in flight it can land after a later batch (MISCONCEPTIONS 18). With idempotence the
 * producer id + sequence numbers let the leader drop the resend and refuse gaps.
 */
import type { Message, NodeContext } from '../../core/node.js';
import { messageLengthOf, type Rec } from '../../core/record.js';
import type { KafkaProducerClient, ProducerConfig, SendCallback, TransactionHandle } from './client-api.js';
import type { KafkaCluster } from './cluster.js';
import { RequestRecords, type ProduceRequest, type ProduceResponse, type ProduceBatch } from './produce-handler.js';
import { partitionForKey, StickyPartitioner } from './partitioner.js';
import { Accumulator, RECORD_BYTES, settleBatch, type ProducerBatch } from './producer-batch.js';
import { ProducerTransactions } from './producer-transactions.js';
import { tpKey } from './tp-key.js';
import type { WireCodec } from '../../core/event-codec.js';
import { MetadataCache } from './metadata-cache.js';

const RETRY_BACKOFF_MS = 100;
/** reconnect.backoff.ms: how soon the client tries a broker again after a refused connection. */
const RECONNECT_BACKOFF_MS = 50;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Errors after which the batch may already be in the log: a retry can duplicate it. */
const MAYBE_WRITTEN = new Set(['REQUEST_TIMED_OUT', 'NETWORK_EXCEPTION', 'NOT_ENOUGH_REPLICAS_AFTER_APPEND']);
const FATAL = new Set(['INVALID_PRODUCER_EPOCH', 'PRODUCER_FENCED', 'UNKNOWN_TOPIC_OR_PARTITION', 'INVALID_TRANSACTION_TIMEOUT']);

/** DefaultRecordBatch.RECORD_BATCH_OVERHEAD: what a record set costs besides its key and value. */
const RECORD_BATCH_OVERHEAD = 61;

/** The upper bound the client checks against max.request.size: the value (the event's message), the key, the batch header. */
function serializedSize(record: Rec, key: string | null): number {
  return messageLengthOf(record) + (key?.length ?? 0) + RECORD_BATCH_OVERHEAD;
}

interface InFlight {
  broker: number;
  batches: ProducerBatch[];
  sentAtMs: number;
}

export class KafkaProducer implements KafkaProducerClient {
  readonly acks: '0' | '1' | 'all';
  readonly idempotent: boolean;
  readonly maxInFlight: number;
  readonly requestTimeoutMs: number;
  readonly acc: Accumulator;
  private readonly sticky: StickyPartitioner;
  readonly txn: ProducerTransactions;
  producerId = -1;
  producerEpoch = -1;
  /** none → no id yet; pending → InitProducerId outstanding; ready; fatal → fenced or misconfigured. */
  pidState: 'none' | 'pending' | 'ready' | 'fatal' = 'none';
  fatalError: string | null = null;
  private readonly nextSeq = new Map<string, number>();
  private readonly inflight = new Map<number, InFlight>();
  private readonly perBroker = new Map<number, number>();
  private readonly perPartition = new Map<string, number>();
  private readonly leaders = new Map<string, number | null>();
  /** Partition counts as of the last metadata fetch: added partitions count only after a refresh. */
  private readonly metadata: MetadataCache;
  private lingerArmed = false;
  private housekeeping = false;
  /** When the armed drain() wake-up fires; Infinity when none is armed. */
  private wakeAtMs = Infinity;
  private flushWaiters: (() => void)[] = [];
  private readonly rpcs = new Map<number, (res: Record<string, unknown>) => void>();
  readonly stats = { sent: 0, acked: 0, failed: 0, retried: 0, requests: 0 };
  /**
   * Totals behind the client's producer-metrics (simulator/metrics reads them), counted where the
   * Java client's Sender records them: records in each produce request sent (retries included:
   * record-send-rate), records put back for a retry (record-retry-rate), and the time from a
   * request's send to its response (request-latency-avg/max).
   */
  readonly meters = { recordsSent: 0, recordRetries: 0, requestLatencyTotalMs: 0, requestLatencyMaxMs: 0, responses: 0 };
  /** Error responses by code (NOT_ENOUGH_REPLICAS, REQUEST_TIMED_OUT, …), as the client's metrics and WARN log show them. */
  readonly errors: Record<string, number> = {};
  private readonly errorLoggedAt = new Map<string, number>();

  constructor(
    readonly cluster: KafkaCluster,
    readonly host: NodeContext,
    readonly config: ProducerConfig,
    /** What the records' values are written as (every batch this producer sends carries it to the broker); null: the record itself. */
    readonly codec: WireCodec | null = null,
  ) {
    this.acks = config.acks === '-1' ? 'all' : config.acks;
    const transactional = config['transactional.id'] !== undefined;
    let idempotent = config['enable.idempotence'] || transactional;
    if (idempotent && this.acks !== 'all') {
      host.log('warn', `kafka producer: enable.idempotence needs acks=all; with acks=${this.acks} idempotence is disabled (retries may duplicate and reorder)`);
      idempotent = false;
    }
    this.idempotent = idempotent;
    this.maxInFlight = idempotent ? Math.min(5, config['max.in.flight.requests.per.connection']) : config['max.in.flight.requests.per.connection'];
    this.requestTimeoutMs = config['request.timeout.ms'] ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.acc = new Accumulator(Math.max(1, Math.floor((config['batch.size'] ?? 16_384) / RECORD_BYTES)));
    this.sticky = new StickyPartitioner((n) => host.rng.int(0, n - 1));
    this.txn = new ProducerTransactions(this);
    this.metadata = new MetadataCache(cluster);
  }

  send(topic: string, record: Rec, key: string | null, callback?: SendCallback): void {
    const partitions = this.metadata.partitionsFor(topic);
    if (this.fatalError || partitions === 0) {
      const error = this.fatalError ?? 'UNKNOWN_TOPIC_OR_PARTITION';
      this.host.ledger.noteLoss(record.rid, this.host.group, `kafka producer: ${error}`);
      callback?.({ ok: false, error }, [record], 0);
      return;
    }
    const limit = this.config['max.request.size'];
    if (limit !== undefined && serializedSize(record, key) > limit) {
      // KafkaProducer.doSend → ensureValidRecordSize: RecordTooLargeException, an ApiException, not
      // retriable (SEMANTICS-2 §1.3 [KC5]); the caller decides what to do with the record.
      this.stats.failed++;
      this.errors['RECORD_TOO_LARGE'] = (this.errors['RECORD_TOO_LARGE'] ?? 0) + 1;
      callback?.({ ok: false, error: 'RECORD_TOO_LARGE' }, [record], 0);
      return;
    }
    const partition = key !== null ? partitionForKey(key, partitions) : this.sticky.partition(topic, partitions);
    this.stats.sent++;
    if (this.txn.active) this.txn.touch(tpKey(topic, partition));
    const full = this.acc.add(topic, partition, record, callback, this.host);
    if (full) {
      if (key === null) this.sticky.next(topic, partitions);
      this.drain();
    } else if (!this.lingerArmed) {
      this.armLinger(partitions);
    }
    if (!this.housekeeping) this.armHousekeeping();
  }

  /**
   * Closes the open batches `linger.ms` from now. A method of its own, not a closure inside send():
   * a function holding a closure allocates its context on every call, and send() runs per record.
   */
  private armLinger(partitions: number): void {
    this.lingerArmed = true;
    this.host.timer(this.config['linger.ms'] ?? 5, () => {
      this.lingerArmed = false;
      for (const b of this.acc.open.values()) this.sticky.next(b.topic, partitions);
      this.acc.closeAll();
      this.drain();
    });
  }

  flush(done: () => void): void {
    this.acc.closeAll();
    this.flushWaiters.push(done);
    this.drain();
    this.checkFlushed();
  }

  private checkFlushed(): void {
    if (this.flushWaiters.length === 0 || !this.acc.isEmpty() || this.inflight.size > 0) return;
    const waiters = this.flushWaiters;
    this.flushWaiters = [];
    for (const w of waiters) w();
  }

  /** Sends what can be sent: one batch per partition per request, max.in.flight requests per broker. */
  drain(): void {
    if (this.idempotent && this.pidState !== 'ready') {
      if (this.pidState === 'none' && !this.txn.transactional) this.initIdempotent();
      return;
    }
    const now = this.host.now();
    const byBroker = new Map<number, string[]>();
    let wakeAt = Infinity;
    for (const [key, q] of this.acc.queues) {
      const head = q[0];
      if (!head) continue;
      if (head.retryAtMs > now) {
        wakeAt = Math.min(wakeAt, head.retryAtMs);
        continue;
      }
      if (!this.txn.mayDrain(key)) continue;
      if (this.idempotent && head.attempts > 0 && (this.perPartition.get(key) ?? 0) > 0) continue;
      const leader = this.leaderOf(head.topic, head.partition);
      if (leader === null) {
        wakeAt = Math.min(wakeAt, now + RETRY_BACKOFF_MS);
        this.leaders.delete(key);
        continue;
      }
      if (!this.host.isUp(this.cluster.brokerAddress(leader))) {
        // The leader's process is gone: connecting is refused at once. The batch waits, the
        // metadata is refreshed, and the client tries again soon (the new leader, once elected).
        wakeAt = Math.min(wakeAt, now + RECONNECT_BACKOFF_MS);
        this.leaders.delete(key);
        continue;
      }
      let list = byBroker.get(leader);
      if (!list) byBroker.set(leader, (list = []));
      list.push(key);
    }
    for (const [broker, keys] of byBroker) {
      while ((this.perBroker.get(broker) ?? 0) < this.maxInFlight) {
        const batches: ProducerBatch[] = [];
        for (const key of keys) {
          const q = this.acc.queues.get(key)!;
          const head = q[0];
          if (!head || head.retryAtMs > now) continue;
          if (this.idempotent && head.attempts > 0 && (this.perPartition.get(key) ?? 0) > 0) continue;
          q.shift();
          batches.push(head);
        }
        if (batches.length === 0) break;
        this.sendRequest(broker, batches);
      }
    }
    if (wakeAt < Infinity && (wakeAt < this.wakeAtMs || this.wakeAtMs < now)) {
      // One wake-up at a time, as the client's single sender thread polls: every drain() call (a
      // housekeeping tick each second among them) arming its own would start one more endless 50 ms
      // reconnect loop per call while a leader is down — millions of events over a long outage.
      this.wakeAtMs = wakeAt;
      this.host.timer(wakeAt - now, () => {
        if (this.wakeAtMs === wakeAt) this.wakeAtMs = Infinity;
        this.drain();
      });
    }
  }

  private sendRequest(broker: number, batches: ProducerBatch[]): void {
    const wire: ProduceBatch[] = [];
    for (const b of batches) {
      const key = `${b.topic}-${b.partition}`;
      if (this.idempotent && b.baseSequence < 0) {
        const seq = this.nextSeq.get(key) ?? 0;
        b.baseSequence = seq;
        b.producerId = this.producerId;
        b.producerEpoch = this.producerEpoch;
        this.nextSeq.set(key, seq + b.records.length);
      }
      if (b.attempts > 0) this.stats.retried++;
      if (b.maybeWritten) {
        b.maybeWritten = false;
        for (let j = 0; j < b.records.length; j++) this.host.ledger.noteDuplicate(b.records.ridAt(j), this.host.group, 'kafka producer resent a batch that may have been written');
      }
      b.attempts++;
      this.perPartition.set(key, (this.perPartition.get(key) ?? 0) + 1);
      this.meters.recordsSent += b.records.length;
      wire.push({ topic: b.topic, partition: b.partition, records: b.records, producerId: this.idempotent ? b.producerId : -1, producerEpoch: b.producerEpoch, baseSequence: this.idempotent ? b.baseSequence : -1, transactional: this.txn.active, codec: this.codec });
    }
    const requestId = this.cluster.nextRequestId();
    this.stats.requests++;
    const req: ProduceRequest = { kind: 'kafka.produce', requestId, acks: this.acks, timeoutMs: this.requestTimeoutMs, batches: wire, records: new RequestRecords(wire) };
    this.host.send(this.cluster.brokerAddress(broker), req);
    if (this.acks === '0') {
      // Fire and forget: the client never learns the offset (-1) nor whether it arrived.
      for (const b of batches) {
        this.release(b);
        settleBatch(b, () => ({ ok: true, partition: b.partition, offset: -1 }));
        this.stats.acked += b.records.length;
      }
      return;
    }
    this.inflight.set(requestId, { broker, batches, sentAtMs: this.host.now() });
    this.perBroker.set(broker, (this.perBroker.get(broker) ?? 0) + 1);
    this.expireAfterTimeout(requestId, batches.length);
  }

  /**
   * request.timeout.ms: a request still unanswered then fails. A method of its own so that the timer
   * holds the request's id and size, not its batches: a closure made in `sendRequest` would keep every
   * answered request's records and callbacks alive for the whole timeout.
   */
  private expireAfterTimeout(requestId: number, batchCount: number): void {
    this.host.timer(this.requestTimeoutMs, () => {
      if (this.inflight.has(requestId)) this.onResponse({ kind: 'kafka.produce.response', requestId, results: Array.from({ length: batchCount }, () => ({ error: 'REQUEST_TIMED_OUT' })) } as ProduceResponse);
    });
  }

  /**
   * A broker process died: its host reset our connection, so requests in flight to it fail now as a
   * network error (retriable; the broker may have appended them first), not at request.timeout.ms.
   */
  peerDown(address: string): void {
    for (const [requestId, req] of [...this.inflight]) {
      if (this.cluster.brokerAddress(req.broker) !== address) continue;
      this.onResponse({ kind: 'kafka.produce.response', requestId, results: req.batches.map(() => ({ error: 'NETWORK_EXCEPTION' })) } as ProduceResponse);
    }
  }

  private release(b: ProducerBatch): void {
    const key = `${b.topic}-${b.partition}`;
    this.perPartition.set(key, Math.max(0, (this.perPartition.get(key) ?? 1) - 1));
  }

  private onResponse(res: ProduceResponse): void {
    const req = this.inflight.get(res.requestId);
    if (!req) return;
    this.inflight.delete(res.requestId);
    const latencyMs = this.host.now() - req.sentAtMs;
    this.meters.responses++;
    this.meters.requestLatencyTotalMs += latencyMs;
    this.meters.requestLatencyMaxMs = Math.max(this.meters.requestLatencyMaxMs, latencyMs);
    this.perBroker.set(req.broker, Math.max(0, (this.perBroker.get(req.broker) ?? 1) - 1));
    req.batches.forEach((b, i) => {
      this.release(b);
      const result = res.results[i] ?? { error: 'REQUEST_TIMED_OUT' };
      if (result.error === undefined) {
        this.stats.acked += b.records.length;
        const base = result.baseOffset ?? -1;
        settleBatch(b, (j) => ({ ok: true, partition: b.partition, offset: base < 0 ? -1 : base + j }));
      } else this.failed(b, result.error);
    });
    this.drain();
    this.checkFlushed();
  }

  private failed(b: ProducerBatch, error: string): void {
    const key = `${b.topic}-${b.partition}`;
    this.noteError(key, error);
    if (error === 'NOT_LEADER_OR_FOLLOWER' || error === 'REQUEST_TIMED_OUT' || error === 'NETWORK_EXCEPTION') {
      this.leaders.delete(key);
      // The client asks for a metadata update, which brings the topic's partition count up to date too.
      if (error === 'NOT_LEADER_OR_FOLLOWER') this.metadata.invalidate(b.topic);
    }
    if (error === 'INVALID_PRODUCER_EPOCH' || error === 'PRODUCER_FENCED') this.fatal('PRODUCER_FENCED');
    if (error === 'OUT_OF_ORDER_SEQUENCE_NUMBER' && this.idempotent && !this.txn.transactional && this.sequenceLost(b)) {
      this.giveUp(b, error);
      return;
    }
    const retries = this.config.retries ?? Number.MAX_SAFE_INTEGER;
    const inTime = this.host.now() - b.createdMs < this.config['delivery.timeout.ms'];
    if (!FATAL.has(error) && !this.fatalError && b.attempts <= retries && inTime) {
      b.retryAtMs = this.host.now() + RETRY_BACKOFF_MS;
      b.maybeWritten = MAYBE_WRITTEN.has(error);
      this.meters.recordRetries += b.records.length;
      this.acc.requeue(b);
      return;
    }
    this.giveUp(b, inTime ? error : `delivery.timeout.ms expired (${error})`);
  }

  /**
   * kafka-clients `TransactionManager.canRetry`: OUT_OF_ORDER_SEQUENCE_NUMBER is retried while an
   * earlier batch of the partition is still unresolved (the gap will close) or the batch carries an
   * old epoch (its sequence is reassigned). For the earliest outstanding batch of the current epoch
   * the broker has lost what it had acknowledged before it (an unclean election truncated it): the
   * batch fails with OutOfOrderSequenceException, not retriable (SEMANTICS-2 §1.3), and the
   * producer starts over with a new epoch (KIP-360, in giveUp).
   */
  private sequenceLost(b: ProducerBatch): boolean {
    if (this.pidState !== 'ready' || b.producerId !== this.producerId || b.producerEpoch !== this.producerEpoch) {
      b.baseSequence = -1;
      return false;
    }
    const earlier = (o: ProducerBatch) => o !== b && o.topic === b.topic && o.partition === b.partition && o.producerEpoch === b.producerEpoch && o.baseSequence >= 0 && o.baseSequence < b.baseSequence;
    for (const req of this.inflight.values()) if (req.batches.some(earlier)) return false;
    for (const o of this.acc.batches()) if (earlier(o)) return false;
    return true;
  }

  /**
   * The Java client logs "Got error produce response … retrying … Error: <CODE>" at WARN for each
   * failed batch; here once per error code per 10 s so a long outage does not flood the log.
   */
  private noteError(key: string, error: string): void {
    this.errors[error] = (this.errors[error] ?? 0) + 1;
    const now = this.host.now();
    const last = this.errorLoggedAt.get(error);
    if (last !== undefined && now - last < 10_000) return;
    this.errorLoggedAt.set(error, now);
    this.host.log('warn', `kafka producer: error produce response on ${key}: ${error} (${this.errors[error]} so far)`);
  }

  /** Drops a batch for good: the callbacks learn it, the ledger notes the records may be lost. */
  giveUp(b: ProducerBatch, error: string): void {
    this.stats.failed += b.records.length;
    const why = `kafka producer gave up: ${error}`;
    for (let j = 0; j < b.records.length; j++) this.host.ledger.noteLoss(b.records.ridAt(j), this.host.group, why);
    settleBatch(b, () => ({ ok: false, partition: b.partition, error }));
    this.txn.batchFailed(error);
    if (this.idempotent && !this.txn.transactional && b.baseSequence >= 0) {
      // The sequence now has a gap: like the real client (KIP-360), start over with a new epoch.
      this.pidState = 'none';
      this.nextSeq.clear();
      for (const q of this.acc.batches()) q.baseSequence = -1;
    }
  }

  fatal(error: string): void {
    if (this.fatalError) return;
    this.fatalError = error;
    this.pidState = 'fatal';
    this.host.log('error', `kafka producer: ${error}; this producer instance can no longer send`);
    for (const q of this.acc.queues.values()) for (const b of q.splice(0)) this.giveUp(b, error);
    for (const key of [...this.acc.open.keys()]) {
      this.acc.close(key);
      for (const b of this.acc.queue(key).splice(0)) this.giveUp(b, error);
    }
    this.checkFlushed();
  }

  private leaderOf(topic: string, partition: number): number | null {
    const key = tpKey(topic, partition);
    if (!this.leaders.has(key)) this.leaders.set(key, this.cluster.leaderOf(topic, partition));
    return this.leaders.get(key) ?? null;
  }

  /** Expires batches that waited longer than delivery.timeout.ms (leader offline, partitions unreachable). */
  private armHousekeeping(): void {
    if (this.housekeeping) return;
    this.housekeeping = true;
    this.host.timer(1000, () => {
      this.housekeeping = false;
      const now = this.host.now();
      for (const q of this.acc.queues.values()) {
        for (let i = 0; i < q.length; ) {
          const b = q[i]!;
          if (now - b.createdMs >= this.config['delivery.timeout.ms']) {
            q.splice(i, 1);
            this.giveUp(b, 'delivery.timeout.ms expired');
          } else i++;
        }
      }
      this.drain();
      this.checkFlushed();
      if (!this.acc.isEmpty() || this.inflight.size > 0) this.armHousekeeping();
    });
  }

  private initIdempotent(): void {
    this.pidState = 'pending';
    this.rpc('kafka.init-pid', `pid:${this.host.address}`, {}, (res) => {
      if (typeof res.producerId === 'number') {
        this.producerId = res.producerId;
        this.producerEpoch = res.producerEpoch as number;
        this.pidState = 'ready';
        this.drain();
      } else {
        this.pidState = 'none';
        this.host.timer(RETRY_BACKOFF_MS, () => this.drain());
      }
    });
  }

  /** A request to a coordinator (transactions, InitProducerId); `done` gets the response or a timeout error. */
  rpc(kind: string, coordinatorKey: string, body: Record<string, unknown>, done: (res: Record<string, unknown>) => void): void {
    const coordinator = this.cluster.coordinatorFor(coordinatorKey);
    if (coordinator === null) {
      this.host.timer(RETRY_BACKOFF_MS, () => done({ error: 'COORDINATOR_NOT_AVAILABLE' }));
      return;
    }
    const requestId = this.cluster.nextRequestId();
    this.rpcs.set(requestId, done);
    this.host.send(this.cluster.brokerAddress(coordinator), { kind, requestId, ...body } as Message);
    this.host.timer(this.requestTimeoutMs, () => {
      const handler = this.rpcs.get(requestId);
      if (!handler) return;
      this.rpcs.delete(requestId);
      handler({ error: 'REQUEST_TIMED_OUT' });
    });
  }

  receive(msg: Message, _from: string): boolean {
    const id = (msg as Message & { requestId?: number }).requestId;
    if (id === undefined) return false;
    if (msg.kind === 'kafka.produce.response') {
      if (!this.inflight.has(id)) return false;
      this.onResponse(msg as ProduceResponse);
      return true;
    }
    const handler = this.rpcs.get(id);
    if (!handler) return false;
    this.rpcs.delete(id);
    handler(msg as unknown as Record<string, unknown>);
    return true;
  }

  initTransactions(done: (ok: boolean, error?: string) => void): void {
    this.txn.init(done);
  }
  beginTransaction(): void {
    this.txn.begin();
  }
  commitTransaction(done: (ok: boolean, error?: string) => void): void {
    this.txn.commit(done);
  }
  abortTransaction(done: (ok: boolean) => void): void {
    this.txn.abort(done);
  }
  transactionHandle(): TransactionHandle | null {
    return this.txn.handle();
  }
  resumeTransaction(handle: TransactionHandle): void {
    this.txn.resume(handle);
  }
  sendOffsetsToTransaction(group: string, topic: string, offsets: ReadonlyMap<number, number>, done: (ok: boolean, error?: string) => void): void {
    this.txn.sendOffsets(group, topic, offsets, done);
  }

  /** Unsent batches of an aborted transaction are dropped (their callbacks fail). */
  dropUnsent(error: string): void {
    this.acc.closeAll();
    for (const q of this.acc.queues.values()) for (const b of q.splice(0)) this.giveUp(b, error);
  }

  heldRecords(visit: (rid: number) => void): void {
    for (const b of this.acc.batches()) for (let j = 0; j < b.records.length; j++) visit(b.records.ridAt(j));
    for (const f of this.inflight.values()) for (const b of f.batches) for (let j = 0; j < b.records.length; j++) visit(b.records.ridAt(j));
  }

  /** The host crashed: whatever the client buffered or had in flight unacknowledged is gone with it. */
  discard(): void {
    const lost = (rid: number) => this.host.ledger.noteLoss(rid, this.host.group, 'kafka producer buffer lost in the crash');
    this.heldRecords(lost);
  }

  pendingCount(): number {
    let n = 0;
    this.heldRecords(() => n++);
    return n;
  }

  inspect(): unknown {
    return { acks: this.acks, idempotent: this.idempotent, producerId: this.producerId, producerEpoch: this.producerEpoch, inFlightRequests: this.inflight.size, ...this.stats, errors: { ...this.errors }, transaction: this.txn.describe() };
  }
}
