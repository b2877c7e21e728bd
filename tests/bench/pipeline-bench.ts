/** Whole-pipeline benchmarks: the run() path exactly as the CLI and the worker use it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSpec } from '../../simulator/spec/index.js';
import { runSync } from '../../simulator/run/run.js';
import type { PipelineSpec } from '../../simulator/spec/schema/pipeline.js';

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
      kafka: { node: kafka, topic_id: logs, acks: all, enable.idempotence: true, message_key: "%{status}" }
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

function parse(text: string, label: string): PipelineSpec {
  const r = parseSpec(text, label);
  if (!r.ok) throw new Error(`${label}: ${r.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`);
  return r.spec;
}

function timed(spec: PipelineSpec) {
  const t0 = process.hrtime.bigint();
  const handle = runSync(spec);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { handle, ms };
}

export function fullPipeline(records: number) {
  const spec = parse(FULL_PIPELINE(records), 'bench-full-pipeline');
  const { handle, ms } = timed(spec);
  const es = handle.result.outputs['es'];
  return {
    records: handle.workload.total,
    events: handle.result.events,
    ms,
    summary: es ? { exactlyOnce: es.exactlyOnce, duplicated: es.duplicated, lost: es.lost, inFlight: es.inFlight, late: es.late } : handle.result.outputs,
  };
}

/** The Lambda-vs-Kappa example scaled to `records` records. */
export function comparisonRun(records: number) {
  // From the working directory: npm runs the bench at the repository root.
  const spec = parse(readFileSync(resolve('examples/lambda-vs-kappa.yaml'), 'utf8'), 'examples/lambda-vs-kappa.yaml');
  // Same simulated timeline as the example, denser traffic: the rate grows to reach `records`.
  spec.workload.rate = records / (spec.duration / 1000);
  const { handle, ms } = timed(spec);
  return { records: handle.workload.total, events: handle.result.events, ms };
}
