/**
 * What one poll returned, read by index: each record's partition and offset, and the record itself
 * made only when asked. A Kafka consumer hands Flink's source the runs of stored batches its fetches
 * answered with (`RunRecords`), so a million polled records cost no `ConsumedRecord` object each;
 * other sources (Kinesis, test fakes) hand an array of consumed records (`ArrayRecords`).
 *
 * Readers go through a poll front to back, mostly; `RunRecords` keeps the run it read last, so that
 * walk costs no search.
 */
import { recField, type FieldValue, type Rec, type RecordColumn } from '../../core/record.js';
import type { ConsumedRecord } from './client-api.js';
import { ridAt } from './partition-log.js';

export interface PolledRecords {
  /** The topic (or stream) polled: one per reader. */
  readonly topic: string;
  readonly length: number;
  partitionAt(i: number): number;
  offsetAt(i: number): number;
  /** The record: a column that keeps ids makes a new one at each call (equal, not identical). */
  recordAt(i: number): Rec;
  /** `recordAt(i).rid`, without making the record where the column keeps ids. */
  ridAt(i: number): number;
  /** `recordAt(i).eventTimeMs` and `recField(recordAt(i), path)`, likewise. */
  eventTimeAt(i: number): number;
  fieldAt(i: number, path: string): FieldValue | undefined;
}

/** Records `from` … `to` − 1 of one stored batch's column, at offsets `baseOffset + j`, of one partition. */
export interface PolledRun {
  readonly topic: string;
  readonly partition: number;
  readonly records: RecordColumn;
  readonly baseOffset: number;
  readonly from: number;
  readonly to: number;
}

export class RunRecords implements PolledRecords {
  readonly length: number;
  /** The run read last, and the poll index of its first record. */
  private run = 0;
  private runStart = 0;

  constructor(
    readonly topic: string,
    private readonly runs: readonly PolledRun[],
  ) {
    let n = 0;
    for (const r of runs) n += r.to - r.from;
    this.length = n;
  }

  /** The run holding poll index `i`, as that run and the column index of `i` in it. */
  private seek(i: number): PolledRun {
    if (i < this.runStart) {
      this.run = 0;
      this.runStart = 0;
    }
    let r = this.runs[this.run]!;
    while (i >= this.runStart + (r.to - r.from)) {
      this.runStart += r.to - r.from;
      r = this.runs[++this.run]!;
    }
    return r;
  }

  partitionAt(i: number): number {
    return this.seek(i).partition;
  }

  offsetAt(i: number): number {
    const r = this.seek(i);
    return r.baseOffset + r.from + (i - this.runStart);
  }

  recordAt(i: number): Rec {
    const r = this.seek(i);
    return r.records.at(r.from + (i - this.runStart))!;
  }

  ridAt(i: number): number {
    const r = this.seek(i);
    return ridAt(r.records, r.from + (i - this.runStart));
  }

  eventTimeAt(i: number): number {
    const r = this.seek(i);
    const j = r.from + (i - this.runStart);
    return r.records.eventTimeAt ? r.records.eventTimeAt(j) : r.records.at(j)!.eventTimeMs;
  }

  fieldAt(i: number, path: string): FieldValue | undefined {
    const r = this.seek(i);
    const j = r.from + (i - this.runStart);
    return r.records.fieldAt ? r.records.fieldAt(j, path) : recField(r.records.at(j)!, path);
  }
}

export class ArrayRecords implements PolledRecords {
  constructor(
    readonly topic: string,
    readonly records: readonly ConsumedRecord[],
  ) {}

  get length(): number {
    return this.records.length;
  }

  partitionAt(i: number): number {
    return this.records[i]!.partition;
  }

  offsetAt(i: number): number {
    return this.records[i]!.offset;
  }

  recordAt(i: number): Rec {
    return this.records[i]!.record;
  }

  ridAt(i: number): number {
    return this.records[i]!.record.rid;
  }

  eventTimeAt(i: number): number {
    return this.records[i]!.record.eventTimeMs;
  }

  fieldAt(i: number, path: string): FieldValue | undefined {
    return recField(this.records[i]!.record, path);
  }
}

/** The consumed record at poll index `i` (for what keeps single records, e.g. an alignment buffer). */
export function consumedAt(records: PolledRecords, i: number): ConsumedRecord {
  return { topic: records.topic, partition: records.partitionAt(i), offset: records.offsetAt(i), record: records.recordAt(i) };
}
