/**
 * The scheduler's semantics for one DAG, as a deterministic discrete-event model (SEMANTICS-2 §4 [AF1]–[AF5]):
 *
 * - Runs are created for due data intervals (timetable.ts: at the interval's end; catchup on/off) and
 *   queued; at most `max_active_runs` (default 16) run at once, oldest logical date first [AF3].
 * - A task instance (TI) is ready when all its upstream TIs succeeded; with `depends_on_past=True` also
 *   when the same task's TI in the previous run succeeded or was skipped (the first run may go) [AF5].
 * - A failed try with tries left goes `up_for_retry` and runs again `retry_delay` later (default 300 s);
 *   `execution_timeout` kills a try that runs longer and fails it [AF3]. With no tries left the TI is
 *   `failed`, its downstream TIs `upstream_failed`, and the run `failed`.
 * - A sensor pokes at its start and every `poke_interval` (default 60 s) until the condition holds; once
 *   `timeout` (default 7 days) has passed since the first poke it fails with AirflowSensorTimeout and is
 *   not retried (`mode` poke or reschedule give the same timing; only the worker slot differs) [AF4].
 *   Each poke asks the environment at that moment, never ahead: what it senses (an S3 key) may appear
 *   only while the run goes. Until it succeeds the try's `endMs` is its next poke and its outcome null.
 *
 * What a task does is the environment's: `execute` says how long a try takes and whether it succeeds
 * (a Spark job, or a failure because a node it needs is down), `poke` whether a sensor's condition holds.
 */
import type { DagModel, DagTask, DagValue } from './dag-parse.js';
import { dueIntervals, isoAirflow, scheduleEveryMs, type DataInterval } from './timetable.js';

export type TiState = 'none' | 'running' | 'up_for_retry' | 'success' | 'failed' | 'upstream_failed';
export type RunState = 'queued' | 'running' | 'success' | 'failed';

export interface TaskTry {
  readonly tryNumber: number;
  readonly startMs: number;
  endMs: number;
  outcome: 'success' | 'failed' | 'execution_timeout' | 'sensor_timeout' | null;
}

export interface TaskInstance {
  readonly taskId: string;
  state: TiState;
  readonly tries: TaskTry[];
  /** When an up_for_retry TI may start again. */
  retryAtMs: number;
}

/** `DagRunType`: how the run came to be; a backfill that clears an existing run makes it a backfill run too. */
export type RunType = 'scheduled' | 'backfill';

export interface DagRun {
  readonly runId: string;
  runType: RunType;
  /** The backfill that created or last cleared the run (Airflow's `dag_run.backfill_id`); null for none. */
  backfillId: number | null;
  readonly interval: DataInterval;
  readonly createdMs: number;
  state: RunState;
  startedMs: number | null;
  endedMs: number | null;
  readonly tis: Map<string, TaskInstance>;
}

export interface TaskEnv {
  /** A try of a (non-sensor) task starting at `startMs`: how long it runs and whether it succeeds. */
  execute(task: DagTask, run: DagRun, tryNumber: number, startMs: number): { durationMs: number; ok: boolean };
  /** A sensor's condition at `atMs`. */
  poke(task: DagTask, run: DagRun, atMs: number): boolean;
}

export type ReprocessBehavior = 'none' | 'failed' | 'completed';

/** What `airflow backfill create` asks for (its flags, dates as virtual ms). */
export interface BackfillRequest {
  readonly fromMs: number;
  readonly toMs: number;
  readonly reprocess: ReprocessBehavior;
  readonly maxActiveRuns: number;
  readonly runBackwards: boolean;
  readonly dryRun: boolean;
}

/** One logical date of a backfill: a run created or cleared, or why not (`BackfillDagRunExceptionReason`). */
export interface BackfillOutcome {
  readonly logicalDateMs: number;
  readonly runId: string;
  readonly action: 'created' | 'cleared' | 'in flight' | 'already exists' | 'would run';
}

export interface BackfillResult {
  /** null for a dry run. */
  readonly backfillId: number | null;
  readonly outcomes: readonly BackfillOutcome[];
}

/** `_get_dag_run_no_create_reason`: why an existing run is not reprocessed, or null when it is. */
function reprocessReason(run: DagRun, reprocess: ReprocessBehavior): 'in flight' | 'already exists' | null {
  if (run.state !== 'success' && run.state !== 'failed') return 'in flight';
  if (reprocess === 'none') return 'already exists';
  if (reprocess === 'failed' && run.state !== 'failed') return 'already exists';
  return null;
}

const num = (v: DagValue | undefined, dflt: number, unitMs = 1000): number =>
  typeof v === 'number' ? v * unitMs : v && typeof v === 'object' && v.kind === 'timedelta' ? v.ms : dflt;

