/**
 * Export of Lambda/Kappa layers: a `type: batch` node becomes an Airflow DAG + Spark SQL job, a
 * `type: serving` node a serving.yaml; each compiles back to the same node (the writer's own
 * self-check), runs to the same --json, and passes `sim check`. What the files cannot say is refused
 * in English and Korean.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSpec } from '../../../simulator/spec/index.js';
import { readYaml, validateData } from '../../../simulator/spec/parse.js';
import type { PipelineSpec } from '../../../simulator/spec/schema/pipeline.js';
import { specToWorkspace } from '../../../simulator/export/spec-to-workspace.js';
import { writeBatch } from '../../../simulator/export/write-batch.js';
import { writeServingYaml } from '../../../simulator/export/write-serving.js';
import { hostNames } from '../../../simulator/export/hosts.js';
import type { Refusal } from '../../../simulator/export/refusal.js';
import { compileWorkspace } from '../../../simulator/config/workspace/index.js';
import { checkConfigFile } from '../../../simulator/config/workspace/check-file.js';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';

import { runJson, writeFolder } from '../../support/cli-run.js';

const ROOT = join(import.meta.dirname, '../../..');

/** A lake pipeline with one batch node; `batch` is the node's YAML body (indented under it). */
function lakeText(batch: string): string {
  return `name: lake-batch
seed: 5
duration: 90s
drain: 30s
workload: { generator: access-log, rate: 20/s, files: 1, key: status }
nodes:
  filebeat: { type: beats, output: logstash }
  logstash:
    type: logstash
    filter:
      - grok: { match: { message: "%{COMBINEDAPACHELOG}" } }
      - date: { match: [ "timestamp", "dd/MMM/yyyy:HH:mm:ss Z" ] }
    output:
      s3: { node: s3, prefix: "raw/dt=%{+YYYY-MM-dd}/", time_file: 10s }
  batch:
    type: batch
    source: { node: s3, prefix: "raw/dt={{ ds }}/" }
${batch.replace(/^/gm, '    ')}
  s3: { type: s3 }
`;
}

