/**
 * Running an exercise synchronously (Node: lessons:check, tests, the CLI): the learner's files
 * → spec (pipeline.yaml parsed, or a workspace compiled) → run with the exercise's seed →
 * RunResult with its checks.
 */
import type { SpecIssue } from '../spec/issues.js';
import type { PipelineSpec } from '../spec/schema/pipeline.js';
import type { RunResult } from '../run/result.js';
import { runSync } from '../run/run.js';
import { evaluateChecks } from './evaluate.js';
import { lockedSettingErrors } from './locks.js';
import { lockedFaultsChanged } from './pipeline-text.js';
import { exerciseSpec } from './exercise-spec.js';
import { PIPELINE_FILE, type Exercise } from './types.js';

/** How a spec is run; tests inject their own (e.g. to prove non-determinism is caught). */
export type RunFunction = (spec: PipelineSpec, seed: number) => RunResult;

export interface ExerciseRunOptions {
  /** Overrides the exercise's seed (lessons:check tries extra seeds). */
  seed?: number;
  /** File name used in spec error messages (default `pipeline.yaml`). */
  file?: string;
  /** Workspace exercises: the folder before every file name in messages (default none). */
  root?: string;
  run?: RunFunction;
}

export type ExerciseRun = { result: RunResult; passed: boolean } | { errors: SpecIssue[] };

const defaultRun: RunFunction = (spec, seed) => runSync(spec, { seed }).result;

export function runExercise(exercise: Exercise, files: Record<string, string>, options: ExerciseRunOptions = {}): ExerciseRun {
  const parsed = exerciseSpec(exercise, files, { ...(options.file ? { file: options.file } : {}), ...(options.root ? { root: options.root } : {}) });
  if (!parsed.ok) return { errors: parsed.errors };
  const locks = lockedSettingErrors(exercise, files, exercise.workspace ? (options.root ?? '') : (options.file ?? PIPELINE_FILE));
  if (locks.length > 0) return { errors: locks };
  const seed = options.seed ?? exercise.seed;
  const result = (options.run ?? defaultRun)(parsed.spec, seed);
  result.warnings = [
    ...result.warnings,
    ...parsed.warnings.map((w) => ({ path: w.path, line: w.line, column: w.column, message: w.message })),
    ...(lockedFaultsChanged(exercise, files) ? [{ path: 'faults', message: 'faults are locked in this exercise: the starter\'s `faults:` ran, not your changes' }] : []),
  ];
  result.checks = evaluateChecks(exercise, result);
  return { result, passed: result.checks.every((c) => c.pass) };
}