export const isSensor = (t: DagTask): boolean => /Sensor$/.test(t.operator);

export interface DagSettings {
  readonly startDateMs: number;
  readonly everyMs: number | null;
  readonly catchup: boolean;
  readonly maxActiveRuns: number;
}

export function dagSettings(dag: DagModel): DagSettings | Error {
  const every = scheduleEveryMs(dag.args['schedule']);
  if (every instanceof Error) return every;
  const start = dag.args['start_date'];
  if (!start || typeof start !== 'object' || start.kind !== 'datetime') return new Error('DAG(...) needs start_date=datetime(...)');
  const catchup = dag.args['catchup'];
  return {
    startDateMs: start.virtualMs,
    everyMs: every,
    // Airflow 3 `[scheduler] catchup_by_default = False` [AF1][AF3]
    catchup: typeof catchup === 'boolean' ? catchup : false,
    maxActiveRuns: typeof dag.args['max_active_runs'] === 'number' ? dag.args['max_active_runs'] : 16,
  };
}

export class DagScheduler {
  readonly runs: DagRun[] = [];
  private lastCreatedEndMs: number | null = null;
  private backfills = 0;
  /** The newest backfill: its id, its own max_active_runs, and the order its runs start in. */
  private activeBackfill: { id: number; maxActiveRuns: number; order: readonly number[] } | null = null;
  private readonly upstream = new Map<string, string[]>();

  constructor(
    readonly dag: DagModel,
    private readonly settings: DagSettings,
    private readonly env: TaskEnv,
  ) {
    for (const t of dag.tasks) this.upstream.set(t.taskId, []);
    for (const [u, d] of dag.edges) this.upstream.get(d)!.push(u);
  }

  /**
   * `airflow backfill create` (Airflow 3, `models/backfill.py`; docs core-concepts/backfill.rst):
   *
   * - The intervals are the timetable's whose logical date lies in `[fromMs, toMs]` (both ends included, as
   *   `iter_dagrun_infos_between`) and whose interval has ended by now; `runBackwards` takes them newest first.
   * - A date with no run gets a new run `backfill__<logical date>`. A date with a run: a queued or running one
   *   is skipped ("in flight"); a finished one is cleared and queued again when `reprocess` says so —
   *   `none` never, `failed` when it failed, `completed` when it succeeded or failed — else skipped
   *   ("already exists"). A cleared run keeps its run id but becomes a backfill run; its task instances go
   *   back to no state and their try numbers go on counting (clearing increments `try_number` [AF1]).
   * - The backfill's own `max_active_runs` (default 10) limits how many of its runs run at once,
   *   independently of the DAG's `max_active_runs`; its runs start in the backfill's order.
   * - One active backfill per DAG; a dry run only lists the dates it would consider.
   */
  backfill(req: BackfillRequest, nowMs: number): BackfillResult | Error {
    const every = this.settings.everyMs;
    if (every === null || every <= 0) return new Error(`${this.dag.dagId} has a non-periodic schedule that does not support backfills`);
    if (req.fromMs > req.toMs) return new Error(`from_date (${isoAirflow(req.fromMs)}) must not be after to_date (${isoAirflow(req.toMs)}).`);
    if (req.fromMs >= nowMs && req.toMs >= nowMs) return new Error('Backfill cannot be executed for future dates.');
    const starts: number[] = [];
    const first = this.settings.startDateMs + Math.max(0, Math.ceil((req.fromMs - this.settings.startDateMs) / every)) * every;
    for (let s = first; s <= req.toMs; s += every) if (s + every < nowMs) starts.push(s);
    if (req.runBackwards) starts.reverse();
    if (req.dryRun) {
      const dates = starts.filter((s) => {
        const r = this.runs.find((x) => x.interval.startMs === s);
        return !r || reprocessReason(r, req.reprocess) === null;
      });
      return { backfillId: null, outcomes: dates.map((s) => ({ logicalDateMs: s, runId: '', action: 'would run' as const })) };
    }
    if (this.activeBackfill !== null && this.runs.some((r) => r.backfillId === this.activeBackfill!.id && (r.state === 'queued' || r.state === 'running'))) {
      return new Error(`Another backfill is running for Dag ${this.dag.dagId}. There can be only one running backfill per Dag.`);
    }
    if (starts.length === 0) return new Error(`No runs to create for Dag ${this.dag.dagId}`);
    const id = ++this.backfills;
    this.activeBackfill = { id, maxActiveRuns: req.maxActiveRuns, order: starts };
    const outcomes: BackfillOutcome[] = [];
    for (const s of starts) {
      const existing = this.runs.find((r) => r.interval.startMs === s);
      if (!existing) {
        const run = this.createRun({ startMs: s, endMs: s + every }, nowMs, 'backfill');
        run.backfillId = id;
        outcomes.push({ logicalDateMs: s, runId: run.runId, action: 'created' });
        continue;
      }
      const reason = reprocessReason(existing, req.reprocess);
      if (reason !== null) {
        outcomes.push({ logicalDateMs: s, runId: existing.runId, action: reason });
        continue;
      }
      this.clear(existing);
      existing.runType = 'backfill';
      existing.backfillId = id;
      outcomes.push({ logicalDateMs: s, runId: existing.runId, action: 'cleared' });
    }
    return { backfillId: id, outcomes };
  }

