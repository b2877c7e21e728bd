/**
 * `airflow dags list-runs -d <dag_id>` (Airflow 2.x CLI; Airflow 3 takes the dag id as a positional word,
 * which works too): the DAG's runs in the last run of the simulation, one row per data interval, in the CLI's
 * table columns — dag_id, run_id, state, execution_date (the logical date), start_date, end_date — newest first,
 * as the CLI sorts them. `--state` filters; `-o plain` drops the borders. `airflow dags list` names the DAGs.
 *
 * `airflow tasks states-for-dag-run <dag_id> <run_id|logical_date>` (Airflow 3 CLI, `task_command.py`): one row per
 * task instance of that run — dag_id, logical_date, task_id, state, start_date, end_date — from the DAG-run grid
 * (simulator/orchestrator/grid.ts), so the terminal and the grid on the page read the same records.
 *
 * A batch layer driven by a DAG (a `type: batch` node with `schedule:`) reports its runs in its inspect state.
 */
import { ok, fail, NO_RUN, type Command } from '../types.js';
import { isoAirflow } from '../../orchestrator/timetable.js';
import type { RunHandle } from '../../run/run.js';
import { gridsInState, type DagGrid } from '../../orchestrator/grid.js';

interface DagRunView {
  dagId: string;
  runId: string;
  state: string;
  tries: { tryNumber: number; startMs: number; endMs: number; outcome: string | null }[];
}

const USAGE = 'airflow dags list-runs -d <dag_id> [--state queued|running|success|failed] [-o table|plain]\nairflow dags list\nairflow tasks states-for-dag-run <dag_id> <run_id|logical_date> [-o table|plain]';

/** Every DAG's grid: dag_id → grid. */
function gridsOf(handle: RunHandle): Map<string, DagGrid> {
  return new Map(gridsInState(handle.spec.nodes, handle.result.state).map((g) => [g.dagId, g]));
}

function statesForDagRun(handle: RunHandle, args: readonly string[]) {
  const words: string[] = [];
  let plain = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-o' || a === '--output') plain = args[++i] === 'plain';
    else if (a.startsWith('-')) return fail(`airflow tasks states-for-dag-run: error: unrecognized arguments: ${a}\nusage:\n${USAGE}`, 2);
    else words.push(a);
  }
  const [dagId, which] = words;
  if (dagId === undefined || which === undefined || words.length > 2) return fail(`airflow tasks states-for-dag-run: error: the following arguments are required: dag_id, logical_date_or_run_id\nusage:\n${USAGE}`, 2);
  const grid = gridsOf(handle).get(dagId);
  const run = grid?.runs.find((r) => r.runId === which || r.logicalDate === which);
  if (!run) return fail(`airflow.exceptions.DagRunNotFound: DagRun for ${dagId} with run_id or logical_date of '${which}' not found`);
  const rows = [['dag_id', 'logical_date', 'task_id', 'state', 'start_date', 'end_date']];
  for (const c of run.cells) rows.push([dagId, run.logicalDate, c.taskId, c.state === 'none' ? '' : c.state, c.startMs === null ? '' : isoAirflow(c.startMs), c.endMs === null ? '' : isoAirflow(c.endMs)]);
  return ok(table(rows, plain));
}

/** Every DAG of the run: dag_id → its runs. */
function dagsOf(handle: RunHandle): Map<string, DagRunView[]> {
  const out = new Map<string, DagRunView[]>();
  for (const [id, node] of Object.entries(handle.spec.nodes)) {
    if (node.type !== 'batch' || !node.schedule) continue;
    const runs = (handle.result.state[id] as { dagRuns?: DagRunView[] } | undefined)?.dagRuns ?? [];
    out.set(node.schedule['dag-id'] ?? id, runs);
  }
  // The orders warehouse's DAG (a workspace with a PostgreSQL host and a DAG whose jobs read it).
  const warehouse = handle.result.warehouse;
  if (handle.spec.warehouse && warehouse) out.set(handle.spec.warehouse['dag-id'], warehouse.dagRuns);
  return out;
}

