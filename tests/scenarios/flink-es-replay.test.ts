/**
 * SEMANTICS §8 scenario 11 (MISCONCEPTIONS 7): Flink EXACTLY_ONCE checkpoints, ES sink with auto
 * ids, crash after the sink wrote but before the next checkpoint. Restore from checkpoint k
 * rewinds Kafka to Sₖ → those records are written again → duplicate documents. Flink's internal
 * (windowed) counts stay correct; with a deterministic `_id` there are no duplicate documents.
 */
import { describe, it, expect } from 'vitest';
import { runYaml } from './flink-helpers.js';
import type { ElasticsearchStore } from '../../simulator/nodes/elasticsearch/store.js';

const passThrough = (documentId: string) => `
duration: 20s
drain: 60s
workload: { generator: access-log, rate: 100/s, files: 1 }
nodes:
  filebeat: { type: beats, output: kafka, topic: logs, processors: [add_id] }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 3 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs }
    execution.checkpointing.interval: 10s
    execution.checkpointing.mode: EXACTLY_ONCE
    sink: { elasticsearch: { node: es, index: logs, bulk.flush.interval: 1s${documentId} } }
  es: { type: elasticsearch }
faults:
  - { crash: flink, at: 15s, restart-after: 2s }
`;

describe('scenario 11: Flink exactly-once state, at-least-once ES sink', () => {
  it('auto ids: records written after checkpoint k and before the crash become duplicate documents', () => {
    const { result } = runYaml(passThrough(''));
    const es = result.outputs['es']!;
    expect(es.lost).toBe(0);
    expect(es.inFlight).toBe(0);
    // ~5 s of records (checkpoint at 10 s, crash at 15 s) at 100/s were written, then replayed.
    expect(es.duplicated).toBeGreaterThan(200);
    expect(es.duplicated).toBeLessThan(700);
    expect(es.duplicatedAt['flink']).toBe(es.duplicated);
    expect(es.exactlyOnce + es.duplicated).toBe(es.generated);
  });

  it('document-id {@metadata._id}: the replay overwrites (versions > 1), no duplicate documents', () => {
    const { result } = runYaml(passThrough(', document-id: "{@metadata._id}"'));
    const es = result.outputs['es']!;
    expect(es.lost).toBe(0);
    expect(es.duplicated).toBe(0);
    expect(es.exactlyOnce).toBe(es.generated);
    expect(es['versionsAbove1']).toBeGreaterThan(200);
  });

  const windowed = (documentId: string) => `
duration: 30s
drain: 30s
workload: { generator: access-log, rate: 100/s, files: 1, key: status }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    filter:
      - grok: { match: { message: "%{COMBINEDAPACHELOG}" } }
    output: { kafka: { node: kafka, topic_id: logs, acks: all, codec: json } }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 3 } } }
  flink:
    type: flink
    source: { node: kafka, topic: logs, idleness: 5s }
    execution.checkpointing.interval: 10s
    job:
      key-by: status
      window: { type: tumbling, size: 5s }
      aggregate: count
      watermark: { max-out-of-orderness: 1s }
    sink: { elasticsearch: { node: es, index: counts, bulk.flush.interval: 500ms${documentId} } }
  es: { type: elasticsearch }
faults:
  - { crash: flink, at: 17s, restart-after: 2s }
`;

  it('windowed count: internal counts are right; auto ids duplicate re-fired windows, deterministic ids do not', () => {
    const auto = runYaml(windowed(''));
    const fixed = runYaml(windowed(', document-id: "{key}-{window.start}"'));
    const storeOf = (h: ReturnType<typeof runYaml>) => h.components.get('es') as ElasticsearchStore;
    const closedBy = 15_000; // windows the job fired before the crash and again after the restore
    const truth = new Map<string, number>();
    for (const w of fixed.result.query!.windows) if (w.windowEndMs <= closedBy) truth.set(`${w.key}@${w.windowStartMs}`, w.truth);
    // Deterministic ids: each (key, window) document holds exactly the true count.
    const fixedValues = new Map(storeOf(fixed).windowValues('counts').map((v) => [`${v.key}@${v.windowStartMs}`, v.value]));
    for (const [cell, t] of truth) expect(fixedValues.get(cell), cell).toBe(t);
    expect(fixed.result.outputs['es']!.duplicated).toBe(0);
    // Auto ids: windows fired between checkpoint 1 (10 s) and the crash are fired again → summed twice.
    const autoValues = new Map(storeOf(auto).windowValues('counts').map((v) => [`${v.key}@${v.windowStartMs}`, v.value]));
    let doubled = 0;
    for (const [cell, t] of truth) if (autoValues.get(cell) === 2 * t && t > 0) doubled++;
    expect(doubled).toBeGreaterThan(0);
    expect(auto.result.outputs['es']!.duplicated).toBeGreaterThan(0);
  });
});

describe('Elasticsearch dies while the sink has bulk requests in flight', () => {
  // The same job, no Flink crash: Elasticsearch dies at 15.2 s with a bulk on its way (300 ms link).
  const yaml = passThrough(', document-id: "{@metadata._id}"')
    .replace('  - { crash: flink, at: 15s, restart-after: 2s }', '  - { link: flink->es, delay: 300ms }\n  - { crash: es, at: 15200ms, restart-after: 2s }');

  it('the reset fails the request one hop later, which fails the job; it restarts from its checkpoint and nothing is lost', () => {
    const { result } = runYaml(yaml);
    const failure = result.log.find((l) => l.source === 'flink' && l.text.includes('connection to es reset'));
    expect(failure).toBeDefined();
    expect(failure!.timeMs).toBe(15_500);
    const es = result.outputs['es']!;
    expect(es.lost + es.inFlight).toBe(0);
    // Deterministic ids: the replay after the restore overwrites instead of adding documents.
    expect(es.duplicated).toBe(0);
  });
});
