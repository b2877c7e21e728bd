/**
 * An Amazon Data Firehose stream reading a Kinesis data stream (`type: firehose`).
 *
 * - Source: every second it calls `GetRecords` on each shard, from the position where it started
 *   (the stream's LATEST at start) onward, and buffers what it gets. Firehose is managed and
 *   durable: what it has read stays with it (it neither crashes nor forgets here). After a reshard
 *   it reads a child shard from its first record once the child's parents are read to their end,
 *   the rule the Kinesis developer guide gives every consumer that keeps a key's order.
 * - Buffering: delivery when `SizeInMBs` or `IntervalInSeconds` is reached, whichever first [FH1].
 * - S3 destination: one object per delivery under `Prefix` + `YYYY/MM/dd/HH/` (UTC); a put without
 *   an answer is retried, for up to 24 hours, after which the data is lost [FH4]
 *   (https://docs.aws.amazon.com/firehose/latest/dev/retry.html).
 * - OpenSearch destination: one bulk request per delivery. Failed items (and a request without an
 *   answer) are retried until `RetryOptions.DurationInSeconds` has passed since the first failure
 *   (0 = no retries); then they are written to the S3 bucket under the error prefix [FH2]
 *   (https://docs.aws.amazon.com/firehose/latest/APIReference/API_AmazonopensearchserviceRetryOptions.html).
 *   `DocumentIdOptions.DefaultDocumentIdFormat: FIREHOSE_DEFAULT` sends an id derived from the
 *   record's own identity, stable across attempts, so a retry overwrites; `NO_DOCUMENT_ID` lets
 *   OpenSearch generate ids, so a retry of a request that had in fact been indexed makes a second
 *   document [FH3] (https://docs.aws.amazon.com/firehose/latest/APIReference/API_DocumentIdOptions.html).
 * Delivery is at-least-once: "delivery retries by Firehose might introduce duplicates if the
 * original data-delivery request eventually goes through"
 * (https://docs.aws.amazon.com/firehose/latest/dev/basic-deliver.html).
 */
import type { Message, NodeContext, SimNode } from '../../core/node.js';
import type { Rec } from '../../core/record.js';
import type { FirehoseSpec, FirehoseS3DestinationSpec } from '../../spec/schema/firehose.js';
import type { EsBulkItem, EsBulkRequest, EsBulkResponse } from '../elasticsearch/protocol.js';
import type { S3Put, S3Response } from '../s3/protocol.js';
import type { KinesisStreamNode } from '../kinesis/stream.js';
import type { GetRecordsRequest, GetRecordsResponse } from '../kinesis/protocol.js';
import { dataBlobBytes } from '../kinesis/kpl-output.js';
import { FirehoseBuffer, type Buffered } from './buffer.js';

const READ_INTERVAL_MS = 1000;
/** How long Firehose waits for a destination's answer before counting the attempt failed (not documented; 60 s here). */
const DESTINATION_TIMEOUT_MS = 60_000;
const RETRY_BACKOFF_MS = 1000;
/** S3 destination: "keeps retrying for up to 24 hours"; the maximum data storage time of Firehose [FH4]. */
const S3_MAX_RETRY_MS = 24 * 3_600_000;
/** Where failed OpenSearch documents go when `ErrorOutputPrefix` is not set (not verified here: from the retry page's OpenSearch section as remembered). */
const DEFAULT_OPENSEARCH_FAILED_PREFIX = 'AmazonOpenSearchService_failed/';
const MIB = 1_048_576;

