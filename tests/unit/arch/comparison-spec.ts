/**
 * Builds the one-spec comparison run the Lambda/Kappa scenarios use: Filebeat → Logstash feeding
 * both an S3 master dataset and a Kafka topic; Lambda = batch + speed (flink) + serving; Kappa =
 * stream (flink) + serving. Options tweak only what a scenario is about.
 */
import { parseSpec } from '../../../simulator/spec/index.js';
import type { PipelineSpec } from '../../../simulator/spec/schema/pipeline.js';

export interface ComparisonOptions {
  duration?: string;
  drain?: string;
  rate?: string;
  /** Flink checkpoint interval for both stream jobs (absent → no checkpoints). */
  checkpoint?: string;
  startingOffsets?: 'earliest' | 'latest';
  every?: string;
  throughput?: string;
  margin?: string;
  retention?: string;
  /** The topic's segment.ms and the broker's log.retention.check.interval.ms: retention deletes whole segments, at checks. */
  segment?: string;
  retentionCheck?: string;
  /** v1's `where` (the bug); v2 has none. */
  bug?: string;
  /** Deploy v2 at this time: in place + next batch for Lambda, as a replay for Kappa. */
  deployAt?: string;
  /** A Kappa replay of the same code (no bug fix) at this time. */
  replayAt?: string;
  faults?: unknown[];
}

export function comparisonSpec(o: ComparisonOptions = {}): PipelineSpec {
  const job = (where?: string) => ({
    ...(where ? { where } : {}),
    'key-by': 'status',
    window: { type: 'tumbling', size: '10s' },
    aggregate: 'count',
    watermark: { 'max-out-of-orderness': '0s' },
  });
  const versions = o.bug || o.replayAt ? { versions: { v2: job() } } : {};
  const flink = (group: string, index: string, mode: 'in-place' | 'reprocess') => {
    const deployAt = o.deployAt ?? (mode === 'reprocess' ? o.replayAt : undefined);
    return {
      type: 'flink',
      // A replay racing retention gets OFFSET_OUT_OF_RANGE; Flink's earliest() initializer resets to earliest.
      source: { node: 'kafka', topic: 'logs', 'group.id': group, 'starting-offsets': o.startingOffsets ?? 'earliest', 'auto.offset.reset': 'earliest' },
      ...(o.checkpoint ? { 'execution.checkpointing.interval': o.checkpoint } : {}),
      job: job(o.bug),
      ...versions,
      ...(deployAt ? { deploy: [{ at: deployAt, version: 'v2', mode }] } : {}),
      sink: { elasticsearch: { node: 'es', index, 'document-id': '{key}-{window.start}', 'bulk.flush.interval': '1s', 'bulk.flush.max-actions': 1 } },
    };
  };
  const spec = {
    name: 'lambda-vs-kappa-test',
    seed: 1,
    duration: o.duration ?? '30s',
    drain: o.drain ?? '40s',
    workload: { generator: 'access-log', rate: o.rate ?? '100/s', files: 2, key: 'status' },
    nodes: {
      filebeat: { type: 'beats', output: 'logstash' },
      logstash: {
        type: 'logstash',
        'queue.type': 'persisted',
        filter: [{ grok: { match: { message: '%{COMBINEDAPACHELOG}' } } }, { drop: { if: '"_grokparsefailure" in [tags]' } }],
        output: {
          kafka: { node: 'kafka', topic_id: 'logs', acks: 'all', message_key: '%{status}', codec: 'json' },
          s3: { node: 'lake', prefix: 'raw/', time_file: '2s' },
        },
      },
      kafka: {
        type: 'kafka',
        brokers: 1,
        ...(o.retentionCheck ? { 'log.retention.check.interval.ms': o.retentionCheck } : {}),
        topics: { logs: { partitions: 2, 'replication.factor': 1, 'retention.ms': o.retention ?? '7d', ...(o.segment ? { 'segment.ms': o.segment } : {}) } },
      },
      lake: { type: 's3' },
      es: { type: 'elasticsearch' },
      batch: {
        type: 'batch',
        source: { node: 'lake', prefix: 'raw/' },
        every: o.every ?? '20s',
        throughput: o.throughput ?? '2000/s',
        'cut-off-margin': o.margin ?? '0s',
        job: job(o.bug),
        ...versions,
        ...(o.bug && o.deployAt ? { deploy: [{ at: o.deployAt, version: 'v2' }] } : {}),
      },
      speed: flink('speed', 'realtime', 'in-place'),
      lambda: { type: 'serving', architecture: 'lambda', batch: 'batch', speed: 'speed' },
      stream: flink('stream', 'counts', 'reprocess'),
      kappa: { type: 'serving', architecture: 'kappa', speed: 'stream' },
    },
    faults: o.faults ?? [],
  };
  const r = parseSpec(JSON.stringify(spec), 'comparison.json');
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 1));
  return r.spec;
}

/** The value of a time series at the sample taken at `timeMs`. */
export function at(series: readonly { timeMs: number; value: number }[], timeMs: number): number {
  const p = series.find((s) => s.timeMs === timeMs);
  if (!p) throw new Error(`no sample at ${timeMs} ms`);
  return p.value;
}
