/**
 * Retention (SEMANTICS §3, MISCONCEPTIONS 5): records are deleted by age, read or not — but only
 * as whole segments, and only when a retention check comes round. Each broker's log manager runs
 * the check 30 s after it starts (LogManager's InitialTaskDelayMs) and then every
 * `log.retention.check.interval.ms` (default 5 min); at a check every replica deletes its oldest
 * segments whose newest record is older than the topic's `retention.ms`, never past its high
 * watermark (partition-log.ts `deleteExpiredSegments`). So a topic with `retention.ms` of
 * seconds keeps its records for as long as its segment keeps receiving new ones (a segment rolls
 * after `segment.ms`, default 7 days, or `segment.bytes`, default 1 GiB), plus up to one check
 * interval. Kafka's documentation: topic configs `retention.ms`, `segment.ms`, `segment.bytes`;
 * broker config `log.retention.check.interval.ms`.
 *
 * A consumer whose offset fell below the new log start gets OFFSET_OUT_OF_RANGE and falls back to
 * auto.offset.reset. The leader notes each deleted record as a possible loss: if nobody had read
 * it yet, nobody ever will.
 */
import type { Broker } from './broker.js';
import { ridAt } from './partition-log.js';

/** LogManager.InitialTaskDelayMs: the first retention check runs this long after the broker starts. */
export const RETENTION_INITIAL_DELAY_MS = 30_000;

export function applyRetention(broker: Broker): void {
  const now = broker.ctx.now();
  for (const r of broker.replicas.values()) {
    const { segments, batches: removed } = r.log.deleteExpiredSegments(now, r.retentionMs);
    if (segments === 0 || r.leader !== broker.brokerId) continue;
    let n = 0;
    const why = `${r.key}: deleted by retention.ms (${r.retentionMs} ms)`;
    for (const b of removed) {
      for (let j = 0; j < b.records.length; j++) broker.ctx.ledger.noteLoss(ridAt(b.records, j), broker.cluster.id, why);
      n += b.records.length;
    }
    broker.counters.recordsDeleted += n;
    broker.ctx.log('info', `${r.key}: retention deleted ${segments === 1 ? 'a segment' : `${segments} segments`} (${n} records); log start now ${r.log.logStartOffset}`);
  }
}
