/** `airflow dags list-runs -d <dag_id>`: the batch layer's DAG runs, as the Airflow CLI lists them. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkspaceFolder } from '../../../simulator/cli/workspace-commands.js';
import { compileWorkspace } from '../../../simulator/config/workspace/index.js';
import { runSync } from '../../../simulator/run/run.js';
import { terminal } from './fixtures.js';

// The first Lambda exercise's starter: one executor core, so each run waits for the one before (max_active_runs=1).
const files = readWorkspaceFolder(join(import.meta.dirname, '../../../lessons/06-lambda/exercises/batch-heals-the-speed-layer/starter'));
const compiled = compileWorkspace(files);
if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
const sh = terminal(runSync(compiled.spec));

describe('airflow dags list-runs', () => {
  it("lists the DAG's runs newest first: the run of 00:00:40 is still going at the end, queued behind the others", () => {
    const out = sh('airflow dags list-runs -d batch_view');
    expect(out.status).toBe(0);
    expect(out.text.split('\n')).toEqual([
      'dag_id     | run_id                               | state   | execution_date            | start_date                | end_date',
      '===========+======================================+=========+===========================+===========================+==========================',
      'batch_view | scheduled__2026-01-01T00:01:40+00:00 | queued  | 2026-01-01T00:01:40+00:00 |                           |',
      'batch_view | scheduled__2026-01-01T00:01:20+00:00 | queued  | 2026-01-01T00:01:20+00:00 |                           |',
      'batch_view | scheduled__2026-01-01T00:01:00+00:00 | queued  | 2026-01-01T00:01:00+00:00 |                           |',
      'batch_view | scheduled__2026-01-01T00:00:40+00:00 | running | 2026-01-01T00:00:40+00:00 | 2026-01-01T00:01:14+00:00 |',
      'batch_view | scheduled__2026-01-01T00:00:20+00:00 | success | 2026-01-01T00:00:20+00:00 | 2026-01-01T00:00:40+00:00 | 2026-01-01T00:01:14+00:00',
      'batch_view | scheduled__2026-01-01T00:00:00+00:00 | success | 2026-01-01T00:00:00+00:00 | 2026-01-01T00:00:20+00:00 | 2026-01-01T00:00:33+00:00',
    ]);
  });

  it('filters by --state, lists the DAGs, and refuses what the CLI refuses', () => {
    expect(sh('airflow dags list-runs -d batch_view --state success').text.split('\n')).toHaveLength(4);
    expect(sh('airflow dags list').text).toContain('batch_view');
    expect(sh('airflow dags list-runs -d nope')).toEqual({ text: 'Dag id nope not found (DAGs: batch_view)', status: 1 });
    expect(sh('airflow dags list-runs').status).toBe(2);
  });
});

describe('airflow tasks states-for-dag-run', () => {
  it("prints the run's task instances from the same grid the page draws (Airflow 3 columns)", () => {
    expect(sh('airflow tasks states-for-dag-run batch_view scheduled__2026-01-01T00:00:20+00:00').text.split('\n')).toEqual([
      'dag_id     | logical_date              | task_id    | state   | start_date                | end_date',
      '===========+===========================+============+=========+===========================+==========================',
      'batch_view | 2026-01-01T00:00:20+00:00 | batch_view | success | 2026-01-01T00:00:40+00:00 | 2026-01-01T00:01:14+00:00',
    ]);
    // By logical date too; a queued run's TI has no state yet.
    expect(sh('airflow tasks states-for-dag-run batch_view 2026-01-01T00:01:40+00:00').text.split('\n')[2]).toBe('batch_view | 2026-01-01T00:01:40+00:00 | batch_view |       |            |');
    expect(sh('airflow tasks states-for-dag-run batch_view nope')).toEqual({ text: "airflow.exceptions.DagRunNotFound: DagRun for batch_view with run_id or logical_date of 'nope' not found", status: 1 });
    expect(sh('airflow tasks states-for-dag-run batch_view').status).toBe(2);
  });
});
