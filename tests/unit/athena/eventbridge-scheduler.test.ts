/**
 * EventBridge Scheduler schedules (AWS::Scheduler::Schedule) that start the Glue crawler of the exercise
 * lessons/09-aws/the-crawler-runs-after-the-report: Logstash writes 9,000 lines (50/s for 180 s from
 * 2026-01-01T00:00Z = 09:00 in Seoul) under `raw/dt=2026-01-01/hour=00/`; the run, and with it the
 * report's `SELECT count(*)`, ends at 00:03:16 UTC.
 *
 * What each case follows:
 * - CloudFormation Template Reference, AWS::Scheduler::Schedule and its FlexibleTimeWindow (Mode "OFF" |
 *   "FLEXIBLE", quoted; MaximumWindowInMinutes 1–1440), Target and RetryPolicy (MaximumRetryAttempts
 *   0–185, MaximumEventAgeInSeconds 60–86400) pages; the API's defaults 185 and 86400.
 * - User Guide, "Configuring flexible time windows": FLEXIBLE needs a maximum window, and the target is
 *   invoked within the window after the scheduled time.
 * - User Guide, "Schedule types": 60-second precision ("set to run at 1:00, it will invoke the target API
 *   between 1:00:00 and 1:00:59" without a flexible window); a rate schedule without StartDate "starts
 *   invoking the target immediately"; cron in a time zone follows daylight saving time (a skipped local
 *   time does not run, a repeated one runs once).
 * - User Guide, "Using universal targets": arn:aws:scheduler:::aws-sdk:<service>:<apiAction>, Input the
 *   API request as JSON; read-only actions (get…, list…) are not supported.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWorkspace } from '../../../simulator/config/workspace/index.js';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';
import { runSync } from '../../../simulator/run/run.js';
import { invocationDelayMs, invocations, scheduledTimes } from '../../../simulator/scheduler/invocations.js';
import type { ScheduleSpec } from '../../../simulator/spec/schema/catalog.js';
import { terminal } from '../shell/fixtures.js';
import { simText } from '../../../site/i18n/sim/index.js';

const DIR = join(import.meta.dirname, '../../../lessons/09-aws/exercises/the-crawler-runs-after-the-report');
const TEMPLATE = 'aws/template.yaml';
const starter = () => readWorkspaceFolder(join(DIR, 'starter'));
const solution = () => starter().set(TEMPLATE, readWorkspaceFolder(join(DIR, 'solution')).get(TEMPLATE)!);
// The timings and outcomes of the exercise's runs: tests/scenarios/eventbridge-scheduler-crawler.test.ts.
const FLEXIBLE = '        Mode: FLEXIBLE\n        MaximumWindowInMinutes: 60\n';

function edit(files: Map<string, string>, from: string, to: string): Map<string, string> {
  const text = files.get(TEMPLATE)!;
  if (!text.includes(from)) throw new Error(`no ${from} in the template`);
  return files.set(TEMPLATE, text.replace(from, to));
}

function run(files: Map<string, string>, seed?: number) {
  const o = compileWorkspace(files);
  if (!o.ok) throw new Error(o.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`).join('\n'));
  return runSync(o.spec, seed === undefined ? {} : { seed });
}

const errorsOf = (files: Map<string, string>) => {
  const o = compileWorkspace(files);
  return o.ok ? [] : o.errors.map((e) => `${e.file}:${e.line}: ${e.message}${e.hint ? ` — ${e.hint}` : ''}`);
};
const warningsOf = (files: Map<string, string>) => compileWorkspace(files).warnings.filter((w) => w.file === TEMPLATE).map((w) => `${w.line}: ${w.message}`);

const MINUTE = 60_000;
const spec = (o: Partial<ScheduleSpec>): ScheduleSpec => ({ name: 's', expression: 'cron(0 2 * * ? *)', timezone: 'UTC', state: 'ENABLED', target: { arn: 'arn:aws:scheduler:::aws-sdk:glue:startCrawler', 'maximum-retry-attempts': 185, 'maximum-event-age-seconds': 86400 }, ...o });
/** Virtual ms of a UTC date-time (virtual 0 is 2026-01-01T00:00Z). */
const utc = (iso: string) => Date.parse(`${iso}Z`) - Date.parse('2026-01-01T00:00:00Z');

