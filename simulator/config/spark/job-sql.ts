/**
 * A Spark SQL job file (`jobs/<name>.sql`, run by Airflow's SparkSqlOperator) → the internal batch job.
 *
 * The file is parsed with dt-sql-parser's SparkSQL grammar (ANTLR 4, the same pinned package as Flink
 * SQL); a syntax error is reported once, at the first token the parser cannot take. The subset the
 * simulator runs is one batch view over the partitioned lake:
 *
 *   CREATE TABLE [IF NOT EXISTS] raw_logs (...) USING json PARTITIONED BY (dt) LOCATION 's3a://lake/raw/';
 *   CREATE TABLE [IF NOT EXISTS] batch_view (...) USING parquet PARTITIONED BY (dt) LOCATION '…';
 *   INSERT OVERWRITE TABLE batch_view PARTITION (dt = '{{ ds }}')   -- or INSERT INTO (append)
 *   SELECT window.start, window.end, status, count(*) FROM raw_logs
 *   WHERE dt = '{{ ds }}' [AND status <> '404' …]
 *   GROUP BY window(`@timestamp`, '10 seconds'[, '5 seconds']), status;
 *
 * `count(*)`, `count(DISTINCT id)` (each id once: the copies of a resent line count once), `sum(col)`,
 * `avg(col)`. `WHERE` on the source's partition column with `=` picks the partition (`dt=…/` under the
 * location); other conjuncts compare a column with a literal. `INSERT OVERWRITE … PARTITION` is a dynamic
 * partition overwrite of that partition (Spark 3.x with `spark.sql.sources.partitionOverwriteMode=dynamic`,
 * SEMANTICS-2 §5 [SP1]); `INSERT INTO` appends ([SP2]). Templates (`{{ ds }}`) are Airflow's: the
 * operator renders the file before Spark reads it (`template_ext = (".sql", ".hql")`).
 */
import { SparkSQL } from 'dt-sql-parser';
import type { Loc } from '../logstash/ast.js';
import { Problems } from '../shared/issues.js';

export interface SparkTable {
  name: string;
  columns: Map<string, string>;
  partitionedBy: string[];
  format: string;
  /** The object-store prefix after the bucket (`raw/`). */
  prefix: string;
  loc: Loc;
}

export interface SparkBatchJob {
  source: SparkTable;
  target: SparkTable;
  mode: 'overwrite' | 'append';
  /** The target partition as a path segment, templated: `dt={{ ds }}`; '' for an unpartitioned write. */
  partition: string;
  /** The source prefix to list, templated: `raw/dt={{ ds }}/`. */
  sourcePrefix: string;
  job: Record<string, unknown>;
  loc: Loc;
}

export interface SparkCheck {
  problems: Problems;
  tables: Map<string, SparkTable>;
  job?: SparkBatchJob;
}

const SUBSET = 'the simulator runs: CREATE TABLE … USING … [PARTITIONED BY (…)] LOCATION \'s3a://…\'; and one INSERT OVERWRITE|INTO … SELECT window.start, window.end, key, count(*)|count(DISTINCT id)|sum(col)|avg(col) FROM t [WHERE …] GROUP BY window(`@timestamp`, \'10 seconds\'), key';

let spark: SparkSQL | undefined;

const UNIT_MS: Record<string, number> = { millisecond: 1, second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };

/** A Spark interval string: '10 seconds', '1 minute', '2 hours'. */
function intervalMs(text: string): number | undefined {
  const m = /^\s*(\d+)\s*(millisecond|second|minute|hour|day|week)s?\s*$/i.exec(text);
  return m ? Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]! : undefined;
}

const unquote = (s: string) => s.replace(/^`|`$/g, '');

