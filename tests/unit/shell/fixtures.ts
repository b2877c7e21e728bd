/**
 * What the shell tests share: running a spec, a terminal that carries its session from line to
 * line (as the worker does), and the Filebeat → Logstash → Kafka → indexer → Elasticsearch pipeline.
 */
import { parseSpec } from '../../../simulator/spec/index.js';
import { runSync, type RunHandle } from '../../../simulator/run/run.js';
import { runLine, type ShellOutput, type ShellSession } from '../../../simulator/shell/index.js';

export function runSpec(text: string, trace?: 'all'): RunHandle {
  const r = parseSpec(text);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return runSync(r.spec, trace ? { trace } : {});
}

/** A terminal over one run: each line sees what the lines before it changed. */
export function terminal(handle: RunHandle): (line: string) => ShellOutput {
  let session: ShellSession | undefined;
  return (line) => {
    const out = runLine({ handle, session }, line);
    if (out.session) session = out.session;
    return out;
  };
}

/** Logs through Logstash into a 3-partition topic, read by the `indexer` group into Elasticsearch. */
export function kafkaPipeline(o: { drain: string; faults: string; consumer?: string }): string {
  return `
duration: 5s
drain: ${o.drain}
workload: { generator: access-log, rate: 100/s, files: 2, key: status }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    filter:
      - grok: { match: { message: "%{COMBINEDAPACHELOG}" } }
    output:
      kafka: { node: kafka, topic_id: logs, acks: all, codec: json }
  kafka: { type: kafka, brokers: 3, topics: { logs: { partitions: 3, replication.factor: 3 } } }
  indexer:
    type: consumer
    source: { node: kafka, topic: logs, group.id: indexer, auto.offset.reset: earliest${o.consumer ? `, ${o.consumer}` : ''} }
    output: { elasticsearch: { node: es, index: logs } }
  es: { type: elasticsearch }
faults: ${o.faults}
`;
}
