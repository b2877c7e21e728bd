/**
 * A `type: flink` node → `<id>/job.sql` (the Kafka or Kinesis source table with its WATERMARK, the
 * sink table and one INSERT INTO) and `<id>/config.yaml` (checkpointing, restarts, parallelism): the inverse of
 * simulator/config/flink and simulator/config/workspace/flink.ts. What only the internal spec can
 * say — consumer-group knobs the Flink source does not use, a side output for late rows — is refused
 * with the reason, before anything is written. A per-record processing time is no SQL setting: the
 * simulated world states it (world.yaml `processing-time`, write-world.ts).
 */
import { isKinesisSource } from '../spec/schema/flink.js';
import type { KafkaSourceSpec } from '../spec/schema/kafka.js';
import type { FlinkSpec } from '../spec/schema/flink.js';
import type { JobSpec } from '../spec/schema/job.js';
import { refuse, type Refusal } from './refusal.js';
import { flinkDuration, lines, sqlInterval } from './text.js';
import { col, whereToSql } from './flink-where.js';
import type { HostNames } from './hosts.js';
import { UNLIMITED_ATTEMPTS } from '../config/flink/config-yaml.js';
import { runsLocalGlobal } from '../config/flink/agg-phases.js';
import { kinesisRefusals, kinesisTableOptions } from './write-flink-kinesis.js';

/** The event-time column every written source declares its WATERMARK on (Filebeat's and Logstash's field). */
const TIME = '@timestamp';
/** The bucket behind every filesystem sink: the one MinIO bucket of the bundle (write-logstash.ts's s3 output). */
const BUCKET = 'pipeline-lab';
const HOUR_MS = 3_600_000;

/** Source settings a Flink Kafka source never reads from the spec's consumer fields, with their spec defaults. */
const CONSUMER_ONLY: readonly [keyof KafkaSourceSpec, unknown][] = [
  ['enable.auto.commit', true],
  ['auto.commit.interval.ms', 5000],
  ['max.poll.records', 500],
  ['max.poll.interval.ms', 300_000],
  ['session.timeout.ms', 45_000],
  ['partition.assignment.strategy', 'range'],
];

/** A table name from a topic or index: letters, digits and `_` only (the compiler keeps the last dotted part). */
const tableName = (s: string) => s.replace(/[^\w]/g, '_');
const str = (s: string) => `'${s.replace(/'/g, "''")}'`;
const plainField = (f: string) => /^[A-Za-z_@][\w@-]*$/.test(f);

/** The job's Kafka source: only read where the job does not read Kinesis. */
const kafkaSource = (node: FlinkSpec): KafkaSourceSpec => node.source as KafkaSourceSpec;

/** What the job reads, as the header of job.sql names it and as the source table is called. */
const sourceName = (node: FlinkSpec, hosts: HostNames): string => (isKinesisSource(node.source) ? hosts.stream(node.source.node) : kafkaSource(node).topic);

/** What the spec sets that job.sql and config.yaml cannot say; empty when the node can be written. */
export function flinkRefusals(id: string, node: FlinkSpec): Refusal[] {
  const at = `nodes.${id}`;
  const out: Refusal[] = [];
  const no = (path: string, en: string, ko: string) => out.push(refuse(`${at}${path ? `.${path}` : ''}`, en, ko));
  if (isKinesisSource(node.source)) out.push(...kinesisRefusals(at, node, node.source));
  else out.push(...kafkaRefusals(at, node));
  const interval = node['execution.checkpointing.interval'];
  if (interval !== undefined && interval < 10) no('execution.checkpointing.interval', `Flink treats a checkpoint interval under 10 ms as no checkpointing: ${interval}ms cannot be written`, `Flink는 10ms 미만의 체크포인트 간격을 체크포인트 없음으로 봅니다. ${interval}ms는 쓸 수 없습니다`);
  if (node.job) out.push(...jobRefusals(`${at}.job`, node.job, node));
  out.push(...versionRefusals(at, node));
  const es = node.sink.elasticsearch;
  if (es?.['document-id'] !== undefined && documentKey(es['document-id'], node.job) === undefined) no('sink.elasticsearch.document-id', `the document _id \`${es['document-id']}\` is not a PRIMARY KEY of the sink table: the _id is its key columns joined by one delimiter, each the window start or end, the grouping key, or a plain field passed through`, `문서 _id \`${es['document-id']}\`는 싱크 테이블의 PRIMARY KEY로 쓸 수 없습니다. _id는 키 컬럼(윈도우 시작·끝, 그룹 키, 그대로 넘기는 단순 필드)을 구분자 하나로 이은 것입니다`);
  return out;
}