export function checkSparkSql(text: string, file: string): SparkCheck {
  const problems = new Problems(file);
  const out: SparkCheck = { problems, tables: new Map() };
  spark ??= new SparkSQL();
  const errors: { line: number; column: number; endLine: number; endColumn: number; message: string }[] = [];
  const tree = spark.parse(text, (e) => errors.push({ line: e.startLine, column: e.startColumn, endLine: e.endLine, endColumn: e.endColumn, message: e.message }));
  if (errors.length > 0) {
    problems.error(errors[0]!, `[PARSE_SYNTAX_ERROR] ${errors[0]!.message}`, 'see the Spark SQL reference for the statement\'s syntax');
    return out;
  }
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const locAt = (from: number, to: number): Loc => {
    const pos = (p: number) => {
      let line = 0;
      while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= p) line++;
      return { line: line + 1, column: p - lineStarts[line]! + 1 };
    };
    const a = pos(from);
    const b = pos(to);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
  const inserts: { text: string; from: number }[] = [];
  for (const single of tree.singleStatement()) {
    const start = single.start?.start ?? 0;
    const stop = single.stop?.stop ?? start;
    // Statement text without comments, so the shapes below see only SQL.
    const raw = text.slice(start, stop + 1).replace(/;\s*$/, '');
    const stmt = raw.replace(/--[^\n]*/g, (c) => ' '.repeat(c.length));
    const loc = locAt(start, stop + 1);
    if (/^\s*CREATE\s+(EXTERNAL\s+)?TABLE\b/i.test(stmt)) {
      const t = readCreate(stmt, start, loc, locAt, problems);
      if (!t) continue;
      if (out.tables.has(t.name)) problems.error(t.loc, `[TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create table or view \`${t.name}\` because it already exists`, 'write CREATE TABLE IF NOT EXISTS, once per table');
      else out.tables.set(t.name, t);
    } else if (/^\s*INSERT\b/i.test(stmt)) inserts.push({ text: stmt, from: start });
    else problems.warn(loc, `this statement is not simulated: ${stmt.trim().split(/\s+/).slice(0, 3).join(' ')} …`, SUBSET);
  }
  if (inserts.length !== 1) {
    problems.error(inserts[1] ? locAt(inserts[1].from, inserts[1].from + 6) : undefined, inserts.length === 0 ? 'the job writes nothing: no INSERT statement' : 'the simulator runs one INSERT per job file', SUBSET);
    return out;
  }
  const job = readInsert(inserts[0]!.text, inserts[0]!.from, out.tables, locAt, problems);
  if (job && !problems.hasErrors) out.job = job;
  return out;
}

type LocAt = (from: number, to: number) => Loc;

function readCreate(stmt: string, from: number, loc: Loc, locAt: LocAt, problems: Problems): SparkTable | undefined {
  const head = /^\s*CREATE\s+(?:EXTERNAL\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([\w.`]+)\s*\(/i.exec(stmt);
  if (!head) {
    problems.error(loc, 'CREATE TABLE needs a column list', SUBSET);
    return undefined;
  }
  const name = unquote(head[1]!.split('.').pop()!);
  // The column list: up to the parenthesis that closes the one after the name.
  let depth = 1;
  let i = head[0].length;
  for (; i < stmt.length && depth > 0; i++) depth += stmt[i] === '(' ? 1 : stmt[i] === ')' ? -1 : 0;
  const columns = new Map<string, string>();
  for (const col of stmt.slice(head[0].length, i - 1).split(/,(?![^(]*\))/)) {
    const m = /^\s*(`[^`]+`|\w+)\s+([\w<>(), ]+?)\s*$/.exec(col);
    if (m) columns.set(unquote(m[1]!), m[2]!.toUpperCase());
  }
  const rest = stmt.slice(i);
  const format = /\bUSING\s+(\w+)/i.exec(rest)?.[1]?.toLowerCase() ?? 'hive';
  const partitionedBy = (/\bPARTITIONED\s+BY\s*\(([^)]*)\)/i.exec(rest)?.[1] ?? '').split(',').map((s) => unquote(s.trim().split(/\s+/)[0] ?? '')).filter(Boolean);
  const location = /\bLOCATION\s+'([^']*)'/i.exec(rest);
  let prefix = '';
  if (!location) problems.error(loc, `table \`${name}\` has no LOCATION: the simulator's tables live in the object store`, "add LOCATION 's3a://lake/raw/'");
  else {
    const at = from + i + location.index + location[0].indexOf("'");
    const m = /^s3a?:\/\/[^/]+\/?(.*)$/.exec(location[1]!);
    if (!m) problems.error(locAt(at, at + location[1]!.length + 2), `LOCATION '${location[1]}' is not an S3 path`, "write 's3a://<bucket>/<prefix>/'");
    else prefix = m[1]!.length > 0 && !m[1]!.endsWith('/') ? `${m[1]}/` : m[1]!;
  }
  for (const p of partitionedBy) if (!columns.has(p)) problems.error(loc, `[COLUMN_NOT_DEFINED_IN_TABLE] partition column \`${p}\` is not defined in table \`${name}\``, `add ${p} STRING to the columns`);
  return { name, columns, partitionedBy, format, prefix, loc: locAt(from + head.index + head[0].indexOf(head[1]!), from + head.index + head[0].indexOf(head[1]!) + head[1]!.length) };
}