describe('when a schedule fires', () => {
  it('cron(1 9 * * ? *) in Asia/Seoul is 00:01 UTC each day; in UTC (no ScheduleExpressionTimezone) it is 09:01', () => {
    expect(scheduledTimes(spec({ expression: 'cron(1 9 * * ? *)', timezone: 'Asia/Seoul' }), 0, 2 * 86_400_000)).toEqual([MINUTE, 86_400_000 + MINUTE]);
    expect(scheduledTimes(spec({ expression: 'cron(1 9 * * ? *)' }), 0, 86_400_000)).toEqual([9 * 3_600_000 + MINUTE]);
  });

  it('follows daylight saving time: 02:30 New York does not exist on 2026-03-08, and 01:30 comes twice on 2026-11-01 but runs once', () => {
    const spring = spec({ expression: 'cron(30 2 * * ? *)', timezone: 'America/New_York' });
    expect(scheduledTimes(spring, utc('2026-03-07T00:00:00'), utc('2026-03-10T00:00:00'))).toEqual([utc('2026-03-07T07:30:00'), utc('2026-03-09T06:30:00')]);
    const autumn = spec({ expression: 'cron(30 1 * * ? *)', timezone: 'America/New_York' });
    expect(scheduledTimes(autumn, utc('2026-11-01T00:00:00'), utc('2026-11-01T12:00:00'))).toEqual([utc('2026-11-01T05:30:00')]);
  });

  it('rate() starts at once without StartDate, at StartDate with one; EndDate is exclusive; at() runs once in its zone', () => {
    expect(scheduledTimes(spec({ expression: 'rate(1 minute)' }), 0, 3 * MINUTE)).toEqual([0, MINUTE, 2 * MINUTE, 3 * MINUTE]);
    expect(scheduledTimes(spec({ expression: 'rate(5 minutes)', 'start-ms': 90_000 }), 0, 12 * MINUTE)).toEqual([90_000, 390_000, 690_000]);
    expect(scheduledTimes(spec({ expression: 'cron(* * * * ? *)', 'end-ms': 2 * MINUTE }), 0, 10 * MINUTE)).toEqual([0, MINUTE]);
    expect(scheduledTimes(spec({ expression: 'at(2026-01-01T09:02:00)', timezone: 'Asia/Seoul' }), 0, 86_400_000)).toEqual([2 * MINUTE]);
    expect(scheduledTimes(spec({ expression: 'cron(* * * * ? *)', state: 'DISABLED' }), 0, 10 * MINUTE)).toEqual([]);
  });

  it('calls the target within the scheduled minute (OFF) or the window (FLEXIBLE), the same second for the same seed', () => {
    const off = spec({ name: 'every-minute', expression: 'cron(* * * * ? *)' });
    const flexible = { ...off, 'window-minutes': 15 };
    for (let t = 0; t < 200 * MINUTE; t += MINUTE) {
      const d = invocationDelayMs(off, t, 1);
      expect(d % 1000).toBe(0);
      expect(d).toBeLessThan(MINUTE);
      expect(invocationDelayMs(flexible, t, 1)).toBeLessThan(15 * MINUTE);
    }
    const delays = (seed: number) => Array.from({ length: 200 }, (_, i) => invocationDelayMs(flexible, i * MINUTE, seed));
    expect(delays(1)).toEqual(delays(1));
    expect(delays(2)).not.toEqual(delays(1));
    // Spread over the window, not bunched at its start: some land in its last third.
    expect(delays(1).some((d) => d >= 10 * MINUTE)).toBe(true);
    // An invocation due after `untilMs` has not happened yet.
    expect(invocations(flexible, 1, 0)).toEqual(invocationDelayMs(flexible, 0, 1) === 0 ? [{ scheduledMs: 0, invokedMs: 0 }] : []);
  });
});

