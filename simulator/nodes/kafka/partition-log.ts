/**
 * One replica of one partition: an append-only log of batches with sequential offsets
 * (SEMANTICS §3). Each broker hosting the partition has its own PartitionLog; it is durable
 * (it survives a broker crash — brokers rely on replication, not fsync, but the simulated disk
 * keeps what was written).
 *
 * Batches are stored whole, as Kafka stores record batches: a batch carries its leader epoch,
 * producer id/epoch/sequence (idempotence), whether it is transactional, or is a control batch
 * (a COMMIT/ABORT transaction marker taking one offset). From the batches the log derives the
 * leader-epoch cache (for truncation after a leader change), the producer state (duplicate
 * detection) and the transaction index (open transactions → last stable offset; aborted ranges
 * that read_committed readers skip).
 *
 * The batches are grouped into segments as on the broker's disk (LogSegment): appends go to the
 * last, active segment; a batch that would take it past `segment.bytes`, or that comes more than
 * `segment.ms` after the segment's first batch, rolls a new one first (LogSegment.shouldRoll).
 * Retention deletes whole segments only (UnifiedLog.deleteOldSegments): a record lives until
 * the newest record of its segment is older than `retention.ms`, and until a retention check
 * (simulator/nodes/kafka/retention.ts) comes round.
 */
import { messageLengthOf, type Rec, type RecordColumn } from '../../core/record.js';
import { recordEpoch, recordSequence, type ProducerEntry } from './idempotence.js';

export interface LogBatch {
  readonly baseOffset: number;
  readonly records: RecordColumn;
  /** Leader epoch under which the batch was written. */
  readonly epoch: number;
  readonly producerId: number;
  readonly producerEpoch: number;
  /** First sequence number (idempotent producers), -1 otherwise. */
  readonly baseSequence: number;
  readonly transactional: boolean;
  /** A transaction marker instead of data. */
  readonly control: 'commit' | 'abort' | null;
  readonly appendTimeMs: number;
}

/**
 * How a replica cuts its log into segments: topic `segment.bytes` (broker `log.segment.bytes`, default
 * 1 GiB) and `segment.ms` (broker `log.roll.ms` / `log.roll.hours`, default 7 days).
 */
export interface SegmentConfig {
  readonly bytes: number;
  readonly ms: number;
}

export const KAFKA_SEGMENT_DEFAULTS: SegmentConfig = { bytes: 1_073_741_824, ms: 604_800_000 };

/** DefaultRecordBatch.RECORD_BATCH_OVERHEAD: the header every stored batch has, control batches included. */
const BATCH_HEADER_BYTES = 61;

/**
 * Bytes a batch takes in its segment: the batch header and the records' values (keys and per-record
 * framing are not counted, as in record-bytes.ts, so a simulated segment fills a little slower than a real one).
 */
/**
 * The records' bytes of one batch, worked out once: followers append the leader's record column
 * itself, so every replica of a batch asks for the same column (a million records, three replicas).
 */
const recordBytesOf = new WeakMap<RecordColumn, number>();

function storedBytes(b: LogBatch): number {
  if (b.control) return BATCH_HEADER_BYTES;
  let bytes = recordBytesOf.get(b.records);
  if (bytes === undefined) {
    if (b.records.messageBytes) bytes = b.records.messageBytes();
    else {
      bytes = 0;
      for (let j = 0; j < b.records.length; j++) bytes += messageLengthOf(b.records.at(j)!);
    }
    recordBytesOf.set(b.records, bytes);
  }
  return BATCH_HEADER_BYTES + bytes;
}

/** One segment of a replica's log: where it starts, how full it is, and its first and newest record times. */
interface Segment {
  readonly baseOffset: number;
  bytes: number;
  /** The first batch's time: `segment.ms` is counted from it (LogSegment's rollingBasedTimestamp); -1 while empty. */
  firstMs: number;
  /** The newest record's time (LogSegment.largestTimestamp): time retention looks only at this. */
  largestMs: number;
}