function readInsert(stmt: string, from: number, tables: Map<string, SparkTable>, locAt: LocAt, problems: Problems): SparkBatchJob | undefined {
  const at = (re: RegExp, group = 0): Loc | undefined => {
    const m = re.exec(stmt);
    if (!m) return undefined;
    const s = from + m.index + (group ? m[0].indexOf(m[group]!) : 0);
    return locAt(s, s + (m[group] ?? m[0]).length);
  };
  const whole = locAt(from, from + stmt.length);
  const head = /^\s*INSERT\s+(OVERWRITE|INTO)\s+(?:TABLE\s+)?([\w.`]+)\s*(?:PARTITION\s*\(((?:\{\{[\s\S]*?\}\}|[^)])*)\))?\s*/i.exec(stmt);
  if (!head) {
    problems.error(whole, 'INSERT must name its table: INSERT OVERWRITE TABLE t … / INSERT INTO t …', SUBSET);
    return undefined;
  }
  const mode = head[1]!.toUpperCase() === 'OVERWRITE' ? 'overwrite' : 'append';
  const targetName = unquote(head[2]!.split('.').pop()!);
  const target = tables.get(targetName);
  if (!target) {
    problems.error(at(/INSERT\s+(?:OVERWRITE|INTO)\s+(?:TABLE\s+)?([\w.`]+)/i, 1), `[TABLE_OR_VIEW_NOT_FOUND] The table or view \`${targetName}\` cannot be found`, 'create it in this file with CREATE TABLE IF NOT EXISTS');
    return undefined;
  }
  let partition = '';
  if (head[3] !== undefined) {
    const pm = /^\s*(\w+)\s*=\s*'([^']*)'\s*$/.exec(head[3]);
    if (!pm) {
      problems.error(at(/PARTITION\s*\(/i), 'the simulator writes one partition given by value: PARTITION (dt = \'{{ ds }}\')', SUBSET);
      return undefined;
    }
    if (!target.partitionedBy.includes(pm[1]!)) {
      problems.error(at(/PARTITION\s*\(/i), `[PARTITIONS_NOT_FOUND] \`${pm[1]}\` is not a partition column of \`${target.name}\` (partitioned by: ${target.partitionedBy.join(', ') || 'nothing'})`);
      return undefined;
    }
    partition = `${pm[1]}=${pm[2]}`;
  } else if (target.partitionedBy.length > 0 && mode === 'overwrite') {
    problems.warn(at(/INSERT\s+OVERWRITE/i), `INSERT OVERWRITE without PARTITION (…) under the default partitionOverwriteMode=static deletes every partition of \`${target.name}\` first`, "write PARTITION (dt = '{{ ds }}') to replace only the run's partition");
  }
  const body = stmt.slice(head[0].length);
  const q = /^SELECT\s+([\s\S]+?)\s+FROM\s+([\w.`]+)(?:\s+WHERE\s+([\s\S]+?))?\s+GROUP\s+BY\s+([\s\S]+?)\s*$/i.exec(body);
  if (!q) {
    problems.error(locAt(from + head[0].length, from + stmt.length), 'the query is not of the simulated shape', SUBSET);
    return undefined;
  }
  const [, select, sourceRaw, where, groupBy] = q as unknown as [string, string, string, string | undefined, string];
  const sourceName = unquote(sourceRaw.split('.').pop()!);
  const source = tables.get(sourceName);
  if (!source) {
    problems.error(at(/\bFROM\s+([\w.`]+)/i, 1), `[TABLE_OR_VIEW_NOT_FOUND] The table or view \`${sourceName}\` cannot be found`, 'create it in this file with CREATE TABLE IF NOT EXISTS … LOCATION');
    return undefined;
  }
  const job: Record<string, unknown> = {};
  // GROUP BY window(ts, size[, slide]), key
  const w = /window\s*\(\s*(`[^`]+`|\w+)\s*,\s*'([^']*)'\s*(?:,\s*'([^']*)'\s*)?\)/i.exec(groupBy);
  const groupLoc = at(/GROUP\s+BY\s+([\s\S]+)$/i, 1);
  if (!w) {
    problems.error(groupLoc, 'GROUP BY needs a time window: window(`@timestamp`, \'10 seconds\')', SUBSET);
    return undefined;
  }
  const tsCol = unquote(w[1]!);
  if (tsCol !== '@timestamp') problems.error(groupLoc, `window(${w[1]}, …): the simulated records carry their event time in \`@timestamp\` (what Logstash's date filter sets)`, "write window(`@timestamp`, '10 seconds')");
  else if (!source.columns.has('@timestamp')) problems.error(groupLoc, `[UNRESOLVED_COLUMN] \`@timestamp\` is not a column of \`${source.name}\``, 'add `@timestamp` TIMESTAMP to its columns');
  const size = intervalMs(w[2]!);
  const slide = w[3] === undefined ? undefined : intervalMs(w[3]);
  if (size === undefined || (w[3] !== undefined && slide === undefined)) {
    problems.error(groupLoc, `'${w[3] !== undefined && slide === undefined ? w[3] : w[2]}' is not an interval Spark reads`, "write '10 seconds', '1 minute', …");
    return undefined;
  }
  job.window = slide === undefined || slide === size ? { type: 'tumbling', size } : { type: 'sliding', size, slide };
  const keys = groupBy.replace(w[0], '').split(',').map((s) => unquote(s.trim())).filter(Boolean);
  if (keys.length !== 1) {
    problems.error(groupLoc, `the simulator aggregates one key per window; GROUP BY has ${keys.length}`, SUBSET);
    return undefined;
  }
  const key = keys[0]!;
  if (!source.columns.has(key)) problems.error(groupLoc, `[UNRESOLVED_COLUMN] A column with name \`${key}\` cannot be resolved in \`${source.name}\``);
  job['key-by'] = key;
  const agg = /\b(count|sum|avg)\s*\(\s*(\*|DISTINCT\s+(`[^`]+`|\w+)|(`[^`]+`|\w+))\s*\)/i.exec(select);
  const selectLoc = at(/^\s*INSERT[\s\S]*?SELECT\s+([\s\S]+?)\s+FROM\b/i, 1);
  if (!agg) {
    problems.error(selectLoc, 'the SELECT needs one aggregate: count(*), count(DISTINCT id), sum(col) or avg(col)', SUBSET);
    return undefined;
  }
  const fn = agg[1]!.toLowerCase();
  const distinct = agg[3] === undefined ? undefined : unquote(agg[3]);
  const col = agg[4] === undefined ? undefined : unquote(agg[4]);
  if (fn === 'count' && col === undefined) {
    job.aggregate = 'count';
    if (distinct !== undefined) {
      if (!source.columns.has(distinct)) problems.error(selectLoc, `[UNRESOLVED_COLUMN] \`${distinct}\` is not a column of \`${source.name}\``);
      job.dedupe = { field: distinct };
    }
  } else if ((fn === 'sum' || fn === 'avg') && col !== undefined) {
    if (!source.columns.has(col)) problems.error(selectLoc, `[UNRESOLVED_COLUMN] \`${col}\` is not a column of \`${source.name}\``);
    job.aggregate = `${fn}:${col}`;
  } else {
    problems.error(selectLoc, `${agg[0]} is not simulated`, SUBSET);
    return undefined;
  }
  // WHERE: the partition filter, then plain comparisons, joined by AND.
  let sourcePrefix = source.prefix;
  const conditions: string[] = [];
  if (where !== undefined) {
    const whereLoc = at(/\bWHERE\s+([\s\S]+?)\s+GROUP\s+BY\b/i, 1);
    for (const part of where.split(/\s+AND\s+/i)) {
      const c = /^\s*(`[^`]+`|\w+)\s*(=|==|<>|!=|<=|>=|<|>)\s*('([^']*)'|-?\d+(?:\.\d+)?)\s*$/.exec(part);
      if (!c) {
        problems.error(whereLoc, `\`${part.trim()}\`: the simulator reads WHERE as comparisons of a column with a literal, joined by AND`, "e.g. WHERE dt = '{{ ds }}' AND status <> '404'");
        return undefined;
      }
      const name = unquote(c[1]!);
      const literal = c[4] !== undefined ? `"${c[4]}"` : c[3]!;
      if (source.partitionedBy.includes(name)) {
        if (c[2] !== '=' && c[2] !== '==') {
          problems.error(whereLoc, `the simulator reads one partition: \`${name}\` = '…'`, `WHERE ${name} = '{{ ds }}'`);
          return undefined;
        }
        sourcePrefix += `${name}=${c[4] ?? c[3]}/`;
        continue;
      }
      if (!source.columns.has(name)) problems.error(whereLoc, `[UNRESOLVED_COLUMN] A column with name \`${name}\` cannot be resolved in \`${source.name}\``);
      const op = c[2] === '=' || c[2] === '==' ? '==' : c[2] === '<>' ? '!=' : c[2]!;
      conditions.push(`[${name}] ${op} ${literal}`);
    }
  }
  if (conditions.length > 0) job.where = conditions.join(' and ');
  // Lineage: the job's fields are the job spec's, in its key order.
  const ordered: Record<string, unknown> = {};
  for (const k of ['where', 'key-by', 'window', 'aggregate', 'dedupe']) if (job[k] !== undefined) ordered[k] = job[k];
  return { source, target, mode, partition, sourcePrefix, job: ordered, loc: whole };
}
