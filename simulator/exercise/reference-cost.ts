/**
 * The reference solution's cost, shown in the verdict next to the learner's (issue 29): for each
 * check that reads `cost.*`, the value the solution's run gives on the exercise's own seed.
 *
 * Computed once when the exercise page is built (Exercise.astro), not in the learner's browser:
 * the same seed and the same simulator give the same number every time (runs are deterministic),
 * so there is nothing to recompute per Run, and the learner waits for one run, not two. Nothing is
 * stored in the lesson folder either, so the number can never go stale after a simulator change.
 */
import { runExercise } from './run-exercise.js';
import type { Exercise } from './types.js';

/** Whether a check's text reads a cost path. */
export function isCostCheck(source: string): boolean {
  return /(^|[^\w.])cost\./.test(source);
}

/** Per check, in the exercise's order: the solution's value of a cost check, null for the others; undefined without cost checks. */
export function referenceCosts(exercise: Exercise): (string | null)[] | undefined {
  if (!exercise.checks.some((c) => isCostCheck(c.source))) return undefined;
  const run = runExercise(exercise, exercise.solution);
  if ('errors' in run) return undefined;
  const checks = run.result.checks ?? [];
  return exercise.checks.map((c, i) => (isCostCheck(c.source) ? (checks[i]?.actual ?? null) : null));
}
