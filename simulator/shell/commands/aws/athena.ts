/**
 * `aws athena …` and `aws glue …` over the lake as the run left it (or as of `at <time>`), with the
 * AWS CLI v2's JSON and the Athena / Glue API's field names:
 *
 * - `athena start-query-execution --query-string "<sql>" [--query-execution-context Database=<db>]
 *   --result-configuration OutputLocation=s3://…/` → `{ "QueryExecutionId": … }`. The primary workgroup
 *   has no result location of its own, so without OutputLocation Athena refuses the call (API
 *   StartQueryExecution: "No output location provided…"). The statement runs at once (athena/query.ts).
 * - `athena get-query-execution --query-execution-id <id>`: Status.State SUCCEEDED or FAILED, with the reason.
 * - `athena get-query-results --query-execution-id <id>`: the ResultSet (for a SELECT the first row holds
 *   the column names, as the API returns it); a failed query answers InvalidRequestException.
 * - `glue get-partitions --database-name <db> --table-name <t>`: the catalog's partitions (API GetPartitions).
 * - `glue start-crawler --name <crawler>`: one crawler run at the instant (API StartCrawler).
 *
 * Partitions registered here stay registered for the rest of this terminal session, not for the run's
 * grading: the run's result reads only what the files declare.
 */
import type { RunHandle } from '../../../run/run.js';
import type { S3Store } from '../../../nodes/s3/store.js';
import { catalogRegistrations, lakePartitions, register, type Registration } from '../../../athena/partitions.js';
import { runStatement } from '../../../athena/query.js';
import { emptySession, ok, type AthenaExecution, type AthenaSession, type ShellOutput, type ShellSession } from '../../types.js';
import { instantOf } from '../../instant.js';
import { parseOptions } from '../../tokenize.js';
import { ACCOUNT, isoTimestamp, json, serviceError, usageError } from './cli.js';

export const ATHENA_OPERATIONS = ['start-query-execution', 'get-query-execution', 'get-query-results'] as const;
export const GLUE_OPERATIONS = ['get-partitions', 'start-crawler'] as const;

interface Lake { handle: RunHandle; store: S3Store; athena: AthenaSession; atMs: number }

function lakeOf(handle: RunHandle, session: ShellSession | undefined): Lake | ShellOutput {
  const catalog = handle.spec.catalog;
  const lakeId = Object.keys(handle.spec.nodes).find((id) => handle.spec.nodes[id]!.type === 's3');
  if (!catalog || !lakeId) return serviceError('EntityNotFoundException', 'GetTables', 'this run has no Glue tables: declare an AWS::Glue::Table over the lake in aws/template.yaml');
  const store = handle.outputs.get(lakeId) as unknown as S3Store;
  const athena = session?.athena ?? { executions: [], registrations: catalogRegistrations(catalog, store, handle.result.simulatedMs, handle.result.seed) };
  return { handle, store, athena, atMs: instantOf(handle, session) };
}

const withAthena = (handle: RunHandle, session: ShellSession | undefined, athena: AthenaSession): ShellSession => ({ ...(session ?? emptySession(handle)), athena });

/** A deterministic id in the shape Athena gives (a UUID), numbered in the order queries were started. */
const executionId = (n: number) => `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`;

function copyRegistrations(r: ReadonlyMap<string, readonly Registration[]>): Map<string, Registration[]> {
  return new Map([...r].map(([k, v]) => [k, [...v]]));
}

