/**
 * The batch layer driven by an Airflow DAG (`schedule:` on a `type: batch` node): one task, a Spark
 * SQL job, run by simulator/orchestrator's scheduler with Airflow's semantics — a run per data
 * interval created when the interval has ended, `catchup`, `max_active_runs`, `retries` with
 * `retry_delay` (SEMANTICS-2 §4 [AF1]–[AF3]).
 *
 * A try lists the objects under `source.prefix` rendered for its interval (`raw/dt={{ ds }}/`), takes
 * the job version in force at its start, and takes N / `throughput`. Its Spark job commits when the
 * try ends (all or nothing, SEMANTICS-2 §5 [HD1]); a crash of the node kills the running tries, which
 * fail and are retried `retry_delay` after the crash if tries are left. The commit writes the run's
 * result partition (`write.partition`, e.g. `dt={{ ds }}`): `overwrite` replaces that partition
 * (dynamic partition overwrite, [SP1]); `append` adds to it, so a second successful try over the same
 * interval — a retry, a backfill — counts its records again ([SP2][SP3]).
 *
 * With `schedule.sensor` the DAG is `sensor >> job`: the job's try starts only once the sensor's has
 * succeeded. The sensor pokes its condition at each `poke_interval` — an object matching its key in the
 * lake at that moment (S3KeySensor), or `data_interval_end + delta` reached (TimeDeltaSensor) [AF4]. In
 * `poke` mode the sensor sleeps in a worker slot between pokes, so a crash of the node kills its try;
 * in `reschedule` mode it holds no slot then, and only pokes while the node is up.
 */
import type { DagModel, DagTask } from '../orchestrator/dag-parse.js';
import { DagScheduler, type BackfillRequest, type BackfillResult, type DagRun, type TaskTry } from '../orchestrator/scheduler.js';
import { renderTemplate } from '../orchestrator/timetable.js';
import type { NodeSpecOf } from '../spec/schema/pipeline.js';

type Schedule = NonNullable<NodeSpecOf<'batch'>['schedule']>;

/** The one task of the DAG a `schedule:` describes, when it does not name it. */
export const SPARK_TASK = 'spark_job';

export interface TryStart {
  readonly run: DagRun;
  readonly tryNumber: number;
  /** The source prefix rendered for the run's interval. */
  readonly prefix: string;
  /** The result partition rendered for the run's interval. */
  readonly partition: string;
}

export interface DagDriverEnv {
  now(): number;
  timer(delayMs: number, fn: () => void): void;
  /** A try starts: how long its Spark job takes (ms). */
  begin(start: TryStart): number;
  /** A try's Spark job committed. */
  commit(start: TryStart): void;
  /** A try was killed (the node crashed). */
  abort(start: TryStart): void;
  /** Whether an object matching `key` (rendered for the run) is in the lake now; `wildcard`: fnmatch. */
  keyExists(key: string, wildcard: boolean): boolean;
}

interface Pending {
  readonly start: TryStart;
  readonly attempt: TaskTry;
}

/** The part of a templated path before its first `{{`: what a listing of every interval shares. */
export function staticPrefix(template: string): string {
  const i = template.indexOf('{{');
  return i < 0 ? template : template.slice(0, i);
}

export class DagDriver {
  readonly scheduler: DagScheduler;
  private readonly pending: Pending[] = [];
  private wakes = 0;
  private down = false;
  private readonly taskId: string;

  constructor(
    private readonly schedule: Schedule,
    private readonly prefixTemplate: string,
    private readonly partitionTemplate: string,
    private readonly env: DagDriverEnv,
  ) {
    this.taskId = schedule['task-id'] ?? SPARK_TASK;
    const task: DagTask = {
      taskId: this.taskId,
      variable: this.taskId,
      operator: 'SparkSqlOperator',
      args: { retries: schedule.retries, retry_delay: { kind: 'timedelta', ms: schedule['retry-delay'] } },
      line: 1,
      column: 1,
    };
    const sensor = schedule.sensor;
    const tasks: DagTask[] = [task];
    if (sensor) {
      tasks.unshift({
        taskId: sensor['task-id'],
        variable: sensor['task-id'],
        operator: sensor.kind === 's3-key' ? 'S3KeySensor' : 'TimeDeltaSensor',
        args: {
          poke_interval: { kind: 'timedelta', ms: sensor['poke-interval'] },
          timeout: { kind: 'timedelta', ms: sensor.timeout },
          retries: sensor.retries,
          retry_delay: { kind: 'timedelta', ms: sensor['retry-delay'] },
          mode: sensor.reschedule ? 'reschedule' : 'poke',
        },
        line: 1,
        column: 1,
      });
    }
    const dag: DagModel = { dagId: schedule['dag-id'] ?? 'batch', args: {}, tasks, edges: sensor ? [[sensor['task-id'], this.taskId]] : [] };
    this.scheduler = new DagScheduler(
      dag,
      { startDateMs: schedule.start, everyMs: schedule.interval, catchup: schedule.catchup, maxActiveRuns: schedule['max-active-runs'] },
      {
        execute: (_task, run, tryNumber, startMs) => ({ durationMs: this.startTry(run, tryNumber, startMs), ok: true }),
        poke: (_task, run, atMs) => this.poke(run, atMs),
      },
    );
  }