const emptySegment = (baseOffset: number): Segment => ({ baseOffset, bytes: 0, firstMs: -1, largestMs: -1 });

/** The rid of record `j` of a batch, without making the record when the batch keeps ids. */
export function ridAt(records: RecordColumn, j: number): number {
  return 'ridAt' in records ? (records as { ridAt(j: number): number }).ridAt(j) : records.at(j)!.rid;
}

export function batchCount(b: LogBatch): number {
  return b.control ? 1 : b.records.length;
}

export interface AbortedRange {
  producerId: number;
  firstOffset: number;
  /** Offset of the ABORT marker. */
  lastOffset: number;
}

/**
 * A record as a reader gets it, already in the shape a consumer hands to its application
 * (`ConsumedRecord`): one object per record read, not one here and another in the client.
 */
export interface LogEntry {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly record: Rec;
}

/**
 * Records `from` … `to` − 1 of one stored batch's column, at offsets `baseOffset + j`: what a read
 * gives of that batch, before any record object is made (a column makes one each time it is asked).
 */
export interface LogRun {
  readonly records: RecordColumn;
  readonly baseOffset: number;
  readonly from: number;
  readonly to: number;
}

/** A read as runs of stored batches: how many records, the offset after them, and their value bytes (record-bytes.ts). */
export interface LogSlice {
  readonly runs: readonly LogRun[];
  readonly count: number;
  readonly nextOffset: number;
  readonly valueBytes: number;
}

/** The reader's records of `runs`, in order, one entry each. */
export function entriesOf(topic: string, partition: number, runs: readonly LogRun[], count: number): LogEntry[] {
  // Sized up front instead of grown push by push; beyond 64K the array grows as it fills (a huge
  // preallocation would be a slow dictionary).
  const entries: LogEntry[] = new Array<LogEntry>(Math.min(count, 65_536));
  let n = 0;
  for (const run of runs) {
    for (let j = run.from; j < run.to; j++) entries[n++] = { topic, partition, offset: run.baseOffset + j, record: run.records.at(j)! };
  }
  entries.length = n;
  return entries;
}

