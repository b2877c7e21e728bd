/**
 * A Flink SQL script (job.sql) read with dt-sql-parser's FlinkSQL grammar (ANTLR 4, maintained by
 * DTStack; pinned in package.json) into plain, located data: the tables it creates, its INSERTs,
 * its SET statements and the statements the simulation does not run. The grammar is Flink's
 * dialect of Calcite SQL: reserved words (`bytes`, `timestamp`, `value`, `out`, …) must be written
 * in backquotes as Flink itself requires. Like Flink's SQL client, a syntax error is reported once,
 * at the first token the parser cannot take.
 */
import type { FlinkSQL } from 'dt-sql-parser/dist/parser/flink';
import type { ParserRuleContext } from 'antlr4ng';
import type {
  ColumnNameCreateContext, ColumnTypeContext, ExpressionContext, InsertSimpleStatementContext, QueryStatementContext,
  SimpleCreateTableContext, TablePathContext, TablePropertyContext, TimeIntervalExpressionContext, UidContext,
  ColumnNameContext, SelectStatementContext,
} from 'dt-sql-parser/dist/lib/flink/FlinkSqlParser';
import type { Loc } from '../logstash/ast.js';
import type { Problems } from '../shared/issues.js';
import { flinkSqlRuntime } from './sql-runtime.js';

export interface SqlOption { key: string; value: string; keyLoc: Loc; valueLoc: Loc }
export interface SqlColumn { name: string; type: string; kind: 'physical' | 'metadata' | 'computed'; loc: Loc }
export interface SqlTable {
  name: string;
  columns: SqlColumn[];
  watermark?: { column: string; expression: ExpressionContext; loc: Loc };
  primaryKey?: { columns: string[]; loc: Loc };
  options: Map<string, SqlOption>;
  loc: Loc;
  nameLoc: Loc;
}
export interface SqlInsert { target: string; targetLoc: Loc; columns?: string[]; query: QueryStatementContext | null; loc: Loc }
export interface SqlScript {
  tables: Map<string, SqlTable>;
  inserts: SqlInsert[];
  sets: SqlOption[];
  /** Statements the simulation does not run (CREATE VIEW, SELECT alone, USE, …). */
  others: { what: string; loc: Loc }[];
}

let flink: FlinkSQL | undefined;

/** The script's statements, or null after a syntax error (reported in `problems`). */
export function parseFlinkSql(text: string, problems: Problems): SqlScript | null {
  const runtime = flinkSqlRuntime();
  if (!runtime) {
    // Only a program that forgot to load it (sql-runtime.ts) gets here; say so rather than throw.
    problems.error({ line: 1, column: 1, endLine: 1, endColumn: 1 }, 'the Flink SQL parser is not loaded, so job.sql cannot be checked', 'run again: the parser loads with the first workspace that has a .sql file');
    return null;
  }
  flink ??= new runtime.FlinkSQL();
  const errors: { line: number; column: number; endLine: number; endColumn: number; message: string }[] = [];
  const tree = flink.parse(text, (e) => errors.push({ line: e.startLine, column: e.startColumn, endLine: e.endLine, endColumn: e.endColumn, message: e.message }));
  if (errors.length > 0) {
    const first = errors[0]!;
    problems.error(first, `SQL parse failed. ${first.message}`, syntaxHint(text, first));
    return null;
  }
  const script: SqlScript = { tables: new Map(), inserts: [], sets: [], others: [] };
  for (const single of tree.singleStatement()) {
    const stmt = single.sqlStatement();
    if (!stmt) continue;
    const create = stmt.ddlStatement()?.createTable()?.simpleCreateTable();
    const insert = stmt.dmlStatement()?.insertStatement();
    const set = stmt.setStatement();
    if (create) {
      const table = readCreateTable(create, problems);
      if (script.tables.has(table.name)) problems.error(table.nameLoc, `Table or view '${table.name}' already exists`, 'each CREATE TABLE needs its own name (or write CREATE TABLE IF NOT EXISTS)');
      else script.tables.set(table.name, table);
    } else if (insert) {
      const simple = insert.insertSimpleStatement();
      const many = insert.insertMulStatement() ?? insert.insertMulStatementCompatibility();
      if (simple) script.inserts.push(readInsert(simple));
      else if (many) for (const s of many.insertSimpleStatement()) script.inserts.push(readInsert(s));
    } else if (set) {
      const prop = set.tableProperty();
      if (prop) script.sets.push(readOption(prop));
    } else script.others.push({ what: firstWords(stmt, text), loc: locOf(stmt) });
  }
  return script;
}

function syntaxHint(text: string, at: { line: number; column: number }): string {
  const rest = (text.split(/\r?\n/)[at.line - 1] ?? '').slice(at.column - 1);
  // Flink 1.19+ has a SESSION table function (TABLE(SESSION(TABLE t PARTITION BY key, DESCRIPTOR(ts), gap))),
  // but dt-sql-parser's grammar has only TUMBLE, HOP and CUMULATE as table functions.
  if (/^SESSION\b/i.test(rest)) return "the SESSION table function (Flink 1.19+) is not in this parser's grammar: write the session window as a group window, GROUP BY SESSION(ts, INTERVAL '30' SECOND), key";
  if (/^(bytes|timestamp|value|out|user|time|date|year|month|day|hour|minute|second|count|sum|avg|key|values|window|position|result|system|table|partition|start|end)\b/i.test(rest)) return 'a reserved word: write it in backquotes, e.g. `' + rest.split(/\W/)[0] + '`';
  return 'see the Flink SQL reference for the statement\'s syntax';
}

