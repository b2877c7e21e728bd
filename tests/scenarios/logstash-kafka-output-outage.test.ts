/**
 * The Logstash kafka output against a Kafka outage (SEMANTICS-2 §1 scenarios 1 and 2 [LKO1][KC1]):
 * `retrying_send` resends failed records in rounds `retry_backoff_ms` apart; with `retries => N` it
 * drops what is left after N+1 rounds, each of which the client ends at `delivery.timeout.ms`.
 */
import { describe, it, expect } from 'vitest';
import { runYaml } from './flink-helpers.js';

interface KafkaOutputView {
  dropped: number;
  resent: number;
  producer: { idempotent: boolean; acks: string };
}
const kafkaOutput = (h: ReturnType<typeof runYaml>) => (h.result.state['logstash'] as { outputs: { kafka: KafkaOutputView } }).outputs.kafka;
const exhausted = (h: ReturnType<typeof runYaml>) => h.result.log.filter((l) => l.source === 'logstash' && l.text.includes('exhausted user-configured retry count'));

/** Filebeat → Logstash (persisted queue) → a one-broker Kafka that dies at 10 s for `downS` seconds. */
const outage = (settings: string, downS: number) => `
duration: 60s
drain: ${downS + 120}s
workload: { rate: 50/s, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    queue.type: persisted
    queue.checkpoint.writes: 1
    output:
      kafka: { node: kafka, topic_id: logs${settings} }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 1 } } }
faults:
  - { crash: kafka, at: 10s, restart-after: ${downS}s }
`;

describe('scenario 1: defaults, Kafka down for 10 minutes', () => {
  it('acks "1" leaves the client without idempotence; the plugin resends without limit: nothing lost', () => {
    const h = runYaml(outage('', 600));
    const out = h.result.outputs['kafka/logs']!;
    const k = kafkaOutput(h);
    expect(k.producer.acks).toBe('1');
    expect(k.producer.idempotent).toBe(false);
    expect(out.lost).toBe(0);
    expect(out.inFlight).toBe(0);
    expect(k.dropped).toBe(0);
    expect(k.resent).toBeGreaterThan(0);
  });
});

describe('scenario 2: retries => 2, the broker process down', () => {
  it('10 minutes: exactly 3 rounds, each ended by delivery.timeout.ms and 100 ms apart, then the events are dropped at Logstash', () => {
    const h = runYaml(outage(', retries: 2', 600));
    const out = h.result.outputs['kafka/logs']!;
    const drops = exhausted(h);
    // The two workers' first batches, taken at about 10 s: 3 × 120 s + 2 × 0.1 s later they are dropped.
    expect(drops.map((d) => d.timeMs)).toEqual([372051, 373051]);
    expect(drops.every((d) => d.text.includes('retries: 2, 3 send rounds'))).toBe(true);
    expect(out.lost).toBe(100);
    expect(out.lostAt).toEqual({ logstash: 100 });
    expect(kafkaOutput(h).dropped).toBe(100);
    // The workers were blocked in retrying_send meanwhile: later batches waited in the queue and got through.
    expect(out.exactlyOnce).toBe(out.generated - 100);
  });

  it('3 minutes: three rounds of up to 120 s outlast the outage, nothing is lost', () => {
    const h = runYaml(outage(', retries: 2', 180));
    const out = h.result.outputs['kafka/logs']!;
    expect(out.lost).toBe(0);
    expect(out.inFlight).toBe(0);
    expect(exhausted(h)).toEqual([]);
  });

  it('retries => 0: a single round, so a 3-minute outage already drops the first batches', () => {
    const h = runYaml(outage(', retries: 0', 180));
    expect(exhausted(h)[0]!.text).toContain('retries: 0, 1 send round)');
    expect(h.result.outputs['kafka/logs']!.lostAt['logstash']).toBeGreaterThan(0);
  });
});
