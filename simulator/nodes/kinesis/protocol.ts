/**
 * Messages between Kinesis clients (the KPL in Logstash's kinesis output, KCL workers, Firehose)
 * and the stream, after the service API (https://docs.aws.amazon.com/kinesis/latest/APIReference/):
 * `PutRecords` answers per record — a failed entry carries `ErrorCode`
 * (`ProvisionedThroughputExceededException` or `InternalFailure`) and the others are stored — and
 * the response counts the failures in `FailedRecordCount`. `GetRecords` returns records after a
 * position in one shard, or fails whole with `ProvisionedThroughputExceededException` when the
 * shard's read limit is used up.
 */
import type { Message } from '../../core/node.js';
import type { Rec } from '../../core/record.js';

export interface PutRecordsEntry {
  readonly partitionKey: string;
  readonly record: Rec;
  /** Bytes counted against the shard's 1 MB/s: data blob plus partition key. */
  readonly sizeBytes: number;
}

export interface PutRecordsRequest extends Message {
  kind: 'kinesis.put-records';
  requestId: number;
  entries: PutRecordsEntry[];
  records: Rec[];
}

export type PutRecordsResultEntry =
  | { readonly shardId: string; readonly sequenceNumber: string }
  | { readonly errorCode: 'ProvisionedThroughputExceededException' | 'InternalFailure'; readonly errorMessage: string };

export interface PutRecordsResponse extends Message {
  kind: 'kinesis.put-records.response';
  requestId: number;
  failedRecordCount: number;
  results: PutRecordsResultEntry[];
}

export interface GetRecordsRequest extends Message {
  kind: 'kinesis.get-records';
  requestId: number;
  /** Who reads: the stream remembers how far each reader got, to tell what retention deleted unread. */
  reader: string;
  shardIndex: number;
  /** Records after this per-shard position (0 = from the oldest kept, `TRIM_HORIZON`); see `latest`. */
  afterSeq: number;
  /** `LATEST`: start after the newest record now in the shard (ignores `afterSeq`). */
  latest: boolean;
  limit: number;
}

export interface KinesisRecordOut {
  readonly seq: number;
  readonly sequenceNumber: string;
  readonly partitionKey: string;
  readonly record: Rec;
  readonly arrivalMs: number;
}

export interface GetRecordsResponse extends Message {
  kind: 'kinesis.get-records.response';
  requestId: number;
  shardIndex: number;
  /** Not `records`: a lost response loses nothing, the records stay in the shard to be read again. */
  entries: KinesisRecordOut[];
  /** Position after the last record returned (what the next call passes as `afterSeq`). */
  nextSeq: number;
  /** Milliseconds the reader is behind the newest record (`MillisBehindLatest`). */
  millisBehindLatest: number;
  error?: 'ProvisionedThroughputExceededException' | 'ExpiredIteratorException';
  /**
   * Set when the shard is closed and read to its end (`GetRecords` answers with no
   * `NextShardIterator` and its `ChildShards`): the indexes of the shards to read next.
   */
  childShards?: number[];
}
