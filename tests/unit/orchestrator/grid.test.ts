/**
 * The DAG-run grid (simulator/orchestrator/grid.ts) from the scheduler's records: one column per run, oldest
 * first; one row per task; a cell per task instance with its state and try number — as the Airflow UI's Grid
 * view shows them (Airflow docs, "UI Overview → Grid view"; states: `TaskInstanceState`). Scenario of
 * SEMANTICS-2 §4 scenario 3 shortened: `retries=1`, a task that fails its first try.
 */
import { describe, expect, it } from 'vitest';
import { parseDag } from '../../../simulator/orchestrator/dag-parse.js';
import { DagScheduler, dagSettings, runScheduler } from '../../../simulator/orchestrator/scheduler.js';
import { dagGrid } from '../../../simulator/orchestrator/grid.js';

const SRC = `from datetime import datetime, timedelta
from airflow import DAG
from airflow.providers.standard.operators.empty import EmptyOperator

with DAG(dag_id="daily", schedule=timedelta(minutes=1), start_date=datetime(2026, 1, 1), catchup=True, max_active_runs=1) as dag:
    extract = EmptyOperator(task_id="extract", retries=1, retry_delay=timedelta(seconds=10))
    load = EmptyOperator(task_id="load")
    extract >> load
`;

describe('dagGrid', () => {
  it('a failed try goes up_for_retry, try 2 succeeds; a run whose first task fails for good marks the next upstream_failed', () => {
    const parsed = parseDag(SRC, 'daily.py');
    if (!parsed.ok) throw new Error('parse');
    const settings = dagSettings(parsed.dag);
    if (settings instanceof Error) throw settings;
    // extract: 5 s a try; run 0's try 1 fails, try 2 succeeds; run 1's extract fails both tries.
    const s = new DagScheduler(parsed.dag, settings, {
      execute: (task, run, tryNumber) => ({ durationMs: 5_000, ok: task.taskId !== 'extract' || (run.interval.startMs === 0 ? tryNumber > 1 : run.interval.startMs !== 60_000) }),
      poke: () => true,
    });
    runScheduler(s, 0, 130_000);
    const g = dagGrid(s);
    expect(g.tasks).toEqual(['extract', 'load']);
    expect(g.runs.map((r) => [r.logicalDate, r.dataIntervalEnd, r.state, r.cells.map((c) => `${c.taskId}:${c.state}:${c.tryNumber}`)])).toEqual([
      ['2026-01-01T00:00:00+00:00', '2026-01-01T00:01:00+00:00', 'success', ['extract:success:2', 'load:success:1']],
      ['2026-01-01T00:01:00+00:00', '2026-01-01T00:02:00+00:00', 'running', ['extract:up_for_retry:1', 'load:none:0']],
    ]);
    runScheduler(s, 130_000, 200_000);
    expect(dagGrid(s).runs[1]!.cells.map((c) => `${c.state}:${c.tryNumber}`)).toEqual(['failed:2', 'upstream_failed:0']);
  });
});
