/**
 * The text that runs for each of a learner's files. Read-only files always come from the
 * starter. With `faults: locked`, the starter's `faults:` replace whatever the learner wrote —
 * in pipeline.yaml, or in world.yaml for a workspace exercise — so an exercise about surviving
 * a crash cannot be "solved" by deleting the crash.
 */
import { parseDocument } from 'yaml';
import { PIPELINE_FILE, WORLD_FILE, type Exercise } from './types.js';
import type { SpecIssue } from '../spec/issues.js';

function faultsOf(text: string): { ok: boolean; json: string; value: unknown } {
  const doc = parseDocument(text, { logLevel: 'silent' });
  if (doc.errors.length > 0) return { ok: false, json: '', value: undefined };
  const data = doc.toJS() as unknown;
  const value = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>)['faults'] : undefined;
  return { ok: true, json: JSON.stringify(value ?? []), value };
}

/** The file that holds the exercise's `faults:`: world.yaml in a workspace, pipeline.yaml otherwise. */
export function faultsFileOf(exercise: Exercise): string {
  return exercise.workspace ? WORLD_FILE : PIPELINE_FILE;
}

/** The learner's text for `name`, falling back to the starter's; read-only files are always the starter's. */
export function fileOf(exercise: Exercise, files: Record<string, string>, name: string): string {
  if (exercise.readonly.includes(name)) return exercise.starter[name] ?? '';
  return files[name] ?? exercise.starter[name] ?? '';
}

/** Whether the learner's files change `faults:` although they are locked (the island says so). */
export function lockedFaultsChanged(exercise: Exercise, files: Record<string, string>): boolean {
  if (!exercise.faultsLocked) return false;
  const name = faultsFileOf(exercise);
  const mine = faultsOf(fileOf(exercise, files, name));
  const theirs = faultsOf(exercise.starter[name] ?? '');
  return mine.ok && theirs.ok && mine.json !== theirs.json;
}

/**
 * A warning on the learner's `faults:` when they changed faults the exercise locks: the run uses
 * the starter's faults instead, and without this the edit would be ignored without a word.
 */
export function lockedFaultsWarning(exercise: Exercise, files: Record<string, string>): SpecIssue | undefined {
  if (!lockedFaultsChanged(exercise, files)) return undefined;
  const name = faultsFileOf(exercise);
  const lines = fileOf(exercise, files, name).split('\n');
  const at = lines.findIndex((l) => /^faults\s*:/.test(l));
  return {
    severity: 'warning',
    file: name,
    line: at >= 0 ? at + 1 : 1,
    column: 1,
    endLine: at >= 0 ? at + 1 : 1,
    endColumn: at >= 0 ? lines[at]!.length + 1 : 1,
    path: 'faults',
    message: 'this exercise locks its faults: runs use the starter\'s faults, not these edits',
    hint: 'change the pipeline so it copes with the faults; Reset restores them',
  };
}

/** The text of `name` as it runs: the learner's, with the starter's faults put back when they are locked and changed. */
export function runTextOf(exercise: Exercise, files: Record<string, string>, name: string): string {
  const text = fileOf(exercise, files, name);
  if (name !== faultsFileOf(exercise) || !lockedFaultsChanged(exercise, files)) return text;
  // Only rewritten when the faults differ, so line numbers of errors stay those of the learner's text otherwise.
  const doc = parseDocument(text, { logLevel: 'silent' });
  const starterFaults = faultsOf(exercise.starter[name] ?? '').value;
  if (starterFaults === undefined) doc.delete('faults');
  else doc.set('faults', doc.createNode(starterFaults));
  return doc.toString();
}

/** The pipeline.yaml that runs (the old form of exercise). */
export function pipelineTextOf(exercise: Exercise, files: Record<string, string>): string {
  return runTextOf(exercise, files, PIPELINE_FILE);
}
