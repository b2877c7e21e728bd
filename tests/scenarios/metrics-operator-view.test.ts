/**
 * The operator's metrics (simulator/metrics, issue #30) at chosen instants, against values worked
 * out by hand from the mechanisms: the ISR rules (SEMANTICS §3), the consumer's poll loop and
 * Flink's restart strategy. Samples are taken once a simulated second, after every event at
 * that millisecond.
 */
import { describe, it, expect } from 'vitest';
import { runYaml } from './flink-helpers.js';
import { valueAt } from '../../simulator/metrics/series.js';
import { runLine } from '../../simulator/shell/index.js';
import type { RunHandle } from '../../simulator/run/run.js';

const at = (h: RunHandle, node: string, metric: string, s: number) => valueAt(h.result.metrics!, node, metric, s * 1000);
const sumOverBrokers = (h: RunHandle, metric: string, s: number) => [1, 2, 3].reduce((n, b) => n + (at(h, `kafka/broker-${b}`, metric, s) ?? 0), 0);

const replicated = (minIsr: number) => `
duration: 30s
drain: 10s
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
    replica.lag.time.max.ms: 2s
    topics:
      logs: { partitions: 3, replication.factor: 3 }
faults:
  - { crash: kafka/broker-3, at: 10s, restart-after: 15s }
`;

describe('Kafka broker metrics while one broker of three is down', () => {
  const h = runYaml(replicated(2));

  it('UnderReplicatedPartitions: 0 → 2 once the leaders drop broker 3 from their ISRs → 3 once its own partition has a new leader → 0 after it catches up', () => {
    // Three partitions, RF 3, three brokers: each broker leads one partition and follows two.
    expect([1, 2, 3].map((b) => at(h, `kafka/broker-${b}`, 'LeaderCount', 9))).toEqual([1, 1, 1]);
    expect(sumOverBrokers(h, 'UnderReplicatedPartitions', 9)).toBe(0);
    // Broker 3 dies at 10 s. Its followers' last fetch was at 10 s; brokers 1 and 2 check their
    // ISRs every replica.lag.time.max.ms / 2 = 1 s and drop it once it is more than 2 s behind.
    expect(at(h, 'kafka/broker-3', 'UnderReplicatedPartitions', 11)).toBeUndefined(); // a dead broker reports nothing
    expect(sumOverBrokers(h, 'UnderReplicatedPartitions', 14)).toBe(2);
    // Its heartbeat (every 2 s) last reached the controller at 8 s; fenced after 9 s without one,
    // at the 18 s tick: the controller moves the leadership of its partition, ISR now 2 of 3.
    expect(at(h, 'kafka/controller', 'LeaderElectionRateAndTimeMs', 18)).toBe(1);
    expect(sumOverBrokers(h, 'UnderReplicatedPartitions', 20)).toBe(3);
    expect(sumOverBrokers(h, 'UnderMinIsrPartitionCount', 20)).toBe(0); // 2 in sync ≥ min.insync.replicas 2
    expect(at(h, 'kafka/controller', 'OfflinePartitionsCount', 20)).toBe(0);
    // Back at 25 s: it fetches, catches up and rejoins every ISR.
    expect(sumOverBrokers(h, 'UnderReplicatedPartitions', 30)).toBe(0);
    const expands = h.result.metrics!.timesMs.reduce((n, _t, i) => n + [1, 2].reduce((m, b) => m + (h.result.metrics!.nodes[`kafka/broker-${b}`]!['IsrExpandsPerSec']![i] ?? 0), 0), 0);
    expect(expands).toBe(3);
  });

  it('IsrShrinksPerSec counts one shrink per partition on its leader, in the second it happens', () => {
    const shrinks = (b: number) => h.result.metrics!.nodes[`kafka/broker-${b}`]!['IsrShrinksPerSec']!;
    expect(shrinks(1).reduce<number>((n, v) => n + (v ?? 0), 0)).toBe(1);
    expect(shrinks(2).reduce<number>((n, v) => n + (v ?? 0), 0)).toBe(1);
  });

  it('with min.insync.replicas 3 the same outage puts every partition under min ISR and acks=all produce requests fail', () => {
    const strict = runYaml(replicated(3));
    expect(sumOverBrokers(strict, 'UnderMinIsrPartitionCount', 20)).toBe(3);
    const failed = [1, 2].reduce((n, b) => n + strict.result.metrics!.nodes[`kafka/broker-${b}`]!['FailedProduceRequestsPerSec']!.reduce<number>((m, v) => m + (v ?? 0), 0), 0);
    expect(failed).toBeGreaterThan(0);
    // The producer sees them as retries, not as lost records (delivery.timeout.ms is 120 s).
    expect(strict.result.metrics!.nodes['logstash']!['record-retry-rate']!.some((v) => (v ?? 0) > 0)).toBe(true);
  });
});

