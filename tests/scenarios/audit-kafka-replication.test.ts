/**
 * Audit (SEMANTICS §3 "Replication", MISCONCEPTIONS 2) through the real run path: `acks: all`
 * waits only for the *current* ISR. With min.insync.replicas 1 the ISR can shrink to the leader
 * alone, which then acknowledges alone; when it dies, an out-of-sync replica elected uncleanly
 * truncates the acknowledged records away. min.insync.replicas 2 refuses those writes
 * (NOT_ENOUGH_REPLICAS) and the producer keeps retrying instead; with unclean election off the
 * partition stays offline (no loss) until an ISR member returns.
 */
import { describe, it, expect } from 'vitest';
import { runYaml } from './flink-helpers.js';
import type { KafkaCluster } from '../../simulator/nodes/kafka/cluster.js';

const spec = (minIsr: number, unclean: boolean) => `
duration: 20s
drain: 60s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    output:
      kafka: { node: kafka, topic_id: logs, acks: all }
  kafka:
    type: kafka
    brokers: 3
    min.insync.replicas: ${minIsr}
    unclean.leader.election.enable: ${unclean}
    replica.lag.time.max.ms: 2s
    topics:
      logs: { partitions: 1, replication.factor: 3 }
faults:
  - { partition: [kafka/broker-2, kafka/broker-3], from: 2s, to: 12s }
  - { crash: kafka/broker-1, at: 10s, restart-after: 30s }
`;

interface ProducerView {
  acked: number;
  failed: number;
  errors: Record<string, number>;
}

function producerOf(h: ReturnType<typeof runYaml>): ProducerView {
  const ls = h.result.state['logstash'] as { outputs: { kafka: { producer: ProducerView; dropped: number } } };
  return ls.outputs.kafka.producer;
}

const texts = (h: ReturnType<typeof runYaml>, source: string) => h.result.log.filter((l) => l.source === source).map((l) => l.text);

describe('acks=all is only as strong as min.insync.replicas (MISCONCEPTIONS 2)', () => {
  it('min.insync.replicas 1, ISR shrunk to the leader, leader dies, unclean election: acknowledged records vanish', () => {
    const h = runYaml(spec(1, true));
    const out = h.result.outputs['kafka/logs']!;
    expect(texts(h, 'kafka/broker-1').some((t) => t.includes('ISR shrunk to [1]'))).toBe(true);
    expect(texts(h, 'kafka/controller').some((t) => t.includes('unclean leader election'))).toBe(true);
    // Records were acknowledged to Logstash with acks=all …
    const p = producerOf(h);
    expect(p.acked).toBeGreaterThan(out.lostAt['kafka']!);
    // With acks all the plugin's client is idempotent (SEMANTICS-2 §1.2): the first batch after the
    // unclean election finds the broker's sequence behind its own, fails with OUT_OF_ORDER_SEQUENCE_NUMBER
    // (not retriable, §1.3) and the plugin drops it; every other send is acknowledged.
    expect(p.errors['OUT_OF_ORDER_SEQUENCE_NUMBER']).toBeGreaterThan(0);
    expect(p.acked + p.failed).toBe(out.generated);
    expect(out.lostAt['logstash']).toBe(p.failed);
    // … yet what the leader took alone between the ISR shrink and its death is gone.
    expect(out.lost).toBeGreaterThan(500);
    expect(out.lostAt['kafka']! + out.lostAt['logstash']!).toBe(out.lost);
    expect(out.duplicated).toBe(0);
  });

  it('min.insync.replicas 2: writes are refused with NOT_ENOUGH_REPLICAS instead, and retried: nothing lost', () => {
    const h = runYaml(spec(2, true));
    const out = h.result.outputs['kafka/logs']!;
    const p = producerOf(h);
    expect(p.errors['NOT_ENOUGH_REPLICAS'] ?? 0).toBeGreaterThan(0);
    expect(texts(h, 'logstash').some((t) => t.includes('NOT_ENOUGH_REPLICAS'))).toBe(true);
    expect(out.lost).toBe(0);
    expect(out.exactlyOnce + out.duplicated).toBe(out.generated);
  });

  it('unclean.leader.election.enable false: the partition stays offline until the ISR member returns; no loss', () => {
    const h = runYaml(spec(1, false));
    const out = h.result.outputs['kafka/logs']!;
    const controller = texts(h, 'kafka/controller');
    expect(controller.some((t) => t.includes('logs-0 offline'))).toBe(true);
    expect(controller.some((t) => t.includes('unclean leader election'))).toBe(false);
    // While offline (broker 1 down 10 s → 40 s) the controller's view shows no leader.
    const offline = h.result.samples.filter((s) => s.timeMs > 21_000 && s.timeMs < 39_000).map((s) => s.stages['kafka/broker-1']?.['partition:logs-0:leader']);
    expect(offline.length).toBeGreaterThan(0);
    expect(offline.some((l) => l === 0)).toBe(true);
    expect(offline.every((l) => l === undefined || l === 0)).toBe(true);
    // Broker 1 returns with every acknowledged record and leads again.
    expect(controller.some((t) => t.includes('broker 1 elected leader'))).toBe(true);
    expect(out.lost).toBe(0);
    expect(out.exactlyOnce + out.duplicated).toBe(out.generated);
  });
});

