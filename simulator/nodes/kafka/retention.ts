/**
 * Retention (SEMANTICS §3, MISCONCEPTIONS 5): records are deleted by age, read or not.
 * Every replica deletes whole batches older than the topic's `retention.ms` that lie below its
 * high watermark (the real broker deletes whole segments, never past the HW). A consumer whose
 * offset fell below the new log start gets OFFSET_OUT_OF_RANGE and falls back to
 * auto.offset.reset. The leader notes each deleted record as a possible loss: if nobody had read
 * it yet, nobody ever will.
 */
import type { Broker } from './broker.js';
import { ridAt } from './partition-log.js';

export function applyRetention(broker: Broker): void {
  const now = broker.ctx.now();
  for (const r of broker.replicas.values()) {
    const removed = r.log.deleteOlderThan(now - r.retentionMs);
    if (removed.length === 0 || r.leader !== broker.brokerId) continue;
    let n = 0;
    const why = `${r.key}: deleted by retention.ms (${r.retentionMs} ms)`;
    for (const b of removed) {
      for (let j = 0; j < b.records.length; j++) broker.ctx.ledger.noteLoss(ridAt(b.records, j), broker.cluster.id, why);
      n += b.records.length;
    }
    broker.counters.recordsDeleted += n;
    broker.ctx.log('info', `${r.key}: retention deleted ${n} records; log start now ${r.log.logStartOffset}`);
  }
}
