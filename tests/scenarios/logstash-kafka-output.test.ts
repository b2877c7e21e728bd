/**
 * SEMANTICS-2 §1 through the Logstash kafka output (logstash-integration-kafka 12.1.4, kafka-clients
 * 4.2.0): a `retrying_send` round resends only what failed [LKO1], and the client is idempotent only
 * with acks all [KC1]. Scenarios 1–2 (outages) are in logstash-kafka-output-outage.test.ts.
 */
import { describe, it, expect } from 'vitest';
import { runYaml } from './flink-helpers.js';

interface KafkaOutputView {
  resent: number;
  producer: { idempotent: boolean; acks: string };
}
const outputOf = (h: ReturnType<typeof runYaml>) => (h.result.state['logstash'] as { outputs: { kafka: KafkaOutputView } }).outputs.kafka;

/** Filebeat → Logstash (one worker) → Kafka; `kafka` is the output's settings after topic_id. */
const spec = (o: { duration: string; drain: string; rate: string; kafka: string; cluster?: string; fault?: string }) => `
duration: ${o.duration}
drain: ${o.drain}
workload: { generator: access-log, rate: ${o.rate}, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    pipeline.workers: 1
    output:
      kafka: { node: kafka, topic_id: logs${o.kafka} }
  kafka: { type: kafka, ${o.cluster ?? 'brokers: 1, topics: { logs: { partitions: 1 } }'} }
faults:${o.fault ? `\n  - ${o.fault}` : ' []'}
`;

describe('a round resends only the failed records (SEMANTICS-2 §1.3)', () => {
  // Two partitions on two brokers, keyed by line: each Logstash batch goes to both. Only broker 2's
  // link fails, for longer than delivery.timeout.ms, so the client hands part of a batch back failed.
  const yaml = spec({
    duration: '10s',
    drain: '120s',
    rate: '100/s',
    kafka: ', acks: "1", message_key: "%{message}", delivery.timeout.ms: 10s',
    cluster: 'brokers: 2, topics: { logs: { partitions: 2, replication.factor: 1 } }',
    fault: '{ link: logstash->kafka/broker-2, loss: 1, from: 2s, to: 30s }',
  });

  it('the next round sends the failed records again, not the records of the batch that were written', () => {
    const h = runYaml(yaml);
    const out = h.result.outputs['kafka/logs']!;
    const k = outputOf(h) as KafkaOutputView & { failed: number; sent: number };
    expect(k.failed).toBeGreaterThan(0);
    expect(k.resent).toBe(k.failed);
    // A whole-batch resend would have written the broker-1 half of that batch a second time.
    expect(out.duplicated).toBe(0);
    expect(out.lost).toBe(0);
    expect(out.exactlyOnce).toBe(out.generated);
  });
});

describe('acks "1" vs "all" with a lost produce response (SEMANTICS-2 §1 scenario 4)', () => {
  // Small batches: many requests, so some responses are lost after the broker appended.
  const yaml = (acks: string) =>
    spec({ duration: '10s', drain: '60s', rate: '200/s', kafka: `, acks: ${acks}, batch_size: 2000`, fault: '{ link: logstash->kafka/broker-1, loss: 0.1, from: 2s, to: 4s }' });

  it('acks all: the client is idempotent by default, the broker drops the retried batch: one copy, order kept', () => {
    const h = runYaml(yaml('all'));
    const out = h.result.outputs['kafka/logs']!;
    expect(outputOf(h).producer.idempotent).toBe(true);
    expect(out.duplicated).toBe(0);
    expect(out.reordered).toBe(0);
    expect(out.lost).toBe(0);
    expect(out.exactlyOnce).toBe(out.generated);
  });

  it('acks "1" (the plugin default, always passed): idempotence silently off, the retry writes a second copy', () => {
    const h = runYaml(yaml('"1"'));
    const out = h.result.outputs['kafka/logs']!;
    expect(outputOf(h).producer.idempotent).toBe(false);
    expect(out.duplicated).toBeGreaterThan(0);
    expect(out.lost).toBe(0);
  });
});

describe('a record larger than max_request_size (SEMANTICS-2 §1 scenario 3)', () => {
  // Access-log lines are a few hundred bytes; a limit inside their range makes the longer ones too large.
  const yaml = (limit: number) => spec({ duration: '5s', drain: '30s', rate: '100/s', kafka: `, max_request_size: ${limit}` });

  it('is dropped on the first attempt with a warning, although retries is unset; the rest of the batch is written', () => {
    const h = runYaml(yaml(300));
    const out = h.result.outputs['kafka/logs']!;
    const warnings = h.result.log.filter((l) => l.source === 'logstash' && l.text.includes('dropping record: RECORD_TOO_LARGE'));
    expect(out.lost).toBeGreaterThan(0);
    expect(out.lostAt).toEqual({ logstash: out.lost });
    expect(out.exactlyOnce).toBeGreaterThan(0);
    expect(out.exactlyOnce + out.lost).toBe(out.generated);
    expect(warnings.length).toBe(out.lost);
    // Never sent again: unbounded retry does not apply to an error retrying cannot fix.
    expect(outputOf(h).resent).toBe(0);
  });

  it('the default limit (1048576) passes every line', () => {
    const out = runYaml(yaml(1_048_576)).result.outputs['kafka/logs']!;
    expect(out.lost).toBe(0);
    expect(out.exactlyOnce).toBe(out.generated);
  });
});

describe('register (SEMANTICS-2 §1.1)', () => {
  const warning = (kafka: string) =>
    runYaml(spec({ duration: '1s', drain: '5s', rate: '10/s', kafka })).result.log.filter((l) => l.source === 'logstash' && l.text.includes('configured with finite retry'));

  it('any retries setting logs, at start, that Logstash will lose data', () => {
    const w = warning(', retries: 5');
    expect(w.length).toBe(1);
    expect(w[0]!.timeMs).toBe(0);
    expect(w[0]!.text).toContain('LOSE DATA');
  });

  it('no warning with retries unset', () => {
    expect(warning('')).toEqual([]);
  });
});