describe('what CloudFormation and EventBridge Scheduler refuse', () => {
  it('a bare OFF (a YAML boolean), FLEXIBLE without a window, and a window outside 1–1440', () => {
    expect(errorsOf(edit(starter(), FLEXIBLE, '        Mode: OFF\n'))).toEqual(['aws/template.yaml:64: Properties validation failed for resource MorningCrawl with message: #/FlexibleTimeWindow/Mode: expected type: String, found: Boolean — YAML reads a bare OFF as a boolean: write Mode: "OFF"']);
    expect(errorsOf(edit(starter(), FLEXIBLE, '        Mode: FLEXIBLE\n'))[0]).toMatch(/^aws\/template.yaml:64: .*MaximumWindowInMinutes is required when FlexibleTimeWindow Mode is FLEXIBLE/);
    expect(errorsOf(edit(starter(), 'MaximumWindowInMinutes: 60', 'MaximumWindowInMinutes: 1441'))[0]).toMatch(/#\/FlexibleTimeWindow\/MaximumWindowInMinutes: failed validation constraint for keyword \[maximum\]/);
    expect(errorsOf(edit(starter(), 'Mode: FLEXIBLE', 'Mode: FLEXIBEL'))[0]).toMatch(/FLEXIBEL is not a valid enum value — did you mean FLEXIBLE\?/);
  });

  it('an unknown property, a retry count above 185, an unknown time zone and a bad expression', () => {
    expect(errorsOf(edit(starter(), 'FlexibleTimeWindow:', 'FlexibleTimeWindows:'))).toContain('aws/template.yaml:63: Properties validation failed for resource MorningCrawl with message: #: extraneous key [FlexibleTimeWindows] is not permitted — did you mean FlexibleTimeWindow?');
    expect(errorsOf(edit(starter(), `        Input: '{"Name": "logs-partitions"}'\n`, `        Input: '{"Name": "logs-partitions"}'\n        RetryPolicy: { MaximumRetryAttempts: 186 }\n`))[0]).toMatch(/#\/Target\/RetryPolicy\/MaximumRetryAttempts: failed validation constraint for keyword \[maximum\]/);
    expect(errorsOf(edit(starter(), 'Asia/Seoul', 'Asia/Seol'))).toEqual(['aws/template.yaml:62: Properties validation failed for resource MorningCrawl with message: Invalid timezone: Asia/Seol — did you mean Asia/Seoul? (an IANA time zone name)']);
    expect(errorsOf(edit(starter(), 'cron(1 9 * * ? *)', 'cron(1 9 * * ?)'))[0]).toMatch(/Invalid Schedule Expression cron\(1 9 \* \* \?\)\. — cron\(\) takes six fields/);
    expect(errorsOf(edit(starter(), 'cron(1 9 * * ? *)', 'at(2026-02-30T09:01:00)'))[0]).toMatch(/Invalid Schedule Expression at\(2026-02-30T09:01:00\)\. — 2026-02-30T09:01:00 is not a date and time/);
    expect(errorsOf(edit(starter(), '      ScheduleExpressionTimezone: Asia/Seoul\n', '      ScheduleExpressionTimezone: Asia/Seoul\n      StartDate: 2026-01-02T00:00:00Z\n      EndDate: 2026-01-01T00:00:00Z\n'))[0]).toMatch(/The EndDate must be after the StartDate/);
  });

  it('Input is a JSON string, not a YAML map; a read-only action is refused', () => {
    expect(errorsOf(edit(starter(), `Input: '{"Name": "logs-partitions"}'`, 'Input: { Name: logs-partitions }'))[0]).toMatch(/#\/Target\/Input: expected type: String, found: JSONObject/);
    expect(errorsOf(edit(starter(), 'glue:startCrawler', 'glue:getCrawler'))[0]).toMatch(/glue:getCrawler is a read-only API action, and EventBridge Scheduler does not invoke those \(actions beginning with get\)/);
    expect(errorsOf(edit(starter(), `'{"Name": "logs-partitions"}'`, `'Name=logs-partitions'`))[0]).toMatch(/Target.Input of a universal target is the API request as a JSON object/);
  });

  it('warns of a crawler the template lacks (every call fails) and of a target it does not model', () => {
    expect(warningsOf(edit(starter(), `'{"Name": "logs-partitions"}'`, `'{"Name": "logs-partition"}'`))).toEqual(['69: no AWS::Glue::Crawler named logs-partition in this template: every invocation fails (EntityNotFoundException)']);
    expect(warningsOf(edit(starter(), `glue:startCrawler\n        RoleArn: !GetAtt SchedulerRole.Arn\n        Input: '{"Name": "logs-partitions"}'`, `glue:startJobRun\n        RoleArn: !GetAtt SchedulerRole.Arn\n        Input: '{"JobName": "compact"}'`))).toEqual(['67: the target glue:startJobRun is valid but not simulated: its invocations are listed, and change nothing in the run']);
    const sh = terminal(run(edit(solution(), `'{"Name": "logs-partitions"}'`, `'{"Name": "logs-partition"}'`), 1));
    expect(sh('aws scheduler get-schedule --name logs-partitions-morning').text.split('\n').at(-1)).toBe('  2026-01-01T00:01:00+00:00  invoked at 2026-01-01T00:01:36+00:00: glue:startCrawler failed with EntityNotFoundException (no crawler logs-partition)');
  });

  it('says its own warnings and hints in Korean on a Korean page', () => {
    const offWithWindow = compileWorkspace(edit(starter(), 'Mode: FLEXIBLE', 'Mode: "OFF"')).warnings.filter((w) => w.file === TEMPLATE);
    const missing = compileWorkspace(edit(starter(), `'{"Name": "logs-partitions"}'`, `'{"Name": "nightly"}'`)).warnings.filter((w) => w.file === TEMPLATE);
    const unmodelled = compileWorkspace(edit(starter(), 'glue:startCrawler', 'glue:startJobRun')).warnings.filter((w) => w.file === TEMPLATE);
    const zone = compileWorkspace(edit(starter(), 'Asia/Seoul', 'Asia/Seol'));
    const bareOff = compileWorkspace(edit(starter(), FLEXIBLE, '        Mode: OFF\n'));
    const texts = [...offWithWindow, ...missing, ...unmodelled].flatMap((w) => [w.message, w.hint ?? '']);
    if (zone.ok || bareOff.ok) throw new Error('expected refusals');
    texts.push(zone.errors[0]!.hint!, bareOff.errors[0]!.hint!);
    expect(texts.filter((t) => t !== '').map((t) => simText(t, 'ko'))).toEqual([
      'Mode가 "OFF"이면 MaximumWindowInMinutes는 효과가 없습니다. 대상은 예약된 그 1분 안에 호출됩니다',
      '이 범위를 쓰려면 Mode: FLEXIBLE',
      '이 템플릿에는 이름이 nightly인 AWS::Glue::Crawler가 없습니다. 호출할 때마다 실패합니다 (EntityNotFoundException)',
      '이 템플릿에 선언된 크롤러 이름을 쓰세요',
      '대상 glue:startJobRun은 올바른 설정이지만 시뮬레이션하지 않습니다. 호출은 기록되지만 실행에는 아무 영향이 없습니다',
      '시뮬레이션되는 것: arn:aws:scheduler:::aws-sdk:glue:startCrawler',
      'Asia/Seoul의 오타인가요? (IANA 시간대 이름)',
      'YAML은 따옴표 없는 OFF 값을 불리언으로 읽습니다. Mode: "OFF"처럼 따옴표를 붙이세요',
    ]);
  });
});