describe('records-lag-max against kafka-consumer-groups --describe', () => {
  // 1000 records (100/s for 10 s) into one partition; the consumer polls 50 at a time and takes
  // 20 ms a record: 50 records a second. It commits before processing, so once the commit is back
  // the committed offset is its position.
  const h = runYaml(`
duration: 10s
drain: 4500ms
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 1, replication.factor: 1 } } }
  indexer:
    type: consumer
    source: { node: kafka, topic: logs, group.id: indexer, max.poll.records: 50, enable.auto.commit: false }
    commit: before-processing
    processing-time: 20ms
    output: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
`);

  it('consumes 50 records/s, so the lag grows by 100 − 50 = 50 a second while records arrive and falls by 50 a second after', () => {
    expect(at(h, 'indexer', 'records-consumed-rate', 8)).toBe(50);
    expect(at(h, 'indexer', 'records-lag-max', 9)! - at(h, 'indexer', 'records-lag-max', 8)!).toBe(50);
    expect(at(h, 'indexer', 'records-lag-max', 13)! - at(h, 'indexer', 'records-lag-max', 14)!).toBe(50);
  });

  it('at the end of the run equals LOG-END-OFFSET − CURRENT-OFFSET of the describe output', () => {
    const out = runLine({ handle: h }, 'kafka-consumer-groups --describe --group indexer').text;
    const row = out.split('\n').find((l) => l.startsWith('indexer '))!.trim().split(/\s+/);
    const [current, end, lag] = [Number(row[3]), Number(row[4]), Number(row[5])];
    expect(end).toBe(1000);
    expect(lag).toBe(end - current);
    expect(at(h, 'indexer', 'records-lag-max', h.result.simulatedMs / 1000)).toBe(lag);
  });
});

describe('Flink job metrics across a TaskManager crash', () => {
  const h = runYaml(`
duration: 20s
drain: 10s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 3 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs }
    execution.checkpointing.interval: 5s
    restart-strategy: { type: fixed-delay, delay: 1s }
    sink:
      elasticsearch: { node: es, index: logs }
  es: { type: elasticsearch }
faults:
  - { crash: flink, at: 12s, restart-after: 2s }
`);

  it('numRestarts is 0 until the TaskManager comes back at 14 s, then 1; the JobManager keeps reporting it meanwhile', () => {
    expect(at(h, 'flink', 'numRestarts', 11)).toBe(0);
    expect(at(h, 'flink', 'numRestarts', 13)).toBe(0);
    expect(at(h, 'flink', 'numRecordsInPerSec', 13)).toBeUndefined();
    expect(at(h, 'flink', 'numRestarts', 14)).toBe(1);
    expect(at(h, 'flink', 'numRestarts', 29)).toBe(1);
  });

  it('completed checkpoints every 5 s: two by 11 s (at 5 s and 10 s)', () => {
    expect(at(h, 'flink', 'numberOfCompletedCheckpoints', 11)).toBe(2);
    expect(at(h, 'flink', 'numberOfFailedCheckpoints', 11)).toBe(0);
    expect(at(h, 'flink', 'lastCheckpointDuration', 11)).toBeGreaterThanOrEqual(0);
  });
});

describe('metrics sampling leaves the run unchanged', () => {
  it('the same events and ledger with and without metrics', async () => {
    const { parseSpec } = await import('../../simulator/spec/parse.js');
    const { runSync } = await import('../../simulator/run/run.js');
    const r = parseSpec(replicated(2));
    if (!r.ok) throw new Error('spec');
    const a = runSync(r.spec);
    const b = runSync(r.spec, { metrics: false });
    expect(b.result.metrics).toBeUndefined();
    expect(a.result.events).toBe(b.result.events);
    expect(JSON.stringify(a.result.outputs)).toBe(JSON.stringify(b.result.outputs));
  });
});
