/** Running small collector pipelines in tests and reading their state. */
import { parseSpec, formatIssue } from '../../../simulator/spec/index.js';
import { runSync, type RunHandle } from '../../../simulator/run/run.js';
import type { ElasticsearchStore } from '../../../simulator/nodes/elasticsearch/store.js';

export function run(yaml: string, seed?: number): RunHandle {
  const r = parseSpec(yaml, 'test.yaml');
  if (!r.ok) throw new Error(r.errors.map(formatIssue).join('\n'));
  return runSync(r.spec, seed === undefined ? {} : { seed });
}

export function esStore(h: RunHandle, id = 'es'): ElasticsearchStore {
  const store = h.components.get(id) as ElasticsearchStore | undefined;
  if (!store) throw new Error(`no elasticsearch store ${id}`);
  return store;
}

/** A metric of one node at every sample taken in [fromMs, toMs]. */
export function series(h: RunHandle, node: string, metric: string, fromMs: number, toMs: number): number[] {
  return h.result.samples.filter((s) => s.timeMs >= fromMs && s.timeMs <= toMs).map((s) => s.stages[node]?.[metric] ?? Number.NaN);
}

/** Filebeat → Logstash → Elasticsearch at test size. */
export function beatsLogstashEs(o: {
  queue?: 'memory' | 'persisted';
  /** Give each event `@metadata._id` and use it as document id: `true` is add_id (SEMANTICS-2 §3). */
  ids?: boolean | 'add_id' | 'fingerprint';
  faults?: string[];
  duration?: string;
  drain?: string;
  rate?: string;
  files?: number;
  filebeat?: string;
  /** Filebeat's `timeout` (5s unless given). */
  timeout?: string;
  logstash?: string;
  malformed?: number;
  filter?: string;
}): string {
  return `duration: ${o.duration ?? '10s'}
drain: ${o.drain ?? '300s'}
workload: { generator: access-log, rate: ${o.rate ?? '100/s'}, files: ${o.files ?? 2}, malformed: ${o.malformed ?? 0} }
nodes:
  filebeat:
    type: beats
    output: logstash
    timeout: ${o.timeout ?? '5s'}
    processors: [${o.ids === 'fingerprint' ? 'fingerprint' : o.ids ? 'add_id' : ''}]
${o.filebeat ?? ''}
  logstash:
    type: logstash
    queue.type: ${o.queue ?? 'persisted'}
    queue.checkpoint.writes: 1
${o.logstash ?? ''}
    filter:
${o.filter ?? '      - grok: { match: { message: "%{COMBINEDAPACHELOG}" } }'}
    output:
      elasticsearch: { node: es, index: logs${o.ids ? ', document_id: "%{[@metadata][_id]}"' : ''} }
  es: { type: elasticsearch }
faults: [${(o.faults ?? []).join(', ')}]
`.replace(/\n\n/g, '\n');
}