interface Delivery {
  readonly items: Buffered[];
  readonly target: 'opensearch' | 's3' | 'error-s3' | 'backup-s3';
  /** When the first attempt failed (null while none has). */
  firstFailureMs: number | null;
  /** An earlier attempt went unanswered: it may have been written. */
  maybeWritten: boolean;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Firehose's default S3 key time part: `YYYY/MM/dd/HH/` in UTC. */
export function utcPrefix(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCHours())}/`;
}

export class FirehoseNode implements SimNode {
  private ctx!: NodeContext;
  readonly name: string;
  private readonly buffer: FirehoseBuffer;
  /** Per shard: where reading continues (null until the LATEST start is known). */
  private readonly positions: (number | null)[];
  /** Closed shards read to their end (their children may be read). */
  private readonly ended = new Set<number>();
  private readonly readsOut = new Map<number, number>();
  private readonly deliveries = new Map<number, Delivery>();
  /** Deliveries waiting out the backoff before their next attempt (Firehose still holds them). */
  private readonly waiting = new Set<Delivery>();
  private requestSeq = 0;
  private objectSeq = 0;
  private readonly counters = { getRecords: 0, deliveries: 0, objectsPut: 0, bulkRequests: 0, retries: 0, failedToS3: 0, dataExpired: 0 };

  constructor(
    readonly address: string,
    private readonly spec: FirehoseSpec,
    private readonly stream: KinesisStreamNode,
  ) {
    this.name = spec.DeliveryStreamName ?? address;
    const hints = (spec.AmazonopensearchserviceDestinationConfiguration ?? spec.ExtendedS3DestinationConfiguration)!.BufferingHints;
    this.buffer = new FirehoseBuffer(hints.SizeInMBs * MIB, hints.IntervalInSeconds * 1000);
    this.positions = stream.shards.map(() => null);
  }

  /** How far this Firehose stream has read a shard (the stream's retention measures against it). */
  position(shardIndex: number): number {
    return this.positions[shardIndex] ?? 0;
  }

  start(ctx: NodeContext): void {
    this.ctx = ctx;
    this.tick();
  }

  private tick(): void {
    for (const shard of this.stream.shards) {
      if (this.ended.has(shard.index) || !shard.parents.every((p) => this.ended.has(p.index))) continue;
      // A child shard starts at its first record (its parents held what came before).
      if (this.positions[shard.index] === undefined) this.positions[shard.index] = shard.parents.length > 0 ? 0 : null;
      this.read(shard.index);
    }
    if (this.buffer.due(this.ctx.now())) this.deliver(this.buffer.take());
    this.ctx.timer(READ_INTERVAL_MS, () => this.tick());
  }

  private read(shardIndex: number): void {
    if ([...this.readsOut.values()].includes(shardIndex)) return;
    const requestId = ++this.requestSeq;
    this.readsOut.set(requestId, shardIndex);
    this.counters.getRecords++;
    const pos = this.positions[shardIndex] ?? null;
    const req: GetRecordsRequest = { kind: 'kinesis.get-records', requestId, reader: this.address, shardIndex, afterSeq: pos ?? 0, latest: pos === null, limit: 10_000 };
    this.ctx.send(this.stream.address, req);
    this.ctx.timer(DESTINATION_TIMEOUT_MS, () => this.readsOut.delete(requestId));
  }

  receive(msg: Message): void {
    if (msg.kind === 'kinesis.get-records.response') this.onRecords(msg as GetRecordsResponse);
    else if (msg.kind === 'es.bulk.response') this.onBulk(msg as EsBulkResponse);
    else if (msg.kind === 's3.put.response') this.onPut(msg as S3Response);
  }

  private onRecords(res: GetRecordsResponse): void {
    const shardIndex = this.readsOut.get(res.requestId);
    if (shardIndex === undefined) return;
    this.readsOut.delete(res.requestId);
    if (res.error) return;
    if (res.childShards) {
      this.ended.add(shardIndex);
      return;
    }
    const shard = this.stream.shards[shardIndex]!;
    const now = this.ctx.now();
    for (const e of res.entries) this.buffer.add({ record: e.record, internalId: `${shard.shardId}-${e.sequenceNumber}`, sizeBytes: dataBlobBytes(e.record) }, now);
    this.positions[shardIndex] = res.nextSeq;
    if (this.buffer.due(now)) this.deliver(this.buffer.take());
  }

  private deliver(items: Buffered[]): void {
    if (items.length === 0) return;
    this.counters.deliveries++;
    const os = this.spec.AmazonopensearchserviceDestinationConfiguration;
    if (os) {
      this.attempt({ items, target: 'opensearch', firstFailureMs: null, maybeWritten: false });
      if (os.S3BackupMode === 'AllDocuments') this.attempt({ items, target: 'backup-s3', firstFailureMs: null, maybeWritten: false });
    } else this.attempt({ items, target: 's3', firstFailureMs: null, maybeWritten: false });
  }

  private s3Of(d: Delivery): { bucket: string; prefix: string } {
    const os = this.spec.AmazonopensearchserviceDestinationConfiguration;
    if (d.target === 's3') return this.s3Dest(this.spec.ExtendedS3DestinationConfiguration!);
    const conf = os!.S3Configuration;
    if (d.target === 'error-s3') return { bucket: conf.BucketARN, prefix: conf.ErrorOutputPrefix ?? DEFAULT_OPENSEARCH_FAILED_PREFIX };
    return this.s3Dest(conf);
  }

  private s3Dest(conf: FirehoseS3DestinationSpec): { bucket: string; prefix: string } {
    return { bucket: conf.BucketARN, prefix: conf.Prefix };
  }

  private attempt(d: Delivery): void {
    const requestId = ++this.requestSeq;
    this.deliveries.set(requestId, d);
    const records: Rec[] = d.items.map((i) => i.record);
    if (d.target === 'opensearch') {
      const os = this.spec.AmazonopensearchserviceDestinationConfiguration!;
      const withIds = os.DocumentIdOptions.DefaultDocumentIdFormat === 'FIREHOSE_DEFAULT';
      const items: EsBulkItem[] = d.items.map((i) => (withIds ? { index: os.IndexName, id: i.internalId, op: 'index', record: i.record } : { index: os.IndexName, op: 'index', record: i.record }));
      const req: EsBulkRequest = { kind: 'es.bulk', requestId, items, records };
      this.counters.bulkRequests++;
      this.ctx.send(os.DomainARN, req);
    } else {
      const { bucket, prefix } = this.s3Of(d);
      const now = this.ctx.now();
      const key = `${prefix}${utcPrefix(now)}${this.name}-1-${new Date(now).toISOString().slice(0, 19).replace(/[T:]/g, '-')}-${++this.objectSeq}`;
      const req: S3Put = { kind: 's3.put', requestId, key, records };
      this.counters.objectsPut++;
      this.ctx.send(bucket, req);
    }
    this.ctx.timer(DESTINATION_TIMEOUT_MS, () => {
      if (this.deliveries.get(requestId) !== d) return;
      this.deliveries.delete(requestId);
      d.maybeWritten = true;
      this.failed(d, d.items, 'no answer within the timeout');
    });
  }

  private onPut(res: S3Response): void {
    const d = this.deliveries.get(res.requestId);
    if (!d) return;
    this.deliveries.delete(res.requestId);
    if (!res.ok) this.failed(d, d.items, 'the put failed');
    else if (d.target === 'error-s3') {
      const { bucket, prefix } = this.s3Of(d);
      const duration = this.spec.AmazonopensearchserviceDestinationConfiguration!.RetryOptions.DurationInSeconds;
      for (const i of d.items) this.ctx.ledger.noteDeadLettered(i.record.rid, this.address, `not indexed within RetryOptions.DurationInSeconds=${duration}; written to s3://${bucket}/${prefix}`);
    }
  }

  private onBulk(res: EsBulkResponse): void {
    const d = this.deliveries.get(res.requestId);
    if (!d) return;
    this.deliveries.delete(res.requestId);
    const failed: Buffered[] = [];
    res.items.forEach((r, i) => {
      const item = d.items[i];
      if (item && r.status >= 300 && r.status !== 409) failed.push(item);
    });
    if (failed.length > 0) this.failed({ ...d, maybeWritten: false }, failed, `OpenSearch refused ${failed.length} document(s) (${res.items.find((r) => r.status >= 300)?.status ?? ''})`);
  }

  /** A failed attempt: retried within the retry duration, then set aside (OpenSearch) or given up (S3 after 24 h). */
  private failed(d: Delivery, items: Buffered[], why: string): void {
    const now = this.ctx.now();
    const first = d.firstFailureMs ?? now;
    const limitMs = d.target === 'opensearch' ? this.spec.AmazonopensearchserviceDestinationConfiguration!.RetryOptions.DurationInSeconds * 1000 : S3_MAX_RETRY_MS;
    const next: Delivery = { items, target: d.target, firstFailureMs: first, maybeWritten: d.maybeWritten };
    if (now - first + RETRY_BACKOFF_MS <= limitMs) {
      this.counters.retries++;
      const copies = d.target === 'opensearch' ? this.spec.AmazonopensearchserviceDestinationConfiguration!.DocumentIdOptions.DefaultDocumentIdFormat === 'NO_DOCUMENT_ID' : true;
      if (d.maybeWritten && copies) for (const i of items) this.ctx.ledger.noteDuplicate(i.record.rid, this.address, `delivery retried after ${why}; the first attempt may have been written`);
      this.waiting.add(next);
      this.ctx.timer(RETRY_BACKOFF_MS, () => {
        this.waiting.delete(next);
        this.attempt(next);
      });
      return;
    }
    if (d.target === 'opensearch') {
      this.counters.failedToS3 += items.length;
      this.attempt({ items, target: 'error-s3', firstFailureMs: null, maybeWritten: false });
      return;
    }
    this.counters.dataExpired += items.length;
    for (const i of items) this.ctx.ledger.noteLoss(i.record.rid, this.address, `S3 delivery failed for 24 hours (${why}): Firehose keeps data at most 24 hours`);
  }

  crash(): void {}

  restart(): void {
    this.tick();
  }

  heldRecords(visit: (rid: number) => void): void {
    this.buffer.visit(visit);
    for (const d of this.deliveries.values()) for (const i of d.items) visit(i.record.rid);
    for (const d of this.waiting) for (const i of d.items) visit(i.record.rid);
    this.stream.shards.forEach((shard, i) => shard.forEachAfter(this.position(i), (r) => visit(r.record.rid)));
  }

  metrics(): Record<string, number> {
    return { ...this.counters, buffered: this.buffer.size, bufferedBytes: this.buffer.sizeBytes };
  }

  inspect(): unknown {
    return { deliveryStreamName: this.name, buffered: this.buffer.size, bufferedBytes: this.buffer.sizeBytes, pendingDeliveries: this.deliveries.size, ...this.counters };
  }
}
