/** The small spec the parser tests edit one line of, and a helper that expects a rejection. */
import { parseSpec, type SpecIssue } from '../../../simulator/spec/index.js';

export const BASE = `name: t
nodes:
  filebeat:
    type: beats
    output: logstash
  logstash:
    type: logstash
    output:
      kafka: { node: kafka, topic_id: logs, acks: "1" }
  kafka:
    type: kafka
    topics:
      logs: { partitions: 3 }
`;

/** The errors of a spec that must be rejected (throws if it was accepted). */
export function errorsOf(text: string): SpecIssue[] {
  const r = parseSpec(text, 'pipeline.yaml');
  if (r.ok) throw new Error('expected the spec to be rejected');
  return r.errors;
}
