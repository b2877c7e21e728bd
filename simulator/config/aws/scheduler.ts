/**
 * The AWS::Scheduler::Schedule resources of `aws/template.yaml` → the catalog's `schedules`
 * (simulator/scheduler/invocations.ts says when each one fires). Property names, types and ranges were
 * checked against resource-types.ts; this reads their meaning and refuses what EventBridge Scheduler
 * refuses:
 *
 * - `ScheduleExpression`: at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(six fields), read in
 *   `ScheduleExpressionTimezone` (an IANA zone; default UTC). Unlike a Glue crawler's schedule, a cron
 *   here may fire every minute (User Guide, "Schedule types").
 * - `FlexibleTimeWindow.Mode` is "OFF" or "FLEXIBLE"; FLEXIBLE needs `MaximumWindowInMinutes` ("If you do
 *   set the value to FLEXIBLE, you must then specify a maximum window"). The reference tells to quote the
 *   mode: CloudFormation's YAML reads a bare OFF as the boolean false.
 * - `StartDate` / `EndDate`: UTC dates; the end must come after the start.
 * - `Target.Arn`: a universal target `arn:aws:scheduler:::aws-sdk:<service>:<apiAction>` (User Guide,
 *   "Using universal targets"). Read-only actions (get…, list…, describe…) are refused, as the service
 *   refuses them. Simulated: `glue:startCrawler` with `Input` {"Name": "<crawler>"} (Glue API
 *   StartCrawler), which runs that crawler of this template at each invocation. Any other target is
 *   valid and kept (the terminal lists its invocations), with a warning that it does nothing here.
 */
import type { CatalogSpec, ScheduleSpec } from '../../spec/schema/catalog.js';
import { closest } from '../../spec/suggest.js';
import { EPOCH_MS } from '../../workload/clock.js';
import { isTimeZone, parseAtExpression } from '../../scheduler/invocations.js';
import { entryOf, type CfnValue } from './cfn-yaml.js';
import { resolveString, type Resource, type ResolveContext } from './resolve.js';
import { parseScheduleExpression } from './schedule-expression.js';

const UNIVERSAL = /^arn:aws[\w-]*:scheduler:::aws-sdk:([a-z0-9]+):([A-Za-z0-9]+)$/;
/** "EventBridge Scheduler does not support read-only API actions … that begin with the following prefixes." */
const READ_ONLY_PREFIXES = ['get', 'describe', 'list', 'poll', 'receive', 'search', 'scan', 'query', 'select', 'read', 'lookup', 'discover', 'validate', 'batchGet', 'batchDescribe', 'batchRead', 'transactGet', 'adminGet', 'adminList', 'testMigration', 'retrieve', 'testConnection', 'translateDocument', 'isAuthorized', 'invokeModel'];
const START_CRAWLER_EXAMPLE = `Target: { Arn: arn:aws:scheduler:::aws-sdk:glue:startCrawler, RoleArn: !GetAtt SchedulerRole.Arn, Input: '{"Name": "logs-partitions"}' }`;

const at = (v: CfnValue | undefined, ...path: string[]): CfnValue | undefined => path.reduce<CfnValue | undefined>((x, k) => (x ? entryOf(x, k)?.value : undefined), v);

/** An ISO 8601 date in UTC → virtual ms; a date without a zone is read as UTC, as the property says. */
function dateMs(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)) return undefined;
  const zoned = /T/.test(text) ? (/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`) : `${text}T00:00:00Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? undefined : ms - EPOCH_MS;
}