/** The CLI's table: `| a | b |` rows under a header and a rule (AirflowConsole's "table" output). */
function table(rows: readonly (readonly string[])[], plain: boolean): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join(plain ? '  ' : ' | ').trimEnd();
  const rule = widths.map((w) => '='.repeat(w)).join(plain ? '  ' : '=+=');
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}

export const airflow: Command = {
  name: 'airflow',
  summary: "the batch layer's Airflow: `airflow dags list-runs -d <dag_id>` shows each DAG run's state and times; `airflow tasks states-for-dag-run <dag_id> <run_id>` its task instances",
  usage: USAGE,
  run(args, { handle }) {
    if (!handle) return fail(NO_RUN);
    const [group, verb, ...rest] = args;
    if (group === 'tasks' && verb === 'states-for-dag-run') return statesForDagRun(handle, rest);
    // A backfill changes the run, and the terminal only reads a finished one: it belongs in the runbook.
    if (group === 'backfill' || (group === 'dags' && verb === 'backfill')) return fail('airflow backfill create changes the run: write it in a runbook (<host>/runbook.sh) ending in `# at <time>`, then run again', 2);
    if (group !== 'dags' || (verb !== 'list-runs' && verb !== 'list')) return fail(`usage:\n${USAGE}`, 2);
    const dags = dagsOf(handle);
    if (verb === 'list') {
      if (dags.size === 0) return ok('No data found');
      return ok(table([['dag_id', 'is_paused'], ...[...dags.keys()].map((d) => [d, 'False'])], false));
    }
    let dagId: string | undefined;
    let state: string | undefined;
    let plain = false;
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!;
      if (a === '-d' || a === '--dag-id') dagId = rest[++i];
      else if (a === '--state') state = rest[++i];
      else if (a === '-o' || a === '--output') plain = rest[++i] === 'plain';
      else if (!a.startsWith('-') && dagId === undefined) dagId = a;
      else return fail(`airflow dags list-runs: error: unrecognized arguments: ${a}\nusage:\n${USAGE}`, 2);
    }
    if (dagId === undefined) return fail(`airflow dags list-runs: error: the following arguments are required: -d/--dag-id\nusage:\n${USAGE}`, 2);
    const runs = dags.get(dagId);
    if (!runs) return fail(`Dag id ${dagId} not found${dags.size ? ` (DAGs: ${[...dags.keys()].join(', ')})` : ': this run has no DAG'}`);
    const shown = runs.filter((r) => state === undefined || r.state === state).reverse();
    if (shown.length === 0) return ok('No data found');
    const rows = [['dag_id', 'run_id', 'state', 'execution_date', 'start_date', 'end_date']];
    for (const r of shown) {
      const first = r.tries[0];
      const last = r.tries[r.tries.length - 1];
      const done = r.state === 'success' || r.state === 'failed';
      rows.push([r.dagId, r.runId, r.state, r.runId.replace(/^[a-z]+__/, ''), first ? isoAirflow(first.startMs) : '', done && last ? isoAirflow(last.endMs) : '']);
    }
    return ok(table(rows, plain));
  },
  complete(args, { handle }) {
    if (args.length === 0) return ['dags', 'tasks'];
    if (args.length === 1) return args[0] === 'tasks' ? ['states-for-dag-run'] : ['list-runs', 'list'];
    if (args[0] === 'tasks' && handle) {
      const grids = gridsOf(handle);
      if (args.length === 2) return [...grids.keys()];
      if (args.length === 3) return grids.get(args[2]!)?.runs.map((r) => r.runId) ?? [];
      return ['-o'];
    }
    if (args[args.length - 1] === '-d' && handle) return [...dagsOf(handle).keys()];
    return ['-d', '--state', '-o'];
  },
};
