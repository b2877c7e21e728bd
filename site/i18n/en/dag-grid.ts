/**
 * English strings of the DAG-run grid (site/scripts/dag-grid/dag-grid-view.ts): the Airflow UI's Grid view,
 * simplified, in the exercise island and the Lab.
 */
export const dagGrid = {
  'dg.title': 'DAG runs',
  'dg.label': 'DAG runs of {dag}: one column per run, one row per task. Arrow keys move between cells.',
  'dg.help': 'One column per DAG run (its data interval), one row per task; each cell is a task instance with its state and try number. Arrow keys move, Home and End jump to the first and last run.',
  'dg.task': 'Task',
  'dg.run': 'Run {runId}: data interval {start} to {end}, {state}',
  'dg.backfill': 'backfill',
  'dg.cell': '{task}, run {logical}: {state}, try {try}',
  'dg.cellNoTry': '{task}, run {logical}: {state}, not started',
  'dg.selected': 'Selected: {text}',
  'dg.state.none': 'no status',
  'dg.state.queued': 'queued',
  'dg.state.running': 'running',
  'dg.state.up_for_retry': 'up for retry',
  'dg.state.success': 'success',
  'dg.state.failed': 'failed',
  'dg.state.upstream_failed': 'upstream failed',
  'dg.state.skipped': 'skipped',
  'lab.cf.dagGrid': 'DAG runs — {side}',
  'dg.legend': 'States',
};
