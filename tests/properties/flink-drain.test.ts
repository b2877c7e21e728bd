/**
 * A valid spec that can never drain ends at the deadline with its stuck records reported
 * in flight, never as a hang: a broker that never restarts, a watermark that never advances.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseSpec } from '../../simulator/spec/index.js';
import { runSync } from '../../simulator/run/run.js';

function run(yaml: string) {
  const r = parseSpec(yaml);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return runSync(r.spec).result;
}

describe('specs that cannot drain', () => {
  it('a watermark held back by an empty partition (no idleness): window records stay in flight', () => {
    const result = run(`
duration: 5s
drain: 10s
workload: { generator: access-log, rate: 100/s, files: 1, key: status }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    filter: [ { grok: { match: { message: "%{COMBINEDAPACHELOG}" } } } ]
    output: { kafka: { node: kafka, topic_id: logs, acks: all, message_key: "constant", codec: json } }
  kafka: { type: kafka, topics: { logs: { partitions: 2 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs }
    execution.checkpointing.interval: 1s
    job: { key-by: status, window: { type: tumbling, size: 1s } }
    sink: { elasticsearch: { node: es, index: counts, document-id: "{key}-{window.start}" } }
  es: { type: elasticsearch }
`);
    expect(result.ended).toBe('deadline');
    const es = result.outputs['es']!;
    expect(es.exactlyOnce).toBe(0);
    expect(es.lost).toBe(0);
    expect(es.inFlight + es.filtered).toBe(es.generated);
  });

  it('the source broker crashes for good: unread records are reported in flight', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 4000 }), (at) => {
        const result = run(`
duration: 5s
drain: 10s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 1 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs }
    execution.checkpointing.interval: 1s
    sink: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
faults:
  - { crash: kafka, at: ${at}ms }
`);
        expect(result.ended).toBe('deadline');
        const es = result.outputs['es']!;
        expect(es.inFlight).toBeGreaterThan(0);
        expect(es.exactlyOnce + es.duplicated + es.inFlight + es.lost).toBe(es.generated);
      }),
      { numRuns: 5 },
    );
  });
});
