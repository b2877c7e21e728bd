/**
 * Properties of the Kafka hops over generated fault schedules (SEMANTICS §3):
 * - acks=all + idempotence + min.insync.replicas 2 + commit after processing loses nothing;
 * - at-most-once hops (acks=0, commit before processing) never duplicate on their own;
 * each with a counter-test showing the weaker setting losing or duplicating under faults.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildRig, ProducerHost, PRODUCER_DEFAULTS, rec } from '../unit/kafka/rig.js';
import type { ProducerConfig } from '../../simulator/nodes/kafka/client-api.js';

const N = 300;

interface Schedule {
  linkLoss: number;
  linkDup: number;
  reorder: number;
  brokerCrash: { broker: number; at: number; down: number } | null;
  consumerCrash: { at: number; down: number } | null;
  cut: { broker: number; from: number; len: number; withProducer?: boolean } | null;
}

function yaml(s: Schedule, opts: { minIsr: number; commit: string }): string {
  const faults: string[] = [];
  const link = `loss: ${s.linkLoss}, duplicate: ${s.linkDup}, reorder: ${s.reorder}, delay: 2ms, jitter: 3ms, from: 0s, to: 8s`;
  faults.push(`  - { link: app->kafka, ${link} }`, `  - { link: indexer->kafka, ${link} }`, `  - { link: kafka->kafka, ${link} }`);
  if (s.brokerCrash) faults.push(`  - { crash: kafka/broker-${s.brokerCrash.broker}, at: ${s.brokerCrash.at}ms, restart-after: ${s.brokerCrash.down}ms }`);
  if (s.consumerCrash) faults.push(`  - { crash: indexer, at: ${s.consumerCrash.at}ms, restart-after: ${s.consumerCrash.down}ms }`);
  if (s.cut) faults.push(`  - { partition: [kafka/broker-${s.cut.broker}${s.cut.withProducer ? ', app' : ''}], from: ${s.cut.from}ms, to: ${s.cut.from + s.cut.len}ms }`);
  return `
duration: 10s
nodes:
  kafka:
    type: kafka
    brokers: 3
    min.insync.replicas: ${opts.minIsr}
    replica.lag.time.max.ms: 5s
    group.initial.rebalance.delay.ms: 0
    topics:
      logs: { partitions: 2, replication.factor: 3 }
  indexer:
    type: consumer
    source: { node: kafka, topic: logs, group.id: indexer, enable.auto.commit: false, max.poll.records: 50,
              session.timeout.ms: 6s, max.poll.interval.ms: 10s, auto.offset.reset: earliest }
    commit: ${opts.commit}
    processing-time: 5ms
    bulk.size: 10
    output: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
  app: { type: s3 }
faults:
${faults.join('\n')}
`;
}

function run(s: Schedule, producer: Partial<ProducerConfig>, opts: { minIsr: number; commit: string }) {
  const rig = buildRig(yaml(s, opts), 7);
  const plan = Array.from({ length: N / 10 }, (_, i) => ({ atMs: 100 + i * 100, records: Array.from({ length: 10 }, (_, j) => rec(i * 10 + j, { status: String(200 + ((i + j) % 3)) })) }));
  rig.sim.addNode(new ProducerHost('app', rig.cluster, { ...PRODUCER_DEFAULTS, 'linger.ms': 5, 'batch.size': 4000, 'request.timeout.ms': 2000, ...producer }, 'logs', plan));
  rig.run(90_000);
  const counts = rig.counts('es', N);
  return { lost: counts.filter((c) => c === 0).length, duplicated: counts.filter((c) => c > 1).length };
}

const schedule = (dup: boolean) =>
  fc.record({
    linkLoss: fc.constantFrom(0, 0.05, 0.2),
    linkDup: dup ? fc.constantFrom(0, 0.1) : fc.constant(0),
    reorder: fc.constantFrom(0, 0.2),
    brokerCrash: fc.option(fc.record({ broker: fc.integer({ min: 1, max: 3 }), at: fc.integer({ min: 500, max: 6000 }), down: fc.integer({ min: 1000, max: 15_000 }) }), { nil: null }),
    consumerCrash: fc.option(fc.record({ at: fc.integer({ min: 500, max: 8000 }), down: fc.integer({ min: 500, max: 5000 }) }), { nil: null }),
    cut: fc.option(fc.record({ broker: fc.integer({ min: 1, max: 3 }), from: fc.integer({ min: 500, max: 6000 }), len: fc.integer({ min: 1000, max: 20_000 }) }), { nil: null }),
  });

const SAFE: Partial<ProducerConfig> = { acks: 'all', 'enable.idempotence': true };

describe('acks=all + idempotence + min.insync.replicas 2 + commit after processing', () => {
  it('loses nothing under link faults and single broker / consumer crashes', () => {
    fc.assert(
      fc.property(schedule(true), (s) => {
        expect(run(s, SAFE, { minIsr: 2, commit: 'after-processing' }).lost).toBe(0);
      }),
      { numRuns: 8, seed: 42 },
    );
  });
  it('counter-test: acks=1 and commit before processing lose records under the same kind of faults', () => {
    const s: Schedule = { linkLoss: 0.05, linkDup: 0, reorder: 0, brokerCrash: { broker: 1, at: 1500, down: 20_000 }, consumerCrash: { at: 2000, down: 1000 }, cut: { broker: 1, from: 1000, len: 30_000, withProducer: true } };
    expect(run(s, { acks: '1' }, { minIsr: 1, commit: 'before-processing' }).lost).toBeGreaterThan(0);
  });
});

describe('at-most-once hops (acks=0, commit before processing)', () => {
  it('never create duplicates without a duplicating fault', () => {
    fc.assert(
      fc.property(schedule(false), (s) => {
        expect(run(s, { acks: '0' }, { minIsr: 1, commit: 'before-processing' }).duplicated).toBe(0);
      }),
      { numRuns: 10, seed: 7 },
    );
  });
  it('counter-test: acks=all with retries and commit after processing duplicate under the same faults', () => {
    const s: Schedule = { linkLoss: 0.2, linkDup: 0, reorder: 0, brokerCrash: null, consumerCrash: { at: 2000, down: 1000 }, cut: null };
    expect(run(s, { acks: 'all' }, { minIsr: 1, commit: 'after-processing' }).duplicated).toBeGreaterThan(0);
  });
});