/** What a Kafka source table cannot say: the consumer knobs the Flink Kafka source does not read. */
function kafkaRefusals(at: string, node: FlinkSpec): Refusal[] {
  const out: Refusal[] = [];
  const no = (path: string, en: string, ko: string) => out.push(refuse(`${at}${path ? `.${path}` : ''}`, en, ko));
  for (const [k, def] of CONSUMER_ONLY) {
    if (kafkaSource(node)[k] !== def) no(`source.${k}`, `the Flink Kafka source does not use \`${k}\` (it tracks offsets in its checkpoints): only the internal spec sets it here`, `Flink Kafka 소스는 \`${k}\`를 쓰지 않습니다(오프셋은 체크포인트에 기록). 이 값은 내부 스펙에서만 정할 수 있습니다`);
  }
  if (kafkaSource(node)['starting-offsets'] !== 'committed' && kafkaSource(node)['auto.offset.reset'] !== 'latest') no('source.auto.offset.reset', `the Flink Kafka source reads \`auto.offset.reset\` only with 'scan.startup.mode' = 'group-offsets' (starting-offsets: committed); this job starts at the ${kafkaSource(node)['starting-offsets']} offset`, `Flink Kafka 소스는 'scan.startup.mode' = 'group-offsets'(starting-offsets: committed)일 때만 \`auto.offset.reset\`을 읽습니다. 이 잡은 ${kafkaSource(node)['starting-offsets']} 오프셋에서 시작합니다`);
  if (kafkaSource(node)['starting-offsets'] === 'committed' && kafkaSource(node)['group.id'] === undefined) no('source', "starting from committed offsets needs a consumer group: Flink refuses 'group-offsets' without 'properties.group.id'", "커밋된 오프셋에서 시작하려면 컨슈머 그룹이 필요합니다. Flink는 'properties.group.id' 없이 'group-offsets'를 받지 않습니다");
  return out;
}

/**
 * Later versions: each deployed version is `<id>/job-<version>.sql` and a `deploys` line in
 * world.yaml (simulator/config/deploy). How it goes live follows from that file, as in production:
 * in place (restored from the savepoint, same index) or as a replay into `<index>-<version>`.
 */
