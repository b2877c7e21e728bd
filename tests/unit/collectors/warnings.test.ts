/** Spec warnings for collector settings that combine badly. */
import { describe, it, expect } from 'vitest';
import { parseSpec } from '../../../simulator/spec/index.js';

const warningsOf = (yaml: string) => {
  const r = parseSpec(yaml, 'w.yaml');
  if (!r.ok) throw new Error('invalid spec');
  return r.warnings.map((w) => w.message);
};

const pipeline = (beats: string, output: string, workload = '{}') => `workload: ${workload}
nodes:
  filebeat: { type: beats, output: logstash${beats} }
  logstash:
    type: logstash
    output:
      elasticsearch: { node: es${output} }
  es: { type: elasticsearch }
`;

describe('collector warnings', () => {
  it('document_id from @metadata._id without add_id', () => {
    expect(warningsOf(pipeline('', ', document_id: "%{[@metadata][_id]}"')).join('\n')).toMatch(/no Filebeat sending here sets it/);
    expect(warningsOf(pipeline(', processors: [add_id]', ', document_id: "%{[@metadata][_id]}"'))).toEqual([]);
  });

  it('add_id without document_id', () => {
    expect(warningsOf(pipeline(', processors: [add_id]', '')).join('\n')).toMatch(/no document_id/);
  });

  it('rotation faster than the scan with nothing kept', () => {
    expect(warningsOf(pipeline('', '', '{ rotate: { every: 5s, keep: 0 } }')).join('\n')).toMatch(/deleted before Filebeat ever reads them/);
    expect(warningsOf(pipeline(', scan_frequency: 1s', '', '{ rotate: { every: 5s, keep: 0 } }'))).toEqual([]);
  });

  it('Filebeat sending to a tcp input', () => {
    const yaml = pipeline('', '').replace('    type: logstash\n', '    type: logstash\n    input: tcp\n');
    expect(warningsOf(yaml).join('\n')).toMatch(/never ACKs/);
  });
});