export function athenaCommand(handle: RunHandle, session: ShellSession | undefined, operation: string, args: readonly string[]): ShellOutput {
  const lake = lakeOf(handle, session);
  if (!('store' in lake)) return lake;
  const o = parseOptions(args, []);
  const usage = `aws athena ${operation} ${operation === 'start-query-execution' ? '--query-string <value> [--query-execution-context Database=<db>] --result-configuration OutputLocation=<s3 uri>' : '--query-execution-id <value>'}`;
  if (o.errors.length) return usageError(usage, o.errors.join('\n'));
  if (operation === 'start-query-execution') {
    const query = o.values.get('query-string');
    if (query === undefined) return usageError(usage, 'the following arguments are required: --query-string');
    const output = /OutputLocation=(s3:\/\/\S+)/.exec(o.values.get('result-configuration') ?? '')?.[1];
    if (output === undefined) return serviceError('InvalidRequestException', 'StartQueryExecution', 'No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.');
    const database = /Database=([\w-]+)/.exec(o.values.get('query-execution-context') ?? '')?.[1] ?? 'default';
    const registrations = copyRegistrations(lake.athena.registrations);
    const result = runStatement(query, { catalog: handle.spec.catalog!, store: lake.store, registrations, atMs: lake.atMs, database });
    const execution: AthenaExecution = { id: executionId(lake.athena.executions.length + 1), query, database, outputLocation: output, atMs: lake.atMs, result };
    const next = withAthena(handle, session, { executions: [...lake.athena.executions, execution], registrations });
    return { text: json({ QueryExecutionId: execution.id }), status: 0, session: next };
  }
  const id = o.values.get('query-execution-id');
  if (id === undefined) return usageError(usage, 'the following arguments are required: --query-execution-id');
  const e = lake.athena.executions.find((x) => x.id === id);
  const api = operation === 'get-query-execution' ? 'GetQueryExecution' : 'GetQueryResults';
  if (!e) return serviceError('InvalidRequestException', api, `QueryExecution ${id} was not found`);
  if (operation === 'get-query-execution') {
    const state = e.result.ok ? 'SUCCEEDED' : 'FAILED';
    return ok(
      json({
        QueryExecution: {
          QueryExecutionId: e.id,
          Query: e.query,
          StatementType: e.result.ok && e.result.ddl ? 'DDL' : 'DML',
          ResultConfiguration: { OutputLocation: `${e.outputLocation.replace(/\/?$/, '/')}${e.id}.csv` },
          QueryExecutionContext: { Database: e.database, Catalog: 'awsdatacatalog' },
          Status: { State: state, ...(e.result.ok ? {} : { StateChangeReason: `${e.result.code}: ${e.result.error}` }), SubmissionDateTime: isoTimestamp(e.atMs), CompletionDateTime: isoTimestamp(e.atMs) },
          WorkGroup: 'primary',
        },
      }),
    );
  }
  const r = e.result;
  if (!r.ok) return serviceError('InvalidRequestException', api, `Query has not yet finished. Current state: FAILED (${r.code}: ${r.error})`);
  const cell = (v: string | number) => ({ VarCharValue: String(v) });
  const header = r.columns.length > 0 && !r.ddl ? [{ Data: r.columns.map(cell) }] : [];
  return ok(
    json({
      ResultSet: {
        Rows: [...header, ...r.rows.map((row) => ({ Data: row.map(cell) }))],
        ResultSetMetadata: { ColumnInfo: r.columns.map((c, i) => ({ CatalogName: 'hive', SchemaName: '', TableName: '', Name: c, Label: c, Type: typeof r.rows[0]?.[i] === 'number' ? 'bigint' : 'varchar', Nullable: 'UNKNOWN', CaseSensitive: false })) },
      },
      UpdateCount: 0,
    }),
  );
}

export function glueCommand(handle: RunHandle, session: ShellSession | undefined, operation: string, args: readonly string[]): ShellOutput {
  const lake = lakeOf(handle, session);
  if (!('store' in lake)) return lake;
  const catalog = handle.spec.catalog!;
  const o = parseOptions(args, []);
  if (operation === 'start-crawler') {
    const usage = 'aws glue start-crawler --name <value>';
    const name = o.values.get('name');
    if (name === undefined) return usageError(usage, 'the following arguments are required: --name');
    const crawls = catalog.crawlers.filter((c) => c.name === name);
    if (crawls.length === 0) return serviceError('EntityNotFoundException', 'StartCrawler', `Crawler entry with name ${name} does not exist`);
    const registrations = copyRegistrations(lake.athena.registrations);
    for (const c of crawls) {
      for (const t of catalog.tables.filter((x) => x.database === c.database && c.tables.includes(x.name))) register(registrations.get(`${t.database}.${t.name}`)!, lakePartitions(t, lake.store, lake.atMs), lake.atMs, `crawler ${name}`);
    }
    return { text: '', status: 0, session: withAthena(handle, session, { ...lake.athena, registrations }) };
  }
  const usage = 'aws glue get-partitions --database-name <value> --table-name <value>';
  const db = o.values.get('database-name');
  const tableName = o.values.get('table-name');
  if (db === undefined || tableName === undefined) return usageError(usage, `the following arguments are required: ${db === undefined ? '--database-name' : '--table-name'}`);
  const t = catalog.tables.find((x) => x.database === db && x.name === tableName.toLowerCase());
  if (!t) return serviceError('EntityNotFoundException', 'GetPartitions', `Table ${tableName} not found.`);
  const partitions = (lake.athena.registrations.get(`${t.database}.${t.name}`) ?? []).filter((r) => r.atMs <= lake.atMs);
  return ok(
    json({
      Partitions: partitions.map((r) => ({
        Values: [...r.values],
        DatabaseName: t.database,
        TableName: t.name,
        CreationTime: isoTimestamp(r.atMs),
        StorageDescriptor: { Location: `s3://${t.bucket}/${r.location}` },
        CatalogId: ACCOUNT,
      })),
    }),
  );
}

