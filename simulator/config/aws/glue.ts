/**
 * The Glue resources of `aws/template.yaml` → the spec's `catalog` (simulator/athena): tables over the
 * lake, partitions declared with the stack, and crawlers that add partitions of existing tables on a
 * schedule. Properties were already checked against resource-types.ts; this reads their meaning:
 *
 * - A table's `StorageDescriptor.Location` must be in the simulated bucket (s3://<bucket>/<prefix>/);
 *   its `PartitionKeys` are the Hive-style folders under it, in order.
 * - Partition projection (`Parameters: { projection.enabled: "true", … }`) is checked as Athena checks
 *   it when a query runs (projection.ts): a table whose properties Athena would refuse is refused here.
 * - A crawler's `Targets.CatalogTargets` name existing tables whose partitions it adds; an `S3Targets`
 *   crawler makes tables of its own (named after the folder) and is refused with that said.
 * - A crawler schedule faster than every 5 minutes is refused, as Glue refuses it.
 */
import type { CatalogSpec } from '../../spec/schema/catalog.js';
import { projectionProblem } from '../../athena/projection.js';
import { entryOf, type CfnValue } from './cfn-yaml.js';
import { resolveString, type Resource, type ResolveContext } from './resolve.js';
import { parseScheduleExpression, shortestGapMs } from './schedule-expression.js';

const GLUE_MIN_SCHEDULE_MS = 5 * 60_000;

const at = (v: CfnValue | undefined, ...path: string[]): CfnValue | undefined => path.reduce<CfnValue | undefined>((x, k) => (x ? entryOf(x, k)?.value : undefined), v);

/** `s3://lake/raw/` → `raw/` (the one simulated bucket); undefined with an error otherwise. */
function keyPrefix(v: CfnValue | undefined, where: CfnValue, ctx: ResolveContext): string | undefined {
  return s3Location(v, where, ctx)?.prefix;
}

function s3Location(v: CfnValue | undefined, where: CfnValue, ctx: ResolveContext): { bucket: string; prefix: string } | undefined {
  const s = v ? resolveString(v, ctx) : undefined;
  if (s === undefined) {
    if (!v) ctx.p.error(where.loc, 'StorageDescriptor.Location is required for a table over S3', 'Location: s3://lake/raw/');
    return undefined;
  }
  const m = /^s3:\/\/([^/]+)\/(.*)$/.exec(s);
  if (!m) {
    ctx.p.error(v!.loc, `${s} is not an S3 location`, 'Location: s3://lake/raw/ (with the trailing slash)');
    return undefined;
  }
  return { bucket: m[1]!, prefix: m[2] === '' || m[2]!.endsWith('/') ? m[2]! : `${m[2]}/` };
}

function names(list: CfnValue | undefined, ctx: ResolveContext): string[] {
  if (list?.kind !== 'list') return [];
  return list.items.map((i) => (i.kind === 'map' ? resolveString(entryOf(i, 'Name')?.value ?? i, ctx) : undefined)).filter((n): n is string => n !== undefined).map((n) => n.toLowerCase());
}

function strings(list: CfnValue | undefined, ctx: ResolveContext): string[] {
  return list?.kind === 'list' ? list.items.map((i) => resolveString(i, ctx) ?? '') : [];
}