function firstWords(ctx: ParserRuleContext, text: string): string {
  const source = text.slice(ctx.start!.start, (ctx.stop ?? ctx.start!).stop + 1);
  return source.split(/\s+/).slice(0, 2).join(' ').toUpperCase();
}

export function locOf(ctx: ParserRuleContext): Loc {
  const start = ctx.start!;
  const stop = ctx.stop ?? start;
  return { line: start.line, column: start.column + 1, endLine: stop.line, endColumn: stop.column + 1 + (stop.text?.length ?? 1) };
}

/** An identifier as Flink reads it: backquotes removed (`` `a``b` `` → a`b). */
export function identifierText(ctx: ParserRuleContext): string {
  const t = ctx.getText();
  return /^`.*`$/s.test(t) ? t.slice(1, -1).replace(/``/g, '`') : t;
}

/** A SQL string literal's value: quotes removed, '' → '. */
export function stringLiteral(text: string): string {
  return /^'.*'$/s.test(text) ? text.slice(1, -1).replace(/''/g, "'") : text;
}

function pathName(ctx: TablePathContext | UidContext | ColumnNameContext | ColumnNameCreateContext): string {
  return identifierText(ctx).split('.').pop()!;
}

function readOption(prop: TablePropertyContext): SqlOption {
  const key = prop.tablePropertyKey();
  const value = prop.tablePropertyValue();
  return {
    key: stringLiteral(key.getText()),
    value: value ? stringLiteral(value.getText()) : '',
    keyLoc: locOf(key),
    valueLoc: value ? locOf(value) : locOf(key),
  };
}

function typeText(ctx: ColumnTypeContext): string {
  return ctx.getText().toUpperCase();
}

function readCreateTable(ctx: SimpleCreateTableContext, problems: Problems): SqlTable {
  const nameCtx = ctx.tablePathCreate();
  const table: SqlTable = { name: identifierText(nameCtx).split('.').pop()!, columns: [], options: new Map(), loc: locOf(ctx), nameLoc: locOf(nameCtx) };
  for (const def of ctx.columnOptionDefinition()) {
    const physical = def.physicalColumnDefinition();
    const metadata = def.metadataColumnDefinition();
    const computed = def.computedColumnDefinition();
    if (physical) {
      table.columns.push({ name: pathName(physical.columnNameCreate()), type: typeText(physical.columnType()), kind: 'physical', loc: locOf(physical) });
      if (physical.columnConstraint()?.KW_PRIMARY()) table.primaryKey = { columns: [pathName(physical.columnNameCreate())], loc: locOf(physical.columnConstraint()!) };
    } else if (metadata) table.columns.push({ name: pathName(metadata.columnNameCreate()), type: typeText(metadata.columnType()), kind: 'metadata', loc: locOf(metadata) });
    else if (computed) table.columns.push({ name: pathName(computed.columnNameCreate()), type: '', kind: 'computed', loc: locOf(computed) });
  }
  const wm = ctx.watermarkDefinition();
  if (wm) table.watermark = { column: pathName(wm.columnName()), expression: wm.expression(), loc: locOf(wm) };
  const pk = ctx.tableConstraint();
  if (pk) table.primaryKey = { columns: pk.columnNameList().columnName().map(pathName), loc: locOf(pk) };
  for (const prop of ctx.withOption().tablePropertyList().tableProperty()) {
    const option = readOption(prop);
    // Flink's FactoryUtil reads the options as a map: a repeated key keeps its last value.
    if (table.options.has(option.key)) problems.warn(option.keyLoc, `'${option.key}' is set twice: the last value wins`);
    table.options.set(option.key, option);
  }
  return table;
}

function readInsert(ctx: InsertSimpleStatementContext): SqlInsert {
  const target = ctx.tablePath();
  const list = ctx.columnNameList();
  return {
    target: pathName(target),
    targetLoc: locOf(target),
    ...(list ? { columns: list.columnName().map(pathName) } : {}),
    query: ctx.queryStatement(),
    loc: locOf(ctx),
  };
}

/** The SELECT … FROM … of a query, when it is a plain one (no UNION, WITH, VALUES). */
export function plainSelect(query: QueryStatementContext | null): SelectStatementContext | null {
  let q = query;
  while (q && !q.selectStatement() && q.queryStatement().length === 1 && !q.withClause()) q = q.queryStatement(0);
  return q?.selectStatement() ?? null;
}

const UNIT_MS: Readonly<Record<string, number>> = {
  MILLISECOND: 1, SECOND: 1000, SECONDS: 1000, MINUTE: 60_000, MINUTES: 60_000, HOUR: 3_600_000, HOURS: 3_600_000, DAY: 86_400_000, DAYS: 86_400_000,
};

/** `INTERVAL '5' SECOND` (or `INTERVAL '5' SECONDS`, `INTERVAL 5 MINUTE`) in ms; undefined for year-month or other forms. */
export function intervalMs(ctx: TimeIntervalExpressionContext | null | undefined): number | undefined {
  const multi = ctx?.errorCapturingMultiUnitsInterval()?.multiUnitsInterval();
  if (!multi || ctx?.errorCapturingMultiUnitsInterval()?.unitToUnitInterval()) return undefined;
  let total = 0;
  const values = multi.intervalValue();
  const units = multi.timeIntervalUnit();
  for (let i = 0; i < values.length; i++) {
    const n = Number(stringLiteral(values[i]!.getText()).trim());
    const unit = UNIT_MS[units[i]!.getText().toUpperCase()];
    if (!Number.isFinite(n) || unit === undefined) return undefined;
    total += n * unit;
  }
  return Math.round(total);
}
