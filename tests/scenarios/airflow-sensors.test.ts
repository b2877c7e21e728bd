/**
 * Sensors and catchup in the batch layer, on the lesson's per-minute exercises (lessons/05-batch-in-production:
 * the-minute-read-before-its-data, the-minute-the-scheduler-skipped), with the documentation each behaviour follows:
 *
 * - [AF1] core-concepts/dag-run.rst "Data Interval", "Catchup": a run is created once its interval has ended;
 *   with `catchup=False` only the latest ended interval gets a run, earlier ones are skipped for good.
 * - [AF4] core-concepts/sensors.rst: a sensor pokes every `poke_interval` until its condition holds or `timeout`
 *   passes; in `mode="reschedule"` it gives its worker slot back between pokes.
 * - TimeDeltaSensor (apache-airflow-providers-standard, sensors/datetime.rst): waits until `delta` after the run's
 *   `data_interval_end`.
 * - S3KeySensor (apache-airflow-providers-amazon, sensors/s3.rst): waits until a key exists; `bucket_key` is an
 *   `s3://bucket/key` URL or relative to `bucket_name`; `wildcard_match=True` reads it as an fnmatch pattern.
 * - logstash-output-s3 4.4.1: a part file is closed by `time_file` from its creation, and an idle file at the
 *   plugin's periodic check every 15 s (SEMANTICS-2 §2.1 [S3O1]) — why a minute's last lines land late.
 *
 * World A: 50 requests/s for 180 s (9,000 lines), drain 60 s; the lake is `raw/ts=<minute>/` by event minute.
 * World B: 40 requests/s for 240 s (9,600 lines), drain 60 s; the Airflow host is down from 100 s to 200 s.
 * The DAG: `schedule=timedelta(minutes=1)`, `max_active_runs=1`, 20 executors (a minute reads in ~1.2–1.5 s).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkspaceFolder } from '../../simulator/cli/workspace-commands.js';
import { compileWorkspace } from '../../simulator/config/workspace/index.js';
import { checkDagFile } from '../../simulator/config/airflow/dag-file.js';
import { runSync, type RunHandle } from '../../simulator/run/run.js';
import { gridsInState } from '../../simulator/orchestrator/grid.js';
import { fnmatchRegExp } from '../../simulator/orchestrator/fnmatch.js';

const LESSON = join(import.meta.dirname, '../../lessons/05-batch-in-production/exercises');
const DAG = 'batch/dags/batch_view.py';

function files(exercise: string, which: 'starter' | 'solution' = 'starter'): Map<string, string> {
  const f = readWorkspaceFolder(join(LESSON, exercise, 'starter'));
  if (which === 'solution') for (const [p, text] of readWorkspaceFolder(join(LESSON, exercise, 'solution'))) f.set(p, text);
  return f;
}

function run(f: Map<string, string>): RunHandle {
  const compiled = compileWorkspace(f);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  return runSync(compiled.spec, { seed: 61 });
}

const answer = (h: RunHandle) => h.result.architectures!['lambda']!.outputs['answer']!;
const grid = (h: RunHandle) => gridsInState(h.spec.nodes, h.result.state)[0]!;
const cells = (h: RunHandle) => grid(h).runs.map((r) => `${r.logicalDate.slice(11, 16)} ${r.state} ${r.cells.map((c) => `${c.taskId}:${c.state}/${c.tryNumber}`).join(' ')}`);

const editDag = (f: Map<string, string>, from: string, to: string): Map<string, string> => {
  const text = f.get(DAG)!;
  if (!text.includes(from)) throw new Error(`${DAG} has no ${from}`);
  f.set(DAG, text.replace(from, to));
  return f;
};
const tries = (h: RunHandle, logical: string) =>
  ((h.result.state as Record<string, { dagRuns: { runId: string; tries: { startMs: number; endMs: number; outcome: string | null }[] }[] }>)['batch']!.dagRuns.find((r) => r.runId.includes(`T${logical}:00+`))?.tries ?? []).map((t) => [t.startMs, t.endMs, t.outcome]);

describe('a run reads its minute when the minute ends, before its last lines land (the-minute-read-before-its-data)', () => {
  it('no sensor: each run starts at the end of its minute (the run of 00:03, over a partition nothing writes any more, reads nothing); the lines still in Logstash part files are never counted (998 of 9,000)', () => {
    const h = run(files('the-minute-read-before-its-data'));
    expect(cells(h)).toEqual(['00:00 success batch_view:success/1', '00:01 success batch_view:success/1', '00:02 success batch_view:success/1', '00:03 success batch_view:success/1']);
    // At 60 s the partition of 00:00 holds 2,752 of its 3,000 lines: 2,752 / (20 executors × 100/s) = 1,376 ms.
    expect(tries(h, '00:00')).toEqual([[60_000, 61_376, 'success']]);
    expect(answer(h)).toMatchObject({ generated: 9000, exactlyOnce: 8002, inFlight: 998, duplicated: 0, lost: 0 });
  }, 60_000);

  it('TimeDeltaSensor(delta=30 s, poke_interval=5, mode="reschedule"): it pokes from 60 s and succeeds at 90 s = data_interval_end + delta; the job then reads the whole minute', () => {
    const h = run(files('the-minute-read-before-its-data', 'solution'));
    expect(cells(h)).toEqual([
      '00:00 success wait_for_late_lines:success/1 batch_view:success/1',
      '00:01 success wait_for_late_lines:success/1 batch_view:success/1',
      '00:02 success wait_for_late_lines:success/1 batch_view:success/1',
      '00:03 running wait_for_late_lines:running/1 batch_view:none/0',
    ]);
    expect(tries(h, '00:00')).toEqual([
      [60_000, 90_000, 'success'],
      [90_000, 91_500, 'success'],
    ]);
    expect(answer(h)).toMatchObject({ generated: 9000, exactlyOnce: 9000, inFlight: 0 });
  }, 60_000);

  it('delta=15 s is too short: the idle part file of a minute is only closed at the periodic check 15 s after it, and uploaded after that poke', () => {
    const h = run(editDag(files('the-minute-read-before-its-data', 'solution'), 'delta=timedelta(seconds=30)', 'delta=timedelta(seconds=15)'));
    expect(answer(h)).toMatchObject({ exactlyOnce: 8002, inFlight: 998 });
  }, 60_000);

  it('an S3KeySensor on the partition itself (wildcard_match on raw/ts=…/*) succeeds at its first poke: the partition exists long before it is complete', () => {
    const h = run(
      editDag(
        files('the-minute-read-before-its-data', 'solution'),
        'TimeDeltaSensor(\n        task_id="wait_for_late_lines",\n        delta=timedelta(seconds=30),',
        'S3KeySensor(\n        task_id="wait_for_late_lines",\n        bucket_key="s3://lake/raw/ts={{ ts_nodash }}/*",\n        wildcard_match=True,',
      ),
    );
    expect(tries(h, '00:00')).toEqual([
      [60_000, 60_000, 'success'],
      [60_000, 61_376, 'success'],
    ]);
    expect(answer(h)).toMatchObject({ exactlyOnce: 8002, inFlight: 998 });
  }, 60_000);

  it('mode="poke" sleeps in the worker: a worker restart at 75 s kills the waiting sensor (no retries), the job is upstream_failed and minute 00:00 is never counted; mode="reschedule" holds no slot and rides it out', () => {
    const crash = (f: Map<string, string>) => {
      f.set('world.yaml', `${f.get('world.yaml')!}faults:\n  - { crash: batch, at: 75s, restart-after: 2s }\n`);
      return f;
    };
    const poke = run(crash(editDag(files('the-minute-read-before-its-data', 'solution'), 'mode="reschedule",', 'mode="poke",')));
    expect(cells(poke)[0]).toBe('00:00 failed wait_for_late_lines:failed/1 batch_view:upstream_failed/0');
    expect(tries(poke, '00:00')).toEqual([[60_000, 75_000, 'failed']]);
    expect(answer(poke).exactlyOnce).toBeLessThan(9000);
    const reschedule = run(crash(files('the-minute-read-before-its-data', 'solution')));
    expect(cells(reschedule)[0]).toBe('00:00 success wait_for_late_lines:success/1 batch_view:success/1');
    expect(answer(reschedule)).toMatchObject({ exactlyOnce: 9000, inFlight: 0 });
  }, 60_000);
});

describe('catchup after an outage, for a job whose runs own their minute (the-minute-the-scheduler-skipped)', () => {
  it('catchup=False: back at 200 s, Airflow creates only the run of the latest ended minute (00:02); 00:01 never runs, and its 2,400 lines are missing', () => {
    const h = run(files('the-minute-the-scheduler-skipped'));
    expect(cells(h).map((c) => c.slice(0, 5))).toEqual(['00:00', '00:02', '00:03', '00:04']);
    expect(tries(h, '00:02')[0]).toEqual([200_000, 210_000, 'success']);
    expect(answer(h)).toMatchObject({ generated: 9600, exactlyOnce: 7200, inFlight: 2400 });
  }, 60_000);

  it('catchup=True, max_active_runs=1: back at 200 s, it creates 00:01 and 00:02 and runs them oldest first, one at a time', () => {
    const h = run(files('the-minute-the-scheduler-skipped', 'solution'));
    expect(cells(h).map((c) => c.slice(0, 13))).toEqual(['00:00 success', '00:01 success', '00:02 success', '00:03 success', '00:04 running']);
    const one = tries(h, '00:01');
    const two = tries(h, '00:02');
    expect(one[0]).toEqual([200_000, 200_000, 'success']); // 00:01 ended at 120 s: 120 + 30 s is long past
    expect(two[0]![0]).toBe(one[1]![1]); // 00:02's sensor starts when 00:01's job has committed
    expect(answer(h)).toMatchObject({ generated: 9600, exactlyOnce: 9600, inFlight: 0 });
  }, 60_000);
});

describe('the sensor in the DAG file (config/airflow/dag-file.ts)', () => {
  const dag = (sensor: string, edge = 'wait >> view') =>
    `from airflow import DAG\nwith DAG(dag_id="v", schedule=timedelta(minutes=1), start_date=datetime(2026, 1, 1)) as dag:\n    wait = ${sensor}\n    view = SparkSqlOperator(task_id="view", sql="v.sql")\n    ${edge}\n`;
  const check = (text: string) => checkDagFile(text, 'batch/dags/v.py', 'batch/dags/v.py', (p) => p === 'batch/dags/v.sql');
  const messages = (text: string) => check(text).problems.list.map((p) => p.message);

  it('S3KeySensor with an s3:// bucket_key: the key without the bucket, Airflow defaults for poke_interval (60 s), timeout (7 days) and mode (poke)', () => {
    expect(check(dag('S3KeySensor(task_id="wait", bucket_key="s3://lake/raw/ts={{ ts_nodash }}/_SUCCESS")')).compiled!.schedule.sensor).toEqual({
      'task-id': 'wait', kind: 's3-key', key: 'raw/ts={{ ts_nodash }}/_SUCCESS', 'wildcard-match': false,
      'poke-interval': 60_000, timeout: 604_800_000, reschedule: false, retries: 0, 'retry-delay': 300_000,
    });
  });
  it('bucket_key relative to bucket_name is read too; a full URL with bucket_name, or neither bucket, is refused', () => {
    expect(check(dag('S3KeySensor(task_id="wait", bucket_name="lake", bucket_key="raw/_SUCCESS")')).compiled!.schedule.sensor!.key).toBe('raw/_SUCCESS');
    expect(messages(dag('S3KeySensor(task_id="wait", bucket_name="lake", bucket_key="s3://lake/raw/_SUCCESS")'))).toContain('with bucket_name given, bucket_key must be a key relative to the bucket, not a full s3:// URL');
    expect(messages(dag('S3KeySensor(task_id="wait", bucket_key="raw/_SUCCESS")'))).toContain('bucket_key is not an s3:// URL and no bucket_name is given: the sensor does not know which bucket to look in');
  });
  it('a sensor that does not gate the job is refused: the job would start without waiting', () => {
    expect(messages(dag('TimeDeltaSensor(task_id="wait", delta=timedelta(seconds=30))', 'pass'.replace('pass', '')))).toContain('wait does not gate view: without `wait >> view` the job starts without waiting for it');
  });
  it('TimeDeltaSensor needs a timedelta delta; an unknown argument is the operator\'s own error; a mode other than poke/reschedule is refused', () => {
    expect(messages(dag('TimeDeltaSensor(task_id="wait")'))).toContain('TimeDeltaSensor needs delta=timedelta(...): the time to wait after the data interval ends');
    expect(messages(dag('TimeDeltaSensor(task_id="wait", delta=timedelta(seconds=5), bucket_key="x")'))[0]).toMatch(/^airflow\.exceptions\.AirflowException: Invalid arguments were passed to TimeDeltaSensor \(task_id: wait\)\. Invalid arguments were: \*\*kwargs: \{'bucket_key'\}/);
    expect(messages(dag('TimeDeltaSensor(task_id="wait", delta=timedelta(seconds=5), mode="smart")'))).toContain('mode must be "poke" or "reschedule", not smart');
  });
});

describe('fnmatch, as S3KeySensor(wildcard_match=True) applies it to keys', () => {
  it('`*` crosses `/` (keys have no folders), `?` is one character, `[!…]` negates', () => {
    expect(fnmatchRegExp('raw/ts=*/_SUCCESS').test('raw/ts=20260101T000100/_SUCCESS')).toBe(true);
    expect(fnmatchRegExp('raw/*').test('raw/ts=x/part-1.txt')).toBe(true);
    expect(fnmatchRegExp('raw/part?.txt').test('raw/part12.txt')).toBe(false);
    expect(fnmatchRegExp('raw/[!_]*').test('raw/_SUCCESS')).toBe(false);
    expect(fnmatchRegExp('raw/a.b').test('raw/aXb')).toBe(false);
  });
});
