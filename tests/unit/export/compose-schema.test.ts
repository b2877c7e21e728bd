/**
 * Every exported compose.yaml validates against the Compose Specification's JSON schema
 * (tests/fixtures/compose-spec.json, source in compose-spec.SOURCE.md), and the real files of
 * every bundle pass the same `check` the CLI runs; fast-check specs in the writer's range export.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import fc from 'fast-check';
import { parseSpec, validateData } from '../../../simulator/spec/parse.js';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';
import { checkConfigFile } from '../../../simulator/config/workspace/index.js';
import { exportBundle, isBundleExtra, type ExportSource } from '../../../simulator/export/index.js';
import { readYaml } from '../../../simulator/spec/parse.js';

const ROOT = join(import.meta.dirname, '../../..');
const schema = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/compose-spec.json'), 'utf8')) as object;
const ajv = new Ajv({ strict: false, validateFormats: false, validateSchema: false, allErrors: true });
const validateCompose = ajv.compile(schema);

const sources: [string, ExportSource][] = [
  ...readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).sort().flatMap((f): [string, ExportSource][] => {
    const parsed = parseSpec(readFileSync(join(ROOT, 'examples', f), 'utf8'), f);
    return parsed.ok ? [[f, { kind: 'spec', spec: parsed.spec }]] : [];
  }),
  ...readdirSync(join(ROOT, 'examples/workspaces'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d): [string, ExportSource] => [d.name, { kind: 'workspace', files: readWorkspaceFolder(join(ROOT, 'examples/workspaces', d.name)) }]),
];

describe('compose.yaml and the real files', () => {
  for (const [name, source] of sources) {
    const bundle = exportBundle(source);
    if (!bundle.ok) continue;
    it(`${name}: compose.yaml is valid Compose, every config file passes check`, () => {
      const compose = parse(bundle.value.get('compose.yaml')!) as unknown;
      expect(validateCompose(compose), JSON.stringify(validateCompose.errors)).toBe(true);
      expect(validateCompose({ services: { x: { image: 1, restart: { bad: true } } } })).toBe(false);
      for (const [path, text] of bundle.value) {
        if (isBundleExtra(path)) continue;
        const issues = checkConfigFile(path, text) ?? [];
        expect(issues.filter((i) => i.severity === 'error'), path).toEqual([]);
      }
    });
  }
});

/** Specs in the writer's range: Filebeat → Logstash → Elasticsearch, or through Kafka and a consumer. */
const specArb = fc.record({
  rate: fc.integer({ min: 10, max: 300 }),
  files: fc.integer({ min: 1, max: 3 }),
  workers: fc.integer({ min: 1, max: 4 }),
  batch: fc.constantFrom(50, 125, 500),
  queue: fc.constantFrom('memory', 'persisted'),
  viaKafka: fc.boolean(),
  brokers: fc.integer({ min: 1, max: 3 }),
  acks: fc.constantFrom('0', '1', 'all'),
  partitions: fc.integer({ min: 1, max: 4 }),
  commit: fc.constantFrom('auto', 'after-processing', 'before-processing'),
  crash: fc.option(fc.constantFrom('logstash', 'filebeat', 'es'), { nil: undefined }),
  pipelining: fc.integer({ min: 0, max: 4 }),
});

describe('generated specs', () => {
  it('export and compile back to the same spec', () => {
    fc.assert(
      fc.property(specArb, (p) => {
        const kafka = p.viaKafka ? { kafka: { type: 'kafka', brokers: p.brokers, topics: { logs: { partitions: p.partitions, 'replication.factor': p.brokers } } }, indexer: { type: 'consumer', source: { node: 'kafka', topic: 'logs', 'group.id': 'indexer' }, commit: p.commit, output: { elasticsearch: { node: 'es', index: 'logs' } } } } : {};
        const data = {
          name: 'generated', duration: '5s', drain: '20s',
          workload: { rate: `${p.rate}/s`, files: p.files },
          nodes: {
            filebeat: { type: 'beats', output: 'logstash', pipelining: p.pipelining },
            logstash: { type: 'logstash', 'pipeline.workers': p.workers, 'pipeline.batch.size': p.batch, 'queue.type': p.queue, filter: [{ grok: { match: { message: '%{COMBINEDAPACHELOG}' } } }], output: p.viaKafka ? { kafka: { node: 'kafka', topic_id: 'logs', acks: p.acks } } : { elasticsearch: { node: 'es', index: 'logs' } } },
            ...kafka,
            es: { type: 'elasticsearch' },
          },
          faults: p.crash ? [{ crash: p.crash, at: '2s', 'restart-after': '1s' }] : [],
        };
        const read = readYaml(JSON.stringify(data), 'generated.yaml');
        if (!read.ok) throw new Error('unreadable');
        const parsed = validateData(data, read.map);
        if (!parsed.ok) return; // outside the spec's own range (none expected)
        const bundle = exportBundle({ kind: 'spec', spec: parsed.spec });
        expect(bundle.ok, bundle.ok ? '' : JSON.stringify(bundle.refusals)).toBe(true);
      }),
      { numRuns: 60, seed: 22 },
    );
  });
});
