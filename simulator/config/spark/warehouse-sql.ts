/**
 * A Spark SQL job file of the orders warehouse (`<host>/jobs/<name>.sql`, run by a SparkSqlOperator) → what
 * the task does (simulator/warehouse/run.ts `TaskRole`). Parsed with dt-sql-parser's SparkSQL grammar, as
 * job-sql.ts parses the batch-view jobs; the shapes read are the ones a warehouse DAG is made of:
 *
 *   CREATE TEMPORARY VIEW orders_src USING org.apache.spark.sql.jdbc                -- or USING jdbc
 *   OPTIONS (url 'jdbc:postgresql://orders-db:5432/shop', dbtable 'public.orders');
 *
 *   INSERT INTO stg_orders SELECT … FROM orders_src                                   -- ELT: extract raw
 *   [WHERE updated_at >= '{{ data_interval_start }}' AND updated_at < '{{ data_interval_end }}'];
 *
 *   INSERT OVERWRITE TABLE fact_orders SELECT … FROM orders_src WHERE status <> 'cancelled';   -- ETL, full
 *   MERGE INTO fact_orders f USING (SELECT … FROM orders_src WHERE status <> 'cancelled'
 *     AND updated_at >= … AND updated_at < …) s ON f.order_id = s.order_id
 *   WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *;                      -- ETL, incremental
 *
 *   INSERT OVERWRITE TABLE fact_orders SELECT … FROM stg_orders … WHERE status <> 'cancelled';  -- ELT: transform
 *   INSERT OVERWRITE TABLE mart_daily_revenue SELECT … FROM fact_orders GROUP BY dt;   -- marts
 *
 * The JDBC view's options follow Spark's JDBC data source ("JDBC To Other Databases"): `url` is required,
 * and exactly one of `dbtable` and `query`; Spark's own messages are used when they are missing.
 */
import { SparkSQL } from 'dt-sql-parser';
import type { Loc } from '../logstash/ast.js';
import { Problems } from '../shared/issues.js';
import type { TaskRole } from '../../warehouse/run.js';
import type { ExtractMode } from '../../warehouse/layers.js';

export interface JdbcSource {
  /** The database host and port in the URL (`orders-db`, 5432). */
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly loc: Loc;
}

export interface WarehouseTaskSql {
  readonly role: TaskRole;
  /** For the two extracting roles. */
  readonly extract?: ExtractMode;
  readonly jdbc?: JdbcSource;
}

const SHAPES = 'warehouse jobs the simulator runs: a JDBC view (CREATE TEMPORARY VIEW … USING jdbc OPTIONS (url …, dbtable \'orders\')) read by INSERT INTO stg_orders or MERGE INTO / INSERT OVERWRITE fact_orders; INSERT OVERWRITE fact_orders … FROM stg_orders; INSERT OVERWRITE mart_daily_revenue / mart_customer_revenue … FROM fact_orders';
const INCREMENTAL = /\bupdated_at\s*>=\s*'\{\{\s*data_interval_start\s*\}\}'\s+AND\s+updated_at\s*<\s*'\{\{\s*data_interval_end\s*\}\}'/i;
const CANCELLED_OUT = /\bstatus\s*(?:<>|!=)\s*'cancelled'/i;

let spark: SparkSQL | undefined;

/** Whether a job file reads the OLTP database (so its DAG is a warehouse DAG, not a lake batch view). */
export function readsJdbc(text: string): boolean {
  return /\bUSING\s+(?:jdbc|org\.apache\.spark\.sql\.jdbc)\b/i.test(text);
}

/** Whether a job file belongs to the orders warehouse: it reads the database, or writes a warehouse table. */
export function isWarehouseJob(text: string): boolean {
  return readsJdbc(text) || /\b(?:INSERT\s+(?:INTO|OVERWRITE)\s+(?:TABLE\s+)?|MERGE\s+INTO\s+)(?:stg_orders|fact_orders|mart_\w+)\b/i.test(text);
}

