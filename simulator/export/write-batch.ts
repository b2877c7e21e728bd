/**
 * A `type: batch` node → the Airflow home of its host: `dags/<table>.py` (a DAG whose one
 * SparkSqlOperator task runs the job) and `jobs/<table>.sql` (the Spark SQL job over the lake): the
 * inverse of simulator/config/airflow/dag-file.ts and simulator/config/spark/job-sql.ts.
 *
 * The simulator's own fixed timer (`every`) and what no Airflow or Spark file says (job fields of a
 * stream job; `cut-off-margin` unless a Lambda serving.yaml states it) are refused with the reason;
 * everything written is checked again by compiling it back (spec-to-workspace.ts).
 */
import type { BatchSpec } from '../spec/schema/lambda.js';
import type { PipelineSpec } from '../spec/schema/pipeline.js';
import type { JobSpec } from '../spec/schema/job.js';
import { SPARK_TASK } from '../arch/batch-dag.js';
import { RECORDS_PER_CORE } from '../config/airflow/dag-file.js';
import { EPOCH_MS } from '../workload/clock.js';
import { formatDuration } from '../spec/units.js';
import { BUCKET } from './images.js';
import { refuse, type Refusal } from './refusal.js';
import { lines, q } from './text.js';
import type { DeployLine } from './write-flink.js';

/** The Spark table a batch node's job writes (what a Lambda serving.yaml names as `batch-view`). */
export const batchViewTable = (id: string): string => `${id.replace(/\W/g, '_')}_view`;

/** The table over the master dataset the job reads. */
const SOURCE_TABLE = 'raw_logs';

/** Airflow's default `retry_delay` (BaseOperator): 300 s. */
const RETRY_DELAY_MS = 300_000;

/** A column name as Spark SQL reads it: backquoted unless a plain identifier. */
const col = (name: string) => (/^\w+$/.test(name) ? name : `\`${name}\``);

/** ms → Python `timedelta(...)` in the largest exact unit dag-parse reads. */
function timedelta(ms: number): string {
  for (const [unit, size] of [['days', 86_400_000], ['hours', 3_600_000], ['minutes', 60_000], ['seconds', 1000]] as const) if (ms % size === 0) return `timedelta(${unit}=${ms / size})`;
  return `timedelta(milliseconds=${ms})`;
}

/** ms → a Spark interval string ('10 seconds'), the largest exact unit. */
function sparkInterval(ms: number): string {
  for (const [unit, size] of [['week', 604_800_000], ['day', 86_400_000], ['hour', 3_600_000], ['minute', 60_000], ['second', 1000], ['millisecond', 1]] as const) {
    if (ms % size === 0) return `${ms / size} ${unit}${ms / size === 1 ? '' : 's'}`;
  }
  return `${ms} milliseconds`;
}

/** Virtual ms (0 = 2026-01-01T00:00Z) → `datetime(y, m, d[, h, mi])`, UTC to the minute as dag-parse reads it. */
function datetime(ms: number): string {
  const t = new Date(EPOCH_MS + ms);
  const parts = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
  if (t.getUTCHours() !== 0 || t.getUTCMinutes() !== 0) parts.push(t.getUTCHours(), t.getUTCMinutes());
  return `datetime(${parts.join(', ')})`;
}

interface Comparison { column: string; op: string; literal: string }

