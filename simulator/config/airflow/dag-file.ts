/**
 * An Airflow DAG file (`<host>/dags/<name>.py`) whose task runs a Spark SQL job → the internal batch
 * node's `schedule`, `throughput` and job (simulator/orchestrator parses the Python).
 *
 * The host folder is the Airflow home, `/opt/airflow`: `dags/x.py` is `/opt/airflow/dags/x.py`. The
 * task is a `SparkSqlOperator` (apache-airflow-providers-apache-spark) whose `sql` names a `.sql` file;
 * as the operator's `template_ext` makes Airflow do, the file is looked up in the DAG's folder and in
 * `template_searchpath` (e.g. `"/opt/airflow/jobs"` → `<host>/jobs/`) and rendered per run.
 *
 * Before it may stand one sensor (`wait >> view`), what real DAGs put before a job whose input may still be
 * arriving: `S3KeySensor` (apache-airflow-providers-amazon: `bucket_key` as `s3://bucket/key` or with
 * `bucket_name`, `wildcard_match` read as fnmatch) or `TimeDeltaSensor` (apache-airflow-providers-standard:
 * succeeds once `delta` has passed after the run's `data_interval_end`), with BaseSensorOperator's
 * `poke_interval`, `timeout` and `mode`.
 *
 * The Spark job's speed: each executor core reads `RECORDS_PER_CORE` records a second (the simulated
 * cluster's hardware), so a run over N records takes N / (num_executors × executor_cores × that);
 * the operator's defaults are Spark's on YARN: 2 executors (`spark.executor.instances`), 1 core each.
 */
import { parseDag, type DagModel, type DagTask, type DagValue } from '../../orchestrator/dag-parse.js';
import { dagSettings, type DagSettings } from '../../orchestrator/scheduler.js';
import { Problems } from '../shared/issues.js';
import type { Loc } from '../logstash/ast.js';

export const RECORDS_PER_CORE = 100;

/** SparkSqlOperator's own parameters (provider 4.x) and the BaseOperator ones the simulator reads. */
export const SPARK_SQL_PARAMS = ['sql', 'conf', 'conn_id', 'total_executor_cores', 'executor_cores', 'executor_memory', 'keytab', 'principal', 'master', 'name', 'num_executors', 'verbose', 'yarn_queue'];
export const BASE_PARAMS_READ = ['task_id', 'retries', 'retry_delay'];
export const BASE_PARAMS_IGNORED = ['owner', 'email', 'email_on_failure', 'email_on_retry', 'doc_md', 'pool', 'queue', 'priority_weight'];
export const BASE_PARAMS_UNSIMULATED = ['execution_timeout', 'depends_on_past', 'retry_exponential_backoff', 'max_retry_delay', 'trigger_rule', 'sla'];
/** The sensors the batch layer runs before its job, with the parameters it reads, ignores, and refuses to pretend it simulates. */
const SENSOR_PARAMS: Readonly<Record<string, { read: string[]; ignored: string[]; unsimulated: string[] }>> = {
  S3KeySensor: { read: ['bucket_key', 'bucket_name', 'wildcard_match'], ignored: ['aws_conn_id', 'verify', 'region_name'], unsimulated: ['use_regex', 'deferrable', 'metadata_keys', 'check_fn'] },
  TimeDeltaSensor: { read: ['delta'], ignored: [], unsimulated: ['deferrable'] },
};
const BASE_SENSOR_READ = ['poke_interval', 'timeout', 'mode'];
const BASE_SENSOR_UNSIMULATED = ['soft_fail', 'exponential_backoff', 'max_wait', 'silent_fail', 'never_fail'];

export type CompiledSensor = { 'task-id': string; kind: 's3-key' | 'time-delta'; key?: string; 'wildcard-match': boolean; delta?: number; 'poke-interval': number; timeout: number; reschedule: boolean; retries: number; 'retry-delay': number };

