/**
 * What makes an exercise trustworthy (issue 9): its pipelines parse; the solution passes
 * every check, on its seed and on extra seeds (a solution that passes by luck is a bad
 * exercise); the starter fails at least one check; both runs are byte-identical when
 * repeated; every check path exists in the solution's run. Pure: the CLI and the dev
 * authoring page both call it.
 */
import type { CheckResult, RunResult } from '../run/result.js';
import type { SpecIssue } from '../spec/issues.js';
import { pathsOf } from '../exercise/check-ast.js';
import { resolvePath } from '../exercise/check-resolve.js';
import { EXERCISE_FILE } from '../exercise/load.js';
import { faultsFileOf, lockedFaultsChanged } from '../exercise/pipeline-text.js';
import { exerciseSpec } from '../exercise/exercise-spec.js';
import { lockedSettingErrors } from '../exercise/locks.js';
import { runExercise, type RunFunction } from '../exercise/run-exercise.js';
import { PIPELINE_FILE, type CheckSpec, type Exercise } from '../exercise/types.js';
import { placesOf, unknownPlace } from './check-places.js';
import { incidentProblems } from './check-incident.js';
import { firstDifference, stableJson } from './stable-json.js';
import { agrees, answerOf, describeOutcome, outcomeOf, type Outcome } from '../exercise/predict.js';
import { predictionOutcomes } from '../exercise/predict-run.js';
import { DEFAULT_GRADING_SEEDS, describeFault } from '../exercise/grading.js';
import { gradeExercise } from '../exercise/grade.js';

export interface ExerciseStatus {
  slug: string;
  lesson: string;
  /** Solution: checks passed on the exercise's seed, out of all. */
  solutionPassed: number;
  /** Extra seeds the solution also passed, out of those tried. */
  seedsPassed: number;
  seedsTried: number;
  /** Starter: checks failed (≥ 1 expected). */
  starterFailed: number;
  checks: number;
  deterministic: boolean;
  problems: SpecIssue[];
  /** Check results of the solution and the starter (for the authoring page). */
  solutionChecks: CheckResult[];
  starterChecks: CheckResult[];
}

export interface CheckExerciseOptions {
  run?: RunFunction;
  /** Extra seeds for the solution (default: the exercise's grading seeds besides its own). */
  extraSeeds?: readonly number[];
}

function at(check: CheckSpec, segmentOffset?: number) {
  return { line: check.at.line, column: check.exactColumns && segmentOffset !== undefined ? check.at.column + segmentOffset : check.at.column };
}

/** How many seeds after the exercise's own the solution must also pass (the reference in AUTHORING.md says so). */
export const EXTRA_SEEDS = DEFAULT_GRADING_SEEDS - 1;

