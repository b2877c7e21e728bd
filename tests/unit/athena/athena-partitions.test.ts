/**
 * Athena over the lake through the Glue Data Catalog, on the workspace of the exercise
 * lessons/09-aws/todays-partition-is-invisible: Logstash writes 3,000 lines (50/s for 60 s from
 * 2026-01-01T00:00Z) under `raw/dt=2026-01-01/hour=00/`; the Glue table `weblogs.logs` is over `s3://lake/raw/`.
 *
 * What each case follows:
 * - Unregistered partitions are invisible: "Athena does not know about [partitions added directly to
 *   Amazon S3] until you … run MSCK REPAIR TABLE or ALTER TABLE ADD PARTITION" (Athena User Guide,
 *   "Partition your data"; SQL reference "MSCK REPAIR TABLE", "ALTER TABLE ADD PARTITION").
 * - Partition projection computes partitions from table properties, `NOW` being the query's time, and
 *   ignores the catalog's partitions (Athena User Guide, "Use partition projection", "Supported types
 *   for partition projection": integer `digits`, date `format`/`range`).
 * - Glue schedules are cron(…) in UTC, at most every 5 minutes (Glue Developer Guide, "Time-based
 *   schedules for jobs and crawlers"); a catalog-target crawler adds partitions of existing tables
 *   ("Crawling an existing table as a data source", CatalogTargets).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWorkspace } from '../../../simulator/config/workspace/index.js';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';
import { runSync } from '../../../simulator/run/run.js';
import { fireTimes, parseScheduleExpression } from '../../../simulator/config/aws/schedule-expression.js';
import { terminal } from '../shell/fixtures.js';

const DIR = join(import.meta.dirname, '../../../lessons/09-aws/exercises/todays-partition-is-invisible');
const TEMPLATE = 'aws/template.yaml';
const starter = () => readWorkspaceFolder(join(DIR, 'starter'));
const solution = () => starter().set(TEMPLATE, readWorkspaceFolder(join(DIR, 'solution')).get(TEMPLATE)!);

function edit(files: Map<string, string>, from: string, to: string): Map<string, string> {
  const text = files.get(TEMPLATE)!;
  if (!text.includes(from)) throw new Error(`no ${from} in the template`);
  return files.set(TEMPLATE, text.replace(from, to));
}

function run(files: Map<string, string>) {
  const o = compileWorkspace(files);
  if (!o.ok) throw new Error(o.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`).join('\n'));
  return runSync(o.spec);
}

const logsTable = (files: Map<string, string>) => run(files).result.athena!.tables.logs!;
const errorsOf = (files: Map<string, string>) => {
  const o = compileWorkspace(files);
  return o.ok ? [] : o.errors.map((e) => `${e.file}:${e.line}: ${e.message}`);
};

const CRAWLER_SCHEDULE = 'ScheduleExpression: cron(0 2 * * ? *)';

describe('Athena over the partitioned lake', () => {
  it('a nightly crawler has not run yet: today\'s partition is invisible, count(*) is 0 of 3,000 lines', () => {
    expect(logsTable(starter())).toEqual({ rows: 0, lakeRows: 3000, partitions: 0, lakePartitions: 1 });
  });

  it('partition projection up to NOW sees today\'s partition without anyone registering it', () => {
    expect(logsTable(solution())).toEqual({ rows: 3000, lakeRows: 3000, partitions: 1, lakePartitions: 1 });
  });

  it('an integer projection without digits projects hour=0, not hour=00: nothing is read', () => {
    expect(logsTable(edit(solution(), 'projection.hour.digits: "2"', 'projection.hour.type_note: none')).rows).toBe(0);
  });

  it('a date range that starts after the data projects no partition holding it', () => {
    expect(logsTable(edit(solution(), 'projection.dt.range: 2026-01-01,NOW', 'projection.dt.range: 2026-01-02,NOW')).rows).toBe(0);
    expect(logsTable(edit(solution(), 'projection.dt.range: 2026-01-01,NOW', 'projection.dt.range: NOW-1DAYS,NOW')).rows).toBe(3000);
  });

  it('a partition declared with the stack (AWS::Glue::Partition) is visible; one for yesterday is not today\'s', () => {
    const partition = (values: string) => `  Today:\n    Type: AWS::Glue::Partition\n    Properties:\n      CatalogId: !Ref AWS::AccountId\n      DatabaseName: !Ref LogsDatabase\n      TableName: !Ref LogsTable\n      PartitionInput:\n        Values: ${values}\n\n  LogsCrawler:`;
    expect(logsTable(edit(starter(), '  LogsCrawler:', partition('["2026-01-01", "00"]'))).rows).toBe(3000);
    expect(logsTable(edit(starter(), '  LogsCrawler:', partition('["2025-12-31", "23"]'))).rows).toBe(0);
  });

  it('a crawler every 5 minutes first runs at 00:00, before the first object: still 0 rows at 00:01:16', () => {
    expect(logsTable(edit(starter(), CRAWLER_SCHEDULE, 'ScheduleExpression: cron(0/5 * * * ? *)')).rows).toBe(0);
  });

  it('Glue refuses a crawler schedule more often than every 5 minutes, a rate() and an S3Targets crawler on this table', () => {
    expect(errorsOf(edit(starter(), CRAWLER_SCHEDULE, 'ScheduleExpression: cron(* * * * ? *)'))).toEqual(['aws/template.yaml:56: InvalidInputException: Schedule expression is not supported: cron(* * * * ? *)']);
    expect(errorsOf(edit(starter(), CRAWLER_SCHEDULE, 'ScheduleExpression: rate(5 minutes)'))[0]).toMatch(/Schedule expression is not supported: rate\(5 minutes\)/);
    expect(errorsOf(edit(starter(), 'CatalogTargets:\n          - DatabaseName: !Ref LogsDatabase\n            Tables: [!Ref LogsTable]', 'S3Targets:\n          - Path: s3://lake/raw/'))[0]).toMatch(/an S3Targets crawler creates tables of its own/);
  });

  it('projection properties Athena would refuse are refused at the table', () => {
    expect(errorsOf(edit(solution(), 'projection.hour.type: integer', 'projection.hour.type: injected'))[0]).toMatch(/HIVE_METASTORE_ERROR: partition projection of logs: projection.hour.type injected is valid, but the simulation does not evaluate/);
    expect(errorsOf(edit(solution(), '          projection.dt.format: yyyy-MM-dd\n', ''))[0]).toMatch(/projection.dt.format is required/);
  });
});

describe('aws athena / aws glue in the terminal', () => {
  const sh = terminal(run(starter()));
  const OUT = '--result-configuration OutputLocation=s3://lake/athena-results/';
  const start = (sql: string) => JSON.parse(sh(`aws athena start-query-execution --query-string "${sql}" --query-execution-context Database=weblogs ${OUT}`).text).QueryExecutionId as string;
  const results = (id: string) => (JSON.parse(sh(`aws athena get-query-results --query-execution-id ${id}`).text) as { ResultSet: { Rows: { Data: { VarCharValue: string }[] }[] } }).ResultSet.Rows.map((r) => r.Data.map((d) => d.VarCharValue));

  it('start-query-execution needs a result location: the primary workgroup has none', () => {
    expect(sh('aws athena start-query-execution --query-string "SELECT count(*) FROM logs"')).toEqual({ status: 254, text: '\nAn error occurred (InvalidRequestException) when calling the StartQueryExecution operation: No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.' });
  });

  it('count(*) is 0, MSCK REPAIR TABLE adds dt=2026-01-01/hour=00, then count(*) is 3,000', () => {
    expect(results(start('SELECT count(*) FROM logs'))).toEqual([['_col0'], ['0']]);
    expect(JSON.parse(sh('aws glue get-partitions --database-name weblogs --table-name logs').text)).toEqual({ Partitions: [] });
    expect(results(start('MSCK REPAIR TABLE logs'))).toEqual([['Repair: Added partition to metastore logs:dt=2026-01-01/hour=00']]);
    expect(results(start("SELECT count(*) FROM logs WHERE dt = '2026-01-01'"))).toEqual([['_col0'], ['3000']]);
    expect((JSON.parse(sh('aws glue get-partitions --database-name weblogs --table-name logs').text) as { Partitions: { Values: string[] }[] }).Partitions.map((p) => p.Values)).toEqual([['2026-01-01', '00']]);
    // Already there: ALTER TABLE without IF NOT EXISTS fails, as Athena's does.
    const again = start("ALTER TABLE logs ADD PARTITION (dt = '2026-01-01', hour = '00')");
    expect(JSON.parse(sh(`aws athena get-query-execution --query-execution-id ${again}`).text).QueryExecution.Status.State).toBe('FAILED');
  });

  it('a table name without a database is looked up in `default`', () => {
    const id = JSON.parse(sh(`aws athena start-query-execution --query-string "SELECT count(*) FROM logs" ${OUT}`).text).QueryExecutionId as string;
    expect(sh(`aws athena get-query-results --query-execution-id ${id}`).text).toBe("\nAn error occurred (InvalidRequestException) when calling the GetQueryResults operation: Query has not yet finished. Current state: FAILED (SEMANTIC_ERROR: line 1:1: Table 'awsdatacatalog.default.logs' does not exist)");
  });
});

describe('AWS schedule expressions', () => {
  it('cron(0 2 * * ? *) fires at 02:00 UTC every day; cron(0/5 * * * ? *) at :00, :05, …', () => {
    const nightly = parseScheduleExpression('cron(0 2 * * ? *)');
    if (typeof nightly === 'string') throw new Error(nightly);
    expect(fireTimes(nightly, 0, 3 * 86_400_000)).toEqual([2 * 3_600_000, 26 * 3_600_000, 50 * 3_600_000]);
    const five = parseScheduleExpression('cron(0/5 * * * ? *)');
    if (typeof five === 'string') throw new Error(five);
    expect(fireTimes(five, 0, 15 * 60_000)).toEqual([0, 300_000, 600_000, 900_000]);
  });

  it('refuses a value in both day fields, and L/W it does not evaluate', () => {
    expect(parseScheduleExpression('cron(0 2 * * * *)')).toMatch(/one of Day-of-month and Day-of-week/);
    expect(parseScheduleExpression('cron(0 2 L * ? *)')).toMatch(/L, W and #/);
    expect(parseScheduleExpression('cron(0 2 ? * MON-FRI *)')).toMatchObject({ kind: 'cron' });
  });
});
