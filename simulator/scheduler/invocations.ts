/**
 * When an EventBridge Scheduler schedule invokes its target (EventBridge Scheduler User Guide, "Schedule
 * types", docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html, and "Configuring flexible
 * time windows", …/managing-schedule-flexible-time-windows.html):
 *
 * - cron(…) is read in the schedule's time zone (`ScheduleExpressionTimezone`, default UTC) and follows
 *   daylight saving time: a local time the clocks skip in spring is skipped, and a local time the clocks
 *   repeat in autumn runs once.
 * - rate(…) starts at `StartDate`, or at once when there is none ("your schedule starts invoking the target
 *   immediately"), and repeats every period; the stack is created at virtual time 0.
 * - at(yyyy-mm-ddThh:mm:ss) runs once at that local time; StartDate and EndDate do not apply to it.
 * - cron and rate invocations fall in [StartDate, EndDate). A DISABLED schedule invokes nothing.
 * - "All schedule types … invoke their targets with 60 second precision": with `FlexibleTimeWindow` Mode
 *   OFF the call comes within the scheduled minute; with FLEXIBLE "it invokes the target within" the
 *   window "after the scheduled time". Where in the minute or window is the service's choice; here it
 *   is a whole second drawn from a hash of (run seed, schedule name, scheduled minute), so a run repeats
 *   exactly and another seed moves it.
 */
import { hashString, hashUnit } from '../core/prng.js';
import { EPOCH_MS } from '../workload/clock.js';
import type { ScheduleSpec } from '../spec/schema/catalog.js';
import { parseScheduleExpression, type Schedule } from '../config/aws/schedule-expression.js';

const MINUTE_MS = 60_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** One invocation: when the expression named, and when the target was called. */
export interface Invocation {
  scheduledMs: number;
  invokedMs: number;
}

export interface LocalTime { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number }

const formats = new Map<string, Intl.DateTimeFormat>();

/** Whether `zone` is an IANA time zone name the platform knows (EventBridge Scheduler takes those). */
export function isTimeZone(zone: string): boolean {
  try {
    formatOf(zone);
    return true;
  } catch {
    return false;
  }
}

function formatOf(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' });
    formats.set(zone, f);
  }
  return f;
}

/** The wall clock in `zone` at a virtual instant (weekday 1 = Sunday, as cron counts). */
export function localTime(virtualMs: number, zone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatOf(zone).formatToParts(new Date(EPOCH_MS + virtualMs))) parts[p.type] = p.value;
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second), weekday: WEEKDAYS.indexOf(parts.weekday!) + 1 };
}

/** The virtual instant a local wall-clock time in `zone` names (the earlier one when it is repeated). */
export function instantOfLocal(t: Omit<LocalTime, 'weekday'>, zone: string): number {
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - EPOCH_MS;
  const offsetAt = (ms: number) => {
    const l = localTime(ms, zone);
    return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - EPOCH_MS - ms;
  };
  // Two rounds settle the offset on either side of a daylight-saving change.
  const first = asUtc - offsetAt(asUtc);
  const second = asUtc - offsetAt(first);
  return Math.min(first, second);
}

/** `at(2026-01-01T09:01:00)` → its local time, or why it is refused. */
export function parseAtExpression(expression: string): Omit<LocalTime, 'weekday'> | string | undefined {
  const m = /^at\((.*)\)$/.exec(expression.trim());
  if (!m) return undefined;
  const d = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(m[1]!.trim());
  if (!d) return 'at() takes a local date and time, yyyy-mm-ddThh:mm:ss, without a zone (ScheduleExpressionTimezone gives it)';
  const [year, month, day, hour, minute, second] = d.slice(1).map(Number) as [number, number, number, number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return `${m[1]} is not a date and time`;
  return { year, month, day, hour, minute, second };
}

function cronFiresLocal(s: Extract<Schedule, { kind: 'cron' }>, l: LocalTime): boolean {
  return s.minutes.has(l.minute) && s.hours.has(l.hour) && s.months.has(l.month) && s.years.has(l.year) && (s.days === null || s.days.has(l.day)) && (s.weekdays === null || s.weekdays.has(l.weekday));
}

/** The instants in [fromMs, toMs] the schedule's expression names, before any window. */
export function scheduledTimes(spec: ScheduleSpec, fromMs: number, toMs: number): number[] {
  if (spec.state === 'DISABLED') return [];
  const at = parseAtExpression(spec.expression);
  if (at !== undefined) {
    if (typeof at === 'string') return [];
    const ms = instantOfLocal(at, spec.timezone);
    return ms >= Math.max(fromMs, 0) && ms <= toMs ? [ms] : [];
  }
  const parsed = parseScheduleExpression(spec.expression);
  if (typeof parsed === 'string') return [];
  const start = Math.max(fromMs, spec['start-ms'] ?? 0);
  const end = Math.min(toMs, (spec['end-ms'] ?? Infinity) - 1);
  const out: number[] = [];
  if (parsed.kind === 'rate') {
    const first = spec['start-ms'] ?? 0;
    const skip = start > first ? Math.ceil((start - first) / parsed.everyMs) : 0;
    for (let t = first + skip * parsed.everyMs; t <= end; t += parsed.everyMs) out.push(t);
    return out;
  }
  // Minute by minute in UTC, read on the local clock: skipped local times never come up, and a
  // repeated local minute is kept the first time only.
  const seen = new Set<string>();
  for (let t = Math.ceil(start / MINUTE_MS) * MINUTE_MS; t <= end; t += MINUTE_MS) {
    const l = localTime(t, spec.timezone);
    if (!cronFiresLocal(parsed, l)) continue;
    const key = `${l.year}-${l.month}-${l.day} ${l.hour}:${l.minute}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

/** How long after the scheduled time the target is called: within the minute (OFF) or the window (FLEXIBLE). */
export function invocationDelayMs(spec: ScheduleSpec, scheduledMs: number, seed: number): number {
  const windowSeconds = (spec['window-minutes'] ?? 1) * 60;
  return Math.floor(hashUnit(seed, hashString(spec.name), Math.floor(scheduledMs / MINUTE_MS)) * windowSeconds) * 1000;
}

/** Every invocation made by `untilMs` (a scheduled time whose call falls later is not made yet). */
export function invocations(spec: ScheduleSpec, seed: number, untilMs: number): Invocation[] {
  return scheduledTimes(spec, 0, untilMs)
    .map((scheduledMs) => ({ scheduledMs, invokedMs: scheduledMs + invocationDelayMs(spec, scheduledMs, seed) }))
    .filter((i) => i.invokedMs <= untilMs);
}
