/**
 * The grading worker (issue 29): after a run passes on the exercise's seed, the page asks this
 * worker to grade the same files on every grading seed and the searched members of the fault
 * family (simulator/exercise/grade.ts). A worker of its own, so the simulator worker keeps serving
 * the ledger, traces and terminal of the run the learner is looking at meanwhile.
 *
 * Protocol: `{ id, kind: 'grade' | 'outcomes', slug, lessonDir, exerciseFiles, files }` in;
 * `{ id, progress: { done, total } }` while grading, then `{ id, report }` or `{ id, error }`.
 */
import { loadExercise } from '../../../simulator/exercise/load.js';
import { gradeExercise } from '../../../simulator/exercise/grade.js';
import { predictionOutcomes } from '../../../simulator/exercise/predict-run.js';
import { loadFlinkSqlRuntime, needsFlinkSql } from '../../../simulator/config/flink/sql-runtime.js';
import type { GradeRequest, GradeMessage } from './grade-protocol.js';

const post = (m: GradeMessage) => postMessage(m);

self.addEventListener('message', (event: MessageEvent<GradeRequest>) => void handle(event.data));

async function handle(req: GradeRequest): Promise<void> {
  try {
    // Like the simulator worker, this one loads the Flink SQL parser (its own chunk) only when a job.sql is among the files.
    if (needsFlinkSql([...Object.keys(req.files), ...Object.keys(req.exerciseFiles)])) await loadFlinkSqlRuntime();
    const loaded = loadExercise(req.slug, req.lessonDir, req.exerciseFiles);
    if (!loaded.ok) return post({ id: req.id, error: loaded.errors.map((e) => e.message).join('; ') });
    const exercise = loaded.exercise;
    if (req.kind === 'outcomes') {
      // A record's fate needs the run's traces, which the simulator worker keeps to itself.
      const got = predictionOutcomes(exercise, req.files);
      if ('errors' in got) return post({ id: req.id, error: got.errors.map((e) => e.message).join('; ') });
      return post({ id: req.id, outcomes: got.outcomes });
    }
    // The page asks only after its own run passed on the exercise's seed: that run is not repeated.
    const report = gradeExercise(exercise, req.files, { ownSeedPassed: true, onRun: (done, total) => post({ id: req.id, progress: { done, total } }) });
    if ('errors' in report) return post({ id: req.id, error: report.errors.map((e) => e.message).join('; ') });
    post({ id: req.id, report });
  } catch (error) {
    post({ id: req.id, error: error instanceof Error ? error.message : String(error) });
  }
}