function versionRefusals(at: string, node: FlinkSpec): Refusal[] {
  const out: Refusal[] = [];
  const no = (path: string, en: string, ko: string) => out.push(refuse(`${at}.${path}`, en, ko));
  const versions = node.versions ?? {};
  const deployed = new Map<string, number>();
  for (const d of node.deploy ?? []) deployed.set(d.version, (deployed.get(d.version) ?? 0) + 1);
  if (Object.keys(versions).length === 0 && deployed.size === 0) return out;
  if (!node.sink.elasticsearch) no('deploy', 'a later version of a Flink job is simulated for a job that writes an elasticsearch-7 index (in place, or replayed into a new index)', 'Flink 잡의 다음 버전은 elasticsearch-7 인덱스에 쓰는 잡에 대해서만 시뮬레이션합니다(그 자리에서, 또는 새 인덱스로 재처리)');
  for (const [name, job] of Object.entries(versions)) {
    const path = `versions.${name}`;
    if (!/^\w+$/.test(name)) no(path, `a version is the file job-<version>.sql: \`${name}\` is not a name that file can carry (letters, digits, _)`, `버전은 job-<version>.sql 파일입니다. \`${name}\`은 파일 이름에 쓸 수 없습니다(영문자, 숫자, _)`);
    if ((deployed.get(name) ?? 0) !== 1) no(path, `a version's file goes live at the one time world.yaml's \`deploys\` gives: \`${name}\` is deployed ${deployed.get(name) ?? 0} times`, `버전 파일은 world.yaml의 \`deploys\`가 정한 한 시점에 배포됩니다. \`${name}\`은 ${deployed.get(name) ?? 0}번 배포됩니다`);
    if (!job.window && job.where === undefined) no(path, 'a version that neither filters nor aggregates is not deployed by the simulator: it deploys versions of a windowed job', '필터도 집계도 하지 않는 버전은 배포하지 않습니다. 시뮬레이터는 윈도우 잡의 버전을 배포합니다');
    if (job.watermark && job.watermark.interval !== 200) no(`${path}.watermark.interval`, "a version's file runs with the job's pipeline.auto-watermark-interval; only the default 200 ms is read back for a version", '버전 파일은 잡의 pipeline.auto-watermark-interval로 돕니다. 버전에는 기본값 200ms만 다시 읽힙니다');
    if (job['allowed-lateness'] > 0) no(`${path}.allowed-lateness`, "table.exec.emit.allow-lateness is the job's config.yaml, not a version's file: a version's allowed lateness cannot be written", 'table.exec.emit.allow-lateness는 버전 파일이 아니라 잡의 config.yaml에 씁니다. 버전의 허용 지연은 쓸 수 없습니다');
    out.push(...jobRefusals(path, job, node));
  }
  (node.deploy ?? []).forEach((d, i) => {
    if (!versions[d.version]) no(`deploy.${i}.version`, `there is no version \`${d.version}\` to deploy`, `배포할 버전 \`${d.version}\`이 없습니다`);
    if (d.mode === 'reprocess' && d.parallelism !== undefined) no(`deploy.${i}.parallelism`, "a replay starts a job of its own with config.yaml's parallelism: only an in-place deploy restores the savepoint with a new one", '재처리는 config.yaml의 병렬도로 별도 잡을 시작합니다. 새 병렬도로 세이브포인트를 복원하는 것은 그 자리 배포뿐입니다');
  });
  return out;
}