  /** Everything the scheduler does at `nowMs`; returns the next time it has something to do (or null). */
  step(nowMs: number): number | null {
    if (this.settings.everyMs !== null) {
      for (const iv of dueIntervals(this.settings.startDateMs, this.settings.everyMs, this.settings.catchup, this.lastCreatedEndMs, nowMs)) this.createRun(iv, nowMs, 'scheduled');
    }
    let wake: number | null = null;
    const later = (t: number): void => {
      if (t > nowMs && (wake === null || t < wake)) wake = t;
    };
    // A backfill's runs count against its own max_active_runs, the others against the DAG's [backfill.rst].
    const bf = this.activeBackfill;
    const limitOf = (r: DagRun): number => (bf !== null && r.backfillId === bf.id ? bf.maxActiveRuns : this.settings.maxActiveRuns);
    const poolOf = (r: DagRun): string => (bf !== null && r.backfillId === bf.id ? 'backfill' : 'dag');
    const active = new Map<string, number>([['dag', 0], ['backfill', 0]]);
    for (const r of this.runs) if (r.state === 'running') active.set(poolOf(r), active.get(poolOf(r))! + 1);
    // Oldest logical date first; a backfill's runs in its own order (`sort_ordinal`: newest first with --run-backwards).
    const rank = (r: DagRun): number => (bf !== null && r.backfillId === bf.id ? bf.order.indexOf(r.interval.startMs) : r.interval.startMs);
    for (const run of [...this.runs].sort((a, b) => poolOf(a).localeCompare(poolOf(b)) || rank(a) - rank(b))) {
      if (run.state === 'queued' && active.get(poolOf(run))! < limitOf(run)) {
        run.state = 'running';
        run.startedMs = nowMs;
        active.set(poolOf(run), active.get(poolOf(run))! + 1);
      }
      if (run.state !== 'running') continue;
      // As often as there are tasks, so a TI whose upstream finished in this pass starts at once.
      for (let pass = 0; pass < this.dag.tasks.length; pass++) for (const task of this.dag.tasks) this.advance(task, run, nowMs, later);
      this.settle(run, nowMs);
      if (run.state !== 'running') active.set(poolOf(run), active.get(poolOf(run))! - 1);
    }
    if (this.settings.everyMs !== null) {
      const end = this.lastCreatedEndMs ?? this.settings.startDateMs;
      later(Math.max(end + this.settings.everyMs, this.settings.startDateMs + this.settings.everyMs));
    }
    if (this.runs.some((r) => r.state === 'queued' && active.get(poolOf(r))! < limitOf(r))) later(nowMs + 1);
    return wake;
  }

  /** Clearing a run: queued again, every TI back to no state; finished runs only. */
  private clear(run: DagRun): void {
    if (run.state !== 'success' && run.state !== 'failed') return;
    run.state = 'queued';
    run.startedMs = null;
    run.endedMs = null;
    for (const ti of run.tis.values()) ti.state = 'none';
  }

  private createRun(interval: DataInterval, nowMs: number, kind: RunType): DagRun {
    const existing = this.runs.find((r) => r.interval.startMs === interval.startMs);
    if (kind === 'scheduled') this.lastCreatedEndMs = Math.max(this.lastCreatedEndMs ?? interval.endMs, interval.endMs);
    if (existing) return existing;
    const tis = new Map<string, TaskInstance>();
    for (const t of this.dag.tasks) tis.set(t.taskId, { taskId: t.taskId, state: 'none', tries: [], retryAtMs: 0 });
    // `DagRun.generate_run_id`: `<run_type>__<logical_date>`.
    const run: DagRun = { runId: `${kind}__${isoAirflow(interval.startMs)}`, runType: kind, backfillId: null, interval, createdMs: nowMs, state: 'queued', startedMs: null, endedMs: null, tis };
    this.runs.push(run);
    return run;
  }

