/**
 * The orders warehouse of a workspace: an Airflow host whose Spark SQL jobs read the OLTP database over
 * JDBC (`<host>/dags/<name>.py` + `<host>/jobs/*.sql`, see config/spark/warehouse-sql.ts), and the PostgreSQL
 * host the JDBC URL names (`<db>/postgresql.conf`). They compile into the spec's `warehouse:` section; world.yaml
 * adds how the shop writes orders and when the database is down.
 *
 * The DAG is read as the batch layer's is (dag-file.ts): `DAG(schedule=…, start_date=…, catchup=…,
 * max_active_runs=…)`, SparkSqlOperator tasks whose `sql` file Jinja finds next to the DAG or in
 * `template_searchpath`, `retries` / `retry_delay`, and `>>` dependencies. Its tasks must load before they
 * build marts: a marts task that does not wait (transitively) for the load would rebuild from yesterday's fact
 * table, so it is an error here.
 */
import type { SpecIssue } from '../../spec/issues.js';
import type { HostPort } from '../shared/hosts.js';
import type { Loc } from '../logstash/ast.js';
import { Problems } from '../shared/issues.js';
import { parseDag } from '../../orchestrator/dag-parse.js';
import { BASE_PARAMS_IGNORED, BASE_PARAMS_READ, BASE_PARAMS_UNSIMULATED, SPARK_SQL_PARAMS, durationMs, findTemplate, locOfText, point, readScheduledDag } from './dag-file.js';
import { checkWarehouseSql, readsJdbc, type WarehouseTaskSql } from '../spark/warehouse-sql.js';
import { readPostgresConf } from '../postgres/conf.js';
import type { Host, Role } from '../workspace/layout.js';

type Resolve = (hp: HostPort, role: Role, p: Problems, loc: Loc) => string | undefined;

/** Whether an Airflow host is a warehouse host: one of its job files reads a database over JDBC. */
export function isWarehouseHost(host: Host, files: ReadonlyMap<string, string>): boolean {
  return host.files.some((f) => /\.(sql|hql)$/.test(f) && readsJdbc(files.get(f)!));
}

export interface CompiledWarehouse {
  /** The spec's `warehouse:` section, less what world.yaml adds (orders, db-down, until). */
  readonly data: Record<string, unknown>;
  /** The database host the extracts read (its crashes are the database's outages). */
  readonly dbHost: string;
  readonly file: string;
}

/** A warehouse DAG file on its own (the editor's check of one file): its Python subset; the rest needs the workspace. */
export function warehouseDagSyntax(text: string, file: string): SpecIssue[] {
  const p = new Problems(file);
  const parsed = parseDag(text, file);
  if (!parsed.ok) for (const e of parsed.errors) p.error(point(e.line, e.column), e.message);
  return p.list;
}

export function compileWarehouseHosts(hosts: Host[], postgres: Host[], files: ReadonlyMap<string, string>, name: (path: string) => string, resolve: Resolve, issues: SpecIssue[]): CompiledWarehouse | undefined {
  for (const db of postgres) {
    const path = `${db.name}/postgresql.conf`;
    issues.push(...readPostgresConf(files.get(path)!, name(path)).problems.list);
  }
  if (hosts.length === 0) return undefined;
  if (hosts.length > 1) {
    issues.push({ severity: 'error', file: name(hosts[1]!.files[0]!), line: 1, column: 1, path: '', message: 'the simulator runs one warehouse DAG per workspace' });
    return undefined;
  }
  const host = hosts[0]!;
  const dags = host.files.filter((f) => /^[^/]+\/dags\/[^/]+\.py$/.test(f));
  if (dags.length !== 1) {
    issues.push({ severity: 'error', file: name(dags[1] ?? `${host.name}/dags`), line: 1, column: 1, path: '', message: dags.length === 0 ? `${host.name} has Spark jobs but no DAG runs them` : `the simulator runs one DAG per Airflow host; ${host.name} has ${dags.length}`, hint: `write ${host.name}/dags/<name>.py` });
    return undefined;
  }
  const dagPath = dags[0]!;
  const text = files.get(dagPath)!;
  const p = new Problems(name(dagPath));
  const out = readDag(text, dagPath, host.name, files, name, resolve, postgres, p, issues);
  issues.push(...p.list);
  return out && !p.hasErrors ? { ...out, file: name(dagPath) } : undefined;
}

