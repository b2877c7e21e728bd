/**
 * Robust grading (issue 29): the learner's files pass only if every check holds on every grading
 * seed and under every searched member of the exercise's fault family. A failure is handed back
 * as the smallest failing run found — the exercise's own seed when it fails there too, the
 * mildest schedule (members are searched mildest first, then shrunk: down time and loss halved
 * while the checks still fail) — with the pipeline text that replays it in the Lab.
 *
 * Synchronous and deterministic (same files ⇒ same report): lessons:check and the page's grading
 * worker both call it.
 */
import { parseDocument } from 'yaml';
import { specYaml } from '../spec/spec-yaml.js';
import type { CheckResult, RunResult } from '../run/result.js';
import type { SpecIssue } from '../spec/issues.js';
import type { PipelineSpec } from '../spec/schema/pipeline.js';
import type { FaultSpec } from '../spec/schema/faults.js';
import { runSync } from '../run/run.js';
import { evaluateChecks } from './evaluate.js';
import { exerciseSpec } from './exercise-spec.js';
import { lockedSettingErrors } from './locks.js';
import { faultsFileOf, pipelineTextOf, runTextOf } from './pipeline-text.js';
import { faultEntry, membersOf, type FamilyMember } from './grading.js';
import { outcomeOf, type Outcome } from './predict.js';
import { PIPELINE_FILE, type Exercise } from './types.js';

export type GradeRunner = (spec: PipelineSpec, seed: number) => RunResult;

export interface FailingRun {
  seed: number;
  /** The family member added to the exercise's faults; absent when the plain run on this seed fails. */
  fault?: FaultSpec;
  /** The checks that failed, with their explanations. */
  failed: CheckResult[];
  /** The pipeline as the Lab runs it: the learner's pipeline with this schedule in `faults:`. */
  labPipeline: string;
}

export interface GradeReport {
  passed: boolean;
  /** Seeds run, and how many passed. */
  seeds: number[];
  seedsPassed: number;
  /** Family members run (0 without a family), and how many passed. */
  members: number;
  membersPassed: number;
  /** Every run spent, shrinking included. */
  runs: number;
  failing?: FailingRun;
  /** Per prediction question: what the run on the exercise's own seed did (traces included). */
  outcomes: Outcome[];
  /** Every member's fault and whether it passed (lessons:check asks the starter to fail each). */
  memberResults: { fault: FaultSpec; seed: number; passed: boolean }[];
}

export interface GradeOptions {
  run?: GradeRunner;
  /** Run everything even after a failure (lessons:check); the page stops at the first one. */
  exhaustive?: boolean;
  /** The plain run on the exercise's own seed has passed already (the page's main run): it is counted, not repeated. */
  ownSeedPassed?: boolean;
  /** Only the family's members (lessons:check has run the seeds already). */
  membersOnly?: boolean;
  /** Called after each run with how many are done out of the planned total (the page's progress). */
  onRun?: (done: number, total: number) => void;
}

const defaultRunner: GradeRunner = (spec, seed) => runSync(spec, { seed }).result;

/** `text` (pipeline.yaml or world.yaml) with one more entry in its `faults:`. */
function appendFault(text: string, fault: FaultSpec): string {
  const doc = parseDocument(text, { logLevel: 'silent' });
  const own = (doc.toJS() as { faults?: unknown[] } | null)?.faults ?? [];
  doc.set('faults', doc.createNode([...own, faultEntry(fault)]));
  return doc.toString();
}

/**
 * The exercise and files as they run with one more fault: the member is written into the file
 * that holds `faults:` (world.yaml names hosts, pipeline.yaml node ids), so it is compiled and
 * checked exactly like the exercise's own faults — a family naming a host that does not exist is
 * refused, never silently a no-op. Locked faults are the starter's, so the starter's copy gets it too.
 */
export function withMember(exercise: Exercise, files: Record<string, string>, fault: FaultSpec | undefined): { exercise: Exercise; files: Record<string, string> } {
  if (!fault) return { exercise, files };
  const name = faultsFileOf(exercise);
  const starter = { ...exercise.starter, [name]: appendFault(exercise.starter[name] ?? '', fault) };
  const own = exercise.editable.includes(name) ? { [name]: appendFault(runTextOf(exercise, files, name), fault) } : {};
  return { exercise: { ...exercise, starter }, files: { ...files, ...own } };
}

/**
 * The pipeline text the Lab runs for this failing run: pipeline.yaml with the schedule added, or,
 * for a workspace of real files, the spec they compile to, written out as YAML.
 */
export function labPipelineOf(exercise: Exercise, files: Record<string, string>, spec: PipelineSpec): string {
  if (!exercise.workspace) return pipelineTextOf(exercise, files);
  const { faults, ...rest } = spec;
  return specYaml({ ...rest, ...(faults && faults.length > 0 ? { faults: faults.map(faultEntry) } : {}) });
}

