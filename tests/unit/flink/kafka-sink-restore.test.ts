/**
 * A windowed job into Kafka without transactions, restored after a crash (issue #20): the results its
 * restored window state writes again stand beside the earlier writes in the topic, and each such
 * copy is noted at the job with the checkpoint. With exactly-once the open transaction is aborted.
 */
import { describe, it, expect } from 'vitest';
import { runSync } from '../../../simulator/run/run.js';
import { specOf } from '../../support/specs.js';

const spec = (guarantee: string) => `duration: 20s
drain: 60s
workload: { generator: access-log, rate: 100/s, files: 2, key: status, late: { fraction: 0.1, max: 6s } }
nodes:
  filebeat: { type: beats, output: logstash, processors: [add_id] }
  logstash:
    type: logstash
    queue.type: persisted
    filter: [ { grok: { match: { message: "%{COMBINEDAPACHELOG}" } } } ]
    output: { kafka: { node: kafka, topic_id: logs, acks: all, codec: json } }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 3 }, out: { partitions: 2 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs, idleness: 2s }
    execution.checkpointing.interval: 10s
    job: { key-by: status, window: { type: tumbling, size: 2s }, watermark: { max-out-of-orderness: 500ms } }
    sink:
      kafka: { node: kafka, topic: out, delivery-guarantee: ${guarantee}${guarantee === 'exactly-once' ? ', transactional-id-prefix: out, transaction.timeout.ms: 5m' : ''} }
faults:
  - { crash: flink, at: 15s, restart-after: 2s }
`;

describe('Flink KafkaSink, restore from a checkpoint', () => {
  for (const guarantee of ['at-least-once', 'none']) {
    it(`${guarantee}: every copy in the topic is noted at the job, re-emitted results with the checkpoint they came from`, () => {
      const h = runSync(specOf(spec(guarantee)), { seed: 1, trace: 'all' });
      const out = h.result.outputs['kafka/out']!;
      expect(out.duplicated).toBeGreaterThan(0);
      expect(out.duplicatedAt).toEqual({ flink: out.duplicated });
      const counts = h.countsOf('kafka/out');
      const reEmitted = [...counts.keys()].filter((rid) => counts[rid]! >= 2 && h.sim.ledger.traceOf(rid).some((s) => s.what.startsWith('copy: re-emitted after restore from checkpoint 1; already written to kafka topic out')));
      expect(reEmitted.length).toBeGreaterThan(0);
    });
  }

  it('exactly-once: the aborted transaction leaves no copy', () => {
    const out = runSync(specOf(spec('exactly-once')), { seed: 1 }).result.outputs['kafka/out']!;
    expect(out.duplicated).toBe(0);
  });
});
