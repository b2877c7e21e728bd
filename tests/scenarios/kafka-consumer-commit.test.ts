import { describe, it, expect } from 'vitest';
import { buildRig, ProducerHost, PRODUCER_DEFAULTS, rec } from '../unit/kafka/rig.js';

const spec = (commit: string) => `
duration: 10s
nodes:
  kafka:
    type: kafka
    brokers: 1
    group.initial.rebalance.delay.ms: 0
    topics:
      logs: { partitions: 1 }
  indexer:
    type: consumer
    source: { node: kafka, topic: logs, group.id: indexer, enable.auto.commit: false, max.poll.records: 100,
              session.timeout.ms: 6s, max.poll.interval.ms: 10s, auto.offset.reset: earliest }
    commit: ${commit}
    processing-time: 10ms
    bulk.size: 10
    output: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
  app: { type: s3 }
faults:
  - { crash: indexer, at: 1000ms, restart-after: 1s }
`;

function run(commit: string) {
  const rig = buildRig(spec(commit));
  const records = Array.from({ length: 100 }, (_, i) => rec(i));
  rig.sim.addNode(new ProducerHost('app', rig.cluster, { ...PRODUCER_DEFAULTS, 'batch.size': 100_000, 'linger.ms': 5 }, 'logs', [{ atMs: 100, records }]));
  rig.run(40_000);
  const counts = rig.counts('es', 100);
  return {
    rig,
    once: counts.filter((c) => c === 1).length,
    missing: counts.filter((c) => c === 0).length,
    dup: counts.filter((c) => c > 1).length,
  };
}

describe('SEMANTICS §8 scenario 10: consumer crashes mid-batch', () => {
  it('commit before processing: the unprocessed rest of the batch is skipped forever (at-most-once)', () => {
    const r = run('before-processing');
    expect(r.dup).toBe(0);
    expect(r.missing).toBeGreaterThan(10);
    expect(r.once).toBeGreaterThan(10);
    expect(r.once + r.missing).toBe(100);
    expect(r.rig.cluster.committedOffsets('indexer', 'logs').get(0)).toBe(100);
  });
  it('process then commit: the whole batch is processed again (duplicates, no loss)', () => {
    const r = run('after-processing');
    expect(r.missing).toBe(0);
    expect(r.dup).toBeGreaterThan(20);
    expect(r.dup).toBeLessThan(100);
    expect(r.rig.cluster.committedOffsets('indexer', 'logs').get(0)).toBe(100);
  });
});
