/**
 * One shard: an ordered log of records with per-shard sequence numbers, its hash-key range, and the
 * meters that enforce its limits [KDS1] (https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html):
 * writes up to 1 MB/s **or** 1,000 records/s, reads up to 2 MB/s and 5 `GetRecords` calls/s.
 * Past a limit the call (or, for `PutRecords`, the entry) fails with
 * `ProvisionedThroughputExceededException`. Meters count per whole second of virtual time.
 */
import type { Rec } from '../../core/record.js';
import type { HashKeyRange } from './hash-key.js';

/** 1 MiB: the API pages give the per-shard write limit as "1 MB per second" and record sizes in MiB. */
export const WRITE_BYTES_PER_SECOND = 1_048_576;
export const WRITE_RECORDS_PER_SECOND = 1000;
export const READ_BYTES_PER_SECOND = 2 * 1_048_576;
export const READ_CALLS_PER_SECOND = 5;

export interface StoredRecord {
  readonly seq: number;
  readonly partitionKey: string;
  readonly record: Rec;
  readonly sizeBytes: number;
  readonly arrivalMs: number;
}

class SecondMeter {
  private second = -1;
  count = 0;
  bytes = 0;

  roll(nowMs: number): void {
    const s = Math.floor(nowMs / 1000);
    if (s !== this.second) {
      this.second = s;
      this.count = 0;
      this.bytes = 0;
    }
  }
}

export class Shard {
  /** Kept records, oldest first; `first` skips the ones retention deleted (compacted now and then). */
  private log: StoredRecord[] = [];
  private first = 0;
  private lastSeq = 0;
  private readonly writes = new SecondMeter();
  private readonly reads = new SecondMeter();
  readonly counters = { written: 0, throttledWrites: 0, throttledReads: 0, expired: 0, bytesIn: 0 };

  /**
   * Set when a reshard closed the shard: its last sequence position (`EndingSequenceNumber`). A
   * closed shard takes no more writes; its records stay readable until retention deletes them.
   */
  endingSeq: number | null = null;

  constructor(
    readonly index: number,
    readonly shardId: string,
    readonly range: HashKeyRange,
    /** The shards this one was split or merged from (`ParentShardId`, `AdjacentParentShardId`, …). */
    readonly parents: readonly Shard[] = [],
  ) {}

  get open(): boolean {
    return this.endingSeq === null;
  }

  /** A reshard closes the shard: new records go to its children from now on. */
  close(): void {
    this.endingSeq = this.lastSeq;
  }

  /** Appends if the second's write budget allows; null = `ProvisionedThroughputExceededException`. */
  tryAppend(partitionKey: string, record: Rec, sizeBytes: number, nowMs: number): StoredRecord | null {
    this.writes.roll(nowMs);
    if (this.writes.count >= WRITE_RECORDS_PER_SECOND || this.writes.bytes + sizeBytes > WRITE_BYTES_PER_SECOND) {
      this.counters.throttledWrites++;
      return null;
    }
    this.writes.count++;
    this.writes.bytes += sizeBytes;
    const stored: StoredRecord = { seq: ++this.lastSeq, partitionKey, record, sizeBytes, arrivalMs: nowMs };
    this.log.push(stored);
    this.counters.written++;
    this.counters.bytesIn += sizeBytes;
    return stored;
  }

  /**
   * Records after `afterSeq`, up to `limit` and the second's 2 MB read budget; null when this
   * second's read calls or bytes are used up (`ProvisionedThroughputExceededException`).
   */
  read(afterSeq: number, limit: number, nowMs: number): StoredRecord[] | null {
    this.reads.roll(nowMs);
    if (this.reads.count >= READ_CALLS_PER_SECOND || this.reads.bytes >= READ_BYTES_PER_SECOND) {
      this.counters.throttledReads++;
      return null;
    }
    this.reads.count++;
    const out: StoredRecord[] = [];
    for (let i = this.indexAfter(afterSeq); i < this.log.length && out.length < limit; i++) {
      const r = this.log[i]!;
      if (out.length > 0 && this.reads.bytes + r.sizeBytes > READ_BYTES_PER_SECOND) break;
      this.reads.bytes += r.sizeBytes;
      out.push(r);
    }
    return out;
  }

  /** Index in `log` of the first kept record with seq > afterSeq (sequence numbers are dense). */
  private indexAfter(afterSeq: number): number {
    const oldest = this.log[this.first];
    if (!oldest) return this.log.length;
    return Math.max(this.first, this.first + (afterSeq - oldest.seq) + 1);
  }

  /** Deletes records that arrived at or before `cutoffMs`, handing each to `expired`. */
  trim(cutoffMs: number, expired: (r: StoredRecord) => void): void {
    while (this.first < this.log.length && this.log[this.first]!.arrivalMs <= cutoffMs) {
      expired(this.log[this.first]!);
      this.first++;
      this.counters.expired++;
    }
    if (this.first > 4096 && this.first * 2 > this.log.length) {
      this.log = this.log.slice(this.first);
      this.first = 0;
    }
  }

  /** The newest sequence position (0 for an empty shard that never had a record). */
  latestSeq(): number {
    return this.lastSeq;
  }

  /** The oldest record kept (the trim horizon), if any. */
  oldest(): StoredRecord | undefined {
    return this.log[this.first];
  }

  newest(): StoredRecord | undefined {
    return this.log.length > this.first ? this.log[this.log.length - 1] : undefined;
  }

  /** Visits every record still kept. */
  forEachKept(visit: (r: StoredRecord) => void): void {
    for (let i = this.first; i < this.log.length; i++) visit(this.log[i]!);
  }

  /** Visits kept records with seq > afterSeq. */
  forEachAfter(afterSeq: number, visit: (r: StoredRecord) => void): void {
    for (let i = this.indexAfter(afterSeq); i < this.log.length; i++) visit(this.log[i]!);
  }

  keptCount(): number {
    return this.log.length - this.first;
  }
}
