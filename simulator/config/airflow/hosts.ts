/**
 * The Lambda/Kappa parts of a workspace: Airflow hosts (`<host>/dags/*.py` + `<host>/jobs/*.sql`) become
 * internal `type: batch` nodes named after the host, and `<host>/serving.yaml` a `type: serving` node.
 * A batch job reads the object store (node `s3`, whatever its bucket, as Flink's filesystem tables do).
 */
import type { SpecIssue } from '../../spec/issues.js';
import type { HostPort } from '../shared/hosts.js';
import type { Loc } from '../logstash/ast.js';
import { Problems } from '../shared/issues.js';
import { checkDagFile } from './dag-file.js';
import { checkSparkSql } from '../spark/job-sql.js';
import { readServingYaml } from '../serving/serving-yaml.js';
import { formatDuration } from '../../spec/units.js';
import type { Host, Role } from '../workspace/layout.js';

type Resolve = (hp: HostPort, role: Role, p: Problems, loc: Loc) => string | undefined;

export interface BatchHosts {
  nodes: Record<string, Record<string, unknown>>;
  files: Map<string, string>;
  /** Spark table name → the batch node that writes it. */
  tables: Map<string, string>;
  /** Batch node → the SQL file its DAG runs. */
  sqlFiles: Map<string, string>;
}

export function compileBatchHosts(hosts: Host[], files: ReadonlyMap<string, string>, name: (path: string) => string, issues: SpecIssue[]): BatchHosts {
  const out: BatchHosts = { nodes: {}, files: new Map(), tables: new Map(), sqlFiles: new Map() };
  for (const host of hosts) {
    const dags = host.files.filter((f) => /^[^/]+\/dags\/[^/]+\.py$/.test(f));
    const sqlFiles = host.files.filter((f) => /\.(sql|hql)$/.test(f));
    if (dags.length !== 1) {
      issues.push({ severity: 'error', file: name(dags[1] ?? `${host.name}/dags`), line: 1, column: 1, path: '', message: dags.length === 0 ? `${host.name} has Spark jobs but no DAG runs them` : `the simulator runs one DAG per Airflow host; ${host.name} has ${dags.length}`, hint: `write ${host.name}/dags/<name>.py` });
      for (const f of sqlFiles) issues.push(...checkSparkSql(files.get(f)!, name(f)).problems.list);
      continue;
    }
    const dagPath = dags[0]!;
    const dag = checkDagFile(files.get(dagPath)!, dagPath, name(dagPath), (p) => files.has(p));
    issues.push(...dag.problems.list);
    const used = dag.compiled?.sqlPath;
    for (const f of sqlFiles) {
      const checked = checkSparkSql(files.get(f)!, name(f));
      issues.push(...checked.problems.list);
      if (f !== used) {
        // A later version (`<name>-<version>.sql`) is run from its deploy on (world.yaml `deploys`).
        if (dag.compiled && !(used && f.startsWith(used.replace(/\.(sql|hql)$/, '-')))) issues.push({ severity: 'warning', file: name(f), line: 1, column: 1, path: '', message: `no task of ${name(dagPath)} runs this job` });
        continue;
      }
      const job = checked.job;
      if (!job || !dag.compiled) continue;
      const node: Record<string, unknown> = {
        type: 'batch',
        source: { node: 's3', prefix: job.sourcePrefix },
        schedule: { 'dag-id': dag.compiled.dagId, 'task-id': dag.compiled.taskId, ...dag.compiled.schedule },
        write: { mode: job.mode, partition: job.partition },
        throughput: dag.compiled.throughput,
        job: job.job,
      };
      out.nodes[host.name] = node;
      out.files.set(host.name, name(f));
      out.tables.set(job.target.name, host.name);
      out.sqlFiles.set(host.name, f);
    }
  }
  return out;
}

/**
 * Serving hosts: the batch view must be a table some DAG writes, the index one a Flink job writes.
 * A Lambda query service's `cut-off-margin` goes to the batch node it reads (`batchNodes`): the
 * simulator keeps one margin per batch view, so two services reading it must agree.
 */
export function compileServingHosts(hosts: Host[], files: ReadonlyMap<string, string>, name: (path: string) => string, resolve: Resolve, tables: ReadonlyMap<string, string>, flinkNodes: Record<string, Record<string, unknown>>, batchNodes: Record<string, Record<string, unknown>>, issues: SpecIssue[]): { nodes: Record<string, Record<string, unknown>>; files: Map<string, string> } {
  const out = { nodes: {} as Record<string, Record<string, unknown>>, files: new Map<string, string>() };
  const marginSetBy = new Map<string, { host: string; ms: number }>();
  const writerOf = (es: string, index: string): string | undefined =>
    Object.entries(flinkNodes).find(([, n]) => {
      const sink = (n.sink as { elasticsearch?: { node: string; index: string } } | undefined)?.elasticsearch;
      return sink?.node === es && sink.index === index;
    })?.[0];
  for (const host of hosts) {
    const path = `${host.name}/serving.yaml`;
    const p = new Problems(name(path));
    const s = readServingYaml(files.get(path)!, p);
    if (s) {
      const view = s.architecture === 'lambda' ? s.realtime! : s.index!;
      const viewLoc = s.architecture === 'lambda' ? s.realtimeLoc! : s.loc;
      const es = resolve({ host: view.host, port: 9200, text: `${view.host}/${view.index}` }, 'elasticsearch', p, viewLoc);
      const speed = es ? writerOf(es, view.index) : undefined;
      if (es && !speed) p.error(viewLoc, `no Flink job writes the index \`${view.index}\` on ${es}`, `indexes Flink jobs write: ${Object.values(flinkNodes).map((n) => (n.sink as { elasticsearch?: { index: string } }).elasticsearch?.index).filter(Boolean).join(', ') || 'none'}`);
      const sampling = s.sampleEvery !== undefined ? { 'sample-every': s.sampleEvery } : {};
      if (s.architecture === 'lambda') {
        const batch = tables.get(s.batchView!);
        if (!batch) p.error(s.loc, `no DAG's Spark job writes the table \`${s.batchView}\``, `tables written: ${[...tables.keys()].join(', ') || 'none'}`);
        const margin = s.cutOffMargin;
        const earlier = batch ? marginSetBy.get(batch) : undefined;
        if (batch && margin && earlier && earlier.ms !== margin.ms) p.error(margin.loc, `\`${s.batchView}\` is read with another cut-off-margin in ${earlier.host}/serving.yaml: the simulator keeps one margin per batch view`, `cut-off-margin: ${formatDuration(earlier.ms)}`);
        else if (batch && margin && batchNodes[batch]) {
          batchNodes[batch]['cut-off-margin'] = margin.ms;
          marginSetBy.set(batch, { host: host.name, ms: margin.ms });
        }
        if (batch && speed) out.nodes[host.name] = { type: 'serving', architecture: 'lambda', batch, speed, ...sampling };
      } else if (speed) out.nodes[host.name] = { type: 'serving', architecture: 'kappa', speed, ...sampling };
      out.files.set(host.name, name(path));
    }
    issues.push(...p.list);
  }
  return out;
}
