/**
 * Log segments and retention in one replica's log (simulator/nodes/kafka/partition-log.ts), against
 * Kafka's documented rules:
 * - topic config `segment.bytes` (default 1 GiB): "This configuration controls the segment file size
 *   for the log. Retention and cleaning is always done a file at a time";
 * - `segment.ms` (default 7 days): "the period of time after which Kafka will force the log to roll
 *   even if the segment file isn't full to ensure that retention can delete or compact old data";
 * - `retention.ms`: time retention deletes a segment once its newest record is older than this
 *   (UnifiedLog.deleteRetentionMsBreachedSegments: now − largestTimestamp > retention.ms), oldest
 *   segment first, never past the high watermark, and an empty active segment is never deleted.
 */
import { describe, expect, it } from 'vitest';
import { PartitionLog, type LogBatch } from '../../../simulator/nodes/kafka/partition-log.js';
import type { Rec } from '../../../simulator/core/record.js';

/** A batch of `count` records of `size`-character messages, appended at `atMs`. */
function batch(log: PartitionLog, atMs: number, count = 1, size = 100): LogBatch {
  const records: Rec[] = [];
  for (let j = 0; j < count; j++) records.push({ rid: log.logEndOffset + j, eventTimeMs: atMs, fields: { message: 'x'.repeat(size) } });
  return { baseOffset: log.logEndOffset, records, epoch: 0, producerId: -1, producerEpoch: -1, baseSequence: -1, transactional: false, control: null, appendTimeMs: atMs };
}

/** Appends one batch a second from `fromS` to `toS` (inclusive) and moves the high watermark to the log end. */
function writeEverySecond(log: PartitionLog, fromS: number, toS: number, count = 1, size = 100): void {
  for (let s = fromS; s <= toS; s++) log.append(batch(log, s * 1000, count, size));
  log.highWatermark = log.logEndOffset;
}

const SECOND = 1000;

describe('segment.ms rolls the active segment on the first append after it is segment.ms old', () => {
  it('one batch a second with segment.ms = 5 s: a segment holds 6 batches (a roll needs strictly more than 5 s)', () => {
    const log = new PartitionLog('logs', 0, { bytes: 1_073_741_824, ms: 5 * SECOND });
    writeEverySecond(log, 0, 17);
    // Segments start at 0, 6 and 12 s: the batch at 6 s is 6 s after the segment's first batch (> 5 s).
    expect(log.segmentCount()).toBe(3);
  });

  it('with the defaults (7 days, 1 GiB) a minute of writes stays in one segment', () => {
    const log = new PartitionLog('logs', 0);
    writeEverySecond(log, 0, 59);
    expect(log.segmentCount()).toBe(1);
  });

  it('segment.bytes rolls before a batch that would not fit: 61-byte header + the values', () => {
    // Each batch is 61 + 10 × 100 = 1,061 bytes: three fit in 3,200 bytes, the fourth opens a new segment.
    const log = new PartitionLog('logs', 0, { bytes: 3_200, ms: 604_800_000 });
    writeEverySecond(log, 0, 6, 10, 100);
    expect(log.segmentCount()).toBe(3);
  });
});

describe('retention.ms deletes whole segments, judged by their newest record', () => {
  it('retention.ms = 10 s on an active segment that keeps receiving records: nothing is deleted', () => {
    const log = new PartitionLog('logs', 0);
    writeEverySecond(log, 0, 59);
    expect(log.deleteExpiredSegments(60 * SECOND, 10 * SECOND)).toEqual({ segments: 0, batches: [] });
    expect(log.logStartOffset).toBe(0);
  });

  it('rolled segments go once their newest record is older than retention.ms; the records beside it wait', () => {
    const log = new PartitionLog('logs', 0, { bytes: 1_073_741_824, ms: 5 * SECOND });
    writeEverySecond(log, 0, 17); // segments [0–5 s], [6–11 s], [12–17 s]
    // At 20 s the first segment's newest record (5 s) is 15 s old, the second's (11 s) 9 s: only the first goes.
    const first = log.deleteExpiredSegments(20 * SECOND, 10 * SECOND);
    expect(first.segments).toBe(1);
    expect(first.batches.map((b) => b.baseOffset)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(log.logStartOffset).toBe(6);
    // Exactly retention.ms old is not past it (strictly greater): at 21 s the second segment stays.
    expect(log.deleteExpiredSegments(21 * SECOND, 10 * SECOND).segments).toBe(0);
    expect(log.deleteExpiredSegments(21 * SECOND + 1, 10 * SECOND).segments).toBe(1);
    expect(log.logStartOffset).toBe(12);
  });

  it('once every record has expired the active segment goes too, after an empty one is rolled; an empty log stays', () => {
    const log = new PartitionLog('logs', 0);
    writeEverySecond(log, 0, 9);
    const gone = log.deleteExpiredSegments(20 * SECOND, 10 * SECOND);
    expect(gone.segments).toBe(1);
    expect(gone.batches).toHaveLength(10);
    expect(log.logStartOffset).toBe(10);
    expect(log.logEndOffset).toBe(10);
    expect(log.segmentCount()).toBe(1);
    expect(log.deleteExpiredSegments(60 * SECOND, 10 * SECOND).segments).toBe(0);
    // The next append goes to the new segment, which starts at the old log end.
    log.append(batch(log, 61 * SECOND));
    expect(log.logEndOffset).toBe(11);
  });

  it('never past the high watermark: a segment not yet fully replicated stays, and so does everything after it', () => {
    const log = new PartitionLog('logs', 0, { bytes: 1_073_741_824, ms: 5 * SECOND });
    writeEverySecond(log, 0, 17);
    log.highWatermark = 8; // the second segment (offsets 6–11) is not fully below the HW
    const gone = log.deleteExpiredSegments(60 * SECOND, 10 * SECOND);
    expect(gone.segments).toBe(1);
    expect(log.logStartOffset).toBe(6);
  });

  it('a follower that truncates keeps its segments consistent: later appends still roll by segment.ms', () => {
    const log = new PartitionLog('logs', 0, { bytes: 1_073_741_824, ms: 5 * SECOND });
    writeEverySecond(log, 0, 13); // segments [0–5], [6–11], [12–13]
    log.truncateTo(7); // back into the second segment
    expect(log.segmentCount()).toBe(2);
    writeEverySecond(log, 20, 20); // 20 s is more than 5 s after the second segment's first batch (6 s)
    expect(log.segmentCount()).toBe(3);
  });
});