export function compileSchedules(table: Map<string, Resource>, refused: Set<string>, catalog: CatalogSpec, ctx: ResolveContext): ScheduleSpec[] {
  const out: ScheduleSpec[] = [];
  const str = (v: CfnValue | undefined) => (v ? resolveString(v, ctx) : undefined);
  const int = (v: CfnValue | undefined) => {
    const s = str(v);
    return s === undefined ? undefined : Number(s);
  };
  for (const r of table.values()) {
    if (r.type !== 'AWS::Scheduler::Schedule' || refused.has(r.logicalId)) continue;
    const fail = (v: CfnValue | undefined, message: string, hint?: string) => ctx.p.error(v?.loc ?? r.loc, `Properties validation failed for resource ${r.logicalId} with message: ${message}`, hint);
    if (!/^[0-9a-zA-Z-_.]{1,64}$/.test(r.name)) {
      fail(at(r.props, 'Name'), `#/Name: string [${r.name}] does not match pattern ^[0-9a-zA-Z-_.]+$`, 'up to 64 letters, digits, hyphens, underscores and dots');
      continue;
    }
    const exprValue = at(r.props, 'ScheduleExpression')!;
    const expression = str(exprValue);
    const zoneValue = at(r.props, 'ScheduleExpressionTimezone');
    const timezone = str(zoneValue) ?? 'UTC';
    if (expression === undefined) continue;
    let ok = true;
    if (!isTimeZone(timezone)) {
      const guess = closest(timezone, ['UTC', 'Asia/Seoul', 'Asia/Tokyo', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles']);
      fail(zoneValue, `Invalid timezone: ${timezone}`, guess ? `did you mean ${guess}? (an IANA time zone name)` : 'an IANA time zone name, e.g. Asia/Seoul or UTC');
      ok = false;
    }
    const atTime = parseAtExpression(expression);
    if (typeof atTime === 'string') {
      fail(exprValue, `Invalid Schedule Expression ${expression}.`, atTime);
      ok = false;
    } else if (atTime === undefined) {
      const parsed = parseScheduleExpression(expression);
      if (typeof parsed === 'string') {
        fail(exprValue, `Invalid Schedule Expression ${expression}.`, /^(cron|rate)\(/.test(expression.trim()) ? parsed : 'at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(Minutes Hours Day-of-month Month Day-of-week Year)');
        ok = false;
      }
    }
    const window = at(r.props, 'FlexibleTimeWindow')!;
    const modeValue = at(window, 'Mode');
    const mode = str(modeValue);
    const maxWindow = int(at(window, 'MaximumWindowInMinutes'));
    if (modeValue?.kind === 'scalar' && modeValue.unquoted && /^(off|on|yes|no)$/i.test(String(modeValue.value))) {
      fail(modeValue, '#/FlexibleTimeWindow/Mode: expected type: String, found: Boolean', `YAML reads a bare ${String(modeValue.value)} as a boolean: write Mode: "${String(modeValue.value).toUpperCase()}"`);
      ok = false;
    } else if (mode === 'FLEXIBLE' && maxWindow === undefined) {
      fail(window, 'MaximumWindowInMinutes is required when FlexibleTimeWindow Mode is FLEXIBLE', 'FlexibleTimeWindow: { Mode: FLEXIBLE, MaximumWindowInMinutes: 15 } (1 to 1440), or Mode: "OFF"');
      ok = false;
    } else if (mode === 'OFF' && maxWindow !== undefined) {
      ctx.p.warn(at(window, 'MaximumWindowInMinutes')!.loc, 'MaximumWindowInMinutes has no effect with Mode "OFF": the target is invoked within the scheduled minute', 'Mode: FLEXIBLE to use the window');
    }
    const dates: Partial<Record<'StartDate' | 'EndDate', number>> = {};
    for (const key of ['StartDate', 'EndDate'] as const) {
      const v = at(r.props, key);
      const text = str(v);
      if (text === undefined) continue;
      const ms = dateMs(text);
      if (ms === undefined) {
        fail(v, `#/${key}: string [${text}] is not a valid date-time`, `${key}: 2026-01-01T00:00:00Z (ISO 8601, UTC)`);
        ok = false;
      } else dates[key] = ms;
    }
    if (dates.StartDate !== undefined && dates.EndDate !== undefined && dates.EndDate <= dates.StartDate) {
      fail(at(r.props, 'EndDate'), 'The EndDate must be after the StartDate.');
      ok = false;
    }
    const target = at(r.props, 'Target')!;
    const arnValue = at(target, 'Arn')!;
    const arn = str(arnValue);
    const inputValue = at(target, 'Input');
    const input = str(inputValue);
    if (arn === undefined) continue;
    let crawler: string | undefined;
    const universal = UNIVERSAL.exec(arn);
    if (universal) {
      const [, service, action] = universal as unknown as [string, string, string];
      const readOnly = READ_ONLY_PREFIXES.find((p) => action.startsWith(p) && (action.length === p.length || /[A-Z]/.test(action[p.length]!)));
      let request: unknown;
      if (input !== undefined) {
        try {
          request = JSON.parse(input);
        } catch {
          request = undefined;
        }
      }
      if (readOnly) {
        fail(arnValue, `${service}:${action} is a read-only API action, and EventBridge Scheduler does not invoke those (actions beginning with ${readOnly})`, START_CRAWLER_EXAMPLE);
        ok = false;
      } else if (input !== undefined && (request === null || typeof request !== 'object' || Array.isArray(request))) {
        fail(inputValue, 'Target.Input of a universal target is the API request as a JSON object', `Input: '{"Name": "logs-partitions"}'`);
        ok = false;
      } else if (service === 'glue' && action === 'startCrawler') {
        const name = (request as Record<string, unknown> | undefined)?.Name;
        if (typeof name !== 'string') {
          fail(inputValue ?? target, 'glue:startCrawler needs the crawler\'s name in Input: {"Name": "…"}', START_CRAWLER_EXAMPLE);
          ok = false;
        } else if (!catalog.crawlers.some((c) => c.name === name)) {
          const guess = closest(name, catalog.crawlers.map((c) => c.name));
          ctx.p.warn(inputValue!.loc, `no AWS::Glue::Crawler named ${name} in this template: every invocation fails (EntityNotFoundException)`, guess ? `did you mean "${guess}"?` : 'name a crawler declared here');
        } else crawler = name;
      } else {
        ctx.p.warn(arnValue.loc, `the target ${service}:${action} is valid but not simulated: its invocations are listed, and change nothing in the run`, 'simulated: arn:aws:scheduler:::aws-sdk:glue:startCrawler');
      }
    } else {
      ctx.p.warn(arnValue.loc, `the target ${arn} is valid but not simulated: its invocations are listed, and change nothing in the run`, 'simulated: arn:aws:scheduler:::aws-sdk:glue:startCrawler');
    }
    if (!ok) continue;
    const retries = int(at(target, 'RetryPolicy', 'MaximumRetryAttempts'));
    const age = int(at(target, 'RetryPolicy', 'MaximumEventAgeInSeconds'));
    const roleArn = str(at(target, 'RoleArn'));
    const state = str(at(r.props, 'State')) === 'DISABLED' ? 'DISABLED' : 'ENABLED';
    out.push({
      name: r.name,
      expression,
      timezone,
      ...(mode === 'FLEXIBLE' ? { 'window-minutes': maxWindow! } : {}),
      state,
      ...(dates.StartDate !== undefined ? { 'start-ms': dates.StartDate } : {}),
      ...(dates.EndDate !== undefined ? { 'end-ms': dates.EndDate } : {}),
      target: { arn, ...(input !== undefined ? { input } : {}), ...(roleArn !== undefined ? { 'role-arn': roleArn } : {}), ...(crawler !== undefined ? { crawler } : {}), 'maximum-retry-attempts': retries ?? 185, 'maximum-event-age-seconds': age ?? 86400 },
    });
  }
  return out;
}