const DAG_PARAMS = ['dag_id', 'schedule', 'start_date', 'catchup', 'max_active_runs', 'template_searchpath', 'description', 'doc_md', 'dagrun_timeout', 'max_active_tasks', 'end_date'];

export interface CompiledDag {
  dagId: string;
  /** The SparkSqlOperator's `task_id`. */
  taskId: string;
  /** Path of the SQL file in the workspace (`batch/jobs/x.sql`). */
  sqlPath: string;
  sqlLoc: Loc;
  schedule: { interval: number; start: number; catchup: boolean; 'max-active-runs': number; retries: number; 'retry-delay': number; sensor?: CompiledSensor };
  throughput: number;
}

export const point = (line: number, column: number): Loc => ({ line, column, endLine: line, endColumn: column + 1 });

/** `path`: the DAG's path in the workspace (`batch/dags/x.py`), `file`: its name in messages; `exists`: whether a workspace path is a file. */
export function checkDagFile(text: string, path: string, file: string, exists: (path: string) => boolean): { problems: Problems; compiled?: CompiledDag } {
  const host = path.split('/')[0]!;
  const problems = new Problems(file);
  const read = readScheduledDag(text, file, problems, 'schedule=timedelta(seconds=20), "@hourly" or "@daily"');
  if (!read) return { problems };
  const { dag, dagLoc, settings } = read;
  const spark = dag.tasks.filter((t) => t.operator === 'SparkSqlOperator');
  const sensors = dag.tasks.filter((t) => t.operator in SENSOR_PARAMS);
  for (const t of dag.tasks) if (t.operator !== 'SparkSqlOperator' && !(t.operator in SENSOR_PARAMS)) problems.error(point(t.line, t.column), `${t.operator} is not simulated in the batch layer`, 'the batch layer runs one SparkSqlOperator task, and before it at most one S3KeySensor or TimeDeltaSensor');
  if (sensors.length > 1) problems.error(point(sensors[1]!.line, sensors[1]!.column), 'the batch layer runs at most one sensor before its job');
  if (spark.length !== 1) {
    if (spark.length === 0) problems.error(dagLoc, 'the DAG has no SparkSqlOperator task: the batch layer would never compute its view', 'add view = SparkSqlOperator(task_id="batch_view", sql="batch_view.sql")');
    else problems.error(point(spark[1]!.line, spark[1]!.column), 'the batch layer runs one SparkSqlOperator task per DAG');
    return { problems };
  }
  const task = spark[0]!;
  const at = point(task.line, task.column);
  const invalid = Object.keys(task.args).filter((k) => ![...SPARK_SQL_PARAMS, ...BASE_PARAMS_READ, ...BASE_PARAMS_IGNORED, ...BASE_PARAMS_UNSIMULATED].includes(k));
  if (invalid.length > 0) problems.error(at, `airflow.exceptions.AirflowException: Invalid arguments were passed to SparkSqlOperator (task_id: ${task.taskId}). Invalid arguments were: **kwargs: {${invalid.map((k) => `'${k}'`).join(', ')}}`);
  for (const k of Object.keys(task.args)) if (BASE_PARAMS_UNSIMULATED.includes(k)) problems.warn(at, `\`${k}\` is valid but not simulated in the batch layer`);
  const sql = task.args['sql'];
  if (typeof sql !== 'string' || !/\.(sql|hql)$/.test(sql)) {
    problems.error(at, 'sql="…" must name the job file (…/x.sql): the simulator runs the Spark SQL written there', 'sql="batch_view.sql"');
    return { problems };
  }
  const sqlPath = findTemplate(sql, path, host, dag.args['template_searchpath'], exists);
  if (!sqlPath) {
    problems.error(locOfText(text, sql) ?? at, `jinja2.exceptions.TemplateNotFound: ${sql}`, `put it in ${host}/jobs/ and give the DAG template_searchpath="/opt/airflow/jobs", or next to the DAG`);
    return { problems };
  }
  const intArg = (t: DagTask, k: string, dflt: number): number => {
    const v = t.args[k];
    if (v === undefined || v === null) return dflt;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
      problems.error(at, `${k} must be a positive whole number`);
      return dflt;
    }
    return v;
  };
  const retries = task.args['retries'];
  if (retries !== undefined && (typeof retries !== 'number' || !Number.isInteger(retries) || retries < 0)) problems.error(at, 'retries must be a whole number ≥ 0');
  const delay = durationMs(task.args['retry_delay'], 300_000);
  const throughput = intArg(task, 'num_executors', 2) * intArg(task, 'executor_cores', 1) * RECORDS_PER_CORE;
  const sensor = sensors.length === 1 ? readSensor(sensors[0]!, task, dag.edges, problems) : undefined;
  return {
    problems,
    compiled: {
      dagId: dag.dagId,
      taskId: task.taskId,
      sqlPath,
      sqlLoc: locOfText(text, sql) ?? at,
      schedule: {
        interval: settings.everyMs,
        start: settings.startDateMs,
        catchup: settings.catchup,
        'max-active-runs': settings.maxActiveRuns,
        retries: typeof retries === 'number' ? retries : 0,
        'retry-delay': delay,
        ...(sensor ? { sensor } : {}),
      },
      throughput,
    },
  };
}

