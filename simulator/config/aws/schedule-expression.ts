/**
 * AWS schedule expressions, `cron(Minutes Hours Day-of-month Month Day-of-week Year)` and
 * `rate(value unit)`, as AWS Glue (crawler `Schedule.ScheduleExpression`) reads them: times in UTC,
 * six fields, wildcards `, - * /` everywhere and `?` in one of the two day fields; a value in both day
 * fields is refused ("Time-based schedules for jobs and crawlers", AWS Glue Developer Guide,
 * docs.aws.amazon.com/glue/latest/dg/monitor-data-warehouse-schedule.html). Glue's smallest precision
 * is 5 minutes: a cron expression firing more often is refused, as Glue refuses it ("Cron expressions
 * that lead to rates faster than 5 minutes are not supported").
 *
 * `L` and `W` (last day, nearest weekday) are valid AWS syntax the simulation does not evaluate: they are
 * refused with that said, never guessed at. Virtual time 0 is 2026-01-01T00:00:00Z (workload/clock.ts).
 */
import { EPOCH_MS } from '../../workload/clock.js';

export type Schedule = { kind: 'cron'; minutes: Set<number>; hours: Set<number>; days: Set<number> | null; months: Set<number>; weekdays: Set<number> | null; years: Set<number> } | { kind: 'rate'; everyMs: number };

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const MINUTE_MS = 60_000;

function field(text: string, min: number, max: number, names: readonly string[] = [], nameBase = min): Set<number> | string {
  const out = new Set<number>();
  const value = (s: string): number => {
    const named = names.indexOf(s.toUpperCase());
    return named >= 0 ? named + nameBase : /^\d+$/.test(s) ? Number(s) : NaN;
  };
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) return `"${part}": the increment after / is a positive number`;
    let lo: number;
    let hi: number;
    if (range === '*') [lo, hi] = [min, max];
    else if (range!.includes('-')) [lo, hi] = range!.split('-').map(value) as [number, number];
    else {
      lo = value(range!);
      hi = stepText === undefined ? lo : max;
    }
    if (!(lo >= min && hi <= max && lo <= hi)) return `"${part}" is outside ${min}–${max}`;
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

/** The parsed expression, or why it is refused. */
export function parseScheduleExpression(expression: string): Schedule | string {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression.trim());
  if (rate) {
    const n = Number(rate[1]);
    const unit = rate[2]!;
    if (n < 1) return 'rate(value unit): the value is a positive whole number';
    if ((n === 1) !== !unit.endsWith('s')) return `rate(${n} ${unit}): AWS writes the unit singular for 1 and plural otherwise (rate(1 hour), rate(5 minutes))`;
    const unitMs = unit.startsWith('minute') ? MINUTE_MS : unit.startsWith('hour') ? 60 * MINUTE_MS : 24 * 60 * MINUTE_MS;
    return { kind: 'rate', everyMs: n * unitMs };
  }
  const cron = /^cron\((.*)\)$/.exec(expression.trim());
  if (!cron) return 'a schedule is cron(Minutes Hours Day-of-month Month Day-of-week Year) or rate(value unit)';
  const parts = cron[1]!.trim().split(/\s+/);
  if (parts.length !== 6) return `cron() takes six fields (Minutes Hours Day-of-month Month Day-of-week Year), found ${parts.length}`;
  if (parts.some((p) => /[LW#]/i.test(p.replace(/[A-Z]{3}/gi, (m) => (WEEKDAYS.includes(m.toUpperCase()) || MONTHS.includes(m.toUpperCase()) ? '0' : m))))) return 'L, W and # are valid AWS cron syntax that the simulation does not evaluate';
  const [mi, h, dom, mo, dow, y] = parts as [string, string, string, string, string, string];
  if ((dom === '?') === (dow === '?')) return 'give one of Day-of-month and Day-of-week, and ? in the other (e.g. cron(0 2 * * ? *))';
  const fields = [field(mi, 0, 59), field(h, 0, 23), dom === '?' ? null : field(dom, 1, 31), field(mo, 1, 12, MONTHS, 1), dow === '?' ? null : field(dow, 1, 7, WEEKDAYS, 1), field(y, 1970, 2199)] as const;
  const refused = fields.find((f): f is string => typeof f === 'string');
  if (refused) return refused;
  const [minutes, hours, days, months, weekdays, years] = fields as unknown as [Set<number>, Set<number>, Set<number> | null, Set<number>, Set<number> | null, Set<number>];
  return { kind: 'cron', minutes, hours, days, months, weekdays, years };
}

/** Whether a cron schedule fires at the minute starting at `virtualMs`. */
function cronFires(s: Extract<Schedule, { kind: 'cron' }>, virtualMs: number): boolean {
  const d = new Date(EPOCH_MS + virtualMs);
  return s.minutes.has(d.getUTCMinutes()) && s.hours.has(d.getUTCHours()) && s.months.has(d.getUTCMonth() + 1) && s.years.has(d.getUTCFullYear()) && (s.days === null || s.days.has(d.getUTCDate())) && (s.weekdays === null || s.weekdays.has(d.getUTCDay() + 1));
}

/**
 * The instants in [fromMs, toMs] a schedule fires at, in UTC (as Glue reads it). A rate schedule's first
 * run is taken to be one period after it is created (Glue refuses rate() for crawlers; an EventBridge
 * Scheduler rate starts at once, in a time zone: simulator/scheduler/invocations.ts); a cron schedule
 * fires at the start of each matching minute.
 */
export function fireTimes(s: Schedule, fromMs: number, toMs: number): number[] {
  const out: number[] = [];
  if (s.kind === 'rate') {
    for (let t = fromMs + s.everyMs; t <= toMs; t += s.everyMs) out.push(t);
    return out;
  }
  for (let t = Math.ceil(fromMs / MINUTE_MS) * MINUTE_MS; t <= toMs; t += MINUTE_MS) if (cronFires(s, t)) out.push(t);
  return out;
}

/** The shortest gap between two firings of a cron schedule over one leap year, to hold it to a service's minimum. */
export function shortestGapMs(s: Schedule): number {
  if (s.kind === 'rate') return s.everyMs;
  // Minutes and hours decide the gap within a day; a day's first firing follows the last of the day before.
  const perDay: number[] = [];
  for (const h of [...s.hours].sort((a, b) => a - b)) for (const m of [...s.minutes].sort((a, b) => a - b)) perDay.push((h * 60 + m) * MINUTE_MS);
  let gap = perDay.length > 1 ? Infinity : 24 * 60 * MINUTE_MS;
  for (let i = 1; i < perDay.length; i++) gap = Math.min(gap, perDay[i]! - perDay[i - 1]!);
  if (perDay.length > 1) gap = Math.min(gap, perDay[0]! + 24 * 60 * MINUTE_MS - perDay[perDay.length - 1]!);
  return gap;
}