export function checkExercise(exercise: Exercise, options: CheckExerciseOptions = {}): ExerciseStatus {
  const base = exercise.dir;
  const yamlFile = `${base}/${EXERCISE_FILE}`;
  const status: ExerciseStatus = {
    slug: exercise.slug,
    lesson: exercise.lesson,
    solutionPassed: 0,
    seedsPassed: 0,
    seedsTried: 0,
    starterFailed: 0,
    checks: exercise.checks.length,
    deterministic: true,
    problems: [],
    solutionChecks: [],
    starterChecks: [],
  };
  const problem = (file: string, pos: { line: number; column: number }, message: string, hint?: string) =>
    status.problems.push({ severity: 'error', file, line: pos.line, column: pos.column, path: '', message, ...(hint ? { hint } : {}) });
  const top = { line: 1, column: 1 };

  // Both pipelines must be valid specs, reported at their own file and line.
  let specsOk = true;
  const places = new Set<string>();
  // Where each run's files are named in messages: the pipeline file, or the folder of a workspace's files.
  const naming = (which: 'starter' | 'solution') => (exercise.workspace ? { root: `${base}/${which}` } : { file: `${base}/${which}/${PIPELINE_FILE}` });
  const mainFile = (which: 'starter' | 'solution') => `${base}/${which}/${exercise.workspace ? faultsFileOf(exercise) : PIPELINE_FILE}`;
  for (const which of ['starter', 'solution'] as const) {
    // The solution's own files, the starter's for those it does not write (as a learner's run gets them).
    const parsed = exerciseSpec(exercise, exercise[which], naming(which));
    if (!parsed.ok) {
      status.problems.push(...parsed.errors);
      specsOk = false;
    } else for (const p of placesOf(parsed.spec)) places.add(p);
  }
  if (!specsOk) return status;
  // A misspelt place in lostAt/duplicatedAt reads 0 on every run: refuse it before running anything.
  for (const check of exercise.checks) {
    for (const p of pathsOf(check.expr)) {
      const bad = unknownPlace(p, places);
      if (bad) problem(yamlFile, at(check, p.offsets[bad.segment] ?? p.offset), `check \`${check.source}\`: ${bad.message}`, bad.hint);
    }
  }
  // The solution must keep locked settings, or it solves a different exercise than the learner's.
  const solutionLocks = lockedSettingErrors(exercise, exercise.solution, exercise.workspace ? `${base}/solution` : `${base}/solution/${PIPELINE_FILE}`);
  for (const e of solutionLocks) status.problems.push({ ...e, message: `the solution changes a locked setting: ${e.message}`, hint: 'keep the starter\'s value in the solution, or remove the pointer from `locked:` in exercise.yaml' });
  if (solutionLocks.length > 0) return status;
  if (lockedFaultsChanged(exercise, exercise.solution)) {
    problem(mainFile('solution'), top, 'the solution changes `faults:`, but faults are locked, so its changes would not run', 'copy the starter\'s `faults:` into the solution, or set `faults: editable` in exercise.yaml');
  }

  const runTwice = (which: 'starter' | 'solution', seed: number): RunResult | undefined => {
    const files = exercise[which];
    const file = mainFile(which);
    const first = runExercise(exercise, files, { seed, ...naming(which), ...(options.run ? { run: options.run } : {}) });
    const second = runExercise(exercise, files, { seed, ...naming(which), ...(options.run ? { run: options.run } : {}) });
    if ('errors' in first || 'errors' in second) {
      status.problems.push(...('errors' in first ? first.errors : []));
      return undefined;
    }
    const a = stableJson(first.result);
    const b = stableJson(second.result);
    if (a !== b) {
      status.deterministic = false;
      problem(file, top, `the ${which} gives different results when run twice with seed ${seed} (first difference at \`${firstDifference(first.result, second.result)}\`)`, 'the simulator must be deterministic: report this with the spec to the simulator maintainers');
    }
    return first.result;
  };

  /** Indexes of checks some run failed: a check no run fails may test nothing (reported below unless a guard). */
  const everFailed = new Set<number>();
  const solution = runTwice('solution', exercise.seed);
  if (solution) {
    // Records still held at the end make a check's count a matter of timing (a record in flight is not
    // lost yet): warned once per exercise, for the outputs its checks read.
    const read = new Set(exercise.checks.flatMap((c) => pathsOf(c.expr)).filter((p) => p.segments[0] === 'outputs').map((p) => p.segments[1]!));
    const held = [...read].filter((o) => (solution.outputs[o]?.inFlight ?? 0) > 0).map((o) => `\`${o}\` ${solution.outputs[o]!.inFlight}`);
    if (held.length > 0) {
      status.problems.push({
        severity: 'warning', file: mainFile('solution'), line: 1, column: 1, path: '',
        message: `the solution's run ends (${solution.ended}) with records still in flight in the outputs your checks read: ${held.join(', ')}`,
        hint: 'a record in flight is neither lost nor delivered yet: give the pipeline time to settle (a longer `drain:`, or a shorter `duration:`), or check `inFlight` on purpose',
      });
    }
    status.solutionChecks = solution.checks ?? [];
    exercise.checks.forEach((check, i) => {
      // A path the solution's run does not have is the author's mistake (a wrong output id), not the learner's.
      for (const p of pathsOf(check.expr)) {
        const r = resolvePath(p.segments, solution);
        if (!r.ok) {
          problem(yamlFile, at(check, (p.offsets[r.segment] ?? p.offset)), `check \`${check.source}\`: ${r.message} (in the solution's run)`, r.hint);
          return;
        }
      }
      const result = status.solutionChecks[i];
      if (result?.pass) status.solutionPassed++;
      else if (result) problem(yamlFile, at(check), `the solution fails check \`${check.source}\`: ${result.explanation}`, `fix ${exercise.workspace ? 'the files in solution/' : 'solution/pipeline.yaml'}, or loosen the check`);
    });
    const seeds = options.extraSeeds ?? exercise.grading.seeds.filter((s) => s !== exercise.seed);
    if (status.solutionPassed === exercise.checks.length) {
      for (const seed of seeds) {
        status.seedsTried++;
        const r = runExercise(exercise, exercise.solution, { seed, ...(options.run ? { run: options.run } : {}) });
        if ('errors' in r) break;
        const failed = (r.result.checks ?? []).map((c, i) => ({ c, i, check: exercise.checks[i]! })).filter(({ c }) => !c.pass);
        for (const { i } of failed) everFailed.add(i);
        if (failed.length === 0) status.seedsPassed++;
        for (const { c, check } of failed) {
          problem(yamlFile, at(check), `the solution fails check \`${check.source}\` with seed ${seed}: ${c.explanation}`, 'a solution that passes by luck makes a bad exercise: make the solution robust, or the check less tight');
        }
      }
    }
  }

  const starter = runTwice('starter', exercise.seed);
  // The incident the learner diagnoses is the starter's run: its alert must fire and its answer key must hold.
  if (starter) for (const p of incidentProblems(exercise, starter)) problem(yamlFile, p, p.message, p.hint);
  if (starter) {
    status.starterChecks = starter.checks ?? [];
    status.starterFailed = status.starterChecks.filter((c) => !c.pass).length;
    if (status.starterFailed === 0) {
      problem(yamlFile, exercise.checks[0] ? { line: exercise.checks[0].at.line, column: 1 } : top, 'the starter passes every check, so the learner has nothing to do', `make ${exercise.workspace ? 'the files in starter/' : 'starter/pipeline.yaml'} fail at least one check (starter and solution must differ in outcome), or add a check the starter fails`);
    } else if (solution) {
      status.starterChecks.forEach((c, i) => {
        if (!c.pass) everFailed.add(i);
        if (!status.solutionChecks[i]?.pass) everFailed.add(i);
      });
      exercise.checks.forEach((check, i) => {
        if (everFailed.has(i) || check.guard) return;
        problem(yamlFile, at(check), `check \`${check.source}\` passes on the starter and on every run of the solution, so it tests nothing the learner changes`, 'make the starter fail it, or mark it `guard: true` if it is there to catch a learner who breaks something else');
      });
    }
  }
  if (solution && starter) predictionProblems(exercise, { solution, starter }, problem);
  if (solution && starter && exercise.grading.family && status.solutionPassed === exercise.checks.length && status.starterFailed > 0) familyProblems(exercise, options, problem);
  return status;
}

