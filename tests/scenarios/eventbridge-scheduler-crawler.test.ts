/**
 * Scenario: an EventBridge Scheduler schedule starts the Glue crawler of the exercise
 * lessons/09-aws/the-crawler-runs-after-the-report, and the morning report (Athena's `SELECT count(*)`
 * when the run ends, 00:03:16 UTC) counts what the catalog has registered by then. Logstash writes 9,000
 * lines (50/s for 180 s from 2026-01-01T00:00Z = 09:00 Seoul) under `raw/dt=2026-01-01/hour=00/`.
 *
 * Exact timings and outcomes, per the EventBridge Scheduler User Guide:
 * - "Schedule types": `cron(1 9 * * ? *)` read in `ScheduleExpressionTimezone` Asia/Seoul is 00:01 UTC;
 *   without the zone it is read in UTC (09:01 UTC). With the flexible window OFF the target is invoked
 *   "between 1:00:00 and 1:00:59" of the scheduled minute: here 00:01:36 on seed 1.
 * - "Configuring flexible time windows": with FLEXIBLE and a 60-minute window the target is invoked
 *   "within" the 60 minutes after the scheduled time, so by 01:01 UTC; on seeds 1–5 not by 00:03:16.
 * - Athena reads only registered partitions (Athena User Guide, "Partition your data"); the crawler
 *   registers `dt=2026-01-01/hour=00` when it runs (Glue API StartCrawler, catalog targets).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWorkspace } from '../../simulator/config/workspace/index.js';
import { readWorkspaceFolder } from '../../simulator/cli/workspace-commands.js';
import { runSync } from '../../simulator/run/run.js';
import { terminalText } from '../../site/i18n/sim/index.js';
import { terminal } from '../unit/shell/fixtures.js';

const DIR = join(import.meta.dirname, '../../lessons/09-aws/exercises/the-crawler-runs-after-the-report');
const TEMPLATE = 'aws/template.yaml';
const starter = () => readWorkspaceFolder(join(DIR, 'starter'));
const solution = () => starter().set(TEMPLATE, readWorkspaceFolder(join(DIR, 'solution')).get(TEMPLATE)!);

function edit(files: Map<string, string>, from: string, to: string): Map<string, string> {
  const text = files.get(TEMPLATE)!;
  if (!text.includes(from)) throw new Error(`no ${from} in the template`);
  return files.set(TEMPLATE, text.replace(from, to));
}

function run(files: Map<string, string>, seed: number) {
  const o = compileWorkspace(files);
  if (!o.ok) throw new Error(o.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`).join('\n'));
  return runSync(o.spec, { seed });
}

describe('the crawler runs after the report (exercise)', () => {
  it('FLEXIBLE 60 minutes on seed 1: the 00:01 call has not come by 00:03:16, so the report counts 0 of 9,000', () => {
    const h = run(starter(), 1);
    expect(h.result.simulatedMs).toBe(196_000);
    expect(h.result.athena!.tables.logs).toEqual({ rows: 0, lakeRows: 9000, partitions: 0, lakePartitions: 1 });
    const out = terminal(h)('aws scheduler get-schedule --name logs-partitions-morning').text.split('\n');
    expect(out.slice(-2)).toEqual(['Invocations (simulated: the EventBridge Scheduler API keeps no history of them):', '  2026-01-01T00:01:00+00:00  not invoked by 2026-01-01T00:03:16+00:00: due by 2026-01-01T01:01:00+00:00']);
  });

  it('the window is a lottery: on seed 8 the call happens to come before the report (the grading seeds 1–5 all miss it)', () => {
    expect(run(starter(), 8).result.athena!.tables.logs!.rows).toBe(9000);
  });

  it('Mode "OFF": the crawler starts at 00:01:36 (seed 1), registers hour=00, and the report counts all 9,000', () => {
    const h = run(solution(), 1);
    expect(h.result.athena!.tables.logs).toEqual({ rows: 9000, lakeRows: 9000, partitions: 1, lakePartitions: 1 });
    const sh = terminal(h);
    const json = sh('aws scheduler get-schedule --name logs-partitions-morning').text;
    expect(JSON.parse(json.slice(0, json.indexOf('\n\nInvocations')))).toEqual({
      ActionAfterCompletion: 'NONE',
      Arn: 'arn:aws:scheduler:us-east-1:123456789012:schedule/default/logs-partitions-morning',
      CreationDate: '2026-01-01T00:00:00+00:00',
      FlexibleTimeWindow: { Mode: 'OFF' },
      GroupName: 'default',
      LastModificationDate: '2026-01-01T00:00:00+00:00',
      Name: 'logs-partitions-morning',
      ScheduleExpression: 'cron(1 9 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Seoul',
      State: 'ENABLED',
      Target: { Arn: 'arn:aws:scheduler:::aws-sdk:glue:startCrawler', Input: '{"Name": "logs-partitions"}', RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 }, RoleArn: 'arn:aws:iam::123456789012:role/scheduler-glue' },
    });
    expect(json.split('\n').at(-1)).toBe('  2026-01-01T00:01:00+00:00  invoked at 2026-01-01T00:01:36+00:00: glue:startCrawler started crawler logs-partitions');
    const partitions = JSON.parse(sh('aws glue get-partitions --database-name weblogs --table-name logs').text) as { Partitions: { Values: string[]; CreationTime: string }[] };
    expect(partitions.Partitions.map((p) => [p.Values, p.CreationTime])).toEqual([[['2026-01-01', '00'], '2026-01-01T00:01:36+00:00']]);
    // As of 00:01:30 the call has not come yet.
    sh('at 90s');
    expect(sh('aws scheduler get-schedule --name logs-partitions-morning').text.split('\n').at(-1)).toBe('  2026-01-01T00:01:00+00:00  not invoked by 2026-01-01T00:01:30+00:00: due by 2026-01-01T00:02:00+00:00');
    expect(JSON.parse(sh('aws scheduler list-schedules').text)).toEqual({
      Schedules: [{ Arn: 'arn:aws:scheduler:us-east-1:123456789012:schedule/default/logs-partitions-morning', CreationDate: '2026-01-01T00:00:00+00:00', GroupName: 'default', LastModificationDate: '2026-01-01T00:00:00+00:00', Name: 'logs-partitions-morning', State: 'ENABLED', Target: { Arn: 'arn:aws:scheduler:::aws-sdk:glue:startCrawler' } }],
    });
    expect(sh('aws scheduler get-schedule --name nope')).toEqual({ status: 254, text: '\nAn error occurred (ResourceNotFoundException) when calling the GetSchedule operation: Schedule nope does not exist.' });
  });

  it('without ScheduleExpressionTimezone, cron(1 9 * * ? *) is 09:01 UTC: nine hours after the report', () => {
    expect(run(edit(solution(), '      ScheduleExpressionTimezone: Asia/Seoul\n', ''), 1).result.athena!.tables.logs!.rows).toBe(0);
  });

  it('a DISABLED schedule never starts the crawler', () => {
    expect(run(edit(solution(), '      ScheduleExpressionTimezone: Asia/Seoul\n', '      ScheduleExpressionTimezone: Asia/Seoul\n      State: DISABLED\n'), 1).result.athena!.tables.logs!.rows).toBe(0);
  });

  it('the invocation lines read in Korean on a Korean page', () => {
    const sh = terminal(run(solution(), 1));
    const text = sh('aws scheduler get-schedule --name logs-partitions-morning').text;
    const ko = terminalText(text.slice(text.indexOf('\n\nInvocations')), 'ko').split('\n');
    expect(ko.slice(-2)).toEqual(['호출 기록 (시뮬레이션: EventBridge Scheduler API는 호출 기록을 남기지 않습니다):', '  2026-01-01T00:01:00+00:00  2026-01-01T00:01:36+00:00에 호출: glue:startCrawler 호출로 크롤러 logs-partitions 시작']);
  });
});