  private previousTi(task: DagTask, run: DagRun): TaskInstance | undefined {
    let prev: DagRun | undefined;
    for (const r of this.runs) if (r.interval.startMs < run.interval.startMs && (!prev || r.interval.startMs > prev.interval.startMs)) prev = r;
    return prev?.tis.get(task.taskId);
  }

  private advance(task: DagTask, run: DagRun, nowMs: number, later: (t: number) => void): void {
    const ti = run.tis.get(task.taskId)!;
    const ups = this.upstream.get(task.taskId)!.map((u) => run.tis.get(u)!);
    if (ti.state === 'none' && ups.some((u) => u.state === 'failed' || u.state === 'upstream_failed')) {
      ti.state = 'upstream_failed';
      return;
    }
    const last = ti.tries[ti.tries.length - 1];
    if (ti.state === 'running' && last) this.progress(task, run, ti, last, nowMs, later);
    const ready = ti.state === 'none' || (ti.state === 'up_for_retry' && ti.retryAtMs <= nowMs);
    if (ti.state === 'up_for_retry' && ti.retryAtMs > nowMs) later(ti.retryAtMs);
    if (!ready || !ups.every((u) => u.state === 'success')) return;
    if (task.args['depends_on_past'] === true && run.interval.startMs > this.settings.startDateMs) {
      const prev = this.previousTi(task, run);
      if (prev && prev.state !== 'success') return; // waits; a later success of the past TI wakes it
    }
    this.startTry(task, run, ti, nowMs);
    this.progress(task, run, ti, ti.tries[ti.tries.length - 1]!, nowMs, later);
  }

  /** A running try at `nowMs`: a sensor due a poke pokes; a try whose end has come finishes; else wake at its end. */
  private progress(task: DagTask, run: DagRun, ti: TaskInstance, t: TaskTry, nowMs: number, later: (t: number) => void): void {
    if (t.outcome === null && t.endMs <= nowMs && isSensor(task)) {
      if (this.env.poke(task, run, nowMs)) t.outcome = 'success';
      else if (nowMs - t.startMs >= num(task.args['timeout'], 604_800_000)) t.outcome = 'sensor_timeout';
      else t.endMs = nowMs + num(task.args['poke_interval'], 60_000);
      if (t.outcome !== null) t.endMs = nowMs;
    }
    if (t.endMs <= nowMs) this.finishTry(task, ti, t);
    else later(t.endMs);
  }

  private startTry(task: DagTask, run: DagRun, ti: TaskInstance, nowMs: number): void {
    const tryNumber = ti.tries.length + 1;
    ti.state = 'running';
    if (isSensor(task)) {
      // The first poke is due now; progress() makes it.
      ti.tries.push({ tryNumber, startMs: nowMs, endMs: nowMs, outcome: null });
      return;
    }
    const { durationMs, ok } = this.env.execute(task, run, tryNumber, nowMs);
    const limit = task.args['execution_timeout'] === undefined || task.args['execution_timeout'] === null ? Infinity : num(task.args['execution_timeout'], Infinity);
    if (durationMs > limit) ti.tries.push({ tryNumber, startMs: nowMs, endMs: nowMs + limit, outcome: 'execution_timeout' });
    else ti.tries.push({ tryNumber, startMs: nowMs, endMs: nowMs + durationMs, outcome: ok ? 'success' : 'failed' });
  }

  private finishTry(task: DagTask, ti: TaskInstance, t: TaskTry): void {
    if (t.outcome === 'success') {
      ti.state = 'success';
      return;
    }
    const retries = typeof task.args['retries'] === 'number' ? task.args['retries'] : 0;
    // A sensor timeout is not retried [AF4].
    if (t.outcome !== 'sensor_timeout' && ti.tries.length <= retries) {
      ti.state = 'up_for_retry';
      ti.retryAtMs = t.endMs + num(task.args['retry_delay'], 300_000);
    } else ti.state = 'failed';
  }

  private settle(run: DagRun, nowMs: number): void {
    const states = [...run.tis.values()].map((t) => t.state);
    const done = states.every((s) => s === 'success' || s === 'failed' || s === 'upstream_failed');
    if (!done) return;
    run.state = states.every((s) => s === 'success') ? 'success' : 'failed';
    run.endedMs = nowMs;
  }
}

/** Drives a scheduler from `fromMs` to `untilMs`, waking only when something is due. */
export function runScheduler(s: DagScheduler, fromMs: number, untilMs: number): void {
  let now = fromMs;
  for (let guard = 0; guard < 1_000_000 && now <= untilMs; guard++) {
    const next = s.step(now);
    if (next === null) break;
    now = next;
  }
}
