/**
 * A Flink job that reads Kinesis exports: its source table is the flink-connector-aws 5.x `kinesis`
 * table (the options the importer reads, apache/flink-connector-aws KinesisSourceConfigOptions, the
 * same in 6.0 for Flink 2.0), the streams are aws/template.yaml, Logstash's kinesis output and the
 * reshards come along; the bundle, run as a folder, prints byte-identical `--json` to the original.
 * What the real files cannot say is refused in English and Korean.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';
import { parseSpec } from '../../../simulator/spec/index.js';
import { checkConfigFile, compileWorkspace } from '../../../simulator/config/workspace/index.js';
import { exportBundle, importWorkspace, isBundleExtra, type ExportSource } from '../../../simulator/export/index.js';
import { simCatalogue } from '../../../simulator/i18n/messages/index.js';

import { runJson, writeFolder } from '../../support/cli-run.js';

const ROOT = join(import.meta.dirname, '../../..');
const EXERCISE = join(ROOT, 'lessons/09-aws/exercises/flink-restart-from-latest');




function writeSpec(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kinexport-spec-')), 'pipeline.yaml');
  writeFileSync(file, text);
  return file;
}

function bundleOf(source: ExportSource): Map<string, string> {
  const b = exportBundle(source);
  expect(b.ok, b.ok ? '' : JSON.stringify(b.refusals)).toBe(true);
  if (!b.ok) throw new Error('refused');
  return b.value;
}

/** The written files import without a problem, and the bundle runs to the original's --json. */
function roundTrips(bundle: Map<string, string>, original: string): void {
  const imported = importWorkspace(bundle);
  expect(imported.worldAdded).toBe(false);
  expect(imported.outcome.ok, JSON.stringify(imported.outcome.ok ? [] : imported.outcome.errors[0])).toBe(true);
  for (const [path, text] of bundle) {
    if (isBundleExtra(path)) continue;
    expect(checkConfigFile(path, text) ?? [], `${path}\n${text}`).toEqual([]);
  }
  expect(runJson(writeFolder(bundle, 'kinexport-'))).toBe(runJson(original));
}

const exerciseFiles = (withSolution: boolean) => new Map([...readWorkspaceFolder(join(EXERCISE, 'starter')), ...(withSolution ? readWorkspaceFolder(join(EXERCISE, 'solution')) : [])]);

/** Filebeat → Logstash → a Kinesis stream → Flink (its YAML given) → Elasticsearch. */
function pipeline(o: { flink: string; stream?: string; output?: string; faults?: string; world?: string }): string {
  return `name: kinesis-export
duration: 10s
drain: 60s
workload: { generator: access-log, rate: 100/s, files: 1, key: status }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash: { type: logstash, output: { kinesis: { node: logs${o.output ? `, ${o.output}` : ''} } } }
  logs: { type: kinesis${o.stream ? `, ${o.stream}` : ''} }
  flink:
${o.flink.split('\n').map((l) => `    ${l}`).join('\n')}
  es: { type: elasticsearch }
faults: [${o.faults ?? '{ crash: flink, at: 5s, restart-after: 2s }'}]
${o.world ?? ''}`;
}

const copyJob = (source: string, more = '') => `type: flink
source: { connector: kinesis, node: logs${source ? `, ${source}` : ''} }
restart-strategy: { type: fixed-delay, delay: 1s }${more}
sink: { elasticsearch: { node: es, index: logs, bulk.flush.interval: 1s } }`;

const windowJob = (source: string) => `type: flink
source: { connector: kinesis, node: logs${source ? `, ${source}` : ''} }
execution.checkpointing.interval: 1s
job: { key-by: status, window: { type: tumbling, size: 2s }, watermark: { max-out-of-orderness: 500ms } }
sink: { elasticsearch: { node: es, index: counts, document-id: "{key}-{window.start}" } }`;