/**
 * The sensor before the job: its parameters as the provider reads them. S3KeySensor's `bucket_key` is a full
 * `s3://bucket/key` URL, or a key relative to `bucket_name` (both at once, or neither bucket, is the
 * provider's error); the batch layer's lake is the one object store, whatever the bucket is called.
 */
function readSensor(t: DagTask, job: DagTask, edges: DagModel['edges'], problems: Problems): CompiledSensor | undefined {
  const at = point(t.line, t.column);
  const own = SENSOR_PARAMS[t.operator]!;
  const known = [...own.read, ...own.ignored, ...own.unsimulated, ...BASE_SENSOR_READ, ...BASE_SENSOR_UNSIMULATED, ...BASE_PARAMS_READ, ...BASE_PARAMS_IGNORED, ...BASE_PARAMS_UNSIMULATED];
  const invalid = Object.keys(t.args).filter((k) => !known.includes(k));
  if (invalid.length > 0) problems.error(at, `airflow.exceptions.AirflowException: Invalid arguments were passed to ${t.operator} (task_id: ${t.taskId}). Invalid arguments were: **kwargs: {${invalid.map((k) => `'${k}'`).join(', ')}}`);
  for (const k of Object.keys(t.args)) if ([...own.unsimulated, ...BASE_SENSOR_UNSIMULATED, ...BASE_PARAMS_UNSIMULATED].includes(k)) problems.warn(at, `\`${k}\` is valid but not simulated in the batch layer`);
  if (!edges.some(([u, d]) => u === t.taskId && d === job.taskId)) {
    problems.error(at, `${t.taskId} does not gate ${job.taskId}: without \`${t.variable} >> ${job.variable}\` the job starts without waiting for it`, `${t.variable} >> ${job.variable}`);
    return undefined;
  }
  const mode = t.args['mode'];
  if (mode !== undefined && mode !== 'poke' && mode !== 'reschedule') problems.error(at, `mode must be "poke" or "reschedule", not ${String(mode)}`);
  const retries = t.args['retries'];
  const common = {
    'task-id': t.taskId,
    'wildcard-match': false,
    'poke-interval': durationMs(t.args['poke_interval'], 60_000),
    timeout: durationMs(t.args['timeout'], 604_800_000),
    reschedule: mode === 'reschedule',
    retries: typeof retries === 'number' && Number.isInteger(retries) && retries >= 0 ? retries : 0,
    'retry-delay': durationMs(t.args['retry_delay'], 300_000),
  };
  if (t.operator === 'TimeDeltaSensor') {
    const delta = t.args['delta'];
    if (!delta || typeof delta !== 'object' || delta.kind !== 'timedelta') {
      problems.error(at, 'TimeDeltaSensor needs delta=timedelta(...): the time to wait after the data interval ends', 'delta=timedelta(seconds=30)');
      return undefined;
    }
    return { ...common, kind: 'time-delta', delta: delta.ms };
  }
  const bucketKey = t.args['bucket_key'];
  const bucketName = t.args['bucket_name'];
  if (typeof bucketKey !== 'string' || bucketKey === '') {
    problems.error(at, "S3KeySensor needs bucket_key: the key to wait for, as s3://bucket/key", 'bucket_key="s3://lake/raw/ts={{ ts_nodash }}/_SUCCESS"');
    return undefined;
  }
  const url = /^s3a?:\/\/[^/]+\/(.*)$/.exec(bucketKey);
  if (url && typeof bucketName === 'string') {
    problems.error(at, 'with bucket_name given, bucket_key must be a key relative to the bucket, not a full s3:// URL');
    return undefined;
  }
  if (!url && typeof bucketName !== 'string') {
    problems.error(at, 'bucket_key is not an s3:// URL and no bucket_name is given: the sensor does not know which bucket to look in', 'bucket_key="s3://lake/raw/…"');
    return undefined;
  }
  const wildcard = t.args['wildcard_match'];
  return { ...common, kind: 's3-key', key: url ? url[1]! : bucketKey.replace(/^\//, ''), 'wildcard-match': wildcard === true };
}

/** A DAG file's Python, its `DAG(...)` arguments and its schedule, each problem at its place; undefined when it cannot run. */
export function readScheduledDag(text: string, file: string, problems: Problems, scheduleHint: string): { dag: DagModel; dagLoc: Loc | undefined; settings: DagSettings & { everyMs: number } } | undefined {
  const parsed = parseDag(text, file);
  if (!parsed.ok) {
    for (const e of parsed.errors) problems.error(point(e.line, e.column), e.message);
    return undefined;
  }
  const dag = parsed.dag;
  const dagLoc = locOfText(text, 'DAG(');
  for (const k of Object.keys(dag.args)) if (!DAG_PARAMS.includes(k)) problems.error(dagLoc, `TypeError: DAG.__init__() got an unexpected keyword argument '${k}'`, `DAG arguments read: ${DAG_PARAMS.join(', ')}`);
  const settings = dagSettings(dag);
  if (settings instanceof Error) {
    problems.error(dagLoc, settings.message);
    return undefined;
  }
  if (settings.everyMs === null) {
    problems.error(dagLoc, 'schedule=None: the DAG runs only when triggered, and nobody triggers it in the simulation', scheduleHint);
    return undefined;
  }
  return { dag, dagLoc, settings: { ...settings, everyMs: settings.everyMs } };
}

/** A number of seconds or a timedelta, in ms (Airflow reads a plain number of `retry_delay` as seconds). */
export function durationMs(v: DagValue | undefined, dflt: number): number {
  if (typeof v === 'number') return v * 1000;
  if (v && typeof v === 'object' && v.kind === 'timedelta') return v.ms;
  return dflt;
}

/** Jinja's loader: the DAG's folder first, then template_searchpath (`/opt/airflow/…` is the host folder). */
export function findTemplate(name: string, dagPath: string, host: string, searchPath: DagValue | undefined, exists: (path: string) => boolean): string | undefined {
  const dagDir = dagPath.split('/').slice(0, -1).join('/');
  const dirs = [dagDir];
  if (typeof searchPath === 'string' && searchPath.startsWith('/opt/airflow/')) dirs.push(`${host}/${searchPath.slice('/opt/airflow/'.length).replace(/\/$/, '')}`);
  for (const dir of dirs) if (exists(`${dir}/${name}`)) return `${dir}/${name}`;
  return undefined;
}

export function locOfText(text: string, needle: string): Loc | undefined {
  const i = text.indexOf(needle);
  if (i < 0) return undefined;
  const before = text.slice(0, i).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return { line, column, endLine: line, endColumn: column + needle.length };
}