export function checkWarehouseSql(text: string, file: string): { problems: Problems; task?: WarehouseTaskSql } {
  const problems = new Problems(file);
  spark ??= new SparkSQL();
  const errors: { line: number; column: number; endLine: number; endColumn: number; message: string }[] = [];
  const tree = spark.parse(text, (e) => errors.push({ line: e.startLine, column: e.startColumn, endLine: e.endLine, endColumn: e.endColumn, message: e.message }));
  if (errors.length > 0) {
    problems.error(errors[0]!, `[PARSE_SYNTAX_ERROR] ${errors[0]!.message}`, "see the Spark SQL reference for the statement's syntax");
    return { problems };
  }
  const locOf = (from: number, to: number): Loc => {
    const before = text.slice(0, from).split('\n');
    const line = before.length;
    const column = before[before.length - 1]!.length + 1;
    const upto = text.slice(0, to).split('\n');
    return { line, column, endLine: upto.length, endColumn: upto[upto.length - 1]!.length + 1 };
  };
  const views = new Map<string, JdbcSource>();
  const roles: { role: TaskRole; extract?: ExtractMode; jdbc?: JdbcSource; loc: Loc }[] = [];
  for (const single of tree.singleStatement()) {
    const from = single.start?.start ?? 0;
    const to = (single.stop?.stop ?? from) + 1;
    const stmt = text.slice(from, to).replace(/--[^\n]*/g, (c) => ' '.repeat(c.length)).replace(/;\s*$/, '');
    const loc = locOf(from, to);
    const view = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:GLOBAL\s+)?TEMP(?:ORARY)?\s+VIEW\s+(\w+)\s+USING\s+(\S+)\s+OPTIONS\s*\(([\s\S]*)\)\s*$/i.exec(stmt);
    if (view) {
      if (!/^(jdbc|org\.apache\.spark\.sql\.jdbc)$/i.test(view[2]!)) {
        problems.warn(loc, `a ${view[2]} view is not simulated here`, SHAPES);
        continue;
      }
      const jdbc = readJdbcOptions(view[3]!, loc, problems);
      if (jdbc) views.set(view[1]!.toLowerCase(), jdbc);
      continue;
    }
    if (/^\s*CREATE\s+(?:EXTERNAL\s+)?TABLE\b/i.test(stmt)) continue; // the warehouse's own tables: their DDL is not simulated
    const target = /^\s*(?:INSERT\s+(?:INTO|OVERWRITE)\s+(?:TABLE\s+)?|MERGE\s+INTO\s+)(\w+)/i.exec(stmt)?.[1]?.toLowerCase();
    if (!target) {
      problems.warn(loc, `this statement is not simulated: ${stmt.trim().split(/\s+/).slice(0, 3).join(' ')} …`, SHAPES);
      continue;
    }
    const sources = [...stmt.matchAll(/\bFROM\s+(\w+)/gi)].map((m) => m[1]!.toLowerCase());
    const jdbc = sources.map((s) => views.get(s)).find((v) => v !== undefined);
    const extract: ExtractMode = INCREMENTAL.test(stmt) ? 'incremental' : 'full';
    if (/\bupdated_at\b/i.test(stmt.split(/\bWHERE\b/i).slice(1).join(' ')) && extract === 'full') {
      problems.error(loc, "the simulator reads an incremental extract as the run's data interval on updated_at", "WHERE updated_at >= '{{ data_interval_start }}' AND updated_at < '{{ data_interval_end }}'");
      continue;
    }
    const isMerge = /^\s*MERGE\b/i.test(stmt);
    if (target === 'stg_orders' && jdbc) roles.push({ role: 'extract', extract, jdbc, loc });
    else if (target === 'fact_orders' && jdbc) {
      if (!CANCELLED_OUT.test(stmt)) problems.error(loc, "the fact table holds the orders that count as revenue: the transform drops cancelled ones", "add WHERE status <> 'cancelled'");
      if (isMerge !== (extract === 'incremental')) problems.error(loc, isMerge ? 'a MERGE of a full snapshot keeps rows the snapshot no longer has as revenue' : "INSERT OVERWRITE of one interval's changes replaces the whole fact table with them", isMerge ? 'INSERT OVERWRITE TABLE fact_orders … for a full extract' : 'MERGE INTO fact_orders … ON f.order_id = s.order_id for an incremental one');
      roles.push({ role: 'extract-load', extract, jdbc, loc });
    } else if (target === 'fact_orders' && sources.includes('stg_orders')) {
      if (!CANCELLED_OUT.test(stmt)) problems.error(loc, 'the fact table holds the orders that count as revenue: the transform drops cancelled ones', "add WHERE status <> 'cancelled'");
      roles.push({ role: 'transform', loc });
    } else if (/^mart_(daily|customer)_revenue$/.test(target) && sources.includes('fact_orders')) roles.push({ role: 'marts', loc });
    else problems.error(loc, `[TABLE_OR_VIEW_NOT_FOUND] this job writes \`${target}\` from ${sources.join(', ') || 'nothing'}, which the warehouse does not have`, SHAPES);
  }
  if (problems.hasErrors) return { problems };
  const kinds = new Set(roles.map((r) => r.role));
  if (kinds.size !== 1) {
    problems.error(roles[1]?.loc, kinds.size === 0 ? 'the job writes nothing the warehouse has' : 'one job file per step: extract, transform or marts', SHAPES);
    return { problems };
  }
  const first = roles[0]!;
  return { problems, task: { role: first.role, ...(first.extract ? { extract: first.extract } : {}), ...(first.jdbc ? { jdbc: first.jdbc } : {}) } };
}

function readJdbcOptions(body: string, loc: Loc, problems: Problems): JdbcSource | undefined {
  const options = new Map<string, string>();
  for (const m of body.matchAll(/(\w+)\s*=?\s*'([^']*)'/g)) options.set(m[1]!.toLowerCase(), m[2]!);
  const url = options.get('url');
  if (url === undefined) {
    problems.error(loc, "IllegalArgumentException: requirement failed: Option 'url' is required.", "OPTIONS (url 'jdbc:postgresql://orders-db:5432/shop', dbtable 'orders')");
    return undefined;
  }
  if (options.has('dbtable') === options.has('query')) {
    problems.error(loc, options.has('dbtable') ? "IllegalArgumentException: requirement failed: Both 'dbtable' and 'query' can not be specified at the same time." : "IllegalArgumentException: requirement failed: Option 'dbtable' or 'query' is required.", "dbtable 'orders'");
    return undefined;
  }
  const table = (options.get('dbtable') ?? '').replace(/^public\./i, '').toLowerCase();
  if (options.has('query') || table !== 'orders') {
    problems.error(loc, `the orders database has one table, orders; the simulator reads it by dbtable`, "dbtable 'orders'");
    return undefined;
  }
  const u = /^jdbc:postgresql:\/\/([\w.-]+)(?::(\d+))?\/(\w+)/.exec(url);
  if (!u) {
    problems.error(loc, `java.sql.SQLException: No suitable driver: '${url}' is not a PostgreSQL JDBC URL`, 'jdbc:postgresql://orders-db:5432/shop');
    return undefined;
  }
  return { host: u[1]!, port: u[2] ? Number(u[2]) : 5432, database: u[3]!, loc };
}
