/**
 * One operation, two answers (lesson 8, rescale-both-answers): both Flink jobs — the Lambda speed layer
 * and the Kappa stream job — are rescaled from 2 to 4 subtasks at 33 s by `ops/runbook.sh`, with no
 * fault in the run. What follows comes from the modelled mechanisms only:
 * - Flink CLI, "Terminating a Job": `flink cancel` ends a job without a savepoint; submitted again
 *   without `-s`, the job has no state and its Kafka source starts at `scan.startup.mode`
 *   (`group-offsets`: the offsets committed when the last checkpoint completed, flink-connector-kafka
 *   "Consumer Offset Committing"). A window still open at that checkpoint is counted again from those
 *   offsets only — its tail — and the upsert by primary key overwrites the full count with the short one.
 * - Flink, "Savepoints" / CLI "Stopping a Job Gracefully Creating a Final Savepoint": `flink stop
 *   --savepointPath` then `flink run -s … -p 4` restores window state and offsets together, the key
 *   groups spread over four subtasks.
 * - Lambda: the serving layer answers the windows the last batch run covered from the batch view,
 *   recomputed from every line in the lake (batch every 20 s, Airflow data intervals), so the speed
 *   layer's loss lasts until the next batch run; Kappa has only its stream job.
 * https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/cli/
 * https://nightlies.apache.org/flink/flink-docs-stable/docs/ops/state/savepoints/
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkspaceFolder } from '../../simulator/cli/workspace-commands.js';
import { compileWorkspace } from '../../simulator/config/workspace/index.js';
import { runSync, type RunHandle } from '../../simulator/run/run.js';

const EXERCISE = join(import.meta.dirname, '../../lessons/08-lambda-vs-kappa/exercises/rescale-both-answers');
const SEED = 84;

function run(which: 'starter' | 'solution', edit?: (files: Map<string, string>) => void): RunHandle {
  const files = readWorkspaceFolder(join(EXERCISE, 'starter'));
  if (which === 'solution') for (const [path, text] of readWorkspaceFolder(join(EXERCISE, 'solution'))) files.set(path, text);
  edit?.(files);
  const compiled = compileWorkspace(files);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  return runSync(compiled.spec, { seed: SEED });
}

const answer = (h: RunHandle, arch: 'lambda' | 'kappa') => {
  const a = h.result.architectures![arch]!.outputs['answer']!;
  return { exactlyOnce: a.exactlyOnce, lost: a.lost, duplicated: a.duplicated, inFlight: a.inFlight, lostAt: a.lostAt };
};
const finalError = (h: RunHandle, arch: 'lambda' | 'kappa') => h.result.architectures![arch]!.summary.error.final;
/** The architecture's error at each sample from `fromMs` on, every 2 s: `seconds:error`. */
const errorFrom = (h: RunHandle, arch: 'lambda' | 'kappa', fromMs: number) =>
  h.result.architectures![arch]!.error.filter((p) => p.timeMs >= fromMs && p.timeMs % 2000 === 0).map((p) => `${p.timeMs / 1000}:${p.value}`);
const operatorLog = (h: RunHandle) => h.result.log.filter((l) => l.source === 'operator').map((l) => `${l.timeMs} ${l.text.split('\n')[0]}`);

