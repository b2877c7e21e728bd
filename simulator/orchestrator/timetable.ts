/**
 * Data intervals, catchup and templates, as Airflow's data-interval timetables define them
 * (SEMANTICS-2 §4.1–4.2 [AF1][AF2]; Airflow docs core-concepts/dag-run.rst "Data Interval", "Catchup";
 * authoring-and-scheduling/timetable.rst).
 *
 * - A run covers `[data_interval_start, data_interval_end)`, is created once the interval has **ended**,
 *   and its `logical_date` (`{{ ds }}`) is `data_interval_start`; the first interval starts at `start_date`.
 * - `catchup=True`: every complete interval not run yet becomes a run; `catchup=False`: only the latest
 *   complete one (earlier ones are skipped for good).
 *
 * The model is the data-interval timetable (`CronDataIntervalTimetable` / `DeltaDataIntervalTimetable`):
 * Airflow 2's meaning of a bare `schedule`, and Airflow 3's with `[scheduler] create_cron_data_intervals =
 * True`. (Airflow 3's default trigger timetable has no interval: `data_interval_start == data_interval_end`.)
 * Schedules understood: `"@hourly"`, `"@daily"`, `timedelta(...)`, and `None` (runs only by backfill).
 */
import { EPOCH_MS } from '../workload/clock.js';
import type { DagValue } from './dag-parse.js';

export interface DataInterval {
  readonly startMs: number;
  readonly endMs: number;
}

const PRESETS: Readonly<Record<string, number>> = { '@hourly': 3_600_000, '@daily': 86_400_000 };

/** The interval length of a `schedule` value; null for `None`; an Error naming what is understood. */
export function scheduleEveryMs(schedule: DagValue | undefined): number | null | Error {
  if (schedule === null || schedule === undefined) return null;
  if (typeof schedule === 'string' && schedule in PRESETS) return PRESETS[schedule]!;
  if (typeof schedule === 'object' && schedule.kind === 'timedelta' && schedule.ms > 0) return schedule.ms;
  return new Error('schedule must be "@hourly", "@daily", timedelta(...) or None');
}

/** The interval that starts at `startMs` on the grid anchored at `start_date`. */
export function intervalAt(startDateMs: number, everyMs: number, index: number): DataInterval {
  const startMs = startDateMs + index * everyMs;
  return { startMs, endMs: startMs + everyMs };
}

/**
 * The intervals the scheduler creates runs for at `nowMs`, given the end of the newest interval it has
 * already created (null: none yet). Only intervals that have ended by now are due.
 */
export function dueIntervals(startDateMs: number, everyMs: number, catchup: boolean, lastCreatedEndMs: number | null, nowMs: number): DataInterval[] {
  const complete = Math.floor((nowMs - startDateMs) / everyMs); // intervals ended by now
  if (complete <= 0) return [];
  const next = lastCreatedEndMs === null ? 0 : Math.round((lastCreatedEndMs - startDateMs) / everyMs);
  if (next >= complete) return [];
  if (!catchup) return [intervalAt(startDateMs, everyMs, complete - 1)];
  const out: DataInterval[] = [];
  for (let i = next; i < complete; i++) out.push(intervalAt(startDateMs, everyMs, i));
  return out;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** How Airflow renders a pendulum DateTime in a template: `2026-01-01T13:00:00+00:00`. */
export function isoAirflow(virtualMs: number): string {
  return new Date(EPOCH_MS + virtualMs).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function ds(virtualMs: number): string {
  const d = new Date(EPOCH_MS + virtualMs);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Python's `datetime.strftime` for the directives a partition path uses (UTC); others stay as written. */
function strftime(format: string, virtualMs: number): string {
  const d = new Date(EPOCH_MS + virtualMs);
  const parts: Record<string, string> = { Y: String(d.getUTCFullYear()), m: pad(d.getUTCMonth() + 1), d: pad(d.getUTCDate()), H: pad(d.getUTCHours()), M: pad(d.getUTCMinutes()), S: pad(d.getUTCSeconds()), '%': '%' };
  return format.replace(/%(.)/g, (whole, c: string) => parts[c] ?? whole);
}

/**
 * Jinja templating of task arguments, for the variables of Airflow's templates reference
 * (templates-ref.rst): `ds`, `ds_nodash`, `ts`, `ts_nodash` (`20260101T000100`: `ts` without dashes,
 * colons and offset), `logical_date`, `data_interval_start`, `data_interval_end`, plus `data_interval_start.hour`
 * style `.hour` (a Python int, so Jinja writes `5`, not `05`: a task reading `hour={{ data_interval_start.hour }}`
 * misses a lake written as `hour=05/` by Logstash's `%{+HH}`) and `.strftime("%H%M")` (the datetime's own method:
 * `%Y %m %d %H %M %S`, zero-padded as Python's: `.strftime("%H")` is the padded hour). An unknown variable is an
 * Error naming the ones understood.
 */
export function renderTemplate(template: string, interval: DataInterval): string | Error {
  let bad: string | null = null;
  const out = template.replace(/\{\{\s*([\w.]+?)(?:\.strftime\(\s*(["'])([^"']*)\2\s*\))?\s*\}\}/g, (whole, name: string, _q: string | undefined, format: string | undefined) => {
    const [base, attr] = name.split('.') as [string, string | undefined];
    const at = base === 'data_interval_end' ? interval.endMs : interval.startMs;
    const known = ['ds', 'ds_nodash', 'ts', 'ts_nodash', 'logical_date', 'data_interval_start', 'data_interval_end'];
    const datetimes = ['logical_date', 'data_interval_start', 'data_interval_end'];
    if (!known.includes(base) || (attr !== undefined && attr !== 'hour') || (format !== undefined && (attr !== undefined || !datetimes.includes(base)))) {
      bad ??= format === undefined ? name : `${name}.strftime`;
      return whole;
    }
    if (format !== undefined) return strftime(format, at);
    if (attr === 'hour') return String(new Date(EPOCH_MS + at).getUTCHours());
    if (base === 'ds') return ds(at);
    if (base === 'ds_nodash') return ds(at).replace(/-/g, '');
    if (base === 'ts_nodash') return isoAirflow(at).slice(0, 19).replace(/[-:]/g, '');
    return isoAirflow(at);
  });
  if (bad !== null) return new Error(`unknown template variable \`${bad}\`; understood: ds, ds_nodash, ts, ts_nodash, logical_date, data_interval_start, data_interval_end (and .hour, .strftime("%H%M"))`);
  return out;
}