function jobRefusals(at: string, job: JobSpec, node: FlinkSpec): Refusal[] {
  const out: Refusal[] = [];
  const no = (path: string, en: string, ko: string) => out.push(refuse(`${at}.${path}`, en, ko));
  const w = job.window;
  if (job.where !== undefined) {
    const where = whereToSql(job.where);
    if (!where.ok) no('where', `job.sql's WHERE reads back as one form of condition${where.canonical ? `: write \`${where.canonical}\`` : ' (comparisons of a plain field with a literal, in / not in, ![f] and [f], ! and and / or with parentheses)'}`, `job.sql의 WHERE는 한 가지 형태의 조건으로 읽힙니다${where.canonical ? `. \`${where.canonical}\`로 쓰세요` : '(단순 필드와 리터럴의 비교, in / not in, ![f]와 [f], 괄호를 친 !와 and / or)'}`);
  }
  if (!w) {
    for (const k of ['key-by', 'watermark', 'dedupe'] as const) {
      if (job[k] !== undefined) no(k, `\`${k}\` without a window is not a query job.sql can hold: the simulated Flink SQL job keys, watermarks and deduplicates only in a window aggregation`, `윈도우 없는 \`${k}\`는 job.sql의 쿼리로 쓸 수 없습니다. 시뮬레이션하는 Flink SQL 잡은 윈도우 집계에서만 키, 워터마크, 중복 제거를 씁니다`);
    }
  } else {
    if (job['key-by'] === undefined) no('key-by', 'a window aggregation without a key is not simulated from job.sql: GROUP BY window_start, window_end and one key column', '키 없는 윈도우 집계는 job.sql로 시뮬레이션하지 않습니다. GROUP BY window_start, window_end와 키 컬럼 하나로 쓰세요');
    if (job.watermark === undefined) no('window', 'a window needs event time: job.sql declares a WATERMARK on the time column, which the spec leaves out', '윈도우에는 이벤트 시간이 필요합니다. job.sql은 시간 컬럼에 WATERMARK를 선언하는데, 이 스펙에는 없습니다');
    if (w.type === 'sliding' && w.size % w.slide !== 0) no('window', `Flink's HOP needs a size that is a whole multiple of the slide (${w.size}ms, ${w.slide}ms)`, `Flink의 HOP은 size가 slide의 정수배여야 합니다(${w.size}ms, ${w.slide}ms)`);
  }
  for (const f of [job['key-by'], job.dedupe?.field, job.aggregate.split(':')[1]]) {
    if (f !== undefined && !plainField(f)) no('key-by', `\`${f}\` is a nested field: job.sql names a column by its last dotted part, so it cannot be a column here`, `\`${f}\`는 중첩 필드입니다. job.sql은 점으로 나뉜 이름의 마지막 부분을 컬럼 이름으로 읽어서 여기서는 컬럼이 될 수 없습니다`);
  }
  if (job.dedupe) {
    if (job.aggregate !== 'count' || job.dedupe.ttl !== HOUR_MS) no('dedupe', 'job.sql deduplicates as COUNT(DISTINCT field), which counts each id once per window with the default one-hour memory: another aggregate or ttl has no SQL form', 'job.sql은 COUNT(DISTINCT field)로 중복을 없애는데, 이는 윈도우마다 id를 한 번씩 세고 기본 1시간 동안 기억합니다. 다른 집계나 ttl은 SQL로 쓸 수 없습니다');
  }
  if (job['allowed-lateness'] > 0) {
    const upsert = node.sink.elasticsearch?.['document-id'] !== undefined;
    if (w?.type !== 'tumbling' || !upsert) no('allowed-lateness', 'allowed lateness is written as table.exec.emit.allow-lateness, which Flink applies to a legacy GROUP BY TUMBLE window writing into an upsert sink (elasticsearch-7 with a PRIMARY KEY) only', "허용 지연은 table.exec.emit.allow-lateness로 쓰는데, Flink는 이를 업서트 싱크(PRIMARY KEY가 있는 elasticsearch-7)에 쓰는 레거시 GROUP BY TUMBLE 윈도우에만 적용합니다");
  }
  if (job['local-global'] === true && !plannerSplits(job)) no('local-global', "Flink's planner splits only an event-time TUMBLE or HOP window table function without COUNT(DISTINCT …) into local and global phases: this window is written in a form it keeps in one phase", 'Flink 플래너는 COUNT(DISTINCT …) 없는 이벤트 시간 TUMBLE·HOP 윈도우 테이블 함수만 로컬·글로벌 두 단계로 나눕니다. 이 윈도우는 한 단계로 남는 형태로 쓰입니다');
  if (job['late-data'] === 'side-output') no('late-data', 'a side output for late rows is a DataStream API feature: a Flink SQL window drops late rows', '늦은 행의 사이드 출력은 DataStream API 기능입니다. Flink SQL 윈도우는 늦은 행을 버립니다');
  return out;
}

/** Whether job.sql writes the window as a legacy group window (SESSION, or TUMBLE with allowed lateness). */
function writesGroupWindow(job: JobSpec): boolean {
  return job.window?.type === 'session' || job['allowed-lateness'] > 0;
}

/** Whether Flink's planner, left at its default AUTO, runs the written query in two phases. */
function plannerSplits(job: JobSpec): boolean {
  return runsLocalGlobal(job, writesGroupWindow(job), new Map());
}

/** The result columns of the query: [sink column, what it is to the compiler, SQL type]. */
interface Column { name: string; what: string; type: string }

