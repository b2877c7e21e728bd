/**
 * The pipelines the 1,000,000-record benches run, as text and as parsed specs. No Node APIs:
 * the browser benches bundle this file into a Chromium worker as well.
 */
import { parseSpec } from '../../simulator/spec/index.js';
import type { PipelineSpec } from '../../simulator/spec/schema/pipeline.js';

/** Issue 5's full pipeline: Filebeat → Logstash → Kafka (3 partitions) → Flink tumbling count → Elasticsearch. */
export const FULL_PIPELINE = (records: number) => `
name: bench-full-pipeline
duration: 100s
drain: 60s
workload: { generator: access-log, rate: ${records / 100}/s, files: 4, key: status }
nodes:
  filebeat: { type: beats, output: logstash, processors: [add_id] }
  logstash:
    type: logstash
    queue.type: persisted
    pipeline.batch.size: 1000
    filter:
      - grok: { match: { message: "%{COMBINEDAPACHELOG}" } }
    output:
      kafka: { node: kafka, topic_id: logs, acks: all, message_key: "%{status}", codec: json }
  kafka:
    type: kafka
    brokers: 3
    min.insync.replicas: 2
    topics:
      logs: { partitions: 3, replication.factor: 3 }
  flink:
    type: flink
    source: { node: kafka, topic: logs, isolation.level: read_committed, max.poll.records: 5000 }
    execution.checkpointing.interval: 10s
    job:
      key-by: status
      window: { type: tumbling, size: 10s }
      aggregate: count
      watermark: { max-out-of-orderness: 2s }
    sink:
      elasticsearch: { node: es, index: counts, document-id: "{key}-{window.start}" }
  es: { type: elasticsearch }
`;

export function parseBenchSpec(text: string, label: string): PipelineSpec {
  const r = parseSpec(text, label);
  if (!r.ok) throw new Error(`${label}: ${r.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`);
  return r.spec;
}

/** `spec` with its workload's rate raised (or lowered) so that the same timeline holds `records` records. */
export function withRecords(spec: PipelineSpec, records: number): PipelineSpec {
  return { ...spec, workload: { ...spec.workload, rate: records / (spec.duration / 1000) } };
}
