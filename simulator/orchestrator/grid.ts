/**
 * The DAG-run grid: what the Airflow UI's Grid view shows, computed from the scheduler's records so the
 * page only draws it. One column per DAG run (oldest first, as the grid reads left to right), one row per
 * task (in the DAG file's order), one cell per task instance with its state and its try number
 * (Airflow: `try_number` counts the tries started; a TI that never started shows 0).
 *
 * States are Airflow's `TaskInstanceState` names plus `none` (the UI's "no status": the run exists but
 * the TI has not been scheduled yet). `queued` and `skipped` are part of the vocabulary the grid draws;
 * the simulated scheduler starts a ready TI at once, so it produces them only where its model does.
 */
import type { DagRun, DagScheduler } from './scheduler.js';
import { isoAirflow } from './timetable.js';

export type GridTiState = 'none' | 'queued' | 'running' | 'up_for_retry' | 'success' | 'failed' | 'upstream_failed' | 'skipped';
export type GridRunState = 'queued' | 'running' | 'success' | 'failed';

export interface GridCell {
  readonly taskId: string;
  readonly state: GridTiState;
  /** Tries started so far (0: never started). */
  readonly tryNumber: number;
  /** Start of the first try and end of the last, in virtual ms (null when not started / not ended). */
  readonly startMs: number | null;
  readonly endMs: number | null;
}

export interface GridRun {
  readonly runId: string;
  /** `scheduled`, or `backfill` for a run a backfill created or cleared (it keeps its run id) [backfill.rst]. */
  readonly runType: 'scheduled' | 'backfill';
  /** `logical_date` = `data_interval_start` for a data-interval timetable [AF1]. */
  readonly logicalDate: string;
  readonly dataIntervalStart: string;
  readonly dataIntervalEnd: string;
  readonly state: GridRunState;
  /** One per task, in `DagGrid.tasks` order. */
  readonly cells: readonly GridCell[];
}

export interface DagGrid {
  readonly dagId: string;
  readonly tasks: readonly string[];
  readonly runs: readonly GridRun[];
}

function cellOf(run: DagRun, taskId: string): GridCell {
  const ti = run.tis.get(taskId);
  if (!ti) return { taskId, state: 'none', tryNumber: 0, startMs: null, endMs: null };
  const first = ti.tries[0];
  const last = ti.tries[ti.tries.length - 1];
  const finished = ti.state === 'success' || ti.state === 'failed' || ti.state === 'up_for_retry';
  return { taskId, state: ti.state, tryNumber: ti.tries.length, startMs: first ? first.startMs : null, endMs: finished && last ? last.endMs : null };
}

/** The grid of one DAG's scheduler, as it stands now. */
export function dagGrid(scheduler: DagScheduler): DagGrid {
  const tasks = scheduler.dag.tasks.map((t) => t.taskId);
  const runs = [...scheduler.runs]
    .sort((a, b) => a.interval.startMs - b.interval.startMs)
    .map((r) => ({
      runId: r.runId,
      runType: r.runType,
      logicalDate: isoAirflow(r.interval.startMs),
      dataIntervalStart: isoAirflow(r.interval.startMs),
      dataIntervalEnd: isoAirflow(r.interval.endMs),
      state: r.state,
      cells: tasks.map((t) => cellOf(r, t)),
    }));
  return { dagId: scheduler.dag.dagId, tasks, runs };
}

/** The grids a finished run reports: every DAG-driven batch node's `dagGrid` in its inspect state, by node order. */
export function gridsInState(nodes: Readonly<Record<string, { readonly type: string; readonly schedule?: unknown }>>, state: Readonly<Record<string, unknown>>): DagGrid[] {
  const out: DagGrid[] = [];
  for (const [id, node] of Object.entries(nodes)) {
    if (node.type !== 'batch' || !node.schedule) continue;
    const grid = (state[id] as { dagGrid?: DagGrid } | undefined)?.dagGrid;
    if (grid) out.push(grid);
  }
  return out;
}