describe('a rescale during the run, Lambda and Kappa side by side', () => {
  const starter = run('starter');
  const solution = run('solution');

  it('cancel and resubmit: each job is cancelled at 33 s and submitted again, empty, with four subtasks at 35 s', () => {
    expect(operatorLog(starter)).toEqual([
      '33000 $ flink cancel -m speed:8081 376298ae5fb5b41d59d2bbaa2cb510d1',
      '33000 Cancelling job 376298ae5fb5b41d59d2bbaa2cb510d1.',
      '33000 $ flink cancel -m stream:8081 f3d70f3d494c2ec297fb64454ae80ce2',
      '33000 Cancelling job f3d70f3d494c2ec297fb64454ae80ce2.',
      '35000 $ flink run -m speed:8081 -p 4 /opt/flink/usrlib/job.jar',
      '35000 Job has been submitted with JobID 376298ae5fb5b41d59d2bbaa2cb510d1 (parallelism 4)',
      '35000 $ flink run -m stream:8081 -p 4 /opt/flink/usrlib/job.jar',
      '35000 Job has been submitted with JobID f3d70f3d494c2ec297fb64454ae80ce2 (parallelism 4)',
    ]);
    // What the exercise's guards read (`jobs.<node>.parallelism`): the rescale happened, both ways.
    const rescaled = { parallelism: 4, running: 1, restarts: 0 };
    expect(starter.result.jobs).toEqual({ speed: rescaled, stream: rescaled });
    expect(solution.result.jobs).toEqual({ speed: rescaled, stream: rescaled });
  });

  it('the Kappa answer loses 901 requests for good: window [20 s, 30 s), open at the 30 s checkpoint, is recounted from its tail and overwritten (70 of 709 for status 200)', () => {
    expect(answer(starter, 'kappa')).toEqual({ exactlyOnce: 4099, lost: 901, duplicated: 0, inFlight: 1000, lostAt: { stream: 901 } });
    const cell = (h: RunHandle) => h.result.query!.windows.find((w) => w.key === '200' && w.windowStartMs === 20_000)!;
    expect(cell(starter)).toMatchObject({ truth: 709, answers: { kappa: 70, lambda: 709 } });
    expect(cell(solution)).toMatchObject({ truth: 709, answers: { kappa: 709, lambda: 709 } });
    // 1,000 requests of the last window [50 s, 60 s) wait for a watermark no newer request brings, in both runs.
    expect(finalError(starter, 'kappa')).toBe(0.316833);
    expect(finalError(solution, 'kappa')).toBe(0.166667);
  });

  it('the Lambda answer is short after the rescale too, until the batch run over [0 s, 40 s) recounts it from the lake', () => {
    expect(errorFrom(starter, 'lambda', 40_000)[0]).toBe('40:0.47525');
    expect(errorFrom(solution, 'lambda', 40_000)[0]).toBe('40:0.25');
    // From 42 s on the starter's Lambda answer is the solution's, sample for sample, and exact at the end.
    expect(errorFrom(starter, 'lambda', 42_000)).toEqual(errorFrom(solution, 'lambda', 42_000));
    expect(answer(starter, 'lambda')).toEqual({ exactlyOnce: 6000, lost: 0, duplicated: 0, inFlight: 0, lostAt: {} });
    expect(finalError(starter, 'lambda')).toBe(0);
  });

  it('stop with a savepoint and run from it with -p 4: nothing lost in either answer', () => {
    expect(operatorLog(solution)).toEqual([
      '33000 $ flink stop --savepointPath s3://flink/savepoints 376298ae5fb5b41d59d2bbaa2cb510d1',
      '33000 Suspending job "376298ae5fb5b41d59d2bbaa2cb510d1" with a CANONICAL savepoint.',
      '33000 $ flink stop --savepointPath s3://flink/savepoints f3d70f3d494c2ec297fb64454ae80ce2',
      '33000 Suspending job "f3d70f3d494c2ec297fb64454ae80ce2" with a CANONICAL savepoint.',
      '33043 Savepoint completed. Path: s3://flink/savepoints/savepoint-376298-a287a0ad82fc',
      '33058 Savepoint completed. Path: s3://flink/savepoints/savepoint-f3d70f-b7ad758f0f82',
      '35000 $ flink run -s s3://flink/savepoints/savepoint-376298-a287a0ad82fc -p 4 /opt/flink/usrlib/job.jar',
      '35000 Job has been submitted with JobID 376298ae5fb5b41d59d2bbaa2cb510d1 (parallelism 4)',
      '35000 $ flink run -s s3://flink/savepoints/savepoint-f3d70f-b7ad758f0f82 -p 4 /opt/flink/usrlib/job.jar',
      '35000 Job has been submitted with JobID f3d70f3d494c2ec297fb64454ae80ce2 (parallelism 4)',
    ]);
    expect(answer(solution, 'kappa')).toEqual({ exactlyOnce: 5000, lost: 0, duplicated: 0, inFlight: 1000, lostAt: {} });
    expect(answer(solution, 'lambda')).toEqual({ exactlyOnce: 6000, lost: 0, duplicated: 0, inFlight: 0, lostAt: {} });
  });

  it('or the Kappa replay: the stream job resubmitted from the earliest offset rewrites every window by its primary key', () => {
    const h = run('starter', (files) => files.set('stream/job.sql', files.get('stream/job.sql')!.replace("'group-offsets'", "'earliest-offset'")));
    expect(answer(h, 'kappa')).toEqual({ exactlyOnce: 5000, lost: 0, duplicated: 0, inFlight: 1000, lostAt: {} });
    expect(errorFrom(h, 'kappa', 38_000)).toEqual(errorFrom(solution, 'kappa', 38_000));
  });
});
