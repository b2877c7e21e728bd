/**
 * Airflow scheduling scenarios with exact outcomes (simulator/orchestrator/scheduler.ts), each after the
 * Airflow documentation it follows (SEMANTICS-2 §4):
 * - catchup on/off — core-concepts/dag-run.rst "Catchup" [AF1]
 * - retries, retry_delay, execution_timeout — BaseOperator arguments; config.yml defaults [AF3]
 * - depends_on_past — BaseOperator docstring [AF5]
 * - max_active_runs — config.yml `max_active_runs_per_dag` [AF3]
 * - sensor timeout — core-concepts/sensors.rst; a sensor timeout is not retried [AF4]
 */
import { describe, it, expect } from 'vitest';
import { parseDag, type DagTask } from '../../simulator/orchestrator/dag-parse.js';
import { DagScheduler, dagSettings, runScheduler, type DagRun, type TaskEnv } from '../../simulator/orchestrator/scheduler.js';

const H = 3_600_000;
const M = 60_000;

function scheduler(dagArgs: string, tasks: string, env: TaskEnv): DagScheduler {
  const src = `from airflow import DAG\nwith DAG(dag_id="d", schedule="@hourly", start_date=datetime(2026, 1, 1), ${dagArgs}) as dag:\n${tasks}`;
  const r = parseDag(src, 'd.py');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const settings = dagSettings(r.dag);
  if (settings instanceof Error) throw settings;
  return new DagScheduler(r.dag, settings, env);
}

const ok = (durationMs = M): TaskEnv => ({ execute: () => ({ durationMs, ok: true }), poke: () => true });
const grid = (runs: readonly DagRun[]) => runs.map((r) => `${r.runId} ${r.state}`);

describe('catchup [AF1]', () => {
  const tasks = '    a = EmptyOperator(task_id="a")\n';
  it('catchup=True, scheduler first looks at 03:10: runs for 00:00, 01:00 and 02:00 (each created at once)', () => {
    const s = scheduler('catchup=True', tasks, ok());
    runScheduler(s, 3 * H + 10 * M, 3 * H + 30 * M);
    expect(grid(s.runs)).toEqual([
      'scheduled__2026-01-01T00:00:00+00:00 success',
      'scheduled__2026-01-01T01:00:00+00:00 success',
      'scheduled__2026-01-01T02:00:00+00:00 success',
    ]);
  });
  it('catchup=False: only the latest complete interval (02:00–03:00); 00:00 and 01:00 never run', () => {
    const s = scheduler('catchup=False', tasks, ok());
    runScheduler(s, 3 * H + 10 * M, 4 * H + 30 * M);
    expect(grid(s.runs)).toEqual(['scheduled__2026-01-01T02:00:00+00:00 success', 'scheduled__2026-01-01T03:00:00+00:00 success']);
    expect(s.runs[1]!.createdMs).toBe(4 * H); // a run starts when its interval ends
  });
  it('a backfill runs the skipped intervals whatever catchup says', () => {
    const s = scheduler('catchup=False', tasks, ok());
    // backfill.rst: runs for the logical dates from --from-date to --to-date (both included)
    s.backfill({ fromMs: 0, toMs: H, reprocess: 'none', maxActiveRuns: 10, runBackwards: false, dryRun: false }, 3 * H + 10 * M);
    runScheduler(s, 3 * H + 10 * M, 3 * H + 30 * M);
    expect(grid(s.runs).sort()).toEqual([
      'backfill__2026-01-01T00:00:00+00:00 success',
      'backfill__2026-01-01T01:00:00+00:00 success',
      'scheduled__2026-01-01T02:00:00+00:00 success',
    ]);
  });
});

describe('retries, retry_delay, execution_timeout [AF3]', () => {
  it('retries=2, retry_delay 5 min, execution_timeout 10 min, the task hangs: three tries killed at 10 min, failed; downstream upstream_failed', () => {
    const hang: TaskEnv = { execute: () => ({ durationMs: 10 * H, ok: true }), poke: () => true };
    const s = scheduler(
      'catchup=False',
      '    a = BashOperator(task_id="a", retries=2, retry_delay=timedelta(minutes=5), execution_timeout=timedelta(minutes=10))\n    b = EmptyOperator(task_id="b")\n    a >> b\n',
      hang,
    );
    runScheduler(s, H, 3 * H);
    const a = s.runs[0]!.tis.get('a')!;
    expect(a.tries.map((t) => [t.tryNumber, t.startMs - H, t.endMs - H, t.outcome])).toEqual([
      [1, 0, 10 * M, 'execution_timeout'],
      [2, 15 * M, 25 * M, 'execution_timeout'],
      [3, 30 * M, 40 * M, 'execution_timeout'],
    ]);
    expect(a.state).toBe('failed');
    expect(s.runs[0]!.tis.get('b')!.state).toBe('upstream_failed');
    expect(s.runs[0]!.state).toBe('failed');
  });
  it('a try that fails once then succeeds: two tries, the run succeeds', () => {
    const flaky: TaskEnv = { execute: (_t: DagTask, _r: DagRun, n: number) => ({ durationMs: M, ok: n > 1 }), poke: () => true };
    const s = scheduler('catchup=False', '    a = BashOperator(task_id="a", retries=1, retry_delay=60)\n', flaky);
    runScheduler(s, H, 2 * H - 1);
    expect(s.runs[0]!.tis.get('a')!.tries.map((t) => [t.startMs - H, t.outcome])).toEqual([
      [0, 'failed'],
      [2 * M, 'success'],
    ]);
  });
});