  /** The sensor's condition for `run` at `atMs` (called only at a poke, never ahead of time). */
  private poke(run: DagRun, atMs: number): boolean {
    const sensor = this.schedule.sensor;
    if (!sensor) return true;
    if (sensor.kind === 'time-delta') return atMs >= run.interval.endMs + (sensor.delta ?? 0);
    const key = renderTemplate(sensor.key ?? '', run.interval);
    return this.env.keyExists(key instanceof Error ? (sensor.key ?? '') : key, sensor['wildcard-match']);
  }

  start(): void {
    this.down = false;
    this.wake();
  }

  /**
   * `airflow backfill create`: the scheduler creates or clears the backfill's runs now (an API call to the
   * metadata database, so it works while the worker is down); they start at its next wake.
   */
  backfill(req: BackfillRequest): BackfillResult | Error {
    const result = this.scheduler.backfill(req, this.env.now());
    // The runs start at the scheduler's next loop, right after the command returns.
    if (!(result instanceof Error) && result.backfillId !== null) this.env.timer(0, () => this.wake());
    return result;
  }

  /** The node crashed: its running Spark jobs die before they commit; their tries fail now. */
  crash(): void {
    this.down = true;
    const now = this.env.now();
    for (const p of this.pending.splice(0)) {
      p.attempt.endMs = now;
      p.attempt.outcome = 'failed';
      this.env.abort(p.start);
    }
    // A sensor in poke mode sleeps in the worker between pokes: the crash kills that try too.
    const sensor = this.schedule.sensor;
    if (!sensor || sensor.reschedule) return;
    for (const run of this.scheduler.runs) {
      const ti = run.tis.get(sensor['task-id']);
      const t = ti?.tries[ti.tries.length - 1];
      if (ti?.state === 'running' && t && t.outcome === null) {
        t.endMs = now;
        t.outcome = 'failed';
      }
    }
  }

  private startTry(run: DagRun, tryNumber: number, startMs: number): number {
    const render = (t: string) => {
      const r = renderTemplate(t, run.interval);
      return r instanceof Error ? t : r;
    };
    const start: TryStart = { run, tryNumber, prefix: render(this.prefixTemplate), partition: render(this.partitionTemplate) };
    const duration = this.env.begin(start);
    // The scheduler records its own try right after execute() returns; wake() swaps it in.
    this.pending.push({ start, attempt: { tryNumber, startMs, endMs: startMs + duration, outcome: null } });
    return duration;
  }

  private wake(): void {
    if (this.down) return;
    const now = this.env.now();
    const next = this.scheduler.step(now);
    // Commit every try whose job has finished by now, in start order.
    for (let i = 0; i < this.pending.length; ) {
      const p = this.pending[i]!;
      const recorded = p.start.run.tis.get(this.taskId)!.tries[p.start.tryNumber - 1];
      if (recorded && recorded.endMs <= now) {
        this.pending.splice(i, 1);
        this.env.commit(p.start);
      } else {
        if (recorded) this.pending[i] = { start: p.start, attempt: recorded };
        i++;
      }
    }
    const soonest = this.pending.reduce<number | null>((m, p) => (m === null || p.attempt.endMs < m ? p.attempt.endMs : m), null);
    const at = [next, soonest].filter((t): t is number => t !== null && t > now).reduce<number | null>((m, t) => (m === null || t < m ? t : m), null);
    if (at === null) return;
    const id = ++this.wakes;
    this.env.timer(at - now, () => {
      if (id === this.wakes) this.wake();
    });
  }
}
