/** The editor and the CLI rely on the config layer never throwing on bad input: every problem is a located issue. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLogstashPipeline } from '../../../simulator/config/logstash/index.js';
import { checkConfigFile } from '../../../simulator/config/workspace/index.js';

const MAIN = readFileSync(join(import.meta.dirname, '../../../examples/workspaces/beats-logstash-es/logstash/pipeline/main.conf'), 'utf8');
const JOB = readFileSync(join(import.meta.dirname, '../../../examples/workspaces/logstash-flink-windows/counter/job.sql'), 'utf8');
const FILEBEAT = readFileSync(join(import.meta.dirname, '../../../examples/workspaces/beats-logstash-es/web1/filebeat.yml'), 'utf8');

/** The text with one slice replaced by another string: near-miss configs, the kind people type. */
const mutated = (text: string) =>
  fc.tuple(fc.nat(text.length), fc.nat(8), fc.string({ maxLength: 6 })).map(([at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut));

describe('the config layer never throws', () => {
  it('on mutated Logstash pipelines', () => {
    fc.assert(
      fc.property(mutated(MAIN), (text) => {
        const r = checkLogstashPipeline(text, 'main.conf');
        for (const p of r.problems.list) expect(p.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('on mutated Flink SQL jobs', () => {
    fc.assert(fc.property(mutated(JOB), (text) => Array.isArray(checkConfigFile('counter/job.sql', text))), { numRuns: 150 });
  });

  it('on mutated filebeat.yml and arbitrary files of every kind', () => {
    fc.assert(fc.property(mutated(FILEBEAT), (text) => void checkConfigFile('web1/filebeat.yml', text)), { numRuns: 300 });
    for (const name of ['logstash.yml', 'server.properties', 'topics.sh', 'x.json', 'world.yaml', 'a.conf', 'job.sql', 'config.yaml', 'consumer.properties', 'producer.properties', 'app.yaml']) {
      fc.assert(fc.property(fc.string({ maxLength: 80 }), (text) => Array.isArray(checkConfigFile(name, text))), { numRuns: 100 });
    }
  });
});
