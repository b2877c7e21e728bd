import { describe, it, expect } from 'vitest';
import { harness } from './harness.js';

/** 100 records/s over two partitions, event time = write time, status cycling over 3 values. */
function feed(h: ReturnType<typeof harness>, seconds: number): number {
  let rid = 0;
  for (let t = 0; t < seconds * 1000; t += 10) {
    h.produce(t, rid % 2, rid, t, { status: String(200 + (rid % 3)), '@metadata': { _id: `id${rid}` } });
    rid++;
  }
  return rid;
}

const windowed = (mode: string, docId = '{key}-{window.start}') => `
type: flink
source: { node: kafka, topic: logs }
execution.checkpointing.interval: 2s
execution.checkpointing.mode: ${mode}
job: { key-by: status, window: { type: tumbling, size: 1s }, aggregate: count }
sink: { elasticsearch: { node: es, index: counts, bulk.flush.interval: 100ms, document-id: "${docId}" } }`;

function windowTotals(h: ReturnType<typeof harness>): Map<number, number> {
  const byStart = new Map<number, number>();
  for (const v of h.es.windowValues('counts')) byStart.set(v.windowStartMs, (byStart.get(v.windowStartMs) ?? 0) + v.value);
  return byStart;
}

describe('flink job against a fake Kafka', () => {
  it('pass-through: every record reaches ES once and nothing stays held', () => {
    const h = harness(`
type: flink
source: { node: kafka, topic: logs }
execution.checkpointing.interval: 1s
sink: { elasticsearch: { node: es, index: logs } }`);
    const n = feed(h, 5);
    h.sim.runUntil(10_000, 1e7);
    const c = h.counts(n);
    expect([...c].every((x) => x === 1)).toBe(true);
    expect(h.sim.heldRecords().size).toBe(0);
  });

  it('without checkpointing the ES sink flushes only by size: the tail stays buffered (held)', () => {
    const h = harness(`
type: flink
source: { node: kafka, topic: logs }
sink: { elasticsearch: { node: es, index: logs } }`);
    const n = feed(h, 5); // 500 records < bulk.flush.max-actions 1000
    h.sim.runUntil(10_000, 1e7);
    expect(h.es.documentCount('logs')).toBe(0);
    expect(h.sim.heldRecords().size).toBe(n);
  });

  it('EXACTLY_ONCE: after a crash and restore every closed window holds the true count', () => {
    const h = harness(windowed('EXACTLY_ONCE'), 2, '{ crash: flink, at: 5500ms, restart-after: 500ms }');
    feed(h, 10);
    h.sim.runUntil(15_000, 1e7);
    const totals = windowTotals(h);
    for (let s = 0; s < 9000; s += 1000) expect(totals.get(s), `window ${s}`).toBe(100);
    expect((h.flink.inspect() as { instances: { restarts: number }[] }).instances[0]!.restarts).toBe(1);
  });

  it('AT_LEAST_ONCE: unaligned barriers let post-barrier records into the snapshot → counted twice after a restore', () => {
    let over = 0;
    for (const crashAt of [4_500, 6_500, 8_500, 10_500]) {
      const h = harness(windowed('AT_LEAST_ONCE'), 2, `{ crash: flink, at: ${crashAt}ms, restart-after: 500ms }`);
      feed(h, 12);
      h.sim.runUntil(20_000, 1e7);
      const totals = windowTotals(h);
      for (let s = 0; s < 11_000; s += 1000) {
        const v = totals.get(s) ?? 0;
        expect(v).toBeGreaterThanOrEqual(100);
        over += v - 100;
      }
    }
    expect(over).toBeGreaterThan(0);
  });

  it('an idle partition holds the watermark back; source.idleness releases it', () => {
    const run = (idleness: string) => {
      const h = harness(`
type: flink
source: { node: kafka, topic: logs${idleness} }
job: { key-by: status, window: { type: tumbling, size: 1s } }
sink: { elasticsearch: { node: es, index: counts, bulk.flush.interval: 100ms } }`);
      for (let i = 0; i < 300; i++) h.produce(i * 10, 0, i, i * 10, { status: '200' });
      h.sim.runUntil(10_000, 1e7);
      return h;
    };
    const stuck = run('');
    expect(stuck.es.documentCount('counts')).toBe(0);
    expect(stuck.flink.metrics()['currentWatermark']).toBe(-1);
    expect(stuck.sim.heldRecords().size).toBe(300);
    const released = run(', idleness: 1s');
    expect(released.es.documentCount('counts')).toBe(2); // [0,1s) and [1s,2s) closed; [2s,3s) waits
  });

  it('late records are dropped and counted (numLateRecordsDropped), or kept with allowed lateness', () => {
    const run = (extra: string) => {
      const h = harness(`
type: flink
source: { node: kafka, topic: logs }
job: { key-by: status, window: { type: tumbling, size: 1s }${extra} }
sink: { elasticsearch: { node: es, index: counts, bulk.flush.interval: 100ms } }`, 1);
      for (let i = 0; i < 300; i++) h.produce(i * 10, 0, i, i * 10, { status: '200' });
      h.produce(2500, 0, 300, 100, { status: '200' }); // 2.4 s late
      h.sim.runUntil(10_000, 1e7);
      return h;
    };
    const dropped = run('');
    expect(dropped.flink.metrics()['numLateRecordsDropped']).toBe(1);
    const kept = run(', allowed-lateness: 5s');
    expect(kept.flink.metrics()['numLateRecordsDropped']).toBe(0);
    // The late record re-fired window [0,1s): an extra (auto-id) document with the updated count.
    const docs = kept.es.windowValues('counts').filter((v) => v.windowStartMs === 0);
    expect(docs[0]!.value).toBe(100 + 101);
  });

  it('restart-strategy none: a crash leaves the job FAILED and its unread records in flight', () => {
    const h = harness(`
type: flink
source: { node: kafka, topic: logs }
execution.checkpointing.interval: 1s
restart-strategy: { type: none }
sink: { elasticsearch: { node: es, index: logs } }`, 2, '{ crash: flink, at: 2500ms, restart-after: 1s }');
    const n = feed(h, 5);
    h.sim.runUntil(10_000, 1e7);
    const c = h.counts(n);
    const delivered = [...c].filter((x) => x > 0).length;
    expect(delivered).toBeLessThan(n);
    expect(h.sim.heldRecords().size + delivered).toBeGreaterThanOrEqual(n);
    expect((h.flink.inspect() as { instances: { status: string }[] }).instances[0]!.status).toBe('failed');
  });
});
