/**
 * Firehose's buffer: records collect until `SizeInMBs` MiB are buffered or the oldest has waited
 * `IntervalInSeconds`, whichever comes first [FH1]
 * (https://docs.aws.amazon.com/firehose/latest/dev/buffering-hints.html).
 */
import type { Rec } from '../../core/record.js';

export interface Buffered {
  readonly record: Rec;
  /** Firehose's internal identity of the record (stable across delivery attempts). */
  readonly internalId: string;
  readonly sizeBytes: number;
}

export class FirehoseBuffer {
  private items: Buffered[] = [];
  private bytes = 0;
  private oldestMs = 0;

  constructor(
    private readonly sizeBytesLimit: number,
    private readonly intervalMs: number,
  ) {}

  add(item: Buffered, nowMs: number): void {
    if (this.items.length === 0) this.oldestMs = nowMs;
    this.items.push(item);
    this.bytes += item.sizeBytes;
  }

  /** Whether a hint is met now: the size reached, or the oldest record waited the interval. */
  due(nowMs: number): boolean {
    if (this.items.length === 0) return false;
    return this.bytes >= this.sizeBytesLimit || nowMs - this.oldestMs >= this.intervalMs;
  }

  take(): Buffered[] {
    const out = this.items;
    this.items = [];
    this.bytes = 0;
    return out;
  }

  get size(): number {
    return this.items.length;
  }

  get sizeBytes(): number {
    return this.bytes;
  }

  visit(visit: (rid: number) => void): void {
    for (const i of this.items) visit(i.record.rid);
  }
}
