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

export interface DagRun {
  readonly runId: string;
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
   * A backfill: runs for every interval starting in [fromMs, toMs), whatever catchup says [AF1]. As Airflow 3's
   * `airflow backfill create --reprocess-behavior`: `none` (default) skips intervals that already have a
   * run, `failed` re-runs failed ones, `completed` re-runs all; a re-run clears the run's TIs, whose try
   * numbers go on counting (clearing increments `try_number` [AF1]).
   */
  backfill(fromMs: number, toMs: number, nowMs: number, reprocess: 'none' | 'failed' | 'completed' = 'none'): void {
    const every = this.settings.everyMs ?? 0;
    if (every <= 0) return;
    for (let s = this.settings.startDateMs + Math.ceil((fromMs - this.settings.startDateMs) / every) * every; s < toMs; s += every) {
      const existing = this.runs.find((r) => r.interval.startMs === s);
      if (!existing) this.createRun({ startMs: s, endMs: s + every }, nowMs, 'backfill');
      else if (reprocess === 'completed' || (reprocess === 'failed' && existing.state === 'failed')) this.clear(existing);
    }
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
    let active = this.runs.filter((r) => r.state === 'running').length;
    for (const run of [...this.runs].sort((a, b) => a.interval.startMs - b.interval.startMs)) {
      if (run.state === 'queued' && active < this.settings.maxActiveRuns) {
        run.state = 'running';
        run.startedMs = nowMs;
        active++;
      }
      if (run.state !== 'running') continue;
      // As often as there are tasks, so a TI whose upstream finished in this pass starts at once.
      for (let pass = 0; pass < this.dag.tasks.length; pass++) for (const task of this.dag.tasks) this.advance(task, run, nowMs, later);
      this.settle(run, nowMs);
      if (run.state !== 'running') active--;
    }
    if (this.settings.everyMs !== null) {
      const end = this.lastCreatedEndMs ?? this.settings.startDateMs;
      later(Math.max(end + this.settings.everyMs, this.settings.startDateMs + this.settings.everyMs));
    }
    if (this.runs.some((r) => r.state === 'queued') && active < this.settings.maxActiveRuns) later(nowMs + 1);
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

  private createRun(interval: DataInterval, nowMs: number, kind: 'scheduled' | 'backfill'): void {
    if (this.runs.some((r) => r.interval.startMs === interval.startMs)) return;
    const tis = new Map<string, TaskInstance>();
    for (const t of this.dag.tasks) tis.set(t.taskId, { taskId: t.taskId, state: 'none', tries: [], retryAtMs: 0 });
    this.runs.push({ runId: `${kind}__${isoAirflow(interval.startMs)}`, interval, createdMs: nowMs, state: 'queued', startedMs: null, endedMs: null, tis });
    if (kind === 'scheduled') this.lastCreatedEndMs = Math.max(this.lastCreatedEndMs ?? interval.endMs, interval.endMs);
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