function lakeSpec(batch: string): PipelineSpec {
  const text = lakeText(batch);
  const parsed = parseSpec(text, 'lake-batch.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors[0]));
  return parsed.spec;
}

function exported(spec: PipelineSpec): Map<string, string> {
  const written = specToWorkspace(spec);
  if (!written.ok) throw new Error(JSON.stringify(written.refusals));
  return written.value;
}

function refusals(spec: PipelineSpec): Refusal[] {
  const written = specToWorkspace(spec);
  expect(written.ok).toBe(false);
  return written.ok ? [] : written.refusals;
}

function expectChecked(files: ReadonlyMap<string, string>) {
  for (const [path, text] of files) {
    const problems = checkConfigFile(path, text) ?? [];
    expect(problems.filter((p) => p.severity === 'error'), path).toEqual([]);
  }
}



describe('a batch node as an Airflow DAG and a Spark SQL job', () => {
  it('schedule, catchup, retries and an overwritten day partition round-trip and run to the same --json', () => {
    const body = `schedule: { dag-id: lake_daily, task-id: build_view, interval: 30s, start: 1m, catchup: true, max-active-runs: 1, retries: 2, retry-delay: 5s }
write: { mode: overwrite, partition: "dt={{ ds }}" }
throughput: 2000/s
job: { key-by: status, window: { type: tumbling, size: 10s }, aggregate: count }`;
    const files = exported(lakeSpec(body));
    const dag = files.get('batch/dags/batch_view.py')!;
    expect(dag).toContain('dag_id="lake_daily"');
    expect(dag).toContain('schedule=timedelta(seconds=30)');
    expect(dag).toContain('start_date=datetime(2026, 1, 1, 0, 1)');
    expect(dag).toContain('catchup=True');
    expect(dag).toContain('max_active_runs=1');
    expect(dag).toContain('task_id="build_view"');
    expect(dag).toContain('num_executors=20');
    expect(dag).toContain('retries=2');
    expect(dag).toContain('retry_delay=timedelta(seconds=5)');
    const sql = files.get('batch/jobs/batch_view.sql')!;
    expect(sql).toContain("INSERT OVERWRITE TABLE batch_view PARTITION (dt = '{{ ds }}')");
    expect(sql).toContain("PARTITIONED BY (dt) LOCATION 's3a://pipeline-lab/raw/'");
    expect(sql).toContain("WHERE dt = '{{ ds }}'");
    expect(sql).toContain("GROUP BY window(`@timestamp`, '10 seconds'), status;");
    expectChecked(files);
    const original = join(writeFolder(new Map([['pipeline.yaml', lakeText(body)]])), 'pipeline.yaml');
    const run = runJson(original);
    expect(run).toContain('committed');
    expect(runJson(writeFolder(files, 'export-batch-'))).toBe(run);
  });

  it('a sensor before the job (TimeDeltaSensor, S3KeySensor with wildcard_match) is written out, compiles back to the same node and runs to the same --json', () => {
    const timeDelta = `schedule: { dag-id: lake_daily, task-id: build_view, interval: 30s, max-active-runs: 1, sensor: { task-id: wait_for_late_lines, kind: time-delta, delta: 20s, poke-interval: 5s, timeout: 10m, reschedule: true } }
write: { mode: overwrite, partition: "dt={{ ds }}" }
throughput: 2000/s
job: { key-by: status, window: { type: tumbling, size: 10s }, aggregate: count }`;
    const files = exported(lakeSpec(timeDelta));
    const dag = files.get('batch/dags/batch_view.py')!;
    expect(dag).toContain('from airflow.providers.standard.sensors.time_delta import TimeDeltaSensor');
    expect(dag).toContain('    wait = TimeDeltaSensor(\n        task_id="wait_for_late_lines",\n        delta=timedelta(seconds=20),\n        poke_interval=timedelta(seconds=5),\n        timeout=timedelta(minutes=10),\n        mode="reschedule",\n    )');
    expect(dag).toContain('    wait >> view');
    expectChecked(files);
    const original = join(writeFolder(new Map([['pipeline.yaml', lakeText(timeDelta)]])), 'pipeline.yaml');
    expect(runJson(writeFolder(files, 'export-batch-'))).toBe(runJson(original));

    const s3Key = exported(lakeSpec(timeDelta.replace('kind: time-delta, delta: 20s', 'kind: s3-key, key: "raw/dt={{ ds }}/*", wildcard-match: true, retries: 1')));
    const s3Dag = s3Key.get('batch/dags/batch_view.py')!;
    expect(s3Dag).toContain('from airflow.providers.amazon.aws.sensors.s3 import S3KeySensor');
    expect(s3Dag).toContain('bucket_key="s3://pipeline-lab/raw/dt={{ ds }}/*",\n        wildcard_match=True,');
    expect(s3Dag).toContain('retries=1,');
    expectChecked(s3Key);
  });

  it('append (INSERT INTO), an unpartitioned view, the Airflow defaults and a sliding sum with a WHERE round-trip', () => {
    const appended = exported(lakeSpec(`schedule: { dag-id: batch, interval: 1m }
write: { mode: append, partition: "dt={{ ds }}" }
job: { key-by: status, window: { type: tumbling, size: 1m }, aggregate: count }`));
    const dag = appended.get('batch/dags/batch_view.py')!;
    expect(dag).toContain('catchup=False');
    expect(dag).not.toContain('retries=');
    expect(dag).not.toContain('max_active_runs');
    expect(dag).toContain('num_executors=1000');
    expect(appended.get('batch/jobs/batch_view.sql')).toContain("INSERT INTO batch_view PARTITION (dt = '{{ ds }}')");
    expectChecked(appended);

    // No `write`, no task-id: the files say the simulator's defaults (overwrite of the whole view, task spark_job).
    const plain = exported(lakeSpec(`schedule: { dag-id: views, interval: 20s }
throughput: 300/s
job: { where: '[status] != "404" and [bytes] > 100', key-by: status, window: { type: sliding, size: 20s, slide: 10s }, aggregate: sum:bytes }`));
    const sql = plain.get('batch/jobs/batch_view.sql')!;
    expect(sql).toContain("INSERT OVERWRITE TABLE batch_view\n");
    expect(sql).toContain("WHERE dt = '{{ ds }}' AND status <> '404' AND bytes > 100");
    expect(sql).toContain("window(`@timestamp`, '20 seconds', '10 seconds')");
    expect(sql).toContain('sum(bytes)');
    expect(plain.get('batch/dags/batch_view.py')).toContain('task_id="spark_job"');
    expectChecked(plain);

    const distinct = exported(lakeSpec(`schedule: { dag-id: batch, interval: 20s }
job: { key-by: status, window: { type: tumbling, size: 10s }, aggregate: count, dedupe: { field: "@metadata._id" } }`));
    expect(distinct.get('batch/jobs/batch_view.sql')).toContain('count(DISTINCT `@metadata._id`)');
  });

  it('a later version is jobs/<table>-<version>.sql, put live by a world.yaml deploy, and runs to the same --json', () => {
    const body = `schedule: { interval: 30s }
job: { where: '[status] != "500"', key-by: status, window: { type: tumbling, size: 10s }, aggregate: count }
versions: { v2: { key-by: status, window: { type: tumbling, size: 10s }, aggregate: count } }
deploy: [ { at: 40s, version: v2 } ]`;
    const files = exported(lakeSpec(body));
    expect(files.get('batch/jobs/batch_view.sql')).toContain("status <> '500'");
    expect(files.get('batch/jobs/batch_view-v2.sql')).not.toContain("'500'");
    expect(files.get('batch/jobs/batch_view-v2.sql')).toContain('INSERT OVERWRITE TABLE batch_view');
    expect(files.get('world.yaml')).toMatch(/deploys:\n {2}- at: 40s\n {4}file: batch\/jobs\/batch_view-v2\.sql\n/);
    expectChecked(files);
    const run = runJson(join(writeFolder(new Map([['pipeline.yaml', lakeText(body)]])), 'pipeline.yaml'));
    expect(runJson(writeFolder(files, 'export-batch-'))).toBe(run);
  });

  it('refuses, in both languages, what no Airflow or Spark file says', () => {
    const cases: [string, string, RegExp][] = [
      ['every: 30s\njob: { key-by: status, window: { type: tumbling, size: 10s } }', 'nodes.batch.every', /fixed timer/],
      ['schedule: { dag-id: batch, interval: 30s }\ncut-off-margin: 5s\njob: { key-by: status, window: { type: tumbling, size: 10s } }', 'nodes.batch.cut-off-margin', /trust/],
      ['schedule: { interval: 30s }\njob: { key-by: status, window: { type: tumbling, size: 10s } }\nversions: { v2: { key-by: status, window: { type: tumbling, size: 10s } } }', 'nodes.batch.versions.v2', /deployed 0 times/],
      ['schedule: { interval: 30s }\njob: { key-by: status, window: { type: tumbling, size: 10s } }\nversions: { v2: { key-by: status, window: { type: tumbling, size: 10s } } }\ndeploy: [ { at: 20s, version: v2, mode: reprocess } ]', 'nodes.batch.deploy.0', /only a time/],
      ['schedule: { interval: 30s }\njob: { key-by: status, window: { type: tumbling, size: 10s } }\nversions: { v2: { key-by: status, window: { type: session, gap: 10s } } }\ndeploy: [ { at: 20s, version: v2 } ]', 'nodes.batch.versions.v2.window', /session/],
      ['schedule: { dag-id: batch, interval: 30s }\nthroughput: 250/s\njob: { key-by: status, window: { type: tumbling, size: 10s } }', 'nodes.batch.throughput', /multiple of 100/],
      ['schedule: { dag-id: batch, interval: 30s, start: 5s }\njob: { key-by: status, window: { type: tumbling, size: 10s } }', 'nodes.batch.schedule.start', /whole minute/],
      ['schedule: { dag-id: batch, interval: 30s }\njob: { key-by: status, window: { type: session, gap: 10s } }', 'nodes.batch.job.window', /session/],
      ['schedule: { dag-id: batch, interval: 30s }\njob: { key-by: status, window: { type: tumbling, size: 10s }, allowed-lateness: 5s }', 'nodes.batch.job.allowed-lateness', /stream job/],
      ['schedule: { dag-id: batch, interval: 30s }\njob: { where: \'[status] == "500" or [status] == "503"\', key-by: status, window: { type: tumbling, size: 10s } }', 'nodes.batch.job.where', /joined by `and`/],
      ['schedule: { dag-id: batch, interval: 30s }\nwrite: { mode: overwrite, partition: "{{ ds }}" }\njob: { key-by: status, window: { type: tumbling, size: 10s } }', 'nodes.batch.write.partition', /name = 'value'/],
    ];
    for (const [body, path, en] of cases) {
      const r = refusals(lakeSpec(body)).find((x) => x.path === path);
      expect(r, `${path} for\n${body}`).toBeDefined();
      expect(r!.en).toMatch(en);
      expect(r!.ko).toMatch(/[가-힣]/);
    }
    // A batch node not named `batch` must name its DAG: the simulator's two defaults would disagree.
    const renamed = lakeSpec('schedule: { interval: 30s }\njob: { key-by: status, window: { type: tumbling, size: 10s } }');
    const { batch, ...rest } = renamed.nodes;
    const nightly = { ...renamed, nodes: { ...rest, nightly: batch!, s3: rest.s3! } } as PipelineSpec;
    expect(refusals(nightly).map((r) => r.path)).toContain('nodes.nightly.schedule.dag-id');
    // The object store is always `s3` in real files.
    const lake = { ...renamed, nodes: Object.fromEntries(Object.entries(renamed.nodes).map(([id, n]) => [id === 's3' ? 'lake' : id, n])) } as PipelineSpec;
    expect(refusals(lake)[0]!.en).toContain('always called `s3`');
  });
});

/** Every lesson workspace with a batch or serving layer: its own files → spec; the writers' files in their place → the same spec. */
function lessonWorkspaces(): { name: string; files: Map<string, string> }[] {
  const out: { name: string; files: Map<string, string> }[] = [];
  for (const lesson of readdirSync(join(ROOT, 'lessons')).sort()) {
    const dir = join(ROOT, 'lessons', lesson, 'exercises');
    if (!existsSync(dir)) continue;
    for (const ex of readdirSync(dir).sort()) {
      const base = join(dir, ex);
      if (!existsSync(join(base, 'starter/world.yaml'))) continue;
      const files = new Map([...readWorkspaceFolder(join(base, 'starter')), ...readWorkspaceFolder(join(base, 'solution'))]);
      if ([...files.keys()].some((p) => /\/(serving\.yaml|dags\/[^/]+\.py)$/.test(p))) out.push({ name: `${lesson}/${ex}`, files });
    }
  }
  return out;
}

describe('the writers invert the compiler on every lesson workspace with a Lambda or Kappa layer', () => {
  const workspaces = lessonWorkspaces();
  it('finds them', () => expect(workspaces.length).toBeGreaterThanOrEqual(8));
  for (const { name, files } of workspaces) {
    it(name, () => {
      const compiled = compileWorkspace(files);
      expect(compiled.ok).toBe(true);
      if (!compiled.ok) return;
      const spec = compiled.spec;
      // An Airflow DAG over the orders database is the warehouse, not a batch layer.
      if (!Object.values(spec.nodes).some((n) => n.type === 'batch' || n.type === 'serving')) return;
      const hosts = hostNames(spec);
      const replaced = new Map(files);
      let swapped = 0;
      for (const [id, node] of Object.entries(spec.nodes)) {
        const problems: Refusal[] = [];
        if (node.type === 'batch') {
          const written = writeBatch(id, node, problems);
          // Versions deployed from world.yaml too: jobs/<table>-<version>.sql, the file names the lessons' deploys give.
          expect(problems).toEqual([]);
          for (const p of [...replaced.keys()]) if (p.startsWith(`${id}/dags/`) || p.startsWith(`${id}/jobs/`)) replaced.delete(p);
          for (const [p, t] of written) replaced.set(p, t);
          swapped++;
        } else if (node.type === 'serving') {
          const yaml = writeServingYaml(id, node, spec, hosts, problems);
          expect(problems).toEqual([]);
          replaced.set(`${id}/serving.yaml`, yaml!);
          swapped++;
        }
      }
      expect(swapped).toBeGreaterThan(0);
      const back = compileWorkspace(replaced);
      expect(back.ok, JSON.stringify(back.ok ? '' : back.errors[0])).toBe(true);
      if (back.ok) expect(back.spec).toEqual(spec);
      expectChecked(new Map([...replaced].filter(([p]) => !files.has(p) || files.get(p) !== replaced.get(p))));
    });
  }

  it('sample-every of a serving layer reaches its node and comes back', () => {
    const { files } = workspaces.find((w) => w.files.has('kappa/serving.yaml'))!;
    const slower = new Map(files);
    slower.set('kappa/serving.yaml', `${files.get('kappa/serving.yaml')!}sample-every: 2s\n`);
    const compiled = compileWorkspace(slower);
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    const node = compiled.spec.nodes.kappa!;
    expect(node).toMatchObject({ type: 'serving', 'sample-every': 2000 });
    const problems: Refusal[] = [];
    const yaml = writeServingYaml('kappa', node as Extract<typeof node, { type: 'serving' }>, compiled.spec, hostNames(compiled.spec), problems);
    expect(yaml).toContain('sample-every: 2s');
    expect(yaml).toMatch(/^index: http:\/\/\w+:9200\/\w+$/m);
  });

  it('cut-off-margin of a Lambda serving layer is its batch node\'s, and comes back; two services must agree on it', () => {
    const { files } = workspaces.find((w) => w.files.has('lambda/serving.yaml') && compileWorkspace(w.files).ok)!;
    const careful = new Map(files);
    careful.set('lambda/serving.yaml', `${files.get('lambda/serving.yaml')!}cut-off-margin: 5s\n`);
    const compiled = compileWorkspace(careful);
    expect(compiled.ok, JSON.stringify(compiled.ok ? '' : compiled.errors[0])).toBe(true);
    if (!compiled.ok) return;
    const lambda = compiled.spec.nodes.lambda as Extract<PipelineSpec['nodes'][string], { type: 'serving' }>;
    expect(compiled.spec.nodes[lambda.batch!]).toMatchObject({ type: 'batch', 'cut-off-margin': 5000 });
    const problems: Refusal[] = [];
    expect(writeServingYaml('lambda', lambda, compiled.spec, hostNames(compiled.spec), problems)).toContain('\ncut-off-margin: 5s\n');
    expect(problems).toEqual([]);
    // A second query service over the same batch view with another margin: one batch node cannot hold both.
    const twoMargins = new Map(careful);
    twoMargins.set('lambda2/serving.yaml', `${files.get('lambda/serving.yaml')!}cut-off-margin: 2s\n`);
    const refused = compileWorkspace(twoMargins);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors.map((e) => `${e.file}: ${e.message}`).join('\n')).toMatch(/lambda2\/serving\.yaml: `\w+` is read with another cut-off-margin in lambda\/serving\.yaml/);
    // Not a duration: refused at the value.
    const garbled = new Map(files);
    garbled.set('lambda/serving.yaml', `${files.get('lambda/serving.yaml')!}cut-off-margin: soon\n`);
    expect(compileWorkspace(garbled).ok).toBe(false);
  });

  it('refuses a serving layer whose views no real file can name, in both languages', () => {
    const { files } = workspaces.find((w) => w.files.has('lambda/serving.yaml') && compileWorkspace(w.files).ok)!;
    const compiled = compileWorkspace(files);
    if (!compiled.ok) throw new Error('compiles');
    const spec = compiled.spec;
    const problems: Refusal[] = [];
    expect(writeServingYaml('lambda', { type: 'serving', architecture: 'lambda', batch: 'es', speed: 'es', 'sample-every': 1000 }, spec, hostNames(spec), problems)).toBeUndefined();
    expect(problems.map((p) => p.path)).toEqual(['nodes.lambda.speed', 'nodes.lambda.batch']);
    for (const p of problems) expect(p.ko).toMatch(/[가-힣]/);
  });
});

