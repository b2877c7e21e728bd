/** Inputs without an application ACK, and the kafka output's bounded retries (SEMANTICS §2). */
import { describe, it, expect } from 'vitest';
import { run } from './helpers.js';

describe('tcp/udp inputs', () => {
  const yaml = (input: string, queue: string) => `duration: 10s
drain: 120s
workload: { rate: 100/s }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    input: ${input}
    queue.type: ${queue}
    queue.checkpoint.writes: 1
    output:
      elasticsearch: { node: es, index: logs }
  es: { type: elasticsearch }
faults:
  - { link: filebeat->logstash, loss: 0.2, to: 10s }
`;

  it('udp: what the network drops is never resent, even with a persisted queue', () => {
    const es = run(yaml('udp', 'persisted')).result.outputs['es']!;
    expect(es.lost).toBeGreaterThan(0);
    expect(es.lostAt).toEqual({ 'filebeat->logstash': es.lost });
    expect(es.duplicated).toBe(0);
  });

  it('beats: the same drops are resent after the ACK timeout; nothing lost', () => {
    const es = run(yaml('beats', 'persisted')).result.outputs['es']!;
    expect(es.lost).toBe(0);
    expect(es.inFlight).toBe(0);
  });
});

describe('kafka output retries', () => {
  const yaml = (retries: string) => `duration: 10s
drain: 300s
workload: { rate: 100/s }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    queue.type: persisted
    queue.checkpoint.writes: 1
    output:
      kafka: { node: kafka, topic_id: logs, acks: all${retries}, delivery.timeout.ms: 5s }
  kafka:
    type: kafka
    brokers: 3
    topics: { logs: { partitions: 1, replication.factor: 3 } }
faults:
  - { partition: [kafka], from: 3s, to: 40s }
`;

  it('bounded retries drop events while Kafka is unreachable (lost at logstash)', () => {
    const out = run(yaml(', retries: 1')).result.outputs['kafka/logs']!;
    expect(out.lost).toBeGreaterThan(0);
    expect(out.lostAt['logstash']).toBe(out.lost);
  });

  it('retries unset: the plugin retries until success, nothing lost', () => {
    const out = run(yaml('')).result.outputs['kafka/logs']!;
    expect(out.lost).toBe(0);
    expect(out.inFlight).toBe(0);
  });
});
