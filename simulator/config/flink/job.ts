/**
 * A parsed job.sql → the internal spec's Flink job: the Kafka source table, the window, key,
 * aggregate and filter of its one INSERT, and the sink table. Column names are record fields; the
 * column a table declares its WATERMARK on is the record's event time. What the simulator cannot
 * run is a warning naming what it does run (the SQL stays valid), and the job is then not built.
 */
import type { Loc } from '../logstash/ast.js';
import type { Problems } from '../shared/issues.js';
import { parseHostPort, type HostPort } from '../shared/hosts.js';
import { checkTableOptions, type ConnectorName } from './options.js';
import { intervalMs, plainSelect, identifierText, locOf, type SqlScript, type SqlTable } from './sql-parse.js';
import { booleanCondition, columnOfExpression, sourceOf, watermarkDelayMs, WHERE_SUPPORTED } from './sql-expr.js';
import { parseFlinkDuration } from './connectors.js';
import { compileKinesisSource, type CompiledKinesisSource } from './kinesis-table.js';
import type { SelectStatementContext } from 'dt-sql-parser/dist/lib/flink/FlinkSqlParser';
import type { ParserRuleContext } from 'antlr4ng';

export interface CompiledKafkaSource { kind: 'kafka'; table: string; servers: HostPort[]; serversLoc: Loc; topic: string; topicLoc: Loc; spec: Record<string, unknown> }
export type CompiledSource = CompiledKafkaSource | CompiledKinesisSource;
export type CompiledSink =
  | { kind: 'kafka'; servers: HostPort[]; serversLoc: Loc; topic: string; topicLoc: Loc; spec: Record<string, unknown> }
  | { kind: 'elasticsearch'; hosts: HostPort[]; hostsLoc: Loc; spec: Record<string, unknown> }
  | { kind: 'filesystem'; spec: Record<string, unknown> };

export interface CompiledJob {
  source: CompiledSource;
  sink: CompiledSink;
  job?: Record<string, unknown>;
  /** A legacy group window (GROUP BY TUMBLE/SESSION(…)): the experimental emit options apply to it. */
  groupWindow?: boolean;
  insertLoc: Loc;
}

const SUPPORTED_QUERY = "INSERT INTO sink SELECT window_start, window_end, key, COUNT(*) | COUNT(DISTINCT col) | SUM(col) | AVG(col) FROM TABLE(TUMBLE|HOP(TABLE source, DESCRIPTOR(ts), INTERVAL …)) [WHERE …] GROUP BY window_start, window_end, key; GROUP BY TUMBLE|SESSION(ts, INTERVAL …), key; or INSERT INTO sink SELECT … FROM source [WHERE …]";

/** Builds the job, or undefined (problems say why). */
export function compileJob(script: SqlScript, text: string, problems: Problems): CompiledJob | undefined {
  const connectors = new Map<string, ConnectorName | undefined>();
  for (const table of script.tables.values()) connectors.set(table.name, checkTableOptions(table, problems));
  for (const other of script.others) problems.warn(other.loc, `${other.what} is valid Flink SQL but not simulated: a job here is CREATE TABLE statements, SET lines and one INSERT INTO`);
  if (script.inserts.length === 0) {
    problems.warn(undefined, 'the script has no INSERT INTO: Flink submits no job for it, so nothing is simulated', 'INSERT INTO sink SELECT … FROM source …;');
    return undefined;
  }
  if (script.inserts.length > 1) {
    problems.warn(script.inserts[1]!.loc, 'a second INSERT INTO is valid Flink SQL but not simulated: the simulator runs one INSERT per Flink host', 'give each query its own host folder');
    return undefined;
  }
  const insert = script.inserts[0]!;
  const sinkTable = script.tables.get(insert.target);
  if (!sinkTable) {
    problems.error(insert.targetLoc, `Object '${insert.target}' not found within 'default_catalog.default_database'`, `tables: ${[...script.tables.keys()].join(', ') || 'none'}`);
    return undefined;
  }
  const select = plainSelect(insert.query);
  if (!select) {
    problems.warn(insert.loc, `this query is valid Flink SQL but not simulated; the simulator runs: ${SUPPORTED_QUERY}`);
    return undefined;
  }
  const shape = readQuery(select, script, text, problems);
  if (!shape) return undefined;
  const sourceTable = script.tables.get(shape.source)!;
  const sourceConnector = connectors.get(sourceTable.name);
  const sinkConnector = connectors.get(sinkTable.name);
  if (sourceConnector === undefined || sinkConnector === undefined) return undefined;
  if (sourceConnector !== 'kafka' && sourceConnector !== 'kinesis') {
    problems.warn(sourceTable.nameLoc, `a ${sourceConnector} source is valid but not simulated: the simulated Flink job reads a Kafka or Kinesis table`);
    return undefined;
  }
  if (sinkConnector === 'kinesis') {
    problems.warn(sinkTable.nameLoc, 'a kinesis sink is valid but not simulated: the simulated Flink job writes a Kafka, Elasticsearch or filesystem table');
    return undefined;
  }
  const source = sourceConnector === 'kinesis' ? compileKinesisSource(sourceTable, problems) : compileSource(sourceTable, problems);
  const sink = compileSink(sinkTable, insert.columns, shape, select, text, problems);
  if (!source || !sink) return undefined;
  return { source, sink, ...(shape.job ? { job: shape.job } : {}), ...(shape.groupWindow ? { groupWindow: true } : {}), insertLoc: insert.loc };
}

