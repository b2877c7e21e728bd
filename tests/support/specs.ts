/** Small pipelines shared by tests, and a helper to parse-or-throw. */
import { parseSpec, formatIssue } from '../../simulator/spec/index.js';
import type { PipelineSpec } from '../../simulator/spec/schema/pipeline.js';

export function specOf(text: string, label = 'test.yaml'): PipelineSpec {
  const r = parseSpec(text, label);
  if (!r.ok) throw new Error(r.errors.map(formatIssue).join('\n'));
  return r.spec;
}

/** Filebeat → Logstash → Elasticsearch, the seed course's hands-on pipeline, at test size. */
export function beatsLogstashEs(opts: { queue?: 'memory' | 'persisted'; addId?: boolean; faults?: string; duration?: string } = {}): string {
  return `name: beats-logstash-es
duration: ${opts.duration ?? '10s'}
drain: 120s
workload: { generator: access-log, rate: 100/s, files: 2, key: status }
nodes:
  filebeat:
    type: beats
    output: logstash
    timeout: 5s
    processors: [${opts.addId ? 'add_id' : ''}]
  logstash:
    type: logstash
    queue.type: ${opts.queue ?? 'persisted'}
    queue.checkpoint.writes: 1
    filter:
      - grok: { match: { message: "%{COMBINEDAPACHELOG}" } }
    output:
      elasticsearch: { node: es, index: logs${opts.addId ? ', document_id: "%{[@metadata][_id]}"' : ''} }
  es: { type: elasticsearch }
faults:
${opts.faults ?? '  []'}
`.replace('faults:\n  []', 'faults: []');
}