function specOf(text: string) {
  const parsed = parseSpec(text, 'pipeline.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors[0]));
  return parsed.spec;
}

describe('lesson 9, flink-restart-from-latest: its pipeline exports from the spec the files compile to', () => {
  for (const [name, solved] of [['starter', false], ['solution', true]] as const) {
    it(`the ${name}: the Kinesis table, the stream and Logstash's kinesis output are written, and run the same`, { timeout: 60_000 }, () => {
      const files = exerciseFiles(solved);
      const compiled = compileWorkspace(files);
      expect(compiled.ok).toBe(true);
      if (!compiled.ok) return;
      const bundle = bundleOf({ kind: 'spec', spec: compiled.spec });
      const sql = bundle.get('flink/job.sql')!;
      expect(sql).toContain("'connector' = 'kinesis'");
      expect(sql).toContain("'stream.arn' = 'arn:aws:kinesis:us-east-1:123456789012:stream/logs'");
      expect(sql).toContain("'aws.region' = 'us-east-1'");
      expect(sql).toContain("'source.init.position' = 'LATEST'");
      expect(parse(bundle.get('aws/template.yaml')!)).toMatchObject({ Resources: { LogsStream: { Type: 'AWS::Kinesis::Stream', Properties: { Name: 'logs', ShardCount: 1, RetentionPeriodHours: 24, StreamModeDetails: { StreamMode: 'PROVISIONED' } } } } });
      expect(bundle.get('logstash/pipeline/main.conf')).toContain('kinesis {\n    stream_name => "logs"\n    region => "us-east-1"\n  }');
      roundTrips(bundle, writeFolder(files, 'kinexport-'));
    });
  }

  it('the exercise as a workspace exports too, with the AWS part of the bundle', () => {
    const bundle = bundleOf({ kind: 'workspace', files: exerciseFiles(true) });
    const compose = parse(bundle.get('compose.yaml')!) as { services: Record<string, { environment?: Record<string, unknown>; command?: string[] }> };
    for (const service of ['flink', 'flink-taskmanager', 'flink-sql', 'logstash']) {
      expect(compose.services[service]!.environment, service).toMatchObject({ AWS_ACCESS_KEY_ID: null, AWS_SECRET_ACCESS_KEY: null, AWS_SESSION_TOKEN: null });
    }
    // The files keep the simulator's account; the SQL client's service submits the job with the learner's (`$$` is compose's escape of `$`).
    expect(compose.services['flink-sql']!.command!.join(' ')).toContain('sed "s/:123456789012:/:$$AWS_ACCOUNT_ID:/g" /opt/pipeline-lab/job/job.sql > /tmp/job.sql && /opt/flink/bin/sql-client.sh -f /tmp/job.sql');
    expect(compose.services.logstash!.command!.join(' ')).toContain('logstash-plugin install logstash-output-kinesis && exec logstash');
    expect(compose.services.es!.environment).not.toHaveProperty('AWS_ACCESS_KEY_ID');
    for (const [file, heading] of [['README.md', '## AWS resources'], ['README.ko.md', '## AWS 리소스']] as const) {
      const readme = bundle.get(file)!;
      expect(readme).toContain(heading);
      expect(readme).toContain('aws cloudformation deploy --region us-east-1 --stack-name pipeline-lab --template-file aws/template.yaml');
      expect(readme).toContain('aws cloudformation delete-stack --region us-east-1 --stack-name pipeline-lab');
      expect(readme).toContain('flink-sql-connector-aws-kinesis-streams-6.0.0-2.0.jar');
    }
    expect(bundle.get('flink-lib/README.md')).toMatch(/[가-힣]/);
  });
});

describe('a Kinesis-sourced Flink job written from a spec runs the same from its files', () => {
  it.each([
    ['TRIM_HORIZON, the connector defaults otherwise', copyJob('source.init.position: TRIM_HORIZON'), "'source.init.position' = 'TRIM_HORIZON'"],
    ['AT_TIMESTAMP: the run\'s moment in the default pattern', copyJob('source.init.position: AT_TIMESTAMP, source.init.timestamp: 3s'), "'source.init.timestamp' = '2026-01-01T00:00:03.000Z'"],
    ['LATEST with checkpointing', copyJob('', '\nexecution.checkpointing.interval: 1s'), "'source.init.position' = 'LATEST'"],
    ['polling knobs away from their defaults', copyJob('source.shard.discovery.interval: 5s, source.shard.get-records.max-record-count: 200, source.reader.empty-records-fetch-interval: 1s'), "'source.shard.discovery.interval' = '5 s',\n  'source.shard.get-records.max-record-count' = '200',\n  'source.reader.empty-records-fetch-interval' = '1 s'"],
    ['a window over event time, an idle shard let go', windowJob('source.init.position: TRIM_HORIZON, idleness: 2s'), "'scan.watermark.idle-timeout' = '2 s',\n  'format' = 'json',\n  'json.timestamp-format.standard' = 'ISO-8601'"],
  ])('%s', { timeout: 60_000 }, (_, flink, option) => {
    const text = pipeline({ flink });
    const bundle = bundleOf({ kind: 'spec', spec: specOf(text) });
    expect(bundle.get('flink/job.sql')).toContain(option);
    roundTrips(bundle, writeSpec(text));
  });

  it('two shards, a partition key field, KPL settings and a reshard: template, output and world.yaml', { timeout: 60_000 }, () => {
    const text = pipeline({
      flink: copyJob('source.init.position: TRIM_HORIZON', '\nexecution.checkpointing.interval: 1s'),
      stream: 'ShardCount: 2, RetentionPeriodHours: 48, reshards: [{ at: 4s, UpdateShardCount: { TargetShardCount: 4 } }]',
      output: 'event_partition_keys: [status], max_pending_records: 200, record_ttl: 10000',
      faults: '',
    });
    const bundle = bundleOf({ kind: 'spec', spec: specOf(text) });
    expect(bundle.get('aws/template.yaml')).toContain('ShardCount: 2');
    expect(bundle.get('aws/template.yaml')).toContain('RetentionPeriodHours: 48');
    expect(bundle.get('logstash/pipeline/main.conf')).toContain('event_partition_keys => ["status"]\n    max_pending_records => 200\n    record_ttl => 10000');
    expect(parse(bundle.get('world.yaml')!)).toMatchObject({ reshards: [{ at: '4s', run: 'aws kinesis update-shard-count --stream-name logs --target-shard-count 4 --scaling-type UNIFORM_SCALING' }] });
    // The runbook of the bundle says when to type it, in both languages.
    for (const [file, heading] of [['FAULTS.md', '## Reshards'], ['FAULTS.ko.md', '## 리샤딩']] as const) {
      expect(bundle.get(file)).toContain(heading);
      expect(bundle.get(file)).toContain('- **t = 4s**:\n\n  ```sh\n  aws kinesis update-shard-count --stream-name logs --target-shard-count 4 --scaling-type UNIFORM_SCALING --region us-east-1\n  ```');
    }
    roundTrips(bundle, writeSpec(text));
  });

  it('an on-demand stream is written without ShardCount (AWS sizes it)', { timeout: 60_000 }, () => {
    const text = pipeline({ flink: copyJob('source.init.position: TRIM_HORIZON'), stream: 'StreamModeDetails: { StreamMode: ON_DEMAND }', faults: '' });
    const bundle = bundleOf({ kind: 'spec', spec: specOf(text) });
    expect(bundle.get('aws/template.yaml')).not.toContain('ShardCount');
    expect(bundle.get('aws/template.yaml')).toContain('StreamMode: ON_DEMAND');
    roundTrips(bundle, writeSpec(text));
  });
});

describe('what the real files cannot say is refused, in English and Korean', () => {
  const refusals = (text: string) => {
    const b = exportBundle({ kind: 'spec', spec: specOf(text) });
    expect(b.ok).toBe(false);
    return b.ok ? [] : b.refusals;
  };

  it.each([
    ['AT_TIMESTAMP without a timestamp', pipeline({ flink: copyJob('source.init.position: AT_TIMESTAMP') }), 'nodes.flink.source.source.init.timestamp', "needs 'source.init.timestamp'"],
    ['a stream node not named after its stream', pipeline({ flink: copyJob(''), stream: 'Name: raw-logs' }), 'nodes.logs.Name', 'rename `logs` to `raw-logs`'],
    ['a kinesis output in another region than the stack', pipeline({ flink: copyJob(''), output: 'region: eu-west-1' }), 'nodes.logstash.output.kinesis.region', 'a kinesis output in eu-west-1 would not find `logs` there'],
    ['a kinesis output naming another stream', pipeline({ flink: copyJob(''), output: 'stream_name: other' }), 'nodes.logstash.output.kinesis.stream_name', '`other` is not the stream of node `logs`'],
    [
      'a later version of a Kinesis-sourced job',
      pipeline({ flink: `${windowJob('')}\nversions: { v2: { key-by: status, window: { type: tumbling, size: 4s }, watermark: { max-out-of-orderness: 500ms } } }\ndeploy: [{ at: 5s, version: v2 }]` }),
      'nodes.flink.deploy',
      'of a job that reads Kafka',
    ],
  ])('%s', (_, text, path, en) => {
    const found = refusals(text).find((r) => r.path === path);
    expect(found, JSON.stringify(refusals(text))).toBeDefined();
    expect(found!.en).toContain(en);
    expect(found!.ko).toMatch(/[가-힣]/);
    // The page's catalogue renders the English sentence in Korean too (simulator/i18n/messages/export-kinesis.ts).
    expect(simCatalogue.translate(found!.en)).toBe(found!.ko);
  });

  it('what reads a stream outside Flink is still refused: a KCL application', () => {
    const text = pipeline({ flink: copyJob('') }).replace('  es: { type: elasticsearch }', '  indexer: { type: kinesis-consumer, source: { node: logs }, output: { elasticsearch: { node: es, index: kcl } } }\n  es: { type: elasticsearch }');
    expect(refusals(text).map((r) => r.path)).toContain('nodes.indexer');
  });
});