/** Batch nodes in the writer's range: every schedule, write, source layout and job shape Spark's files say. */
describe('generated batch nodes', () => {
  const batchArb = fc.record({
    interval: fc.constantFrom('20s', '1m', '90s', '1h', '1d'),
    start: fc.integer({ min: 0, max: 90 }),
    catchup: fc.boolean(),
    maxActive: fc.integer({ min: 1, max: 16 }),
    retries: fc.integer({ min: 0, max: 3 }),
    retryDelay: fc.constantFrom('5s', '300s', '1500ms'),
    mode: fc.constantFrom('overwrite', 'append'),
    partition: fc.constantFrom('dt={{ ds }}', '', 'day={{ ds_nodash }}'),
    prefix: fc.constantFrom('raw/', 'raw/dt={{ ds }}/', '', 'lake/raw/dt={{ ds }}/hour=00/'),
    throughput: fc.integer({ min: 1, max: 2000 }).map((n) => n * 100),
    window: fc.constantFrom({ type: 'tumbling', size: '10s' }, { type: 'sliding', size: '1m', slide: '20s' }, { type: 'tumbling', size: '1h' }),
    aggregate: fc.constantFrom('count', 'sum:bytes', 'avg:bytes'),
    key: fc.constantFrom('status', 'verb', '@metadata.host'),
    where: fc.option(fc.constantFrom('[status] != "404"', '[bytes] > 100 and [verb] == "GET"', '[status] >= 500'), { nil: undefined }),
    dedupe: fc.boolean(),
  });
  it('export and compile back to the same node, and every file passes check', () => {
    let exportedCount = 0;
    fc.assert(
      fc.property(batchArb, (b) => {
        const job: Record<string, unknown> = { 'key-by': b.key, window: b.window, aggregate: b.aggregate };
        if (b.where !== undefined) job.where = b.where;
        if (b.dedupe && b.aggregate === 'count') job.dedupe = { field: '@metadata._id' };
        const data = {
          name: 'generated-batch', duration: '5s', drain: '5s',
          workload: { rate: '10/s', files: 1 },
          nodes: {
            filebeat: { type: 'beats', output: 'logstash' },
            logstash: { type: 'logstash', output: { s3: { node: 's3', prefix: 'raw/', time_file: '1m' } } },
            batch: {
              type: 'batch',
              source: { node: 's3', prefix: b.prefix },
              schedule: { 'dag-id': 'generated', interval: b.interval, start: `${b.start}m`, catchup: b.catchup, 'max-active-runs': b.maxActive, retries: b.retries, 'retry-delay': b.retryDelay },
              write: { mode: b.mode, partition: b.partition },
              throughput: `${b.throughput}/s`,
              job,
            },
            s3: { type: 's3' },
          },
        };
        const read = readYaml(JSON.stringify(data), 'generated.yaml');
        if (!read.ok) throw new Error('unreadable');
        const parsed = validateData(data, read.map);
        if (!parsed.ok) return;
        const written = specToWorkspace(parsed.spec);
        expect(written.ok, written.ok ? '' : JSON.stringify(written.refusals)).toBe(true);
        if (written.ok) expectChecked(written.value);
        exportedCount++;
      }),
      { numRuns: 80, seed: 19 },
    );
    expect(exportedCount).toBeGreaterThan(60);
  });
});
