/** Small Kinesis pipelines for the scenario tests. */
import { run } from '../collectors/helpers.js';
import type { RunHandle } from '../../../simulator/run/run.js';
import type { OutputLedger } from '../../../simulator/run/result.js';

export { run };

export function output(h: RunHandle, id: string): OutputLedger & Record<string, unknown> {
  const o = h.result.outputs[id];
  if (!o) throw new Error(`no output ${id}; outputs: ${Object.keys(h.result.outputs).join(', ')}`);
  return o as OutputLedger & Record<string, unknown>;
}

/** Filebeat → Logstash (kinesis output) → a stream nobody reads, so the stream is the output. */
export function logstashToStream(o: { rate: string; duration?: string; kinesisOutput?: string; stream?: string; faults?: string[] }): string {
  return `duration: ${o.duration ?? '10s'}
drain: 120s
workload: { rate: ${o.rate}, files: 3 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    output:
      kinesis: { node: stream${o.kinesisOutput ? `, ${o.kinesisOutput}` : ''} }
  stream: { type: kinesis${o.stream ? `, ${o.stream}` : ''} }
faults: [${(o.faults ?? []).join(', ')}]
`;
}