export function compileGlueCatalog(table: Map<string, Resource>, refused: Set<string>, ctx: ResolveContext): CatalogSpec {
  const out: CatalogSpec = { tables: [], partitions: [], crawlers: [], schedules: [] };
  const str = (v: CfnValue | undefined) => (v ? resolveString(v, ctx) : undefined);
  const live = [...table.values()].filter((r) => !refused.has(r.logicalId));
  for (const r of live.filter((x) => x.type === 'AWS::Glue::Table')) {
    const input = at(r.props, 'TableInput')!;
    const where = s3Location(at(input, 'StorageDescriptor', 'Location'), input, ctx);
    const database = str(at(r.props, 'DatabaseName'));
    if (where === undefined || database === undefined) continue;
    const location = where.prefix;
    const parameters: Record<string, string> = {};
    const params = at(input, 'Parameters');
    if (params?.kind === 'map') for (const e of params.entries) parameters[e.key] = str(e.value) ?? '';
    const t = { database, name: r.name.toLowerCase(), bucket: where.bucket, location, 'partition-keys': names(at(input, 'PartitionKeys'), ctx), columns: names(at(input, 'StorageDescriptor', 'Columns'), ctx), parameters };
    if (parameters['projection.enabled']?.toLowerCase() === 'true') {
      const problem = projectionProblem(t);
      if (problem) {
        ctx.p.error(params!.loc, `HIVE_METASTORE_ERROR: partition projection of ${t.name}: ${problem}`, 'Athena checks these properties when a query runs; see "Supported types for partition projection"');
        continue;
      }
    }
    out.tables.push(t);
  }
  for (const r of live.filter((x) => x.type === 'AWS::Glue::Partition')) {
    const database = str(at(r.props, 'DatabaseName'));
    const tableName = str(at(r.props, 'TableName'))?.toLowerCase();
    const t = out.tables.find((x) => x.database === database && x.name === tableName);
    if (!t) {
      ctx.p.error(at(r.props, 'TableName')?.loc ?? r.loc, `EntityNotFoundException: Table ${tableName ?? '?'} not found in database ${database ?? '?'}`, 'TableName: the TableInput.Name of an AWS::Glue::Table here');
      continue;
    }
    const values = strings(at(r.props, 'PartitionInput', 'Values'), ctx);
    if (values.length !== t['partition-keys'].length) {
      ctx.p.error(at(r.props, 'PartitionInput', 'Values')!.loc, `InvalidInputException: the partition has ${values.length} values and ${t.name} has ${t['partition-keys'].length} partition keys (${t['partition-keys'].join(', ')})`);
      continue;
    }
    const own = at(r.props, 'PartitionInput', 'StorageDescriptor', 'Location');
    const location = own ? keyPrefix(own, r.props, ctx) : `${t.location}${t['partition-keys'].map((k, i) => `${k}=${values[i]}`).join('/')}/`;
    if (location !== undefined) out.partitions.push({ database: t.database, table: t.name, values, location });
  }
  for (const r of live.filter((x) => x.type === 'AWS::Glue::Crawler')) {
    const targets = at(r.props, 'Targets')!;
    const s3 = at(targets, 'S3Targets');
    const catalogTargets = at(targets, 'CatalogTargets');
    if (catalogTargets?.kind !== 'list' || catalogTargets.items.length === 0) {
      ctx.p.error(s3?.loc ?? targets.loc, 'an S3Targets crawler creates tables of its own, named after the folders it finds, and leaves the tables of this template alone', 'to add partitions to an existing table: Targets: { CatalogTargets: [{ DatabaseName: !Ref LogsDatabase, Tables: [!Ref LogsTable] }] }, SchemaChangePolicy: { DeleteBehavior: LOG }');
      continue;
    }
    const expression = str(at(r.props, 'Schedule', 'ScheduleExpression'));
    if (expression !== undefined) {
      const schedule = parseScheduleExpression(expression);
      const loc = at(r.props, 'Schedule', 'ScheduleExpression')!.loc;
      if (typeof schedule === 'string') {
        ctx.p.error(loc, `InvalidInputException: Schedule expression is not supported: ${expression}`, schedule);
        continue;
      }
      if (schedule.kind === 'rate' || shortestGapMs(schedule) < GLUE_MIN_SCHEDULE_MS) {
        ctx.p.error(loc, `InvalidInputException: Schedule expression is not supported: ${expression}`, schedule.kind === 'rate' ? 'Glue schedules are cron(…) expressions' : 'Glue runs a crawler at most every 5 minutes: cron(0/5 * * * ? *) is the most often');
        continue;
      }
    }
    for (const target of catalogTargets.items) {
      const database = str(at(target, 'DatabaseName'));
      const tables = strings(at(target, 'Tables'), ctx).map((n) => n.toLowerCase());
      for (const n of tables) {
        if (!out.tables.some((t) => t.database === database && t.name === n)) ctx.p.error(at(target, 'Tables')!.loc, `EntityNotFoundException: Table ${n} not found in database ${database ?? '?'}`);
      }
      if (database !== undefined) out.crawlers.push({ name: r.name, database, tables, ...(expression !== undefined ? { schedule: expression } : {}) });
    }
  }
  return out;
}
