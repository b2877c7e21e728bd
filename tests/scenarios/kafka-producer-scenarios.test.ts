import { describe, it, expect } from 'vitest';
import { buildRig, ProducerHost, PRODUCER_DEFAULTS, rec, logOrder } from '../unit/kafka/rig.js';
import type { ProducerConfig } from '../../simulator/nodes/kafka/client-api.js';

const base = (extra = '', faults = '') => `
duration: 10s
nodes:
  kafka:
    type: kafka
    brokers: 3
    min.insync.replicas: 1
    topics:
      logs: { partitions: 1, replication.factor: 3 }
  app: { type: s3 }
${extra}
faults:
${faults || '  []'}
`;

function withProducer(yaml: string, config: Partial<ProducerConfig>, plan: ConstructorParameters<typeof ProducerHost>[4]) {
  const rig = buildRig(yaml);
  const host = new ProducerHost('app', rig.cluster, { ...PRODUCER_DEFAULTS, ...config }, 'logs', plan);
  rig.sim.addNode(host);
  return { rig, host };
}

describe('SEMANTICS §8 scenario 6: acks=1, leader dies before followers copy', () => {
  it('acknowledged record is gone after the ISR follower takes over; no consumer saw it', () => {
    const { rig, host } = withProducer(
      base('', `  - { partition: [kafka/broker-1, app], from: 900ms, to: 30s }
  - { crash: kafka/broker-1, at: 1010ms, restart-after: 20s }`),
      { acks: '1' },
      [{ atMs: 1000, records: [rec(0)] }],
    );
    let maxHw = 0;
    const sample = () => {
      maxHw = Math.max(maxHw, ...rig.cluster.highWatermarks('logs'));
      rig.sim.after(5, sample);
    };
    rig.sim.at(0, sample);
    rig.run(40_000);
    expect(host.results.get(0)).toEqual([{ ok: true, partition: 0, offset: 0 }]);
    const d = rig.cluster.describe().topics[0]!.partitions[0]!;
    expect(d.leader).toBe(2);
    expect(d.logEndOffset).toBe(0);
    for (const b of rig.cluster.brokers) expect(b.replicas.get('logs-0')!.log.logEndOffset).toBe(0);
    expect(maxHw).toBe(0);
    expect(rig.counts('kafka/logs', 1)[0]).toBe(0);
    expect(rig.sim.ledger.lossOf(0)?.where).toBe('kafka');
  });
});

describe('SEMANTICS §8 scenario 7: acks=0 over a lossy link', () => {
  it('about 10% of records silently missing, no errors, offsets -1', () => {
    const plan = Array.from({ length: 1000 }, (_, i) => ({ atMs: 100 + i * 5, records: [rec(i)] }));
    const { rig, host } = withProducer(base('', '  - { link: app->kafka, loss: 0.1 }'), { acks: '0' }, plan);
    rig.run(20_000);
    const counts = rig.counts('kafka/logs', 1000);
    const missing = counts.filter((c) => c === 0).length;
    expect(missing).toBeGreaterThan(60);
    expect(missing).toBeLessThan(140);
    for (const [, results] of host.results) expect(results).toEqual([{ ok: true, partition: 0, offset: -1 }]);
    expect(host.results.size).toBe(1000);
  });
});

describe('SEMANTICS §8 scenario 8: a retried batch and max.in.flight', () => {
  const faults = '  - { link: app->kafka, loss: 1, from: 1000ms, to: 1001ms }';
  const plan = [
    { atMs: 1000, records: [rec(0)] },
    { atMs: 1005, records: [rec(1)] },
  ];
  const cfg = { 'request.timeout.ms': 1000 };
  it('idempotence off, max.in.flight 5: B lands before A', () => {
    const { rig } = withProducer(base('', faults), { ...cfg, acks: '1' }, plan);
    rig.run(10_000);
    expect(logOrder(rig.cluster, 'logs', 0)).toEqual([1, 0]);
  });
  it('max.in.flight 1: A then B', () => {
    const { rig } = withProducer(base('', faults), { ...cfg, acks: '1', 'max.in.flight.requests.per.connection': 1 }, plan);
    rig.run(10_000);
    expect(logOrder(rig.cluster, 'logs', 0)).toEqual([0, 1]);
  });
  it('idempotence on: A then B', () => {
    const { rig } = withProducer(base('', faults), { ...cfg, acks: 'all', 'enable.idempotence': true }, plan);
    rig.run(10_000);
    expect(logOrder(rig.cluster, 'logs', 0)).toEqual([0, 1]);
  });
});

describe('SEMANTICS §8 scenario 9: response lost after the append', () => {
  const faults = '  - { link: app->kafka, loss: 1, from: 1001ms, to: 1003ms }';
  const plan = [{ atMs: 1000, records: [rec(0)] }];
  it('idempotence off: the record is in the partition twice', () => {
    const { rig } = withProducer(base('', faults), { 'request.timeout.ms': 1000, acks: '1' }, plan);
    rig.run(10_000);
    expect(logOrder(rig.cluster, 'logs', 0)).toEqual([0, 0]);
    expect(rig.counts('kafka/logs', 1)[0]).toBe(2);
  });
  it('idempotence on: exactly one copy', () => {
    const { rig, host } = withProducer(base('', faults), { 'request.timeout.ms': 1000, acks: 'all', 'enable.idempotence': true }, plan);
    rig.run(10_000);
    expect(logOrder(rig.cluster, 'logs', 0)).toEqual([0]);
    expect(host.results.get(0)).toEqual([{ ok: true, partition: 0, offset: 0 }]);
  });
});
