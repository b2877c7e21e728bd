/**
 * SEMANTICS §8 scenario 12 (MISCONCEPTIONS 11, 12): Flink KafkaSink EXACTLY_ONCE, TaskManager
 * crash mid-interval. The open transaction is aborted; read_committed readers see each record
 * once; read_uncommitted readers see the aborted copies too. Output becomes visible only when a
 * checkpoint completes. And the builder default transaction.timeout.ms (1 h) is above the
 * broker's transaction.max.timeout.ms (15 min): the job fails at start and crash-loops.
 */
import { describe, it, expect } from 'vitest';
import { runYaml } from './flink-helpers.js';
import type { ElasticsearchStore } from '../../simulator/nodes/elasticsearch/store.js';

const spec = (timeout: string, restart = '{ type: fixed-delay, delay: 1s }') => `
duration: 20s
drain: 60s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 2 }, out: { partitions: 1 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs }
    execution.checkpointing.interval: 5s
    restart-strategy: ${restart}
    sink:
      kafka: { node: kafka, topic: out, delivery-guarantee: exactly-once, transactional-id-prefix: out${timeout} }
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
  es: { type: elasticsearch }
faults:
  - { crash: flink, at: 12500ms, restart-after: 1s }
`;

describe('scenario 12: KafkaSink exactly-once', () => {
  it('crash mid-interval: read_committed sees each record once, read_uncommitted sees the aborted copies too', () => {
    const h = runYaml(spec(', transaction.timeout.ms: 5m'));
    const committed = h.result.outputs['es/committed']!;
    const uncommitted = h.result.outputs['es/uncommitted']!;
    expect(committed.lost).toBe(0);
    expect(committed.duplicated).toBe(0);
    expect(committed.exactlyOnce).toBe(committed.generated);
    // The transaction open since the checkpoint at 10 s held ~2.5 s of records: aborted, then rewritten.
    expect(uncommitted.duplicated).toBeGreaterThan(150);
    expect(uncommitted.lost).toBe(0);
  });

  it('output is visible to read_committed readers only after a checkpoint completes', () => {
    const h = runYaml(spec(', transaction.timeout.ms: 5m'));
    const store = h.components.get('es') as ElasticsearchStore;
    let first = Number.POSITIVE_INFINITY;
    store.documents('committed', (d) => (first = Math.min(first, d.writtenAtMs)));
    let firstUncommitted = Number.POSITIVE_INFINITY;
    store.documents('uncommitted', (d) => (firstUncommitted = Math.min(firstUncommitted, d.writtenAtMs)));
    expect(first).toBeGreaterThanOrEqual(5000); // first checkpoint completes at ≥ 5 s
    // read_uncommitted sees the open transaction's records before any checkpoint commits them
    // (its group joins after the broker's 3 s group.initial.rebalance.delay.ms).
    expect(firstUncommitted).toBeLessThan(5000);
  });

  it('default transaction.timeout.ms (1h) > transaction.max.timeout.ms (15m): the job fails at start and crash-loops', () => {
    const h = runYaml(spec('', '{ type: fixed-delay, delay: 1s, attempts: 3 }'));
    const log = h.result.log.filter((l) => l.source === 'flink').map((l) => l.text);
    expect(log.some((t) => t.includes('INVALID_TRANSACTION_TIMEOUT') && t.includes('transaction.max.timeout.ms'))).toBe(true);
    expect(log.some((t) => t.includes('restart attempts (3) exhausted'))).toBe(true);
    const committed = h.result.outputs['es/committed']!;
    expect(committed.exactlyOnce).toBe(0);
    // Nothing was lost: every record still waits in the source topic for a working job.
    expect(committed.inFlight).toBe(committed.generated);
  });
});
