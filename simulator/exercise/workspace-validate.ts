/**
 * What the editor marks in one file of a workspace: the file's own problems (its grammar, its
 * settings: config/workspace/check-file.ts), what compiling the whole workspace says about it
 * (a host nobody runs, a port nobody listens on, a log file no input reads — these live in one
 * file but depend on the others), and, in an exercise, locked settings and locked faults.
 */
import type { SpecIssue } from '../spec/issues.js';
import { checkConfigFile, compileWorkspace } from '../config/workspace/index.js';
import { exerciseSpec } from './exercise-spec.js';
import { lockedSettingErrors, lockedSettingPlaces, type LockedPlace } from './locks.js';
import { lockedFaultsWarning } from './pipeline-text.js';
import type { Exercise } from './types.js';

export interface FileValidation {
  errors: SpecIssue[];
  warnings: SpecIssue[];
  locked: LockedPlace[];
}

const keyOf = (i: SpecIssue) => `${i.severity}|${i.line}|${i.column}|${i.message}`;

/** `files`: the learner's files (path → text); `text` replaces `file` among them. */
export function validateWorkspaceFile(exercise: Exercise | undefined, text: string, file: string, files: Record<string, string>): FileValidation {
  const mine = { ...files, [file]: text };
  const own = checkConfigFile(file, text) ?? [];
  const compiled = exercise ? exerciseSpec(exercise, mine) : compileWorkspace(new Map(Object.entries(mine)));
  // A file that does not pass its own check (a syntax error) says nothing about the others: what the
  // compile then finds in them ("Logstash has no input listening") is a consequence, not their fault.
  const othersBroken = Object.entries(mine).some(([path, t]) => path !== file && (checkConfigFile(path, t) ?? []).some((i) => i.severity === 'error'));
  const fromCompile = othersBroken ? [] : [...(compiled.ok ? [] : compiled.errors), ...compiled.warnings].filter((i) => i.file === file);
  // Locks are judged once the files compile (as at Run), and marked where they stand from the start.
  const locks = exercise && compiled.ok ? lockedSettingErrors(exercise, mine, '').filter((i) => i.file === file) : [];
  const faults = exercise ? lockedFaultsWarning(exercise, mine) : undefined;
  const seen = new Set<string>();
  const all = [...own, ...fromCompile, ...locks, ...(faults && faults.file === file ? [faults] : [])].filter((i) => {
    const k = keyOf(i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return {
    errors: all.filter((i) => i.severity === 'error'),
    warnings: all.filter((i) => i.severity === 'warning'),
    locked: exercise ? lockedSettingPlaces(exercise, text, file) : [],
  };
}
