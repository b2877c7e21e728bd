/**
 * Logstash's `kinesis` output (logstash-output-kinesis, lib/logstash/outputs/kinesis.rb) and the
 * Kinesis Producer Library (KPL) it drives. What the plugin does, read from its source:
 * - the partition key is the first non-empty field of `event_partition_keys`, else `-` (so by
 *   default every event lands on one shard), or a random UUID with `randomized_partition_key`;
 * - `receive` hands the event to `addUserRecord` and returns: the event counts as done for the
 *   pipeline (a persisted queue ACKs it) while the KPL still holds it, and the plugin never looks
 *   at the record's result. Only when more than `max_pending_records` are outstanding does it
 *   call `flushSync` and block until they are all finished.
 * What the KPL does (KinesisProducerConfiguration, the options the plugin passes on):
 * - records wait up to `record_max_buffered_time` and go out in `PutRecords` calls of up to
 *   `collection_max_count`;
 * - a failed entry (`ProvisionedThroughputExceededException`) is retried until `record_ttl` runs
 *   out, unless `fail_if_throttled`; a call with no answer within `request_timeout` is retried
 *   whole — the first call may have stored them, so the retry can store a second copy with a new
 *   sequence number (https://docs.aws.amazon.com/streams/latest/dev/kinesis-record-processor-duplicates.html);
 * - a record that failed for good is reported to a callback the plugin never registers: lost here.
 * The KPL lives in the Logstash process: a crash takes its buffered records with it.
 */
import type { Message, NodeContext } from '../../core/node.js';
import { readField, type Rec } from '../../core/record.js';
import type { LogstashOutput } from '../logstash/output.js';
import type { LogstashSpec } from '../../spec/schema/logstash.js';
import type { KinesisStreamNode } from './stream.js';
import type { PutRecordsEntry, PutRecordsRequest, PutRecordsResponse } from './protocol.js';

export type KinesisOutputSettings = NonNullable<LogstashSpec['output']['kinesis']>;

/** KPL's pause before resubmitting throttled records (it backs off; 100 ms here). */
const RETRY_BACKOFF_MS = 100;

interface UserRecord {
  readonly rec: Rec;
  readonly entry: PutRecordsEntry;
  readonly deadlineMs: number;
  /** A previous call with this record went unanswered: it may already be stored. */
  maybeStored: boolean;
}

/** Bytes of the data blob: the event's line (the plugin's json codec adds its other fields; not counted here). */
export function dataBlobBytes(rec: Rec): number {
  const message = rec.fields['message'];
  return typeof message === 'string' ? message.length : 64;
}

export class LogstashKinesisOutput implements LogstashOutput {
  readonly name = 'kinesis';
  private buffer: UserRecord[] = [];
  private readonly inFlight = new Map<number, UserRecord[]>();
  private flushArmed = false;
  private flushWaiters: (() => void)[] = [];
  private readonly counters = { userRecords: 0, putRecordsCalls: 0, throttledEntries: 0, retried: 0, expired: 0, timedOutCalls: 0, stored: 0 };

  constructor(
    private readonly ctx: NodeContext,
    private readonly where: string,
    private readonly stream: KinesisStreamNode,
    private readonly settings: KinesisOutputSettings,
    private readonly requestIds: { next: number },
  ) {}

  /** The plugin's partition key for an event. */
  partitionKey(rec: Rec): string {
    if (this.settings.randomized_partition_key) return this.uuid();
    for (const name of this.settings.event_partition_keys) {
      const v = readField(rec.fields, name);
      if (v !== undefined && v !== null && typeof v !== 'object' && String(v).length > 0) return `-${String(v)}`;
    }
    return '-';
  }