function resultColumns(job: JobSpec | undefined, passed: ReadonlyMap<string, string>): Column[] {
  if (!job?.window) return [...passed].map(([f, type]) => ({ name: f, what: f, type }));
  const key = job['key-by']!;
  const [fn, field] = job.aggregate.split(':') as [string, string | undefined];
  const valueName = fn === 'count' ? (key === 'records' ? 'record_count' : 'records') : `${fn}_${field}`;
  return [
    { name: 'window_start', what: 'window.start', type: 'TIMESTAMP(3)' },
    { name: 'window_end', what: 'window.end', type: 'TIMESTAMP(3)' },
    { name: key, what: 'key', type: 'STRING' },
    { name: valueName, what: 'value', type: fn === 'count' ? 'BIGINT' : 'DOUBLE' },
  ];
}

/** `{a}-{b}` → the key's parts and their delimiter, when each part is a result column of the query. */
function documentKey(template: string, job: JobSpec | undefined): { parts: string[]; delimiter: string } | undefined {
  const m = /^\{([^{}]+)\}(?:([^{}]*)\{[^{}]+\})*$/.exec(template);
  if (!m) return undefined;
  const parts = [...template.matchAll(/\{([^{}]+)\}/g)].map((x) => x[1]!);
  const delimiters = [...template.matchAll(/\}([^{}]*)\{/g)].map((x) => x[1]!);
  if (new Set(delimiters).size > 1) return undefined;
  const windowed = job?.window !== undefined;
  for (const p of parts) {
    if (windowed ? !['window.start', 'window.end', 'key'].includes(p) : !plainField(p)) return undefined;
  }
  return { parts, delimiter: delimiters[0] ?? '_' };
}

/** What a later version's file changes: its job, and for a replay where it starts and what it writes. */
export interface Variant { job: JobSpec; mode: 'in-place' | 'reprocess'; version: string; parallelism?: number }

function sourceTable(name: string, node: FlinkSpec, hosts: HostNames, fields: Map<string, string>, job: JobSpec | undefined, variant: Variant | undefined): string {
  const columns = [...fields].map(([f, type]) => `  ${col(f)} ${type},`);
  const wm = job?.window && job.watermark;
  if (wm) {
    const delay = wm['max-out-of-orderness'];
    columns.push(`  ${col(TIME)} TIMESTAMP(3),`, `  WATERMARK FOR ${col(TIME)} AS ${col(TIME)}${delay > 0 ? ` - ${sqlInterval(delay)}` : ''},`);
  }
  const json = [`'format' = 'json'`, ...(wm ? [`'json.timestamp-format.standard' = 'ISO-8601'`] : [])];
  if (isKinesisSource(node.source)) return createTable(name, columns, [...kinesisTableOptions(node.source, hosts.stream(node.source.node)), ...json]);
  const s = { ...kafkaSource(node) };
  if (variant?.mode === 'reprocess') {
    // A replay is a job of its own: its own consumer group, reading the retained topic from the start.
    s['starting-offsets'] = 'earliest';
    s['group.id'] = `${kafkaSource(node)['group.id'] ?? 'replay'}-${variant.version}`;
  } else if (variant && s['starting-offsets'] === 'earliest') {
    // Restored from the savepoint, the job goes on from the savepoint's offsets; the startup mode
    // applies to a fresh start only, and not reading from the start says this is no replay.
    s['starting-offsets'] = 'latest';
  }
  const mode = s['starting-offsets'] === 'earliest' ? 'earliest-offset' : s['starting-offsets'] === 'latest' ? 'latest-offset' : 'group-offsets';
  const options = [
    `'connector' = 'kafka'`,
    `'topic' = ${str(s.topic)}`,
    `'properties.bootstrap.servers' = ${str(hosts.brokers().map((b) => `${b}:9092`).join(','))}`,
    s['group.id'] !== undefined && `'properties.group.id' = ${str(s['group.id'])}`,
    s['isolation.level'] !== 'read_uncommitted' && `'properties.isolation.level' = ${str(s['isolation.level'])}`,
    `'scan.startup.mode' = '${mode}'`,
    mode === 'group-offsets' && `'properties.auto.offset.reset' = ${str(s['auto.offset.reset'])}`,
    s.idleness !== undefined && `'scan.watermark.idle-timeout' = '${flinkDuration(s.idleness)}'`,
  ].filter((o): o is string => typeof o === 'string');
  return createTable(name, columns, [...options, ...json]);
}