/** Softer versions of a member, for shrinking: half the down time, half the loss. */
function softer(f: FaultSpec): FaultSpec[] {
  if ('crash' in f && f['restart-after'] !== undefined && f['restart-after'] >= 2000) return [{ ...f, 'restart-after': Math.round(f['restart-after'] / 2000) * 1000 }];
  if ('link' in f && f.loss > 0.002) return [{ ...f, loss: Math.round((f.loss / 2) * 1000) / 1000 }];
  return [];
}

/** A family member the spec refuses (a host that does not exist): the author's mistake, reported as errors. */
class MemberRefused extends Error {
  constructor(readonly errors: SpecIssue[]) {
    super('a fault family member does not compile');
  }
}

export function gradeExercise(exercise: Exercise, files: Record<string, string>, options: GradeOptions = {}): { errors: SpecIssue[] } | GradeReport {
  try {
    return gradeRuns(exercise, files, options);
  } catch (error) {
    if (error instanceof MemberRefused) return { errors: error.errors.map((e) => ({ ...e, message: `with a member of the fault family: ${e.message}` })) };
    throw error;
  }
}

function gradeRuns(exercise: Exercise, files: Record<string, string>, options: GradeOptions): { errors: SpecIssue[] } | GradeReport {
  const parsed = exerciseSpec(exercise, files);
  if (!parsed.ok) return { errors: parsed.errors };
  const locks = lockedSettingErrors(exercise, files, exercise.workspace ? '' : PIPELINE_FILE);
  if (locks.length > 0) return { errors: locks };
  const run = options.run ?? defaultRunner;
  const { seeds, family, budget } = exercise.grading;
  // One spec per schedule, compiled once.
  const specs = new Map<string, { spec: PipelineSpec; lab: () => string } | { errors: SpecIssue[] }>();
  const specFor = (fault: FaultSpec | undefined) => {
    const key = JSON.stringify(fault ?? null);
    let got = specs.get(key);
    if (!got) {
      const m = withMember(exercise, files, fault);
      const out = fault ? exerciseSpec(m.exercise, m.files) : parsed;
      got = out.ok ? { spec: out.spec, lab: () => labPipelineOf(m.exercise, m.files, out.spec) } : { errors: out.errors };
      specs.set(key, got);
    }
    return got;
  };
  const members: FamilyMember[] = family ? membersOf(family, budget) : [];
  const total = (options.membersOnly ? 0 : seeds.length - (options.ownSeedPassed && seeds.includes(exercise.seed) ? 1 : 0)) + members.length;
  const report: GradeReport = { passed: true, seeds, seedsPassed: 0, members: 0, membersPassed: 0, runs: 0, outcomes: [], memberResults: [] };

  const attempt = (seed: number, fault: FaultSpec | undefined): CheckResult[] => {
    const compiled = specFor(fault);
    if ('errors' in compiled) throw new MemberRefused(compiled.errors);
    report.runs++;
    const result = run(compiled.spec, seed);
    if (seed === exercise.seed && !fault) report.outcomes = (exercise.predictions ?? []).map((p) => outcomeOf(p, result));
    const failed = evaluateChecks(exercise, result).filter((c) => !c.pass);
    options.onRun?.(Math.min(report.runs, total), total);
    return failed;
  };
  const fail = (seed: number, fault: FaultSpec | undefined, failed: CheckResult[]) => {
    report.passed = false;
    const compiled = specFor(fault);
    report.failing ??= { seed, ...(fault ? { fault } : {}), failed, labPipeline: 'lab' in compiled ? compiled.lab() : '' };
  };

  // The exercise's own seed first: a failure there is the run the learner has just seen.
  const ordered = [...new Set([exercise.seed, ...seeds])].filter((s) => seeds.includes(s) || s === exercise.seed);
  if (options.ownSeedPassed && !options.membersOnly && seeds.includes(exercise.seed)) report.seedsPassed++;
  for (const seed of options.membersOnly ? [] : ordered.filter((s) => !(options.ownSeedPassed && s === exercise.seed))) {
    const failed = attempt(seed, undefined);
    if (failed.length === 0) {
      if (seeds.includes(seed)) report.seedsPassed++;
    } else {
      fail(seed, undefined, failed);
      if (!options.exhaustive) return report;
    }
  }
  for (const [i, member] of members.entries()) {
    const seed = seeds[i % seeds.length]!;
    report.members++;
    const failed = attempt(seed, member.fault);
    report.memberResults.push({ fault: member.fault, seed, passed: failed.length === 0 });
    if (failed.length === 0) {
      report.membersPassed++;
      continue;
    }
    if (report.failing) continue;
    // Shrink: the exercise's own seed if it fails there too, then softer schedules while they still fail.
    let best = { seed, fault: member.fault, failed };
    if (seed !== exercise.seed) {
      const own = attempt(exercise.seed, member.fault);
      if (own.length > 0) best = { seed: exercise.seed, fault: member.fault, failed: own };
    }
    for (let step = 0; step < 4; step++) {
      const next = softer(best.fault)[0];
      if (!next) break;
      const f = attempt(best.seed, next);
      if (f.length === 0) break;
      best = { seed: best.seed, fault: next, failed: f };
    }
    fail(best.seed, best.fault, best.failed);
    if (!options.exhaustive) return report;
  }
  return report;
}
