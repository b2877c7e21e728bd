/**
 * `aws scheduler get-schedule --name <name>` and `aws scheduler list-schedules`: the EventBridge
 * Scheduler schedules of `aws/template.yaml`, with the API's field names (API Reference: GetSchedule,
 * ListSchedules / ScheduleSummary). The stack, and so every schedule, is created at the run's start.
 *
 * The real API keeps no history of invocations (CloudWatch counts them: InvocationAttemptCount). The
 * simulation knows them, so `get-schedule` prints them after the JSON, marked as the simulation's: each
 * scheduled time, when the target was called (within the minute, or within the flexible window), and
 * what the call did — up to the end of the run, or the instant set with `at`.
 */
import type { RunHandle } from '../../../run/run.js';
import type { ScheduleSpec } from '../../../spec/schema/catalog.js';
import { invocationDelayMs, scheduledTimes } from '../../../scheduler/invocations.js';
import { ok, type ShellOutput, type ShellSession } from '../../types.js';
import { instantOf } from '../../instant.js';
import { parseOptions } from '../../tokenize.js';
import { ACCOUNT, REGION, isoTimestamp, json, serviceError, usageError } from './cli.js';

export const SCHEDULER_OPERATIONS = ['get-schedule', 'list-schedules'] as const;

const arnOf = (s: ScheduleSpec) => `arn:aws:scheduler:${REGION}:${ACCOUNT}:schedule/default/${s.name}`;

export function schedulesOf(handle: RunHandle): ScheduleSpec[] {
  return handle.spec.catalog?.schedules ?? [];
}

/** What one call of the target did, as the simulation models it. */
function outcome(s: ScheduleSpec, handle: RunHandle): string {
  const action = /:aws-sdk:([a-z0-9]+:[A-Za-z0-9]+)$/.exec(s.target.arn)?.[1] ?? s.target.arn;
  if (s.target.crawler !== undefined) return `${action} started crawler ${s.target.crawler}`;
  if (action === 'glue:startCrawler') {
    let name = '?';
    try {
      name = String((JSON.parse(s.target.input ?? '{}') as { Name?: unknown }).Name ?? '?');
    } catch {
      // compile refused a schedule whose Input is not JSON; nothing to read here
    }
    const known = (handle.spec.catalog?.crawlers ?? []).some((c) => c.name === name);
    if (!known) return `${action} failed with EntityNotFoundException (no crawler ${name})`;
  }
  return `${action} is not simulated, so nothing changed`;
}

/** The simulation's account of the invocations, after the API's JSON. */
function invocationLines(s: ScheduleSpec, handle: RunHandle, atMs: number): string[] {
  const lines = ['', 'Invocations (simulated: the EventBridge Scheduler API keeps no history of them):'];
  const scheduled = scheduledTimes(s, 0, atMs);
  if (scheduled.length === 0) lines.push(`  none by ${isoTimestamp(atMs)}`);
  for (const t of scheduled) {
    const invoked = t + invocationDelayMs(s, t, handle.result.seed);
    const due = t + (s['window-minutes'] ?? 1) * 60_000;
    lines.push(invoked <= atMs ? `  ${isoTimestamp(t)}  invoked at ${isoTimestamp(invoked)}: ${outcome(s, handle)}` : `  ${isoTimestamp(t)}  not invoked by ${isoTimestamp(atMs)}: due by ${isoTimestamp(due)}`);
  }
  return lines;
}

export function schedulerCommand(handle: RunHandle, session: ShellSession | undefined, operation: string, args: readonly string[]): ShellOutput {
  const o = parseOptions(args, []);
  const schedules = schedulesOf(handle);
  if (operation === 'list-schedules') {
    if (o.errors.length) return usageError('aws scheduler list-schedules', o.errors.join('\n'));
    return ok(
      json({
        Schedules: schedules.map((s) => ({
          Arn: arnOf(s),
          CreationDate: isoTimestamp(0),
          GroupName: 'default',
          LastModificationDate: isoTimestamp(0),
          Name: s.name,
          State: s.state,
          Target: { Arn: s.target.arn },
        })),
      }),
    );
  }
  const usage = 'aws scheduler get-schedule --name <value>';
  if (o.errors.length) return usageError(usage, o.errors.join('\n'));
  const name = o.values.get('name');
  if (name === undefined) return usageError(usage, 'the following arguments are required: --name');
  const s = schedules.find((x) => x.name === name);
  if (!s) return serviceError('ResourceNotFoundException', 'GetSchedule', `Schedule ${name} does not exist.`);
  const body = json({
    ActionAfterCompletion: 'NONE',
    Arn: arnOf(s),
    CreationDate: isoTimestamp(0),
    ...(s['end-ms'] !== undefined ? { EndDate: isoTimestamp(s['end-ms']) } : {}),
    FlexibleTimeWindow: s['window-minutes'] !== undefined ? { MaximumWindowInMinutes: s['window-minutes'], Mode: 'FLEXIBLE' } : { Mode: 'OFF' },
    GroupName: 'default',
    LastModificationDate: isoTimestamp(0),
    Name: s.name,
    ScheduleExpression: s.expression,
    ScheduleExpressionTimezone: s.timezone,
    ...(s['start-ms'] !== undefined ? { StartDate: isoTimestamp(s['start-ms']) } : {}),
    State: s.state,
    Target: {
      Arn: s.target.arn,
      ...(s.target.input !== undefined ? { Input: s.target.input } : {}),
      RetryPolicy: { MaximumEventAgeInSeconds: s.target['maximum-event-age-seconds'], MaximumRetryAttempts: s.target['maximum-retry-attempts'] },
      ...(s.target['role-arn'] !== undefined ? { RoleArn: s.target['role-arn'] } : {}),
    },
  });
  return ok([body, ...invocationLines(s, handle, instantOf(handle, session))].join('\n'));
}