export class PartitionLog {
  private batches: LogBatch[] = [];
  /** Index of the first retained batch (retention moves it; the array is compacted now and then). */
  private head = 0;
  logStartOffset = 0;
  logEndOffset = 0;
  highWatermark = 0;
  /** Leader epoch → first offset written in it, ascending. */
  epochs: { epoch: number; startOffset: number }[] = [];
  readonly producers = new Map<number, ProducerEntry>();
  /** Producer id → first offset of its open transaction in this partition. */
  readonly openTxns = new Map<number, number>();
  aborted: AbortedRange[] = [];
  /** The segments, oldest first; the last one is the active segment appends go to. Never empty. */
  private segments: Segment[] = [emptySegment(0)];

  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly segmentConfig: SegmentConfig = KAFKA_SEGMENT_DEFAULTS,
  ) {}

  /** Segments the log has now (the active one included). */
  segmentCount(): number {
    return this.segments.length;
  }

  /** The leader's epoch cache gets an entry when it starts leading, before it writes anything. */
  startEpoch(epoch: number): void {
    const last = this.epochs[this.epochs.length - 1];
    if (!last || last.epoch < epoch) this.epochs.push({ epoch, startOffset: this.logEndOffset });
  }

  lastEpoch(): number {
    return this.epochs[this.epochs.length - 1]?.epoch ?? -1;
  }

  /** Appends a batch; the leader passes its offset-less fields, a follower passes the leader's batch. */
  append(batch: LogBatch): void {
    this.startEpoch(batch.epoch);
    this.addToSegment(batch);
    this.batches.push(batch);
    this.logEndOffset = batch.baseOffset + batchCount(batch);
    this.index(batch);
  }

  /**
   * Puts the batch in the active segment, rolling a new one first when the batch would not fit in
   * `segment.bytes` or the segment's first batch is more than `segment.ms` old (LogSegment.shouldRoll;
   * an empty segment never rolls). A batch's time is its append time on the leader, which its followers keep.
   */
  private addToSegment(batch: LogBatch): void {
    const bytes = storedBytes(batch);
    let active = this.segments[this.segments.length - 1]!;
    const full = active.bytes > 0 && active.bytes + bytes > this.segmentConfig.bytes;
    const old = active.bytes > 0 && batch.appendTimeMs - active.firstMs > this.segmentConfig.ms;
    if (full || old) {
      active = emptySegment(batch.baseOffset);
      this.segments.push(active);
    }
    if (active.bytes === 0) active.firstMs = batch.appendTimeMs;
    active.bytes += bytes;
    active.largestMs = Math.max(active.largestMs, batch.appendTimeMs);
  }

  private index(batch: LogBatch): void {
    if (batch.control) {
      recordEpoch(this.producers, batch.producerId, batch.producerEpoch);
      const first = this.openTxns.get(batch.producerId);
      if (first !== undefined) {
        this.openTxns.delete(batch.producerId);
        if (batch.control === 'abort') this.aborted.push({ producerId: batch.producerId, firstOffset: first, lastOffset: batch.baseOffset });
      }
      return;
    }
    if (batch.producerId >= 0) recordSequence(this.producers, batch.producerId, batch.producerEpoch, batch.baseSequence, batch.records.length, batch.baseOffset);
    if (batch.transactional && !this.openTxns.has(batch.producerId)) this.openTxns.set(batch.producerId, batch.baseOffset);
  }

  /** Last stable offset: read_committed readers stop here (below the HW and any open transaction). */
  lastStableOffset(): number {
    let lso = this.highWatermark;
    for (const first of this.openTxns.values()) if (first < lso) lso = first;
    return lso;
  }

  /**
   * End offset of `epoch` in this log (KIP-101/279): the start of the next larger epoch, or the log
   * end for the latest one. An epoch this log never had answers with the largest smaller one.
   */
  endOffsetForEpoch(epoch: number): { epoch: number; endOffset: number } {
    let found = -1;
    for (let i = 0; i < this.epochs.length; i++) {
      if (this.epochs[i]!.epoch <= epoch) found = i;
      else break;
    }
    if (found < 0) return { epoch: -1, endOffset: this.logStartOffset };
    const next = this.epochs[found + 1];
    return { epoch: this.epochs[found]!.epoch, endOffset: next ? next.startOffset : this.logEndOffset };
  }

  /** Removes everything at or above `offset` (a follower diverged from the new leader). Returns the removed data batches. */
  truncateTo(offset: number): LogBatch[] {
    if (offset >= this.logEndOffset) return [];
    let cut = this.batches.length;
    while (cut > this.head && this.batches[cut - 1]!.baseOffset >= offset) cut--;
    const removed = this.batches.slice(cut);
    this.batches.length = cut;
    const last = this.batches[cut - 1];
    this.logEndOffset = cut > this.head && last ? last.baseOffset + batchCount(last) : Math.max(this.logStartOffset, Math.min(offset, this.logEndOffset));
    if (this.highWatermark > this.logEndOffset) this.highWatermark = this.logEndOffset;
    this.epochs = this.epochs.filter((e) => e.startOffset < this.logEndOffset);
    this.rebuildIndexes();
    this.truncateSegments();
    return removed.filter((b) => !b.control);
  }

  /**
   * After a truncation: segments that start at or past the new log end go (LocalLog.truncateTo), and the
   * last one left is measured again from the batches it still holds.
   */
  private truncateSegments(): void {
    while (this.segments.length > 1 && this.segments[this.segments.length - 1]!.baseOffset >= this.logEndOffset) this.segments.pop();
    const last = this.segments[this.segments.length - 1]!;
    const kept = emptySegment(last.baseOffset);
    for (let i = this.batchIndexAt(last.baseOffset); i < this.batches.length; i++) {
      const b = this.batches[i]!;
      if (kept.bytes === 0) kept.firstMs = b.appendTimeMs;
      kept.bytes += storedBytes(b);
      kept.largestMs = Math.max(kept.largestMs, b.appendTimeMs);
    }
    this.segments[this.segments.length - 1] = kept;
  }

  /** Empties the replica and restarts it at `offset` (a follower behind the leader's log start). */
  resetTo(offset: number): void {
    this.batches = [];
    this.head = 0;
    this.logStartOffset = offset;
    this.logEndOffset = offset;
    this.highWatermark = offset;
    this.epochs = [];
    this.segments = [emptySegment(offset)];
    this.rebuildIndexes();
  }

  private rebuildIndexes(): void {
    this.producers.clear();
    this.openTxns.clear();
    this.aborted = [];
    for (let i = this.head; i < this.batches.length; i++) this.index(this.batches[i]!);
  }

  /**
   * Time retention at one retention check (UnifiedLog.deleteRetentionMsBreachedSegments): deletes the
   * oldest segments whose newest record is more than `retentionMs` old at `nowMs`, stopping at the first
   * that is not, or that reaches past the high watermark (the log start never passes the HW). The active
   * segment goes too once all of it has expired — an empty one is rolled first, as a log always has one
   * segment — but an empty active segment is never deleted. Returns how many segments went, and their batches.
   */
  deleteExpiredSegments(nowMs: number, retentionMs: number): { segments: number; batches: LogBatch[] } {
    let n = 0;
    while (n < this.segments.length) {
      const seg = this.segments[n]!;
      const next = this.segments[n + 1];
      const upperBound = next ? next.baseOffset : this.logEndOffset;
      if (!next && seg.bytes === 0) break;
      if (this.highWatermark < upperBound || !(nowMs - seg.largestMs > retentionMs)) break;
      n++;
    }
    if (n === 0) return { segments: 0, batches: [] };
    if (n === this.segments.length) this.segments.push(emptySegment(this.logEndOffset));
    this.segments.splice(0, n);
    return { segments: n, batches: this.deleteBelow(this.segments[0]!.baseOffset) };
  }

  /** Drops the batches below `offset` (the new first segment's base) and moves the log start there. */
  private deleteBelow(offset: number): LogBatch[] {
    const removed: LogBatch[] = [];
    while (this.head < this.batches.length && this.batches[this.head]!.baseOffset < offset) {
      const b = this.batches[this.head]!;
      removed.push(b);
      this.head++;
    }
    this.logStartOffset = Math.max(this.logStartOffset, offset);
    if (this.head > 1024 && this.head * 2 > this.batches.length) {
      this.batches = this.batches.slice(this.head);
      this.head = 0;
    }
    this.aborted = this.aborted.filter((a) => a.lastOffset >= this.logStartOffset);
    return removed;
  }

  /** Index of the batch containing `offset`, or the first batch after it. */
  private batchIndexAt(offset: number): number {
    let lo = this.head;
    let hi = this.batches.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const b = this.batches[mid]!;
      if (b.baseOffset + batchCount(b) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whole batches from `offset` on (replication), at most `maxRecords` records' worth. */
  batchesFrom(offset: number, maxRecords: number): LogBatch[] {
    const out: LogBatch[] = [];
    let n = 0;
    for (let i = this.batchIndexAt(offset); i < this.batches.length && n < maxRecords; i++) {
      const b = this.batches[i]!;
      out.push(b);
      n += batchCount(b);
    }
    return out;
  }

  /**
   * Records a consumer may read from `offset` up to `limit` (the HW, or the LSO for read_committed),
   * at most `maxRecords`. read_committed skips records of aborted transactions; read_uncommitted
   * returns them (SEMANTICS §3). Control markers take an offset but are never returned.
   * `valueBytes`: the records' value bytes (record-bytes.ts), what the broker counts as bytes out.
   */
  read(offset: number, limit: number, maxRecords: number, skipAborted: boolean): { entries: LogEntry[]; nextOffset: number; valueBytes: number } {
    const slice = this.readSlice(offset, limit, maxRecords, skipAborted);
    return { entries: entriesOf(this.topic, this.partition, slice.runs, slice.count), nextOffset: slice.nextOffset, valueBytes: slice.valueBytes };
  }

  /**
   * `read` as runs of the stored batches: the same records and offsets, none of them made yet. A fetch
   * answers with this, and the consumer makes each record when its application polls it.
   */
  readSlice(offset: number, limit: number, maxRecords: number, skipAborted: boolean): LogSlice {
    const most = Math.max(0, Math.min(maxRecords, limit - offset));
    const runs: LogRun[] = [];
    let n = 0;
    let next = offset;
    let valueBytes = 0;
    for (let i = this.batchIndexAt(offset); i < this.batches.length && n < most; i++) {
      const b = this.batches[i]!;
      if (b.baseOffset >= limit) break;
      const count = batchCount(b);
      if (b.baseOffset + count > limit) break;
      const abortedBatch = skipAborted && b.transactional && this.isAborted(b.producerId, b.baseOffset);
      if (b.control || abortedBatch) {
        next = b.baseOffset + count;
        continue;
      }
      const records = b.records;
      const from = Math.max(0, next - b.baseOffset);
      const to = Math.max(from, Math.min(records.length, from + (most - n)));
      if (to > from) runs.push({ records, baseOffset: b.baseOffset, from, to });
      // A whole batch's value bytes are its column's sum, worked out once per column (storedBytes); a
      // batch cut by the offset or the record budget counts the records it gives.
      if (from === 0 && to === records.length) valueBytes += storedBytes(b) - BATCH_HEADER_BYTES;
      else for (let j = from; j < to; j++) valueBytes += messageLengthOf(records.at(j)!);
      n += to - from;
      next = b.baseOffset + to;
    }
    return { runs, count: n, nextOffset: next, valueBytes };
  }

  isAborted(producerId: number, offset: number): boolean {
    for (const a of this.aborted) if (a.producerId === producerId && a.firstOffset <= offset && offset <= a.lastOffset) return true;
    return false;
  }

  /**
   * Visits the rid of every data record at or after `offset` (and below `below`). With `skipAborted`
   * (a read_committed reader) records of aborted transactions are left out: that reader will never get them.
   */
  visitFrom(offset: number, visit: (rid: number) => void, skipAborted = false, below = Number.POSITIVE_INFINITY): void {
    for (let i = this.batchIndexAt(offset); i < this.batches.length; i++) {
      const b = this.batches[i]!;
      if (b.baseOffset >= below) break;
      if (skipAborted && b.transactional && this.isAborted(b.producerId, b.baseOffset)) continue;
      const end = Math.min(b.records.length, below - b.baseOffset);
      for (let j = Math.max(0, offset - b.baseOffset); j < end; j++) visit(ridAt(b.records, j));
    }
  }

  /** Visits the records below `offset` in batches appended after `sinceMs`. */
  visitWrittenBelow(offset: number, sinceMs: number, skipAborted: boolean, visit: (rid: number) => void): void {
    for (let i = this.head; i < this.batches.length; i++) {
      const b = this.batches[i]!;
      if (b.baseOffset >= offset) break;
      if (b.control || b.appendTimeMs <= sinceMs) continue;
      if (skipAborted && b.transactional && this.isAborted(b.producerId, b.baseOffset)) continue;
      const end = Math.min(b.records.length, offset - b.baseOffset);
      for (let j = 0; j < end; j++) visit(ridAt(b.records, j));
    }
  }

  /** Visits every record a read_committed reader could see now (below the LSO, aborted skipped), and those it cannot see yet. */
  visitCommitted(visible: (rec: Rec) => void, pending: (rec: Rec) => void): void {
    const lso = this.lastStableOffset();
    for (let i = this.head; i < this.batches.length; i++) {
      const b = this.batches[i]!;
      if (b.control) continue;
      const end = b.baseOffset + b.records.length;
      if (end <= lso) {
        if (!(b.transactional && this.isAborted(b.producerId, b.baseOffset))) for (const r of b.records) visible(r);
      } else if (!(b.transactional && this.isAborted(b.producerId, b.baseOffset))) {
        for (const r of b.records) pending(r);
      }
    }
  }

  batchCountRetained(): number {
    return this.batches.length - this.head;
  }
}