interface QueryShape {
  source: string;
  /** Select item i → what it is (`window.start`, `window.end`, `key`, `value`, or a column). */
  items: string[];
  job?: Record<string, unknown>;
  /** The window is a legacy group window (GROUP BY TUMBLE/SESSION(…)), not a window table function. */
  groupWindow?: boolean;
}

function readQuery(select: SelectStatementContext, script: SqlScript, text: string, problems: Problems): QueryShape | undefined {
  const unsupported = (ctx: ParserRuleContext, what: string) => {
    problems.warn(locOf(ctx), `not simulated (valid Flink SQL): ${what}; the simulator runs ${SUPPORTED_QUERY}`);
    return undefined;
  };
  for (const [ctx, what] of [[select.havingClause(), 'HAVING'], [select.windowClause(), 'WINDOW'], [select.matchRecognizeClause(), 'MATCH_RECOGNIZE']] as const) if (ctx) return unsupported(ctx, what);
  const from = select.fromClause()?.tableExpression();
  if (!from) return unsupported(select, 'a SELECT without FROM');
  const job: Record<string, unknown> = {};
  let source: string;
  let timeColumn: string | undefined;
  const tvf = from.windowTVFClause()?.windowTVFExpression();
  if (tvf) {
    const name = tvf.windowTVFName().getText().toUpperCase();
    const params = tvf.windowTVFParam();
    const tableParam = params.find((p) => p.timeAttrColumn());
    const descriptor = params.find((p) => p.columnDescriptor())?.columnDescriptor();
    const intervals = params.filter((p) => p.timeIntervalExpression()).map((p) => ({ ms: intervalMs(p.timeIntervalExpression()), ctx: p, named: p.timeIntervalParamName()?.getText().toUpperCase() }));
    if (!tableParam || !descriptor) return unsupported(tvf, `${name}(…) without TABLE and DESCRIPTOR`);
    source = identifierText(tableParam.timeAttrColumn()!).split('.').pop()!;
    timeColumn = identifierText(descriptor.columnName());
    if (intervals.some((i) => i.ms === undefined || i.ms <= 0)) return unsupported(tvf, 'a window interval other than a positive INTERVAL in (MILLI)SECONDs, MINUTEs, HOURs or DAYs');
    if (name === 'TUMBLE') {
      if (intervals.length !== 1) return unsupported(tvf, 'TUMBLE with an offset');
      job.window = { type: 'tumbling', size: intervals[0]!.ms };
    } else if (name === 'HOP') {
      // HOP(TABLE t, DESCRIPTOR(ts), slide, size): the slide comes first.
      if (intervals.length !== 2) return unsupported(tvf, 'HOP with an offset');
      const [slide, size] = intervals.some((i) => i.named) ? [intervals.find((i) => i.named === 'SLIDE')!, intervals.find((i) => i.named === 'SIZE')!] : [intervals[0]!, intervals[1]!];
      if (!slide || !size) return unsupported(tvf, 'HOP without SLIDE and SIZE');
      if (size.ms! % slide.ms! !== 0) {
        problems.error(locOf(tvf), `HOP table function based aggregate requires size must be an integral multiple of slide, but got size ${size.ms}ms and slide ${slide.ms}ms.`);
        return undefined;
      }
      job.window = { type: 'sliding', size: size.ms, slide: slide.ms };
    } else if (name === 'CUMULATE') {
      // CUMULATE(TABLE t, DESCRIPTOR(ts), step, size): windows [start, start + k·step) growing to size.
      if (intervals.length !== 2) return unsupported(tvf, 'CUMULATE with an offset');
      const [step, size] = intervals.some((i) => i.named) ? [intervals.find((i) => i.named === 'STEP'), intervals.find((i) => i.named === 'SIZE')] : [intervals[0], intervals[1]];
      if (!step || !size) return unsupported(tvf, 'CUMULATE without STEP and SIZE');
      if (size.ms! % step.ms! !== 0) {
        problems.error(locOf(tvf), `CUMULATE table function based aggregate requires maxSize must be an integral multiple of step, but got maxSize ${size.ms} ms and step ${step.ms} ms.`);
        return undefined;
      }
      // The simulated window operator keeps one window per start; CUMULATE's windows share theirs.
      return unsupported(tvf, 'CUMULATE windows (TUMBLE, HOP and SESSION are simulated)');
    } else return unsupported(tvf, `${name} windows (TUMBLE, HOP and SESSION are simulated)`);
  } else {
    const refs = from.tableReference();
    if (refs.length !== 1 || from.KW_JOIN()) return unsupported(from, 'a join or several tables');
    const path = refs[0]!.tablePrimary().tablePath();
    if (!path) return unsupported(refs[0]!, 'this FROM');
    source = identifierText(path).split('.').pop()!;
  }
  const table = script.tables.get(source);
  if (!table) {
    problems.error(locOf(from), `Object '${source}' not found within 'default_catalog.default_database'`, `tables: ${[...script.tables.keys()].join(', ') || 'none'}`);
    return undefined;
  }

  // GROUP BY: window_start, window_end and one key column; or SESSION(ts, gap), key.
  const groupBy = select.groupByClause();
  let key: string | undefined;
  let groupWindow = false;
  if (groupBy) {
    let sawStart = false;
    let sawEnd = false;
    for (const item of groupBy.groupItemDefinition()) {
      const gw = item.groupWindowFunction();
      if (gw) {
        const fn = gw.groupWindowFunctionName().getText().toUpperCase();
        const ms = intervalMs(gw.timeIntervalExpression());
        if (fn === 'HOP' || job.window || ms === undefined || ms <= 0) return unsupported(gw, `this ${fn} group window (write the ${fn} table function)`);
        // The deprecated group windows GROUP BY TUMBLE(ts, size) / SESSION(ts, gap): the only windows
        // the planner's experimental emit options (table.exec.emit.allow-lateness) apply to.
        job.window = fn === 'SESSION' ? { type: 'session', gap: ms } : { type: 'tumbling', size: ms };
        groupWindow = true;
        timeColumn = identifierText(gw.timeAttrColumn());
        sawStart = sawEnd = true;
        continue;
      }
      const col = item.columnName() ? identifierText(item.columnName()!) : item.expression().length === 1 ? columnOfExpression(item.expression(0)!) : undefined;
      if (col === undefined) return unsupported(item, 'grouping by an expression');
      if (col === 'window_start') sawStart = true;
      else if (col === 'window_end') sawEnd = true;
      else if (col === 'window_time') continue;
      else if (key !== undefined) return unsupported(item, `grouping by a second key column (${key}, ${col})`);
      else key = col;
    }
    if (!job.window) return unsupported(groupBy, 'a GROUP BY without a window (an updating aggregate)');
    if (!sawStart || !sawEnd) return unsupported(groupBy, 'a window aggregation that does not group by window_start and window_end');
    if (key === undefined) return unsupported(groupBy, 'a window aggregation without a key column');
    if (!table.columns.some((c) => c.name === key)) {
      problems.error(locOf(groupBy), `Column '${key}' not found in any table`, `columns of ${table.name}: ${table.columns.map((c) => c.name).join(', ')}`);
      return undefined;
    }
    job['key-by'] = key;
  } else if (job.window) return unsupported(select, 'a window table function without GROUP BY window_start, window_end, key');

  // Event time: the window's time column must be the table's watermarked (rowtime) column.
  if (job.window) {
    if (!table.watermark || table.watermark.column !== timeColumn) {
      problems.error(locOf(tvf ?? groupBy!), `The window function requires the timecol is a time attribute type, but '${timeColumn}' is not: ${table.name} declares ${table.watermark ? `its WATERMARK on '${table.watermark.column}'` : 'no WATERMARK'}`, `WATERMARK FOR ${timeColumn} AS ${timeColumn} - INTERVAL '5' SECOND in CREATE TABLE ${table.name}`);
      return undefined;
    }
    const delay = watermarkDelayMs(table.watermark.expression, table.watermark.column, text);
    if (delay === undefined) {
      problems.warn(table.watermark.loc, `this watermark expression is valid but not simulated: the simulator runs WATERMARK FOR ts AS ts - INTERVAL 'n' SECOND (bounded out-of-orderness) and WATERMARK FOR ts AS ts`);
      return undefined;
    }
    job.watermark = { 'max-out-of-orderness': delay };
  }

  // SELECT items.
  const items: string[] = [];
  let aggregate: string | undefined;
  const list = select.selectClause().selectList();
  for (const item of list.columnProjectItem()) {
    const expr = item.expression() ?? item.selectExpressionColumnName()?.expression() ?? null;
    const name = item.columnName() ? identifierText(item.columnName()!) : item.selectLiteralColumnName() ? identifierText(item.selectLiteralColumnName()!.columnName()) : expr ? columnOfExpression(expr) : undefined;
    if (item.tableAllColumns() || item.getText() === '*') {
      if (job.window) return unsupported(item, 'SELECT * in a window aggregation');
      items.push('*');
      continue;
    }
    if (name !== undefined) {
      if (job.window) {
        if (name === 'window_start') items.push('window.start');
        else if (name === 'window_end') items.push('window.end');
        else if (name === key) items.push('key');
        else {
          problems.error(locOf(item), `Expression '${name}' is not being grouped`, `group by it, or aggregate it`);
          return undefined;
        }
      } else {
        if (!table.columns.some((c) => c.name === name)) {
          problems.error(locOf(item), `Column '${name}' not found in any table`, `columns of ${table.name}: ${table.columns.map((c) => c.name).join(', ')}`);
          return undefined;
        }
        items.push(name);
      }
      continue;
    }
    const src = expr ? sourceOf(expr, text).replace(/\s+/g, ' ').trim() : item.getText();
    const m = /^(COUNT|SUM|AVG)\s?\(\s?(DISTINCT\s+)?(\*|1|`[^`]+`|[A-Za-z_]\w*)\s?\)$/i.exec(src);
    const windowFn = /^(SESSION|TUMBLE|HOP)_(START|END)\s?\(/i.exec(src);
    if (windowFn && job.window) {
      items.push(windowFn[2]!.toUpperCase() === 'START' ? 'window.start' : 'window.end');
      continue;
    }
    if (!m || !job.window) return unsupported(item, `the select item ${src}`);
    const fn = m[1]!.toLowerCase();
    const col = m[3]!.replace(/^`|`$/g, '');
    const distinct = m[2] !== undefined;
    if (distinct && (fn !== 'count' || col === '*' || col === '1')) return unsupported(item, `the select item ${src} (COUNT(DISTINCT col) is simulated)`);
    if ((fn !== 'count' || distinct) && !table.columns.some((c) => c.name === col)) {
      problems.error(locOf(item), `Column '${col}' not found in any table`, `columns of ${table.name}: ${table.columns.map((c) => c.name).join(', ')}`);
      return undefined;
    }
    if (aggregate !== undefined) return unsupported(item, 'a second aggregate');
    aggregate = fn === 'count' ? 'count' : `${fn}:${col}`;
    // COUNT(DISTINCT id) counts each id once per window and key. The simulator runs it as the job's
    // keyed dedupe step ahead of the window (as the Spark batch job does): the same count whenever the
    // copies of an id share their event time and key — the copies of one resent line always do.
    if (distinct) job.dedupe = { field: col };
    items.push('value');
  }
  if (job.window) job.aggregate = aggregate ?? 'count';

  const where = select.whereClause()?.booleanExpression();
  if (where) {
    const w = booleanCondition(where, text);
    if (!w.ok) {
      problems.warn(w.loc, `the condition ${w.what} is valid Flink SQL but not simulated: WHERE supports ${WHERE_SUPPORTED}`);
      return undefined;
    }
    job.where = w.condition;
  }
  return { source, items, ...(Object.keys(job).length > 0 ? { job } : {}), ...(groupWindow ? { groupWindow } : {}) };
}

function compileSource(table: SqlTable, problems: Problems): CompiledKafkaSource | undefined {
  const opt = (k: string) => table.options.get(k);
  const topic = opt('topic');
  if (!topic) {
    problems.warn(opt('topic-pattern')?.keyLoc ?? table.nameLoc, "'topic-pattern' is valid but not simulated: the simulated source reads one 'topic'");
    return undefined;
  }
  if (topic.value.includes(';')) {
    problems.warn(topic.valueLoc, 'a topic list is valid but not simulated: the simulated source reads one topic');
    return undefined;
  }
  const servers = opt('properties.bootstrap.servers')!;
  const spec: Record<string, unknown> = {};
  const group = opt('properties.group.id');
  if (group) spec['group.id'] = group.value;
  const isolation = opt('properties.isolation.level');
  if (isolation) {
    if (!['read_committed', 'read_uncommitted'].includes(isolation.value)) {
      problems.error(isolation.valueLoc, `Invalid value ${isolation.value} for configuration isolation.level: String must be one of: read_committed, read_uncommitted`);
      return undefined;
    }
    spec['isolation.level'] = isolation.value;
  }
  const mode = (opt('scan.startup.mode')?.value ?? 'group-offsets').toLowerCase();
  if (mode === 'timestamp' || mode === 'specific-offsets') {
    problems.warn(opt('scan.startup.mode')!.valueLoc, `scan.startup.mode '${mode}' is valid but not simulated: earliest-offset, latest-offset and group-offsets are`);
    return undefined;
  }
  spec['starting-offsets'] = mode === 'earliest-offset' ? 'earliest' : mode === 'latest-offset' ? 'latest' : 'committed';
  if (mode === 'group-offsets') {
    // KafkaDynamicSource: committedOffsets(reset strategy from 'properties.auto.offset.reset', default NONE).
    const reset = opt('properties.auto.offset.reset');
    if (!group) {
      problems.error(opt('scan.startup.mode')?.valueLoc ?? table.nameLoc, `'properties.group.id' is required with scan.startup.mode 'group-offsets'${opt('scan.startup.mode') ? '' : ' (the default)'}`, "'properties.group.id' = 'my-job', or 'scan.startup.mode' = 'earliest-offset'");
      return undefined;
    }
    if (reset) {
      if (!['earliest', 'latest', 'none'].includes(reset.value)) {
        problems.error(reset.valueLoc, `Invalid value ${reset.value} for configuration auto.offset.reset: String must be one of: latest, earliest, none`);
        return undefined;
      }
      spec['auto.offset.reset'] = reset.value;
    } else {
      problems.warn(opt('scan.startup.mode')?.valueLoc ?? table.nameLoc, `scan.startup.mode 'group-offsets'${opt('scan.startup.mode') ? '' : ' (the default)'} without 'properties.auto.offset.reset': a group with no committed offsets makes the real job fail (NoOffsetForPartitionException); the simulation starts it at the latest offset`, "'scan.startup.mode' = 'earliest-offset', or 'properties.auto.offset.reset' = 'earliest'");
      spec['auto.offset.reset'] = 'latest';
    }
  }
  const discovery = opt('scan.topic-partition-discovery.interval');
  if (discovery) spec['partition.discovery.interval.ms'] = Math.max(0, parseFlinkDuration(discovery.value)!);
  const idle = opt('scan.watermark.idle-timeout');
  if (idle) {
    const ms = parseFlinkDuration(idle.value)!;
    if (ms > 0) spec.idleness = ms;
  }
  return { kind: 'kafka', table: table.name, servers: servers.value.split(',').map((s) => parseHostPort(s.trim(), 9092)), serversLoc: servers.valueLoc, topic: topic.value, topicLoc: topic.valueLoc, spec };
}

function compileSink(table: SqlTable, columns: string[] | undefined, shape: QueryShape, select: SelectStatementContext, text: string, problems: Problems): CompiledSink | undefined {
  const opt = (k: string) => table.options.get(k);
  const connector = opt('connector')!.value;
  const targetColumns = columns ?? table.columns.filter((c) => c.kind !== 'computed' && c.kind !== 'metadata').map((c) => c.name);
  if (!shape.items.includes('*') && targetColumns.length !== shape.items.length) {
    problems.error(locOf(select.selectClause()), `Column types of query result and sink for '${table.name}' do not match: the query has ${shape.items.length} columns, the sink ${targetColumns.length}`, `sink columns: ${targetColumns.join(', ')}`);
    return undefined;
  }
  void text;
  if (connector === 'kafka') {
    const topic = opt('topic');
    if (!topic || topic.value.includes(';')) {
      problems.warn(opt('topic-pattern')?.keyLoc ?? topic?.valueLoc ?? table.nameLoc, 'the simulated Kafka sink writes one topic');
      return undefined;
    }
    const guarantee = (opt('sink.delivery-guarantee') ?? opt('sink.semantic'))?.value.toLowerCase() ?? 'at-least-once';
    const spec: Record<string, unknown> = { topic: topic.value, 'delivery-guarantee': guarantee };
    const prefix = opt('sink.transactional-id-prefix');
    if (prefix) spec['transactional-id-prefix'] = prefix.value;
    const timeout = opt('properties.transaction.timeout.ms');
    if (timeout) {
      if (!/^\d+$/.test(timeout.value)) {
        problems.error(timeout.valueLoc, `Invalid value ${timeout.value} for configuration transaction.timeout.ms: Not a number of type INT`);
        return undefined;
      }
      spec['transaction.timeout.ms'] = Number(timeout.value);
    }
    const servers = opt('properties.bootstrap.servers')!;
    return { kind: 'kafka', servers: servers.value.split(',').map((s) => parseHostPort(s.trim(), 9092)), serversLoc: servers.valueLoc, topic: topic.value, topicLoc: topic.valueLoc, spec };
  }
  if (connector === 'elasticsearch-7') {
    const spec: Record<string, unknown> = { index: opt('index')!.value };
    // The document _id is the PRIMARY KEY columns joined by document-id.key-delimiter; no key → ES ids (append).
    if (table.primaryKey) {
      const parts: string[] = [];
      for (const col of table.primaryKey.columns) {
        const i = targetColumns.indexOf(col);
        const what = i >= 0 ? shape.items[i] : undefined;
        if (what === undefined || what === 'value' || what === '*') {
          problems.warn(table.primaryKey.loc, `a PRIMARY KEY on '${col}' is valid but not simulated: the simulated key may name the window start or end, the grouping key, or a column passed through`);
          return undefined;
        }
        parts.push(`{${what}}`);
      }
      spec['document-id'] = parts.join(opt('document-id.key-delimiter')?.value ?? '_');
    }
    const maxActions = opt('sink.bulk-flush.max-actions');
    if (maxActions && Number(maxActions.value) > 0) spec['bulk.flush.max-actions'] = Number(maxActions.value);
    else if (maxActions) problems.warn(maxActions.valueLoc, "'sink.bulk-flush.max-actions' = '0' (no size limit) is not simulated: the simulated sink flushes at 1000 actions");
    const interval = parseFlinkDuration(opt('sink.bulk-flush.interval')?.value ?? '1 s')!;
    if (interval > 0) spec['bulk.flush.interval'] = interval;
    const guarantee = opt('sink.delivery-guarantee');
    if (guarantee?.value.toLowerCase() === 'none') problems.warn(guarantee.valueLoc, "'sink.delivery-guarantee' = 'none' is simulated as at-least-once: the simulated sink always flushes at checkpoints");
    const hosts = opt('hosts')!;
    return { kind: 'elasticsearch', hosts: hosts.value.split(';').map((h) => parseHostPort(h.trim(), 9200)), hostsLoc: hosts.valueLoc, spec };
  }
  // filesystem: every path is the simulated object store; the part after the bucket is the prefix.
  const path = opt('path')!.value;
  const prefix = path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*\/?/i, '').replace(/^\/+/, '');
  return { kind: 'filesystem', spec: { path: prefix } };
}