function readDag(text: string, dagPath: string, hostName: string, files: ReadonlyMap<string, string>, name: (path: string) => string, resolve: Resolve, postgres: Host[], p: Problems, issues: SpecIssue[]): Omit<CompiledWarehouse, 'file'> | undefined {
  const read = readScheduledDag(text, name(dagPath), p, 'schedule="@daily"');
  if (!read) return undefined;
  const { dag, dagLoc, settings } = read;
  const tasks: Record<string, unknown>[] = [];
  const sqlOf = new Map<string, WarehouseTaskSql>();
  let extract: string | undefined;
  let dbHost: string | undefined;
  for (const t of dag.tasks) {
    const at = point(t.line, t.column);
    if (t.operator !== 'SparkSqlOperator') {
      p.error(at, `${t.operator} is not simulated in the warehouse DAG`, 'each step is a SparkSqlOperator running a .sql file');
      continue;
    }
    const invalid = Object.keys(t.args).filter((k) => ![...SPARK_SQL_PARAMS, ...BASE_PARAMS_READ, ...BASE_PARAMS_IGNORED, ...BASE_PARAMS_UNSIMULATED].includes(k));
    if (invalid.length > 0) p.error(at, `airflow.exceptions.AirflowException: Invalid arguments were passed to SparkSqlOperator (task_id: ${t.taskId}). Invalid arguments were: **kwargs: {${invalid.map((k) => `'${k}'`).join(', ')}}`);
    for (const k of Object.keys(t.args)) if (BASE_PARAMS_UNSIMULATED.includes(k)) p.warn(at, `\`${k}\` is valid but not simulated in the warehouse DAG`);
    const sql = t.args['sql'];
    if (typeof sql !== 'string' || !/\.(sql|hql)$/.test(sql)) {
      p.error(at, 'sql="…" must name the job file (…/x.sql)', 'sql="extract_orders.sql"');
      continue;
    }
    const sqlPath = findTemplate(sql, dagPath, hostName, dag.args['template_searchpath'], (f) => files.has(f));
    if (!sqlPath) {
      p.error(locOfText(text, sql) ?? at, `jinja2.exceptions.TemplateNotFound: ${sql}`, `put it in ${hostName}/jobs/ and give the DAG template_searchpath="/opt/airflow/jobs", or next to the DAG`);
      continue;
    }
    const checked = checkWarehouseSql(files.get(sqlPath)!, name(sqlPath));
    issues.push(...checked.problems.list);
    if (!checked.task) continue;
    sqlOf.set(t.taskId, checked.task);
    const task = checked.task;
    if (task.extract) {
      if (extract !== undefined && extract !== task.extract) p.error(at, 'one extract reads by interval and another the whole table: the simulator runs one kind per DAG');
      extract = task.extract;
    }
    if (task.jdbc) {
      const sqlProblems = new Problems(name(sqlPath));
      const db = resolve({ host: task.jdbc.host, port: task.jdbc.port, text: `${task.jdbc.host}:${task.jdbc.port}` }, 'postgres', sqlProblems, task.jdbc.loc);
      if (db) {
        const conf = readPostgresConf(files.get(`${db}/postgresql.conf`)!, name(`${db}/postgresql.conf`)).conf;
        if (conf.port !== task.jdbc.port) sqlProblems.error(task.jdbc.loc, `org.postgresql.util.PSQLException: Connection to ${db}:${task.jdbc.port} refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.`, `${db}/postgresql.conf says port = ${conf.port}`);
        else dbHost = db;
      }
      issues.push(...sqlProblems.list);
    }
    const retries = t.args['retries'];
    if (retries !== undefined && (typeof retries !== 'number' || !Number.isInteger(retries) || retries < 0)) p.error(at, 'retries must be a whole number ≥ 0');
    tasks.push({ id: t.taskId, role: task.role, upstream: dag.edges.filter(([, d]) => d === t.taskId).map(([u]) => u), retries: typeof retries === 'number' ? retries : 0, 'retry-delay': durationMs(t.args['retry_delay'], 300_000) });
  }
  if (p.hasErrors || tasks.length !== dag.tasks.length) return undefined;
  if (postgres.length === 0 || !dbHost || !extract) {
    if (!extract) p.error(dagLoc, 'no task of this DAG extracts the orders', 'a job that reads the JDBC view into stg_orders or fact_orders');
    return undefined;
  }
  checkOrder(dag.tasks.map((t) => t.taskId), dag.edges, sqlOf, (id) => point(dag.tasks.find((t) => t.taskId === id)!.line, 1), p);
  if (p.hasErrors) return undefined;
  return {
    data: { 'dag-id': dag.dagId, interval: settings.everyMs, start: settings.startDateMs, catchup: settings.catchup, 'max-active-runs': settings.maxActiveRuns, extract, tasks },
    dbHost,
  };
}

/** ETL (extract-load → marts) or ELT (extract → transform → marts), each step waiting for the one before. */
function checkOrder(ids: string[], edges: readonly (readonly [string, string])[], sqlOf: Map<string, WarehouseTaskSql>, locOf: (id: string) => Loc, p: Problems): void {
  const roleIds = (role: string) => ids.filter((id) => sqlOf.get(id)?.role === role);
  const ancestors = (id: string): Set<string> => {
    const seen = new Set<string>();
    const todo = [id];
    for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
      for (const [u, d] of edges) if (d === next && !seen.has(u)) {
        seen.add(u);
        todo.push(u);
      }
    }
    return seen;
  };
  const elt = roleIds('extract').length > 0;
  if (elt && roleIds('extract-load').length > 0) p.error(locOf(roleIds('extract-load')[0]!), 'this DAG mixes ETL (extract, transform and MERGE in one job) and ELT (raw into stg_orders): choose one');
  const chain = elt ? ['extract', 'transform', 'marts'] : ['extract-load', 'marts'];
  for (let i = 1; i < chain.length; i++) {
    for (const id of roleIds(chain[i]!)) {
      const before = ancestors(id);
      const need = roleIds(chain[i - 1]!);
      if (need.length === 0) p.error(locOf(id), `no task does the ${chain[i - 1]} step this ${chain[i]} task needs`, elt ? 'ELT: extract >> transform >> marts' : 'ETL: extract_load >> marts');
      else if (!need.some((n) => before.has(n))) p.error(locOf(id), `\`${id}\` does not wait for \`${need[0]}\`: it would rebuild from tables the run has not loaded yet`, `${need[0]} >> ${id}`);
    }
  }
}
