/**
 * What a run does for each prediction question, a record's fate included: the fate is asked of the
 * finished run's ledger (the same call `trace` makes), so no record needs tracing in advance.
 */
import type { SpecIssue } from '../spec/issues.js';
import type { RunResult } from '../run/result.js';
import { runSync, type RunHandle } from '../run/run.js';
import { runExercise } from './run-exercise.js';
import { FATES, outcomeOf, type Fate, type Outcome } from './predict.js';
import type { Exercise } from './types.js';

/** The fate of one record (`access-0.log:42`) in one output of a finished run; undefined if either is unknown. */
export function fateIn(handle: RunHandle, record: string, output: string): Fate | undefined {
  const rid = handle.workload.ridOfDisplayId(record);
  if (rid === undefined || !handle.outputs.has(output)) return undefined;
  const { kind } = handle.sim.ledger.fateKind(rid, handle.countsOf(output)[rid] ?? 0, handle.heldRecords(), output);
  return (FATES as readonly string[]).includes(kind) ? kind : undefined;
}

export function predictionOutcomes(exercise: Exercise, files: Record<string, string>): { outcomes: Outcome[] } | { errors: SpecIssue[] } {
  let handle: RunHandle | undefined;
  const run = runExercise(exercise, files, {
    run: (spec, seed): RunResult => {
      handle = runSync(spec, { seed });
      return handle.result;
    },
  });
  if ('errors' in run) return { errors: run.errors };
  return { outcomes: (exercise.predictions ?? []).map((p) => (p.kind === 'fate' ? (handle ? outcomeFate(fateIn(handle, p.record, p.output)) : undefined) : outcomeOf(p, run.result))) };
}

function outcomeFate(fate: Fate | undefined): Outcome {
  return fate ? { kind: 'fate', fate } : undefined;
}
