/** Filebeat's Elasticsearch and Kafka outputs (SEMANTICS §1, §5). */
import { describe, it, expect } from 'vitest';
import { run } from '../unit/collectors/helpers.js';

const direct = (processors: string, faults: string) => `duration: 10s
drain: 300s
workload: { rate: 100/s, files: 2 }
nodes:
  filebeat: { type: beats, output: es, index: weblogs, timeout: 5s, processors: [${processors}] }
  es: { type: elasticsearch }
faults: [${faults}]
`;

describe('Filebeat → Elasticsearch', () => {
  const lossy = '{ link: filebeat->es, loss: 0.3, to: 100s }';

  it('lost bulk responses make resends: auto ids duplicate documents, nothing is lost', () => {
    const es = run(direct('', lossy)).result.outputs['es']!;
    expect(es.lost).toBe(0);
    expect(es.inFlight).toBe(0);
    expect(es.duplicated).toBeGreaterThan(0);
  });

  it('@metadata._id becomes the document _id: resends overwrite', () => {
    const h = run(direct('add_id', lossy));
    const es = h.result.outputs['es']!;
    expect(es.lost).toBe(0);
    expect(es.duplicated).toBe(0);
    expect(es.exactlyOnce).toBe(1000);
    expect(es['versionsAbove1']).toBeGreaterThan(0);
    expect(Object.keys((h.result.state['es'] as { indices: object }).indices)).toEqual(['weblogs']);
  });
});

describe('Filebeat → Elasticsearch, Elasticsearch dies', () => {
  // 300 ms each way keeps bulk requests in flight; Filebeat's timeout is the default 30 s.
  const slowLink = (faults: string) => direct('add_id', `{ link: filebeat->es, delay: 300ms }, ${faults}`).replace('timeout: 5s', 'timeout: 30s');

  it('the reset fails the requests in flight one hop later; they are retried once Elasticsearch is back', () => {
    const h = run(slowLink('{ crash: es, at: 5200ms, restart-after: 1s }'));
    const reset = h.result.log.find((l) => l.source === 'filebeat' && l.text.startsWith('connection to es reset'));
    expect(reset).toBeDefined();
    expect(reset!.timeMs).toBe(5500);
    const es = h.result.outputs['es']!;
    expect(es.exactlyOnce).toBe(1000);
    expect(es.inFlight).toBe(0);
  });
});

describe('Filebeat → Kafka', () => {
  it('writes every line to the topic through the producer; a Filebeat crash replays from the registry', () => {
    const yaml = `duration: 10s
drain: 300s
workload: { rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: raw }
  kafka:
    type: kafka
    brokers: 3
    topics: { raw: { partitions: 2, replication.factor: 3 } }
faults:
  - { link: filebeat->kafka, delay: 300ms }
  - { crash: filebeat, at: 5100ms, restart-after: 900ms }
`;
    const out = run(yaml).result.outputs['kafka/raw']!;
    expect(out.lost).toBe(0);
    expect(out.inFlight).toBe(0);
    expect(out.duplicated).toBeGreaterThan(0);
    expect(out.duplicatedAt['filebeat']).toBe(out.duplicated);
  });
});
