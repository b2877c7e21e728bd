/**
 * What the batch lesson's exercises rest on, with the documentation each behaviour follows
 * (SEMANTICS-2 §4–5). Files: the starters of lessons/05-batch-in-production.
 *
 * World: 100 requests/s for 60 s (6,000 lines), all in the lake `raw/dt=2026-01-01/` within 6 s. The DAG
 * `batch_view`: `schedule=timedelta(seconds=20)`, `catchup=False`, `max_active_runs=1`; a data-interval run is
 * created when its interval ends [AF1][AF2] — at 20, 40, 60, 80 and 100 s; the simulation ends at 100 s
 * (60 s + 40 s drain), so the run of 00:01:20 is still running at the end. 20 executors × 1 core × 100
 * records/s: a run over the day takes about 3 s.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkspaceFolder } from '../../simulator/cli/workspace-commands.js';
import { compileWorkspace } from '../../simulator/config/workspace/index.js';
import { runSync, type RunHandle } from '../../simulator/run/run.js';
import { gridsInState } from '../../simulator/orchestrator/grid.js';

const LESSON = join(import.meta.dirname, '../../lessons/05-batch-in-production/exercises');

function run(exercise: string, edit?: (files: Map<string, string>) => void, trace?: number[]): RunHandle {
  const files = readWorkspaceFolder(join(LESSON, exercise, 'starter'));
  edit?.(files);
  const compiled = compileWorkspace(files);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  return runSync(compiled.spec, { seed: 61, ...(trace ? { trace } : {}) });
}

const answer = (h: RunHandle) => h.result.architectures!['lambda']!.outputs['answer']!;
const cells = (h: RunHandle) => gridsInState(h.spec.nodes, h.result.state)[0]!.runs.map((r) => `${r.logicalDate.slice(11, 19)} ${r.state} ${r.cells.map((c) => `${c.state}/${c.tryNumber}`).join(' ')}`);

describe('INSERT INTO vs INSERT OVERWRITE under re-runs (rerun-appends-the-day)', () => {
  // [SP2] Append always inserts; [SP3] file names carry the job's UUID, so a re-run job adds a second set of
  // files; [SP1][SP2] INSERT OVERWRITE … PARTITION with dynamic overwrite replaces only that partition.
  // [AF6] Airflow's best practices: a task re-run must give the same result — overwrite the partition, never append.
  it('four committed runs over the same day: INSERT INTO counts the lines they covered more than once; the ledger blames the try that appended', () => {
    const h = run('rerun-appends-the-day');
    expect(cells(h)).toEqual(['00:00:00 success success/1', '00:00:20 success success/1', '00:00:40 success success/1', '00:01:00 success success/1', '00:01:20 running running/1']);
    const a = answer(h);
    expect(a.generated).toBe(6000);
    expect(a.duplicated).toBeGreaterThan(0);
    expect(a.exactlyOnce).toBeLessThan(6000);
    // The second run (00:00:20, committed at ~43 s) appended the day again: line 1 is counted twice, and the copy is the try's.
    const traced = run('rerun-appends-the-day', undefined, [0]);
    const steps = traced.sim.ledger.traceOf(0).map((s) => s.what);
    expect(steps).toContain('copy: scheduled__2026-01-01T00:00:20+00:00 try 1 appended partition dt=2026-01-01 again (INSERT INTO): counted once more');
  });

  it('INSERT OVERWRITE TABLE … PARTITION: the same runs count every line once', () => {
    const h = run('rerun-appends-the-day', (f) => f.set('batch/jobs/batch_view.sql', f.get('batch/jobs/batch_view.sql')!.replace('INSERT INTO batch_view', 'INSERT OVERWRITE TABLE batch_view')));
    expect(answer(h)).toMatchObject({ generated: 6000, exactlyOnce: 6000, duplicated: 0, inFlight: 0 });
  });
});

describe('retries (one-failure-and-the-day-is-stale)', () => {
  // [AF3] `retries` defaults to 0 (`[core] default_task_retries`), `retry_delay` to 300 s; a failed try with no
  // tries left fails the task instance and its DAG run. The worker restarts at 81 s, 1 s into the run of 00:01:00.
  it('retries=0: the run of 00:01:00 fails after one try; the view keeps the run of 00:00:40, so the last lines are missing', () => {
    const h = run('one-failure-and-the-day-is-stale');
    expect(cells(h)).toEqual(['00:00:00 success success/1', '00:00:20 success success/1', '00:00:40 success success/1', '00:01:00 failed failed/1', '00:01:20 running running/1']);
    expect(answer(h).exactlyOnce).toBeLessThan(6000);
  });

  it('retries=2, retry_delay=5 s: try 1 is killed at 81 s, try 2 starts at 86 s and commits; every line is counted once', () => {
    const h = run('one-failure-and-the-day-is-stale', (f) =>
      f.set('batch/dags/batch_view.py', f.get('batch/dags/batch_view.py')!.replace('executor_cores=1,\n', 'executor_cores=1,\n        retries=2,\n        retry_delay=timedelta(seconds=5),\n')),
    );
    const grid = gridsInState(h.spec.nodes, h.result.state)[0]!;
    const cell = grid.runs[3]!.cells[0]!;
    expect(cell).toMatchObject({ taskId: 'batch_view', state: 'success', tryNumber: 2 });
    expect(answer(h)).toMatchObject({ exactlyOnce: 6000, duplicated: 0 });
  });
});