  private uuid(): string {
    const hex = (n: number) => Array.from({ length: n }, () => this.ctx.rng.int(0, 15).toString(16)).join('');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${hex(4)}-${hex(12)}`;
  }

  write(events: readonly Rec[], done: () => void): void {
    const now = this.ctx.now();
    for (const rec of events) {
      const partitionKey = this.partitionKey(rec);
      this.buffer.push({ rec, entry: { partitionKey, record: rec, sizeBytes: dataBlobBytes(rec) + partitionKey.length }, deadlineMs: now + this.settings.record_ttl, maybeStored: false });
      this.counters.userRecords++;
    }
    this.armFlush(this.settings.record_max_buffered_time);
    // `flushSync` once the KPL holds more than max_pending_records: the worker waits for all of them.
    if (this.outstanding() > this.settings.max_pending_records) {
      this.ctx.log('warn', 'kinesis output: Kinesis is too busy - blocking until things have cleared up');
      this.flushWaiters.push(done);
      this.armFlush(0);
    } else done();
  }

  private outstanding(): number {
    let n = this.buffer.length;
    for (const recs of this.inFlight.values()) n += recs.length;
    return n;
  }

  private armFlush(delayMs: number): void {
    if (this.flushArmed && delayMs > 0) return;
    this.flushArmed = true;
    this.ctx.timer(delayMs, () => {
      this.flushArmed = false;
      this.flush();
    });
  }

  /** Sends what is buffered in `PutRecords` calls of up to `collection_max_count` entries. */
  private flush(): void {
    const now = this.ctx.now();
    const live: UserRecord[] = [];
    for (const u of this.buffer) {
      if (now >= u.deadlineMs) this.expire(u, 'its record_ttl ran out before Kinesis stored it');
      else live.push(u);
    }
    this.buffer = [];
    for (let i = 0; i < live.length; i += this.settings.collection_max_count) this.send(live.slice(i, i + this.settings.collection_max_count));
    this.checkFlushed();
  }

  private send(batch: UserRecord[]): void {
    const requestId = ++this.requestIds.next;
    this.inFlight.set(requestId, batch);
    this.counters.putRecordsCalls++;
    const req: PutRecordsRequest = { kind: 'kinesis.put-records', requestId, entries: batch.map((u) => u.entry), records: batch.map((u) => u.rec) };
    this.ctx.send(this.stream.address, req);
    this.ctx.timer(this.settings.request_timeout, () => {
      const pending = this.inFlight.get(requestId);
      if (!pending) return;
      this.inFlight.delete(requestId);
      this.counters.timedOutCalls++;
      for (const u of pending) u.maybeStored = true;
      this.retry(pending);
    });
  }

  private retry(records: UserRecord[]): void {
    for (const u of records) {
      if (u.maybeStored) this.ctx.ledger.noteDuplicate(u.rec.rid, this.where, `PutRecords resent after no answer within request_timeout=${this.settings.request_timeout} ms: the first call may have stored it`);
      this.counters.retried++;
      this.buffer.push(u);
    }
    this.armFlush(RETRY_BACKOFF_MS);
  }

  receive(msg: Message): boolean {
    if (msg.kind !== 'kinesis.put-records.response') return false;
    const res = msg as PutRecordsResponse;
    const batch = this.inFlight.get(res.requestId);
    if (!batch) return true;
    this.inFlight.delete(res.requestId);
    const again: UserRecord[] = [];
    res.results.forEach((r, i) => {
      const u = batch[i];
      if (!u) return;
      if ('sequenceNumber' in r) {
        this.counters.stored++;
        return;
      }
      this.counters.throttledEntries++;
      if (this.settings.fail_if_throttled) this.expire(u, `${r.errorCode} and fail_if_throttled is true: the KPL failed it at once`);
      else if (this.ctx.now() >= u.deadlineMs) this.expire(u, `${r.errorCode} until its record_ttl=${this.settings.record_ttl} ms ran out`);
      else {
        u.maybeStored = false;
        again.push(u);
      }
    });
    if (again.length > 0) this.retry(again);
    this.checkFlushed();
    return true;
  }

  /** A record the KPL gave up on: its failure goes to a callback the plugin never registered. */
  private expire(u: UserRecord, why: string): void {
    this.counters.expired++;
    // A record whose earlier call went unanswered may be stored after all: then nothing is lost.
    this.ctx.ledger.noteLoss(u.rec.rid, this.where, `kinesis output (KPL): ${why}; the plugin ignores failed records`);
  }

  private checkFlushed(): void {
    if (this.flushWaiters.length === 0 || this.outstanding() > 0) return;
    const waiters = this.flushWaiters;
    this.flushWaiters = [];
    for (const w of waiters) w();
  }

  /** Logstash died: the KPL child process and every record it held are gone. */
  crash(): void {
    const why = 'held by the KPL when Logstash stopped: the plugin had already handed it over, so nothing resends it';
    for (const u of this.buffer) this.ctx.ledger.noteLoss(u.rec.rid, this.where, why);
    for (const recs of this.inFlight.values()) for (const u of recs) this.ctx.ledger.noteLoss(u.rec.rid, this.where, why);
    this.buffer = [];
    this.inFlight.clear();
    this.flushWaiters = [];
  }

  heldRecords(visit: (rid: number) => void): void {
    for (const u of this.buffer) visit(u.rec.rid);
    for (const recs of this.inFlight.values()) for (const u of recs) visit(u.rec.rid);
  }

  metrics(): Record<string, number> {
    return { ...this.counters, outstanding: this.outstanding() };
  }

  inspect(): unknown {
    return { streamName: this.settings.stream_name ?? this.stream.streamName, buffered: this.buffer.length, inFlightCalls: this.inFlight.size, ...this.counters };
  }
}
