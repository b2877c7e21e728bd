/** Maps keyed by ids have no prototype, from the parsed spec to the RunResult (issue #20). */
import { describe, it, expect } from 'vitest';
import { parseSpec } from '../../../simulator/spec/index.js';
import { runSync } from '../../../simulator/run/run.js';

const SPEC = `name: t
duration: 1s
workload: { rate: 20/s }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    output: { elasticsearch: { node: es } }
  es: { type: elasticsearch }
`;

describe('id-keyed maps', () => {
  it('the parsed spec and the run result hold only the names the author wrote', () => {
    const parsed = parseSpec(SPEC, 'pipeline.yaml');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(Object.getPrototypeOf(parsed.spec.nodes)).toBeNull();
    expect(parsed.spec.nodes['constructor']).toBeUndefined();
    const { result } = runSync(parsed.spec);
    for (const map of [result.outputs, result.state, result.traces, result.samples[0]!.stages]) expect(Object.getPrototypeOf(map)).toBeNull();
    const es = Object.values(result.outputs)[0]!;
    expect(Object.getPrototypeOf(es.lostAt)).toBeNull();
    expect(Object.getPrototypeOf(es.duplicatedAt)).toBeNull();
    expect(es.exactlyOnce).toBe(20);
  });
});
