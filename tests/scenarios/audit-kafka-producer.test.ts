/**
 * Audit of the producer through the Logstash kafka output keys (SEMANTICS §2 [LS7], §3 [K2]):
 * - idempotence is per producer id: a Logstash restart replays its persisted queue through a new
 *   producer (new id), so a batch the old instance already wrote is written again (MISCONCEPTIONS 19);
 * - idempotence off + retries + max.in.flight.requests.per.connection 5: a retried request lands
 *   after later ones and the partition order swaps; with 1 in flight it does not (MISCONCEPTIONS 18).
 */
import { describe, it, expect } from 'vitest';
import { runYaml } from './flink-helpers.js';

const restart = (crash: boolean) => `
duration: 10s
drain: 60s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    queue.type: persisted
    queue.checkpoint.writes: 1
    pipeline.workers: 1
    output:
      kafka: { node: kafka, topic_id: logs, acks: all }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 1 } } }
faults:
  - { link: logstash->kafka/broker-1, delay: 300ms }
${crash ? '  - { crash: logstash, at: 5s, restart-after: 1s }' : ''}
`;

describe('idempotent producer across a restart (MISCONCEPTIONS 19)', () => {
  it('the restarted instance gets a new producer id: its resend of a written batch is a duplicate', () => {
    const h = runYaml(restart(true));
    const out = h.result.outputs['kafka/logs']!;
    expect(out.duplicated).toBeGreaterThan(0);
    expect(out.duplicatedAt['logstash']).toBe(out.duplicated);
    expect(out.lost).toBe(0);
    const producer = (h.result.state['logstash'] as { outputs: { kafka: { producer: { idempotent: boolean; producerId: number } } } }).outputs.kafka.producer;
    expect(producer.idempotent).toBe(true);
    // The broker's idempotence check dropped no resend: the copies came from different producer ids.
    expect(h.result.samples.every((s) => (s.stages['kafka/broker-1']?.['duplicatesDropped'] ?? 0) === 0)).toBe(true);
  });

  it('without the restart the same slow link duplicates nothing', () => {
    const out = runYaml(restart(false)).result.outputs['kafka/logs']!;
    expect(out.duplicated).toBe(0);
    expect(out.exactlyOnce).toBe(out.generated);
  });
});

const inFlight = (n: number, idempotence = false) => `
duration: 10s
drain: 90s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    pipeline.workers: 1
    output:
      # The plugin has no idempotence option: the client is idempotent exactly when acks is all (SEMANTICS-2 §1.2).
      kafka: { node: kafka, topic_id: logs, acks: ${idempotence ? 'all' : '"1"'}, max.in.flight.requests.per.connection: ${n} }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 1 } } }
faults:
  - { link: logstash->kafka/broker-1, loss: 0.1, from: 2s, to: 4s }
`;

describe('retries with several requests in flight reorder a partition (MISCONCEPTIONS 18)', () => {
  it('idempotence off, max.in.flight 5: a retried batch lands after later ones', () => {
    const h = runYaml(inFlight(5));
    const out = h.result.outputs['kafka/logs']!;
    const producer = (h.result.state['logstash'] as { outputs: { kafka: { producer: { retried: number } } } }).outputs.kafka.producer;
    expect(producer.retried).toBeGreaterThan(0);
    expect(out.reordered).toBeGreaterThan(0);
    expect(out.lost).toBe(0);
  });

  it('max.in.flight 1 keeps the order', () => {
    const out = runYaml(inFlight(1)).result.outputs['kafka/logs']!;
    expect(out.reordered).toBe(0);
    expect(out.lost).toBe(0);
  });

  it('idempotence on keeps the order with 5 in flight', () => {
    const out = runYaml(inFlight(5, true)).result.outputs['kafka/logs']!;
    expect(out.reordered).toBe(0);
    expect(out.duplicated).toBe(0);
  });
});
