/**
 * `deploys:` in world.yaml — when the operators put a new version of a job live (the simulated world's
 * clock; what the new version does is in its own real file):
 *
 *   deploys:
 *     - { at: 30s, file: stream/job-v2.sql }            # a Flink job's next version
 *     - { at: 30s, file: batch/jobs/batch_view-v2.sql }  # the Spark job a DAG runs from now on
 *
 * The version's name is the file name's last `-` part (`job-v2.sql` → `v2`). For a Flink job how the
 * version goes live follows from its file, as in production:
 * - the same `properties.group.id` and `index`, not reading from `earliest-offset`: stop with a
 *   savepoint and start the new code from it — **in place**: windows already written stay as they were;
 *   a `SET 'parallelism.default' = 'N';` line in the version's file restores that savepoint with N subtasks
 *   (`flink run -s <savepoint> -p N`): a rescale, its key groups spread over the new subtasks;
 * - a new index `<index>-<version>` filled from `'scan.startup.mode' = 'earliest-offset'` (with its own
 *   group id): a **replay** of the retained topic (Kappa). Readers move to the new index — the alias
 *   swap, `POST _aliases` — once it has caught up (consumer lag 0); the old job is then stopped.
 * For the batch layer a version is the SQL file the DAG's task runs: every try that starts after `at`
 * runs the new file over its whole partition.
 */
import type { SpecIssue } from '../../spec/issues.js';
import { parseDuration } from '../../spec/units.js';
import type { SourceMap } from '../../spec/parse.js';
import { checkFlinkSql, compileFlinkConfig, type FlinkConfig } from '../flink/index.js';
import { checkSparkSql } from '../spark/job-sql.js';

export interface Deploy {
  at: number;
  file: string;
  index: number;
}

type Nodes = Record<string, Record<string, unknown>>;

/** Reads and checks `deploys:`; problems point into world.yaml. */
export function readDeploys(data: Record<string, unknown>, map: SourceMap, files: ReadonlyMap<string, string>, issues: SpecIssue[]): Deploy[] {
  const raw = data['deploys'];
  if (raw === undefined) return [];
  const err = (path: (string | number)[], message: string, hint?: string) => issues.push({ severity: 'error', file: map.file, ...map.locate(path), path: path.join('.'), message, ...(hint ? { hint } : {}) });
  if (!Array.isArray(raw)) {
    err(['deploys'], '`deploys` is a list of { at, file }', '- { at: 30s, file: stream/job-v2.sql }');
    return [];
  }
  const out: Deploy[] = [];
  raw.forEach((d: unknown, i) => {
    if (d === null || typeof d !== 'object' || Array.isArray(d)) return err(['deploys', i], 'a deploy is { at, file }');
    const { at, file, ...rest } = d as Record<string, unknown>;
    for (const k of Object.keys(rest)) err(['deploys', i, k], `unknown key \`${k}\` in a deploy`, 'a deploy is { at, file }');
    const ms = parseDuration(at);
    if (typeof ms === 'string') return err(['deploys', i, 'at'], ms);
    if (typeof file !== 'string' || !files.has(file)) return err(['deploys', i, 'file'], `no file ${String(file)} in the workspace`, 'name the new version\'s file, e.g. stream/job-v2.sql');
    if (!/-[\w]+\.sql$/.test(file)) return err(['deploys', i, 'file'], `${file}: name a version's file <name>-<version>.sql (e.g. job-v2.sql)`);
    out.push({ at: ms, file, index: i });
  });
  return out;
}

/** The version name of a file: `stream/job-v2.sql` → `v2`. */
export const versionOf = (file: string): string => /-([\w]+)\.sql$/.exec(file)![1]!;