describe('offsets used again after an unclean election', () => {
  // The indexer commits up to the old leader's end, is down across the election, and resumes at its
  // committed offset: the new leader has meanwhile written *other* records at the offsets below it.
  const yaml = `
duration: 60s
drain: 60s
workload: { generator: access-log, rate: 50/s, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    queue.type: persisted
    output:
      # acks "1": the client is not idempotent, so a leader behind its sequence is no error (SEMANTICS-2 §1.2)
      kafka: { node: kafka, topic_id: logs, acks: "1", max.in.flight.requests.per.connection: 1 }
  kafka:
    type: kafka
    brokers: 3
    unclean.leader.election.enable: true
    topics:
      logs: { partitions: 1, replication.factor: 3 }
  indexer:
    type: consumer
    source: { node: kafka, topic: logs, group.id: indexer, enable.auto.commit: false, auto.offset.reset: earliest }
    commit: after-processing
    output: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
faults:
  - { partition: [kafka/broker-2, kafka/broker-3], from: 5s, to: 50s }
  - { crash: kafka/broker-1, at: 45s, restart-after: 20s }
  - { crash: indexer, at: 20s, restart-after: 60s }
`;

  it('a group resuming at its committed offset skips the records written below it, and the ledger says so at the consumer', () => {
    const h = runYaml(yaml);
    const out = h.result.outputs['es']!;
    const cluster = h.components.get('kafka') as KafkaCluster;
    const offsets = cluster.committedOffsets('indexer', 'logs');
    const end = cluster.bestReplica('logs', 0)!.log.logEndOffset;
    // The group's committed offset is at the new leader's log end: it read up to there on the old leader.
    expect(offsets.get(0)).toBe(end);
    // What the old leader acknowledged alone is gone at Kafka; what the new leader wrote below the
    // committed offset was never read by the group: every loss has a place, none is "unknown".
    expect(out.lostAt['kafka']).toBeGreaterThan(0);
    expect(out.lostAt['indexer']).toBeGreaterThan(0);
    expect(out.lostAt['unknown']).toBeUndefined();
    // Plus what the idempotent client had to drop when the new leader's sequence was behind its own (§1.3).
    expect(out.lost).toBe(out.lostAt['kafka']! + out.lostAt['indexer']! + (out.lostAt['logstash'] ?? 0));
    expect(out.exactlyOnce + out.lost).toBe(out.generated);
    // Each copy broker 1 alone had is counted lost once: doomed by the election, not again when truncated.
    const last = h.result.samples[h.result.samples.length - 1]!;
    const truncated = last.stages['kafka/broker-1']?.['recordsTruncated'];
    expect(truncated).toBeGreaterThan(out.lostAt['kafka']!);
    expect(last.stages['kafka']?.['noted.lost']).toBe(truncated);
  });
});

describe('the leader process dies: clients learn it from the reset, not from request.timeout.ms', () => {
  const yaml = `
duration: 20s
drain: 60s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    output:
      kafka: { node: kafka, topic_id: logs, acks: all }
  kafka:
    type: kafka
    brokers: 3
    min.insync.replicas: 2
    topics:
      logs: { partitions: 1, replication.factor: 3 }
faults:
  - { link: logstash->kafka/broker-1, delay: 50ms }
  - { crash: kafka/broker-1, at: 5100ms, restart-after: 30s }
`;

  it('the produce request in flight fails one hop after the crash as a network error, is retried on the new leader, and nothing is lost or doubled', () => {
    const h = runYaml(yaml);
    const warnings = h.result.log.filter((l) => l.source === 'logstash');
    const reset = warnings.find((l) => l.text.includes('NETWORK_EXCEPTION'));
    expect(reset).toBeDefined();
    expect(reset!.timeMs).toBe(5150);
    expect(warnings.some((l) => l.text.includes('REQUEST_TIMED_OUT'))).toBe(false);
    const elected = h.result.log.find((l) => l.source === 'kafka/controller' && /elected leader/.test(l.text));
    expect(elected).toBeDefined();
    const out = h.result.outputs['kafka/logs']!;
    expect(out.lost).toBe(0);
    expect(out.duplicated).toBe(0);
    expect(out.inFlight).toBe(0);
    // The run drained well before the old leader's restart at 35 s and before a 30 s request timeout would have ended.
    expect(h.result.simulatedMs).toBeLessThan(35_000);
  });
});