/** The job's `where` as Spark SQL comparisons: `[f] op literal` joined by ` and ` (what job-sql.ts reads back). */
function readWhere(where: string): Comparison[] | undefined {
  const out: Comparison[] = [];
  for (const part of where.split(/\s+and\s+/)) {
    const m = /^\s*\[([^[\]]+)\]\s*(==|!=|<=|>=|<|>)\s*(?:"([^"'\\]*)"|(-?\d+(?:\.\d+)?))\s*$/.exec(part);
    if (!m) return undefined;
    const op = m[2] === '==' ? '=' : m[2] === '!=' ? '<>' : m[2]!;
    out.push({ column: m[1]!, op, literal: m[3] !== undefined ? `'${m[3]}'` : m[4]! });
  }
  return out;
}

/** `raw/dt={{ ds }}/` → the table's location `raw/` and the partition filters `dt = '{{ ds }}'`; undefined if no LOCATION can say it. */
function splitPrefix(prefix: string, taken: ReadonlySet<string>): { location: string; partitions: [string, string][] } | undefined {
  if (prefix !== '' && !prefix.endsWith('/')) return undefined;
  const segments = prefix.split('/').slice(0, -1);
  const partitions: [string, string][] = [];
  // Trailing `name=value` segments are Hive-style partitions of the table, read with WHERE name = 'value'.
  while (segments.length > 0) {
    const m = /^(\w+)=([^'/]*)$/.exec(segments[segments.length - 1]!);
    if (!m || taken.has(m[1]!) || partitions.some(([n]) => n === m[1])) break;
    partitions.unshift([m[1]!, m[2]!]);
    segments.pop();
  }
  return { location: segments.map((s) => `${s}/`).join(''), partitions };
}

const UNSUPPORTED_JOB: readonly [keyof JobSpec, unknown][] = [['allowed-lateness', 0], ['late-data', 'drop'], ['watermark', undefined]];

/**
 * Later versions of a batch job: each is `jobs/<table>-<version>.sql` (the same tables, another query)
 * and goes live at its `deploys` line in world.yaml: every try that starts after it runs the new file
 * (simulator/config/deploy/deploys.ts). The version name is the file name's last `-` part, so it is a
 * word; a version is written once, for the one deploy that puts it live.
 */
function writeBatchVersions(id: string, node: BatchSpec, no: (path: string, en: string, ko: string) => void, jobSql: (path: string, job: JobSpec) => string | undefined, deploys: DeployLine[]): Map<string, string> {
  const out = new Map<string, string>();
  const versions = node.versions ?? {};
  const table = batchViewTable(id);
  const count = new Map<string, number>();
  for (const d of node.deploy ?? []) count.set(d.version, (count.get(d.version) ?? 0) + 1);
  for (const [name, job] of Object.entries(versions)) {
    const path = `versions.${name}`;
    if (!/^\w+$/.test(name)) no(path, `a version is the file jobs/${table}-<version>.sql: \`${name}\` is not a name that file can carry (letters, digits, _)`, `버전은 jobs/${table}-<버전>.sql 파일입니다. \`${name}\`은 파일 이름에 쓸 수 없습니다(영문자, 숫자, _)`);
    else if ((count.get(name) ?? 0) !== 1) no(path, `a version's file goes live at the one time world.yaml's \`deploys\` gives: \`${name}\` is deployed ${count.get(name) ?? 0} times`, `버전 파일은 world.yaml의 \`deploys\`가 정한 한 시점에 배포됩니다. \`${name}\`은 ${count.get(name) ?? 0}번 배포됩니다`);
    else {
      const sql = jobSql(path, job);
      if (sql !== undefined) out.set(name, sql);
    }
  }
  (node.deploy ?? []).forEach((d, i) => {
    // A batch run always recomputes everything with the code it starts with: a deploy says only when.
    if (d.mode !== 'in-place' || d.parallelism !== undefined) no(`deploy.${i}`, 'a batch deploy is only a time (the next try runs the new file over all history): `mode` and `parallelism` have no file to say them', '배치 배포는 시각뿐입니다(다음 시도가 새 파일로 전체 이력을 다시 계산). `mode`와 `parallelism`을 쓸 파일이 없습니다');
    if (versions[d.version] === undefined) no(`deploy.${i}.version`, `\`${d.version}\` is not a version of this job`, `\`${d.version}\`은 이 잡의 버전이 아닙니다`);
    else if (out.has(d.version)) deploys.push({ at: d.at, file: `${id}/jobs/${table}-${d.version}.sql` });
  });
  return out;
}

/** Files of the batch node `id` (path → text); what they cannot say goes to `problems`, the deploy lines of its versions to `deploys`. */
export function writeBatch(id: string, node: BatchSpec, problems: Refusal[], servedByLambda = false, deploys: DeployLine[] = []): Map<string, string> {
  const at = `nodes.${id}`;
  const no = (path: string, en: string, ko: string) => void problems.push(refuse(`${at}${path ? `.${path}` : ''}`, en, ko));
  const files = new Map<string, string>();
  const s = node.schedule;
  if (!s) {
    no('every', '`every` is the simulator\'s own fixed timer (a start that finds a run still going is skipped), which no Airflow DAG does: write `schedule: { interval: … }` (an Airflow DAG\'s data intervals) to export it', '`every`는 시뮬레이터 자체의 고정 타이머입니다(실행 중인 런이 있으면 그 시작을 건너뜀). Airflow DAG에는 이런 동작이 없으니, 내보내려면 `schedule: { interval: … }`(Airflow DAG의 데이터 구간)로 쓰세요');
    return files;
  }
  if (node['cut-off-margin'] !== 0 && !servedByLambda) no('cut-off-margin', '`cut-off-margin` is the Lambda serving layer\'s trust rule, written in its serving.yaml: no Lambda serving node reads this batch node, so no real file says it', '`cut-off-margin`은 람다 서빙 레이어가 배치 뷰를 믿는 규칙으로, 그 serving.yaml에 씁니다. 이 batch 노드를 읽는 람다 서빙 노드가 없어 이 값을 쓸 실제 파일이 없습니다');
  if (s['dag-id'] === undefined && id !== 'batch') no('schedule.dag-id', `a DAG file always names its dag_id, and a batch node named \`${id}\` without one runs as DAG \`batch\` but is listed as \`${id}\`: write \`dag-id\` to export it`, `DAG 파일에는 항상 dag_id가 있는데, dag-id 없이 \`${id}\`라는 이름의 batch 노드는 DAG \`batch\`로 돌면서 \`${id}\`로 표시됩니다. 내보내려면 \`dag-id\`를 쓰세요`);
  if (s.start % 60_000 !== 0) no('schedule.start', 'an Airflow start_date is written here as datetime(year, month, day, hour, minute): this start is not on a whole minute', '여기서 Airflow start_date는 datetime(연, 월, 일, 시, 분)으로 씁니다. 이 시작 시각은 분 단위로 떨어지지 않습니다');
  if (node.throughput % RECORDS_PER_CORE !== 0) no('throughput', `a Spark job's speed is num_executors × executor_cores × ${RECORDS_PER_CORE} records a second on the simulated cluster: ${node.throughput}/s is not a multiple of ${RECORDS_PER_CORE}`, `시뮬레이션 클러스터에서 Spark 잡의 속도는 num_executors × executor_cores × 초당 ${RECORDS_PER_CORE}건입니다. ${node.throughput}/s는 ${RECORDS_PER_CORE}의 배수가 아닙니다`);
  const write = node.write ?? { mode: 'overwrite', partition: '' };
  const target = write.partition === '' ? undefined : /^(\w+)=([^']*)$/.exec(write.partition);
  if (write.partition !== '' && !target) no('write.partition', `INSERT … PARTITION (name = 'value') writes one partition \`name=value\`: \`${write.partition}\` is not of that form`, `INSERT … PARTITION (이름 = '값')은 \`이름=값\` 파티션 하나를 씁니다. \`${write.partition}\`은 그 형태가 아닙니다`);
  const table = batchViewTable(id);

  /** The Spark SQL file of one version of the job (`path`: where its refusals point), or undefined when refused. */
  const jobSql = (path: string, job: JobSpec): string | undefined => {
    const before = problems.length;
    for (const [k, dflt] of UNSUPPORTED_JOB) if (JSON.stringify(job[k]) !== JSON.stringify(dflt)) no(`${path}.${k}`, `\`${k}\` belongs to a stream job: a Spark batch job reads a whole partition at once, with no watermark or late data`, `\`${k}\`는 스트림 잡의 설정입니다. Spark 배치 잡은 파티션 전체를 한 번에 읽어 워터마크도 늦은 데이터도 없습니다`);
    if (job['key-by'] === undefined) no(`${path}.key-by`, 'the Spark job groups by one key besides the window (GROUP BY window(…), key): write `key-by`', 'Spark 잡은 윈도우와 함께 키 하나로 묶습니다(GROUP BY window(…), 키). `key-by`를 쓰세요');
    if (job.window === undefined || job.window.type === 'session') no(`${path}.window`, 'the Spark job aggregates over window(`@timestamp`, size[, slide]): a tumbling or sliding window, not a session or none', 'Spark 잡은 window(`@timestamp`, 크기[, 슬라이드])로 집계합니다. 세션 윈도우나 윈도우 없음이 아니라 텀블링 또는 슬라이딩 윈도우여야 합니다');
    if (job.dedupe && job.dedupe.ttl !== 3_600_000) no(`${path}.dedupe.ttl`, 'count(DISTINCT id) sees every id of the partition: a remembered-for time (`ttl`) is a stream job\'s state, not Spark\'s', 'count(DISTINCT id)는 파티션의 모든 id를 봅니다. 기억 시간(`ttl`)은 스트림 잡의 상태이지 Spark의 것이 아닙니다');
    const where = job.where === undefined ? [] : readWhere(job.where);
    if (!where) no(`${path}.where`, 'Spark SQL\'s WHERE is written here as comparisons of a field with a literal joined by `and` (e.g. `[status] != "404" and [bytes] > 0`)', '여기서 Spark SQL의 WHERE는 필드와 리터럴의 비교를 `and`로 이은 것입니다(예: `[status] != "404" and [bytes] > 0`)');
    const aggCol = job.aggregate === 'count' ? undefined : job.aggregate.slice(4);
    const used = new Set([job['key-by'], aggCol, job.dedupe?.field, ...(where ?? []).map((c) => c.column)].filter((c): c is string => c !== undefined));
    const source = splitPrefix(node.source.prefix, used);
    if (!source) no('source.prefix', `a Spark table's LOCATION is a folder: the prefix \`${node.source.prefix}\` does not end in /`, `Spark 테이블의 LOCATION은 폴더입니다. 접두사 \`${node.source.prefix}\`가 /로 끝나지 않습니다`);
    if (problems.length > before) return undefined;

    const key = job['key-by']!;
    const w = job.window as Exclude<NonNullable<JobSpec['window']>, { type: 'session' }>;
    const windowArgs = [`'${sparkInterval(w.size)}'`, ...(w.type === 'sliding' ? [`'${sparkInterval(w.slide)}'`] : [])];
    const aggregate = job.dedupe ? `count(DISTINCT ${col(job.dedupe.field)})` : aggCol === undefined ? 'count(*)' : `${job.aggregate.slice(0, 3)}(${col(aggCol)})`;
    const numeric = new Set([aggCol, ...where!.filter((c) => !c.literal.startsWith("'")).map((c) => c.column)]);
    const sourceColumns = [...new Set([key, ...[...used].sort()])].map((c) => `  ${col(c)} ${numeric.has(c) ? 'DOUBLE' : 'STRING'},`);
    const partitions = source!.partitions;
    const filters = [...partitions.map(([n, v]) => `${n} = '${v}'`), ...where!.map((c) => `${col(c.column)} ${c.op} ${c.literal}`)];
    return lines(
      `-- The batch view of ${id}: ${job.aggregate} per ${key} per ${sparkInterval(w.size)} window${w.type === 'sliding' ? ` every ${sparkInterval(w.slide)}` : ''}, recomputed from the lake.`,
      `CREATE TABLE IF NOT EXISTS ${SOURCE_TABLE} (`,
      ...sourceColumns,
      `  \`@timestamp\` TIMESTAMP${partitions.length > 0 ? ',' : ''}`,
      ...partitions.map(([n], i) => `  ${n} STRING${i < partitions.length - 1 ? ',' : ''}`),
      `) USING json${partitions.length > 0 ? ` PARTITIONED BY (${partitions.map(([n]) => n).join(', ')})` : ''} LOCATION 's3a://${BUCKET}/${source!.location}';`,
      '',
      `CREATE TABLE IF NOT EXISTS ${table} (`,
      '  window_start TIMESTAMP,',
      '  window_end TIMESTAMP,',
      `  ${col(key)} STRING,`,
      `  ${job.aggregate === 'count' ? 'records BIGINT' : `${job.aggregate.slice(0, 3)}_${aggCol!.replace(/\W/g, '_')} DOUBLE`}${target ? ',' : ''}`,
      ...(target ? [`  ${target[1]} STRING`] : []),
      `) USING parquet${target ? ` PARTITIONED BY (${target[1]})` : ''} LOCATION 's3a://${BUCKET}/views/${table}/';`,
      '',
      write.mode === 'overwrite' ? '-- Each run replaces its partition of the view (dynamic partition overwrite): a re-run counts once.' : '-- Each run adds its rows to the partition (INSERT INTO): a re-run over the same data counts it twice.',
      `INSERT ${write.mode === 'overwrite' ? 'OVERWRITE TABLE' : 'INTO'} ${table}${target ? ` PARTITION (${target[1]} = '${target[2]}')` : ''}`,
      `SELECT window.start, window.end, ${col(key)}, ${aggregate}`,
      `FROM ${SOURCE_TABLE}`,
      ...(filters.length > 0 ? [`WHERE ${filters.join(' AND ')}`] : []),
      `GROUP BY window(\`@timestamp\`, ${windowArgs.join(', ')}), ${col(key)};`,
    );
  };
  const sql = jobSql('job', node.job);
  // Later versions: jobs/<table>-<version>.sql over the same tables, each put live by a world.yaml `deploys` line.
  const versionFiles = writeBatchVersions(id, node, no, jobSql, deploys);
  if (problems.some((p) => p.path === at || p.path.startsWith(`${at}.`)) || sql === undefined) return files;

  const executors = node.throughput / RECORDS_PER_CORE;
  const task = [
    `task_id=${q(s['task-id'] ?? SPARK_TASK)},`,
    `sql="${table}.sql",`,
    ...(executors !== 2 ? [`num_executors=${executors},${' '.repeat(Math.max(1, 14 - String(executors).length))}# × 1 core × ${RECORDS_PER_CORE} records/s = ${node.throughput} records a second`] : []),
    ...(s.retries !== 0 ? [`retries=${s.retries},`] : []),
    ...(s['retry-delay'] !== RETRY_DELAY_MS ? [`retry_delay=${timedelta(s['retry-delay'])},`] : []),
  ];
  // The sensor before the job, every parameter written out so the file compiles back to the same spec.
  const sensor = s.sensor;
  const sensorLines = !sensor
    ? []
    : [
        `    wait = ${sensor.kind === 's3-key' ? 'S3KeySensor' : 'TimeDeltaSensor'}(`,
        `        task_id=${q(sensor['task-id'])},`,
        ...(sensor.kind === 's3-key' ? [`        bucket_key=${q(`s3://${BUCKET}/${sensor.key ?? ''}`)},`, ...(sensor['wildcard-match'] ? ['        wildcard_match=True,'] : [])] : [`        delta=${timedelta(sensor.delta ?? 0)},`]),
        `        poke_interval=${timedelta(sensor['poke-interval'])},`,
        `        timeout=${timedelta(sensor.timeout)},`,
        `        mode=${q(sensor.reschedule ? 'reschedule' : 'poke')},`,
        ...(sensor.retries !== 0 ? [`        retries=${sensor.retries},`] : []),
        ...(sensor['retry-delay'] !== RETRY_DELAY_MS ? [`        retry_delay=${timedelta(sensor['retry-delay'])},`] : []),
        '    )',
      ];
  const dag = lines(
    `# The batch layer of ${id}: one Spark SQL run per ${formatDuration(s.interval)} data interval, once the interval has ended.`,
    'from datetime import datetime, timedelta',
    '',
    'from airflow import DAG',
    'from airflow.providers.apache.spark.operators.spark_sql import SparkSqlOperator',
    ...(sensor?.kind === 's3-key' ? ['from airflow.providers.amazon.aws.sensors.s3 import S3KeySensor'] : sensor ? ['from airflow.providers.standard.sensors.time_delta import TimeDeltaSensor'] : []),
    '',
    'with DAG(',
    `    dag_id=${q(s['dag-id'] ?? id)},`,
    `    schedule=${timedelta(s.interval)},`,
    `    start_date=${datetime(s.start)},`,
    `    catchup=${s.catchup ? 'True' : 'False'},`,
    ...(s['max-active-runs'] !== 16 ? [`    max_active_runs=${s['max-active-runs']},`] : []),
    '    template_searchpath="/opt/airflow/jobs",',
    ') as dag:',
    ...sensorLines,
    '    view = SparkSqlOperator(',
    ...task.map((t) => `        ${t}`),
    '    )',
    ...(sensor ? ['    wait >> view'] : []),
  );
  files.set(`${id}/dags/${table}.py`, dag);
  files.set(`${id}/jobs/${table}.sql`, sql);
  for (const [version, text] of versionFiles) files.set(`${id}/jobs/${table}-${version}.sql`, text);
  return files;
}

/**
 * The spec a batch node's real files compile back to, when it leaves out what a DAG and a Spark file
 * always say: `task-id` (the simulator then uses SPARK_TASK, as the file does), `dag-id` of the node
 * named `batch` (both the scheduler's and the listing's default are then `batch`), and `write` (no
 * `write` runs as an overwrite of the unpartitioned view). These are the same run, so the writer's
 * self-check compares against them; nothing else is filled in.
 */
export function withImplicitBatchDefaults(spec: PipelineSpec): PipelineSpec {
  const nodes = Object.fromEntries(
    Object.entries(spec.nodes).map(([id, n]) => {
      if (n.type !== 'batch' || !n.schedule) return [id, n];
      const schedule = { ...n.schedule, 'task-id': n.schedule['task-id'] ?? SPARK_TASK, ...(id === 'batch' ? { 'dag-id': n.schedule['dag-id'] ?? 'batch' } : {}) };
      return [id, { ...n, schedule, write: n.write ?? { mode: 'overwrite', partition: '' } }];
    }),
  );
  return { ...spec, nodes };
}
