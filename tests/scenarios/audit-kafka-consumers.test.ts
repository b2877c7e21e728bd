/**
 * Audit of consumer groups (SEMANTICS §3 "Consumer knobs", KafkaConsumer javadoc [K4]) through the
 * real run path:
 * - a batch slower than max.poll.interval.ms evicts the member; its commit fails
 *   (CommitFailedException), the partitions move and the batch is processed again (MISCONCEPTIONS 14);
 * - enable.auto.commit commits what poll() returned: at-least-once while each batch is finished
 *   before the next poll, but records are skipped when batches are handed to a worker (MISCONCEPTIONS 1);
 * - a crashed member is removed after session.timeout.ms and its partitions move to the others.
 */
import { describe, it, expect } from 'vitest';
import { runYaml } from './flink-helpers.js';

const slow = (pollInterval: string) => `
duration: 10s
drain: 60s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 2 } } }
  indexer:
    type: consumer
    instances: 2
    source: { node: kafka, topic: logs, group.id: indexer, enable.auto.commit: false, auto.offset.reset: earliest,
              max.poll.records: 500, max.poll.interval.ms: ${pollInterval} }
    commit: after-processing
    processing-time: 50ms
    output: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
`;

describe('max.poll.interval.ms exceeded by slow processing (MISCONCEPTIONS 14)', () => {
  it('the member is removed, its commit fails, partitions move, the batch is processed again', () => {
    const h = runYaml(slow('5s'));
    const out = h.result.outputs['es']!;
    const log = h.result.log.map((l) => `${l.source}: ${l.text}`);
    expect(log.some((t) => t.includes('poll() not called within max.poll.interval.ms'))).toBe(true);
    expect(log.some((t) => t.includes('CommitFailedException'))).toBe(true);
    // Generations keep rising: rebalance after rebalance.
    const generations = log.filter((t) => /group indexer generation \d+/.test(t)).length;
    expect(generations).toBeGreaterThan(3);
    expect(out.duplicated).toBeGreaterThan(100);
    expect(out.duplicatedAt['indexer']).toBe(out.duplicated);
    expect(out.lost).toBe(0);
  });

  it('with enough max.poll.interval.ms the same load is processed once', () => {
    const out = runYaml(slow('5m')).result.outputs['es']!;
    expect(out.exactlyOnce).toBe(out.generated);
  });
});

const autoCommit = (processing: string) => `
duration: 10s
drain: 60s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 1 } } }
  indexer:
    type: consumer
    source: { node: kafka, topic: logs, group.id: indexer, enable.auto.commit: true, auto.commit.interval.ms: 1s,
              auto.offset.reset: earliest, max.poll.records: 50, session.timeout.ms: 6s }
    processing: ${processing}
    processing-time: 20ms
    output: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
faults:
  - { crash: indexer, at: 7s, restart-after: 1s }
`;

describe('enable.auto.commit commits what poll() returned (MISCONCEPTIONS 1)', () => {
  it('batches handed to a worker: the commit overtakes the work, a crash skips records, lag ends at 0', () => {
    const h = runYaml(autoCommit('worker'));
    const out = h.result.outputs['es']!;
    expect(out.lost).toBeGreaterThan(0);
    expect(out.lostAt['indexer']).toBe(out.lost);
    expect(out.inFlight).toBe(0);
    const last = h.result.samples[h.result.samples.length - 1]!;
    expect(last.stages['indexer']!['lag']).toBe(0);
  });

  it('each batch finished before the next poll(): auto-commit is at-least-once — nothing skipped', () => {
    const out = runYaml(autoCommit('in-poll-loop')).result.outputs['es']!;
    expect(out.lost).toBe(0);
    expect(out.inFlight).toBe(0);
  });
});

describe('a crashed member is removed after session.timeout.ms and its partitions move', () => {
  it('the surviving instance takes over every partition from the committed offsets; nothing lost', () => {
    const h = runYaml(`
duration: 20s
drain: 60s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 4 } } }
  indexer:
    type: consumer
    instances: 2
    source: { node: kafka, topic: logs, group.id: indexer, enable.auto.commit: false, auto.offset.reset: earliest, session.timeout.ms: 10s }
    commit: after-processing
    output: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
faults:
  - { crash: indexer/instance-1, at: 5s }
`);
    const kafkaLog = h.result.log.filter((l) => l.source === 'kafka');
    const removed = kafkaLog.find((l) => l.text.includes('indexer/instance-1') && l.text.includes('session.timeout.ms'));
    expect(removed).toBeDefined();
    // Removed once nothing was heard from it for session.timeout.ms: 10 s after its last request before the crash at 5 s.
    expect(removed!.timeMs).toBeGreaterThanOrEqual(14_000);
    expect(removed!.timeMs).toBeLessThan(16_000);
    const takeover = kafkaLog.filter((l) => l.timeMs >= removed!.timeMs && /generation \d+: indexer\/instance-2-\d+→\[0,1,2,3\]/.test(l.text));
    expect(takeover.length).toBe(1);
    const out = h.result.outputs['es']!;
    expect(out.lost).toBe(0);
    expect(out.inFlight).toBe(0);
  });
});
