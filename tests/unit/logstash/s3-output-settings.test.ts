/** The s3 output's settings as logstash-output-s3 4.4.1 reads them (SEMANTICS-2 §2.1 [S3O1]). */
import { describe, it, expect } from 'vitest';
import { parseSpec } from '../../../simulator/spec/index.js';

const spec = (s3: string) => `
duration: 1s
workload: { rate: 1/s }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash: { type: logstash, output: { s3: { node: lake${s3} } } }
  lake: { type: s3 }
`;

function s3Of(s3: string) {
  const r = parseSpec(spec(s3), 'p.yaml');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  const ls = r.spec.nodes['logstash'];
  if (ls?.type !== 'logstash' || !ls.output.s3) throw new Error('no s3 output');
  return ls.output.s3;
}

describe('s3 output settings', () => {
  it('time_file is in minutes, default 15; a duration with a unit is the simulator shorthand', () => {
    expect(s3Of('').time_file).toBe(15 * 60_000);
    expect(s3Of(', time_file: 5').time_file).toBe(5 * 60_000);
    expect(s3Of(', time_file: 5s').time_file).toBe(5_000);
  });

  it('defaults: size_and_time, size_file 5242880, retry_count unset (forever), retry_delay 1 s, restore on', () => {
    const s3 = s3Of('');
    expect(s3).toMatchObject({ rotation_strategy: 'size_and_time', size_file: 5_242_880, retry_delay: 1, restore: true });
    expect(s3.retry_count).toBeUndefined();
  });

  it('refuses a rotation strategy whose limit is 0, as register does', () => {
    const r = parseSpec(spec(', rotation_strategy: time, time_file: 0'), 'p.yaml');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors.map((e) => e.message).join('\n')).toContain('rotation_strategy time needs time_file above 0');
    expect(parseSpec(spec(', time_file: 0, size_file: 0'), 'p.yaml').ok).toBe(false);
    expect(parseSpec(spec(', time_file: 0'), 'p.yaml').ok).toBe(true);
  });
});
