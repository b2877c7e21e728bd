/**
 * Audit of Kafka transactions through Flink's exactly-once KafkaSink (SEMANTICS §3 [K1 §4.7][K2],
 * §4 "Sinks" [FL3], MISCONCEPTIONS 11, 12):
 * - a second producer with the same transactional.id fences the first (zombie fencing);
 * - a transaction open longer than transaction.timeout.ms is aborted by the coordinator;
 * - read_committed readers stop at the last stable offset while a transaction is open (other
 *   producers' records behind it wait too) and never see aborted records; read_uncommitted see both.
 */
import { describe, it, expect } from 'vitest';
import { runYaml } from './flink-helpers.js';
import type { ElasticsearchStore } from '../../simulator/nodes/elasticsearch/store.js';

const readers = `
  committed:
    type: consumer
    source: { node: kafka, topic: out, group.id: c, isolation.level: read_committed, enable.auto.commit: false, auto.offset.reset: earliest }
    commit: after-processing
    output: { elasticsearch: { node: es, index: committed } }
  uncommitted:
    type: consumer
    source: { node: kafka, topic: out, group.id: u, isolation.level: read_uncommitted, enable.auto.commit: false, auto.offset.reset: earliest }
    commit: after-processing
    output: { elasticsearch: { node: es, index: uncommitted } }
  es: { type: elasticsearch }`;

const job = (id: string, prefix: string, interval: string, timeout: string, group = '') => `
  ${id}:
    type: flink
    source: { node: kafka, topic: logs${group} }
    execution.checkpointing.interval: ${interval}
    sink:
      kafka: { node: kafka, topic: out, delivery-guarantee: exactly-once, transactional-id-prefix: ${prefix}, transaction.timeout.ms: ${timeout} }`;

const flinkLog = (h: ReturnType<typeof runYaml>, source: string) => h.result.log.filter((l) => l.source === source).map((l) => l.text);

describe('zombie fencing by transactional.id', () => {
  it('two jobs sharing a transactional-id-prefix fence each other: PRODUCER_FENCED and restarts', () => {
    const h = runYaml(`
duration: 10s
drain: 20s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 2 }, out: { partitions: 1 } } }
${job('flink', 'shared', '5s', '5m')}
${job('flink2', 'shared', '5s', '5m', ', group.id: other')}
${readers}
`);
    for (const id of ['flink', 'flink2']) {
      const log = flinkLog(h, id);
      expect(log.some((t) => t.includes('PRODUCER_FENCED')), id).toBe(true);
      expect(log.filter((t) => t.includes('restarting')).length, id).toBeGreaterThan(1);
    }
  });

  it('distinct prefixes do not interfere: each job commits its own transactions', () => {
    const h = runYaml(`
duration: 10s
drain: 20s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 2 }, out: { partitions: 1 } } }
${job('flink', 'one', '5s', '5m')}
${job('flink2', 'two', '5s', '5m', ', group.id: other')}
${readers}
`);
    for (const id of ['flink', 'flink2']) expect(flinkLog(h, id).some((t) => t.includes('FENCED')), id).toBe(false);
    // Two jobs each write every record once: read_committed sees exactly two copies of each.
    const out = h.result.outputs['es/committed']!;
    expect(out.duplicated).toBe(out.generated);
    expect(out.extraCopies).toBe(out.generated);
  });
});

describe('transaction.timeout.ms: the coordinator aborts a transaction open too long', () => {
  it('checkpoints every 30 s, timeout 10 s: transactions are aborted, read_committed readers lose the records', () => {
    const h = runYaml(`
duration: 20s
drain: 60s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 2 }, out: { partitions: 1 } } }
${job('flink', 'app', '30s', '10s')}
${readers}
`);
    const kafkaLog = h.result.log.filter((l) => l.source === 'kafka').map((l) => l.text);
    expect(kafkaLog.some((t) => t.includes('open longer than transaction.timeout.ms'))).toBe(true);
    expect(flinkLog(h, 'flink').some((t) => t.includes('PRODUCER_FENCED'))).toBe(true);
    const committed = h.result.outputs['es/committed']!;
    // The commit after the first checkpoint fails (already aborted): real Flink logs the loss and goes on.
    expect(committed.lost).toBe(committed.generated);
    expect(committed.lostAt['flink']).toBe(committed.lost);
    // read_uncommitted readers saw the aborted records (twice: the job replayed after its first failure).
    const uncommitted = h.result.outputs['es/uncommitted']!;
    expect(uncommitted.lost).toBe(0);
    expect(uncommitted.duplicated).toBeGreaterThan(0);
  });
});

describe('read_committed stops at the last stable offset (MISCONCEPTIONS 12)', () => {
  it('an open transaction of a dead job stalls read_committed readers until the timeout aborts it', () => {
    const h = runYaml(`
duration: 20s
drain: 30s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  other: { type: beats, output: kafka, topic: out }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 1 }, out: { partitions: 1 } } }
${job('flink', 'app', '5s', '20s')}
${readers}
faults:
  - { crash: flink, at: 7s }
`);
    const store = h.components.get('es') as ElasticsearchStore;
    const times = (index: string) => {
      const t: number[] = [];
      store.documents(index, (d) => t.push(d.writtenAtMs));
      return t;
    };
    const committed = times('committed');
    const uncommitted = times('uncommitted');
    // The transaction opened at the 5 s checkpoint never commits; until the coordinator aborts it
    // (20 s later) read_committed readers get nothing past its first offset, not even the other
    // producer's plain records appended after it. read_uncommitted readers keep reading.
    expect(committed.filter((t) => t > 8000 && t < 25_000)).toEqual([]);
    expect(committed.filter((t) => t >= 25_000).length).toBeGreaterThan(1000);
    expect(uncommitted.filter((t) => t > 8000 && t < 20_000).length).toBeGreaterThan(500);
    expect(h.result.log.some((l) => l.source === 'kafka' && l.text.includes('open longer than transaction.timeout.ms'))).toBe(true);
    // The aborted transaction's records (5 s → 7 s) reached only the read_uncommitted reader.
    expect(uncommitted.length - committed.length).toBeGreaterThan(50);
  });
});