type Problem = (file: string, pos: { line: number; column: number }, message: string, hint?: string) => void;

/** Each prediction's `answer` must be what its `from` run does: a stale answer would mark a right learner wrong. */
function predictionProblems(exercise: Exercise, runs: { solution: RunResult; starter: RunResult }, problem: Problem): void {
  const yamlFile = `${exercise.dir}/${EXERCISE_FILE}`;
  // A record's fate needs traces, which the plain runs do not keep: those questions get traced runs.
  const traced = { starter: undefined as Outcome[] | undefined, solution: undefined as Outcome[] | undefined };
  const tracedOutcome = (from: 'starter' | 'solution', i: number): Outcome => {
    if (!traced[from]) {
      const got = predictionOutcomes(exercise, exercise[from]);
      traced[from] = 'errors' in got ? [] : got.outcomes;
    }
    return traced[from]![i];
  };
  (exercise.predictions ?? []).forEach((p, i) => {
    const outcome = p.kind === 'fate' ? tracedOutcome(p.from, i) : outcomeOf(p, runs[p.from]);
    const pos = p.at ?? { line: 1, column: 1 };
    if (!outcome) {
      problem(yamlFile, pos, `prediction ${i + 1} ("${p.ask}"): the ${p.from}'s run has no value for it`, p.kind === 'fate' ? `record \`${p.record}\` is not traced in output \`${p.output}\` of that run: pick a record id from its ledger` : 'check the path against the run result (see "Check paths")');
      return;
    }
    if (agrees(p, answerOf(p), outcome)) return;
    const did = describeOutcome(p, outcome);
    problem(yamlFile, pos, `prediction ${i + 1} ("${p.ask}"): \`answer\` is stale — the ${p.from}'s run gives ${did}`, outcome.kind === 'number' ? `set \`answer: ${outcome.value}\`, or widen \`tolerance\`` : 'set `answer` to what the run does, and check `why` still explains it');
  });
}

/** The solution must pass every searched member of the family; the starter must fail every one (else the family holds members that teach nothing). */
function familyProblems(exercise: Exercise, options: CheckExerciseOptions, problem: Problem): void {
  const yamlFile = `${exercise.dir}/${EXERCISE_FILE}`;
  const pos = { line: 1, column: 1 };
  const run = options.run;
  const grade = (files: Record<string, string>) => gradeExercise(exercise, files, { exhaustive: true, membersOnly: true, ...(run ? { run: (spec, seed) => run(spec, seed) } : {}) });
  const solution = grade(exercise.solution);
  if ('errors' in solution) {
    for (const e of solution.errors) problem(yamlFile, pos, `\`grading.family\`: ${e.message}`, e.hint ?? 'name a host (or node) the exercise has, as its own `faults:` do');
    return;
  }
  for (const m of solution.memberResults.filter((r) => !r.passed)) {
    problem(yamlFile, pos, `the solution fails under a member of its fault family (seed ${m.seed}, ${describeFault(m.fault)})`, 'make the solution robust to the whole family, or narrow `grading.family`');
  }
  const starter = grade(exercise.starter);
  if ('errors' in starter) return;
  for (const m of starter.memberResults.filter((r) => r.passed)) {
    problem(yamlFile, pos, `the starter passes every check under a member of its fault family (seed ${m.seed}, ${describeFault(m.fault)}), so that member teaches nothing`, 'narrow `grading.family` (`between`, `down`, `loss`) to schedules that break the starter');
  }
}