function createTable(name: string, columns: string[], options: string[]): string {
  const last = columns.length - 1;
  return [`CREATE TABLE ${col(name)} (`, ...columns.map((c, i) => (i === last ? c.replace(/,$/, '') : c)), ') WITH (', ...options.map((o, i) => `  ${o}${i < options.length - 1 ? ',' : ''}`), ');'].join('\n');
}

function sinkTable(name: string, node: FlinkSpec, hosts: HostNames, result: Column[], job: JobSpec | undefined, variant: Variant | undefined): string {
  const columns = result.map((c) => `  ${col(c.name)} ${c.type},`);
  const sink = node.sink;
  if (sink.elasticsearch) {
    const es = sink.elasticsearch;
    const key = es['document-id'] !== undefined ? documentKey(es['document-id'], job) : undefined;
    if (key) columns.push(`  PRIMARY KEY (${key.parts.map((p) => col(result.find((c) => c.what === p)!.name)).join(', ')}) NOT ENFORCED,`);
    const interval = es['bulk.flush.interval'];
    return createTable(name, columns, [
      `'connector' = 'elasticsearch-7'`,
      `'hosts' = ${str(`http://${hosts.of(es.node)}:9200`)}`,
      `'index' = ${str(variant?.mode === 'reprocess' ? `${es.index}-${variant.version}` : es.index)}`,
      ...(key && key.parts.length > 1 && key.delimiter !== '_' ? [`'document-id.key-delimiter' = ${str(key.delimiter)}`] : []),
      ...(es['bulk.flush.max-actions'] !== 1000 ? [`'sink.bulk-flush.max-actions' = '${es['bulk.flush.max-actions']}'`] : []),
      // The connector flushes every second by default; the spec's default is no timed flush.
      ...(interval !== 1000 ? [`'sink.bulk-flush.interval' = '${interval === undefined ? '0' : flinkDuration(interval)}'`] : []),
    ]);
  }
  if (sink.kafka) {
    const k = sink.kafka;
    return createTable(name, columns, [
      `'connector' = 'kafka'`,
      `'topic' = ${str(k.topic)}`,
      `'properties.bootstrap.servers' = ${str(hosts.brokers().map((b) => `${b}:9092`).join(','))}`,
      `'format' = 'json'`,
      `'sink.delivery-guarantee' = '${k['delivery-guarantee']}'`,
      ...(k['transactional-id-prefix'] !== undefined ? [`'sink.transactional-id-prefix' = ${str(k['transactional-id-prefix'])}`] : []),
      ...(k['transaction.timeout.ms'] !== HOUR_MS ? [`'properties.transaction.timeout.ms' = '${k['transaction.timeout.ms']}'`] : []),
    ]);
  }
  // Part files land in the bundle's MinIO bucket; the simulated object store keeps the path's prefix.
  return createTable(name, columns, [`'connector' = 'filesystem'`, `'path' = ${str(`s3://${BUCKET}/${sink.filesystem!.path}`)}`, `'format' = 'json'`]);
}

function query(source: string, sink: string, job: JobSpec | undefined, result: Column[], whereSql: string | undefined): string {
  const where = whereSql !== undefined ? `\nWHERE ${whereSql}` : '';
  const w = job?.window;
  if (!job || !w) {
    const items = result.length > 0 ? result.map((c) => col(c.name)).join(', ') : '*';
    return `INSERT INTO ${col(sink)}\nSELECT ${items}\nFROM ${col(source)}${where};`;
  }
  const key = col(job['key-by']!);
  const [fn, field] = job.aggregate.split(':') as [string, string | undefined];
  const value = job.dedupe ? `COUNT(DISTINCT ${col(job.dedupe.field)})` : fn === 'count' ? 'COUNT(*)' : `${fn.toUpperCase()}(${col(field!)})`;
  const valueItem = `${value} AS ${col(result[3]!.name)}`;
  if (w.type === 'session' || writesGroupWindow(job)) {
    // The legacy group windows: SESSION has no window table function the simulator runs, and
    // table.exec.emit.allow-lateness applies to GROUP BY TUMBLE(…) only.
    const fnName = w.type === 'session' ? 'SESSION' : 'TUMBLE';
    const args = `${col(TIME)}, ${sqlInterval(w.type === 'session' ? w.gap : (w as { size: number }).size)}`;
    return `INSERT INTO ${col(sink)}\nSELECT ${fnName}_START(${args}) AS window_start, ${fnName}_END(${args}) AS window_end, ${key}, ${valueItem}\nFROM ${col(source)}${where}\nGROUP BY ${fnName}(${args}), ${key};`;
  }
  const tvf = w.type === 'tumbling' ? `TUMBLE(TABLE ${col(source)}, DESCRIPTOR(${col(TIME)}), ${sqlInterval(w.size)})` : `HOP(TABLE ${col(source)}, DESCRIPTOR(${col(TIME)}), ${sqlInterval((w as { slide: number }).slide)}, ${sqlInterval((w as { size: number }).size)})`;
  return `INSERT INTO ${col(sink)}\nSELECT window_start, window_end, ${key}, ${valueItem}\nFROM TABLE(${tvf})${where}\nGROUP BY window_start, window_end, ${key};`;
}

/** job.sql (or a version's job-<version>.sql) of a node flinkRefusals accepted. */
export function writeJobSql(id: string, node: FlinkSpec, hosts: HostNames, variant?: Variant): string {
  const job = variant ? variant.job : node.job;
  const where = job?.where !== undefined ? whereToSql(job.where) : undefined;
  const fields = new Map<string, string>();
  if (job?.['key-by'] !== undefined) fields.set(job['key-by'], 'STRING');
  if (where?.ok) for (const [f, t] of where.fields) if (!fields.has(f) || t !== 'STRING') fields.set(f, t);
  const field = job?.aggregate.split(':')[1];
  if (job?.window && field !== undefined) fields.set(field, 'DOUBLE');
  if (job?.dedupe) fields.set(job.dedupe.field, 'STRING');
  // A job without a window passes records through: the fields of the document _id, else every column.
  const es = node.sink.elasticsearch;
  const idKey = es?.['document-id'] !== undefined ? documentKey(es['document-id'], job) : undefined;
  if (!job?.window && idKey) for (const p of idKey.parts) if (!fields.has(p)) fields.set(p, 'STRING');
  if (fields.size === 0 && !job?.window) fields.set('message', 'STRING');
  const source = tableName(sourceName(node, hosts));
  const target = tableName(node.sink.elasticsearch?.index ?? node.sink.kafka?.topic ?? 'files');
  const sink = target === source ? `${target}_out` : target;
  // Without a window the sink has the source's columns: SELECT * unless a PRIMARY KEY needs them named.
  const result = resultColumns(job, fields);
  const how = variant?.mode === 'reprocess' ? `, a replay of the topic into a new index (readers switch when it has caught up)` : variant ? ', deployed in place from a savepoint of the running job' : '';
  return lines(
    `-- Flink 2.0 job of ${id}${variant ? `, version ${variant.version}` : ''}, written from the simulator's spec: read ${isKinesisSource(node.source) ? 'the Kinesis stream ' : ''}${sourceName(node, hosts)}, write ${node.sink.elasticsearch ? `the index ${node.sink.elasticsearch.index}` : node.sink.kafka ? `the topic ${node.sink.kafka.topic}` : 'files'}${how}.`,
    ...(variant?.parallelism !== undefined ? [`-- flink run -s <savepoint> -p ${variant.parallelism}: the savepoint's key groups spread over ${variant.parallelism} subtasks.`, `SET 'parallelism.default' = '${variant.parallelism}';`, ''] : []),
    sourceTable(source, node, hosts, fields, job, variant),
    '',
    sinkTable(sink, node, hosts, result, job, variant),
    '',
    query(source, sink, job, job?.window || idKey ? result : [], where?.ok ? where.sql : undefined),
  );
}

/** config.yaml: the options that differ from Flink 2.0's defaults (or from what the simulator assumes without them). */
export function writeFlinkConfigYaml(id: string, node: FlinkSpec): string {
  const set: string[] = [];
  const interval = node['execution.checkpointing.interval'];
  if (interval !== undefined) set.push(`execution.checkpointing.interval: ${flinkDuration(interval)}`);
  if (node['execution.checkpointing.mode'] !== 'EXACTLY_ONCE') set.push(`execution.checkpointing.mode: ${node['execution.checkpointing.mode']}`);
  if (node['execution.checkpointing.timeout'] !== 600_000) set.push(`execution.checkpointing.timeout: ${flinkDuration(node['execution.checkpointing.timeout'])}`);
  const r = node['restart-strategy'];
  if (r.type === 'none') set.push('restart-strategy.type: none');
  else if (r.attempts !== undefined) set.push('restart-strategy.type: fixed-delay', `restart-strategy.fixed-delay.attempts: ${r.attempts}`, `restart-strategy.fixed-delay.delay: ${flinkDuration(r.delay)}`);
  // With checkpointing Flink's default is exponential-delay: its first restart waits the initial backoff.
  else if (interval !== undefined) {
    if (r.delay !== 1000) set.push(`restart-strategy.exponential-delay.initial-backoff: ${flinkDuration(r.delay)}`);
  } else {
    // Without checkpointing Flink does not restart unless told to; restarting without end is
    // fixed-delay with Integer.MAX_VALUE attempts (Flink 1.x's default for checkpointed jobs).
    set.push('restart-strategy.type: fixed-delay', `restart-strategy.fixed-delay.attempts: ${UNLIMITED_ATTEMPTS}`, `restart-strategy.fixed-delay.delay: ${flinkDuration(r.delay)}`);
  }
  if (node['parallelism.default'] !== undefined) set.push(`parallelism.default: ${node['parallelism.default']}`);
  if (node['pipeline.max-parallelism'] !== undefined) set.push(`pipeline.max-parallelism: ${node['pipeline.max-parallelism']}`);
  const wm = node.job?.window ? node.job.watermark : undefined;
  if (wm && wm.interval !== 200) set.push(`pipeline.auto-watermark-interval: ${flinkDuration(wm.interval)}`);
  const lateness = node.job?.['allowed-lateness'] ?? 0;
  if (lateness > 0) set.push(`table.exec.emit.allow-lateness: ${flinkDuration(lateness)}`);
  // AUTO splits a window aggregation wherever it can: a spec that keeps it in one phase says so.
  if (node.job && node.job['local-global'] !== true && plannerSplits(node.job)) set.push('table.optimizer.agg-phase-strategy: ONE_PHASE');
  return lines(`# Flink 2.0 config.yaml of ${id}; options not written keep Flink 2.0's defaults.`, ...(set.length > 0 ? set : ['# (all defaults)']));
}

/** One deploy line of world.yaml: when a version's file goes live. */
export interface DeployLine { at: number; file: string }

/** Each deployed version's file, and the world.yaml `deploys` lines that put them live, in the spec's order. */
export function writeFlinkVersions(id: string, node: FlinkSpec, hosts: HostNames): { files: [string, string][]; deploys: DeployLine[] } {
  const files: [string, string][] = [];
  const deploys: DeployLine[] = [];
  for (const d of node.deploy ?? []) {
    const file = `${id}/job-${d.version}.sql`;
    const variant: Variant = { job: node.versions![d.version]!, mode: d.mode, version: d.version, ...(d.parallelism !== undefined ? { parallelism: d.parallelism } : {}) };
    files.push([file, writeJobSql(id, node, hosts, variant)]);
    deploys.push({ at: d.at, file });
  }
  return { files, deploys };
}
