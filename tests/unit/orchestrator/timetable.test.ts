/**
 * Data intervals and catchup (Airflow docs core-concepts/dag-run.rst "Data Interval" and "Catchup";
 * SEMANTICS-2 §4.1–4.2 [AF1][AF2]): a run for an interval is created at the interval's end, its
 * logical date is the interval's start; catchup=True creates every missed interval, catchup=False only
 * the latest complete one.
 */
import { describe, it, expect } from 'vitest';
import { dueIntervals, renderTemplate, scheduleEveryMs, isoAirflow } from '../../../simulator/orchestrator/timetable.js';

const H = 3_600_000;

describe('data intervals', () => {
  it('a run for [00:00, 01:00) is due only once 01:00 has come', () => {
    expect(dueIntervals(0, H, true, null, H - 1)).toEqual([]);
    expect(dueIntervals(0, H, true, null, H)).toEqual([{ startMs: 0, endMs: H }]);
  });

  it('catchup=True after 3 h paused: three runs, oldest first; catchup=False: only the latest', () => {
    expect(dueIntervals(0, H, true, null, 3 * H + 5).map((i) => i.startMs)).toEqual([0, H, 2 * H]);
    expect(dueIntervals(0, H, false, null, 3 * H + 5)).toEqual([{ startMs: 2 * H, endMs: 3 * H }]);
    // …and nothing again until the next interval ends
    expect(dueIntervals(0, H, false, 3 * H, 3 * H + 10)).toEqual([]);
    expect(dueIntervals(0, H, true, 2 * H, 4 * H).map((i) => i.startMs)).toEqual([2 * H, 3 * H]);
  });

  it('schedules: presets, timedelta, None; anything else is refused', () => {
    expect(scheduleEveryMs('@hourly')).toBe(H);
    expect(scheduleEveryMs('@daily')).toBe(24 * H);
    expect(scheduleEveryMs({ kind: 'timedelta', ms: 600_000 })).toBe(600_000);
    expect(scheduleEveryMs(null)).toBeNull();
    expect(scheduleEveryMs('*/5 * * * *')).toBeInstanceOf(Error);
  });
});

describe('templates (templates-ref.rst)', () => {
  const iv = { startMs: 13 * H, endMs: 14 * H };
  it('renders ds, data_interval_start/end and .hour for the interval, not for now', () => {
    expect(renderTemplate('raw/dt={{ ds }}/hour={{ data_interval_start.hour }}/', iv)).toBe('raw/dt=2026-01-01/hour=13/');
    expect(renderTemplate('{{ data_interval_start }}..{{data_interval_end}}', iv)).toBe('2026-01-01T13:00:00+00:00..2026-01-01T14:00:00+00:00');
    expect(renderTemplate('{{ ds_nodash }}', iv)).toBe('20260101');
    // `.hour` is a Python int: Jinja renders 5, not 05 (the padded form is strftime("%H")).
    expect(renderTemplate('hour={{ data_interval_start.hour }}|{{ data_interval_start.strftime("%H") }}', { startMs: 5 * H, endMs: 6 * H })).toBe('hour=5|05');
    // Python's datetime.strftime on the pendulum datetimes: zero-padded %H %M (a partition per minute)
    expect(renderTemplate('minute={{ data_interval_start.strftime("%H%M") }}/{{ data_interval_end.strftime(\'%Y-%m-%d %H:%M:%S\') }}', iv)).toBe('minute=1300/2026-01-01 14:00:00');
    expect(renderTemplate('{{ ds.strftime("%H") }}', iv)).toBeInstanceOf(Error); // ds is a string, not a datetime
    expect(isoAirflow(0)).toBe('2026-01-01T00:00:00+00:00');
  });
  it('an unknown variable is an error naming the known ones', () => {
    const r = renderTemplate('{{ next_ds }}', iv);
    expect(r).toBeInstanceOf(Error);
    expect((r as Error).message).toMatch(/next_ds.*understood: ds/);
  });
});