describe('depends_on_past [AF5] and max_active_runs [AF3]', () => {
  it('the 01:00 TI waits while the 00:00 TI of the same task has not succeeded; it never runs when that one failed', () => {
    const failFirst: TaskEnv = { execute: (_t, run) => ({ durationMs: M, ok: run.interval.startMs !== 0 }), poke: () => true };
    const s = scheduler('catchup=True', '    a = BashOperator(task_id="a", depends_on_past=True)\n', failFirst);
    runScheduler(s, 2 * H, 2 * H + 30 * M);
    expect(s.runs.map((r) => [r.runId.slice(-14, -9), r.tis.get('a')!.state])).toEqual([
      ['00:00', 'failed'],
      ['01:00', 'none'],
    ]);
  });
  it('max_active_runs=1 with catchup: the three runs go one after another, oldest first', () => {
    const s = scheduler('catchup=True, max_active_runs=1', '    a = BashOperator(task_id="a")\n', ok(20 * M));
    runScheduler(s, 3 * H, 4 * H);
    expect(s.runs.slice(0, 3).map((r) => [(r.startedMs! - 3 * H) / M, (r.endedMs! - 3 * H) / M])).toEqual([
      [0, 20],
      [20, 40],
      [40, 60],
    ]);
  });
});

describe('sensors [AF4]', () => {
  it('poke_interval 300 s, timeout 3600 s, the partition never appears: fails at the first poke ≥ 3600 s after the first, not retried', () => {
    const never: TaskEnv = { execute: () => ({ durationMs: M, ok: true }), poke: () => false };
    const s = scheduler(
      'catchup=False',
      '    w = S3KeySensor(task_id="w", bucket_key="raw/dt={{ ds }}/", poke_interval=300, timeout=3600, mode="reschedule", retries=3)\n    a = BashOperator(task_id="a")\n    w >> a\n',
      never,
    );
    runScheduler(s, H, 3 * H - 1);
    const w = s.runs[0]!.tis.get('w')!;
    expect(w.tries.map((t) => [t.endMs - t.startMs, t.outcome])).toEqual([[3600_000, 'sensor_timeout']]);
    expect(w.state).toBe('failed');
    expect(s.runs[0]!.tis.get('a')!.state).toBe('upstream_failed');
  });
  it('the partition appears at 01:12: the sensor succeeds at the poke after it (01:15) and the task runs', () => {
    const at = (t: number) => t >= H + 12 * M;
    const s = scheduler(
      'catchup=False',
      '    w = S3KeySensor(task_id="w", bucket_key="raw/", poke_interval=300, timeout=3600)\n    a = BashOperator(task_id="a")\n    w >> a\n',
      { execute: () => ({ durationMs: M, ok: true }), poke: (_t, _r, t) => at(t) },
    );
    runScheduler(s, H, 2 * H - 1);
    expect(s.runs[0]!.tis.get('w')!.tries[0]!.endMs).toBe(H + 15 * M);
    expect(s.runs[0]!.tis.get('a')!.tries[0]!.startMs).toBe(H + 15 * M);
  });
  it('each poke asks the condition at its own time, never ahead: pokes at 01:00, 01:05, 01:10, 01:15, each while the scheduler stands at that time', () => {
    const asked: number[] = [];
    let now = H;
    const s = scheduler(
      'catchup=False',
      '    w = S3KeySensor(task_id="w", bucket_key="raw/", poke_interval=300, timeout=3600, mode="reschedule")\n    a = BashOperator(task_id="a")\n    w >> a\n',
      {
        execute: () => ({ durationMs: M, ok: true }),
        poke: (_t, _r, at) => {
          expect(at).toBe(now);
          asked.push((at - H) / M);
          return at >= H + 12 * M;
        },
      },
    );
    for (let next: number | null = now; next !== null && next < 2 * H; next = s.step(now)) now = next;
    expect(asked).toEqual([0, 5, 10, 15]);
    expect(s.runs[0]!.tis.get('w')!.tries.map((t) => [(t.startMs - H) / M, (t.endMs - H) / M, t.outcome])).toEqual([[0, 15, 'success']]);
  });
});