/** Adds each deploy's version and `deploy` entry to the node it belongs to. */
export function applyDeploys(deploys: readonly Deploy[], files: ReadonlyMap<string, string>, name: (path: string) => string, map: SourceMap, flink: Nodes, batch: Nodes, batchSql: ReadonlyMap<string, string>, issues: SpecIssue[]): void {
  const err = (d: Deploy, message: string, hint?: string) => issues.push({ severity: 'error', file: map.file, ...map.locate(['deploys', d.index, 'file']), path: `deploys.${d.index}.file`, message, ...(hint ? { hint } : {}) });
  for (const d of deploys) {
    const host = d.file.split('/')[0]!;
    const version = versionOf(d.file);
    const add = (node: Record<string, unknown>, job: Record<string, unknown>, deploy: Record<string, unknown>) => {
      node.versions = { ...((node.versions as Record<string, unknown>) ?? {}), [version]: job };
      node.deploy = [...((node.deploy as unknown[]) ?? []), deploy];
    };
    const f = flink[host];
    if (f && /^[^/]+\/job-[\w]+\.sql$/.test(d.file)) {
      // The version's own SET lines (e.g. SET 'parallelism.default' = '4') are its run options: `flink run -p`.
      const versionConfig: FlinkConfig = new Map();
      const checked = checkFlinkSql(files.get(d.file)!, name(d.file), versionConfig);
      const parallelism = compileFlinkConfig(versionConfig)['parallelism.default'];
      issues.push(...checked.problems.list);
      const job = checked.compiled;
      if (!job) continue;
      if (!job.job) {
        err(d, `${d.file} does not aggregate: the simulator deploys versions of a windowed job`);
        continue;
      }
      const v1Source = f.source as Record<string, unknown>;
      const v1Index = (f.sink as { elasticsearch?: { index: string } }).elasticsearch?.index;
      const index = job.sink.kind === 'elasticsearch' ? job.sink.spec.index : undefined;
      const p = checked.problems;
      if (job.source.kind !== 'kafka' || v1Source.connector === 'kinesis') {
        err(d, 'versions are simulated for jobs that read a Kafka topic');
        continue;
      }
      if (job.source.topic !== v1Source.topic) p.error(job.source.topicLoc, `the new version reads '${job.source.topic}', the running job '${String(v1Source.topic)}': a version of a job reads the same topic`);
      if (v1Index === undefined || index === undefined) {
        err(d, 'versions are simulated for jobs that write an elasticsearch-7 index');
        continue;
      }
      const earliest = job.source.spec['starting-offsets'] === 'earliest';
      const sameGroup = job.source.spec['group.id'] === v1Source['group.id'];
      let mode: 'in-place' | 'reprocess';
      if (index === v1Index && !earliest) {
        if (!sameGroup) p.warn(job.sink.kind === 'elasticsearch' ? job.sink.hostsLoc : undefined, `a new group id '${String(job.source.spec['group.id'])}' into the live index: restored from the savepoint, the job goes on from the savepoint's offsets anyway`);
        mode = 'in-place';
      } else if (index === v1Index) {
        err(d, `${d.file} replays the topic from 'earliest-offset' into the live index '${index}': readers would see history rewritten under them, window by window`, `write the replay into a new index, '${v1Index}-${version}', and swap the alias when it has caught up`);
        continue;
      } else if (index !== `${v1Index}-${version}`) {
        err(d, `${d.file} writes '${String(index)}': the simulator names a replay's index after the live one and the version`, `'index' = '${v1Index}-${version}'`);
        continue;
      } else if (!earliest) {
        err(d, `${d.file} fills the new index '${index}' without reading from 'earliest-offset': it would hold only what arrives from now on, and the alias swap would drop all history`, "'scan.startup.mode' = 'earliest-offset'");
        continue;
      } else {
        if (sameGroup) p.warn(undefined, `the replay shares the group id '${String(v1Source['group.id'])}' with the running job: their committed offsets overwrite each other`, `give it its own: 'properties.group.id' = '${String(v1Source['group.id'])}-${version}'`);
        mode = 'reprocess';
      }
      // A new parallelism restores the savepoint with it (a rescale); a replay starts its own job with the config's.
      add(f, job.job, { at: d.at, version, mode, ...(mode === 'in-place' && parallelism !== undefined ? { parallelism } : {}) });
      continue;
    }
    const b = batch[host];
    if (b && batchSql.get(host) && d.file.startsWith(`${host}/`) && /\.sql$/.test(d.file)) {
      // Its problems are reported with the host's other job files (airflow/hosts.ts).
      const checked = checkSparkSql(files.get(d.file)!, name(d.file));
      if (!checked.job) continue;
      const current = checkSparkSql(files.get(batchSql.get(host)!)!, name(batchSql.get(host)!)).job;
      if (current && (checked.job.target.name !== current.target.name || checked.job.sourcePrefix !== current.sourcePrefix || checked.job.mode !== current.mode || checked.job.partition !== current.partition)) {
        err(d, `${d.file} reads or writes other tables than ${batchSql.get(host)}: the simulator deploys a new query over the same tables`);
        continue;
      }
      add(b, checked.job.job, { at: d.at, version });
      continue;
    }
    err(d, `${d.file} is not a version of a Flink job (<host>/job-<version>.sql) or of a DAG's Spark job (<host>/jobs/<name>-<version>.sql)`);
  }
}
