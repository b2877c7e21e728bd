/** `evaluateChecks(exercise, result)`: the pinned entry point (no simulator import, so the page can use it). */
import type { CheckResult, RunResult } from '../run/result.js';
import { evaluateChecks as evaluateAll } from './check-eval.js';
import type { Exercise } from './types.js';

export function evaluateChecks(exercise: Exercise, result: RunResult): CheckResult[] {
  return evaluateAll(exercise.checks, result);
}
