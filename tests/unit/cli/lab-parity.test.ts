/**
 * Lab ↔ CLI parity (issue 27): the sweep command the Lab prints runs in a shell with the same values,
 * and the CLI's `--json` is byte for byte the sweep.json the Lab downloads.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../simulator/cli/run-cli.js';
import { sweepSync } from '../../../simulator/lab/sweep.js';
import { sweepToJson } from '../../../simulator/lab/export.js';

function sim(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const spec = `duration: 2s
drain: 30s
workload: { rate: 50/s, files: 1 }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    output:
      kafka: { node: kafka, topic_id: logs }
  kafka: { type: kafka, brokers: 1, topics: { logs: { partitions: 1 } } }
`;
const file = join(mkdtempSync(join(tmpdir(), 'pipeline-lab-parity-')), 'pipeline.yaml');
writeFileSync(file, spec);

describe('sim sweep and the Lab', () => {
  it('accepts the quoted values the Lab suggests for acks ("0","1",all), as YAML reads them', () => {
    // The shell hands the quotes through: '"0","1",all' arrives as "0","1",all.
    const r = sim(['sweep', file, '--param', '/nodes/logstash/output/kafka/acks', '--values', '"0","1",all', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { values: unknown[] }).values).toEqual(['0', '1', 'all']);
  });

  it('prints with --json the same bytes the Lab saves as sweep.json', () => {
    const r = sim(['sweep', file, '--param', '/nodes/logstash/output/kafka/acks', '--values', '"1",all', '--seeds', '2', '--json']);
    const lab = sweepToJson(sweepSync({ spec, param: '/nodes/logstash/output/kafka/acks', values: ['1', 'all'], seeds: [1, 2] }));
    expect(r.stdout).toBe(lab);
  });
});
