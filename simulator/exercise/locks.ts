/**
 * Settings an exercise locks inside an editable file (`locked: [/nodes/consumer/processing-time]`):
 * the learner may change everything else, but a change to a locked setting would solve the
 * exercise by changing its premise (a faster consumer instead of a better commit strategy).
 * Such a run is refused, with the error at the learner's line, as a spec error would be.
 */
import { parsePointer, readAt } from '../lab/spec-edit.js';
import { readYaml } from '../spec/parse.js';
import type { SpecIssue } from '../spec/issues.js';
import { fileOf } from './pipeline-text.js';
import { PIPELINE_FILE, type Exercise } from './types.js';
import { workspaceLockErrors, workspaceLockPlaces } from './workspace-locks.js';

const shown = (v: unknown) => (v === undefined ? 'absent' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Errors for every locked setting `files` change, located in the pipeline text (`file` names it in
 * messages); in a workspace exercise, in the real file the setting comes from (`file` is then a
 * folder that prefixes the paths, '' for none — workspace-locks.ts).
 */
export function lockedSettingErrors(exercise: Exercise, files: Record<string, string>, file = PIPELINE_FILE): SpecIssue[] {
  const locks = exercise.locked ?? [];
  if (locks.length === 0) return [];
  if (exercise.workspace) return workspaceLockErrors(exercise, files, file === PIPELINE_FILE ? '' : file);
  const text = fileOf(exercise, files, PIPELINE_FILE);
  const starter = exercise.starter[PIPELINE_FILE] ?? '';
  const read = readYaml(text, file);
  // A file that does not parse gets the parser's own errors; locks are checked once it does.
  if (!read.ok) return [];
  const errors: SpecIssue[] = [];
  for (const pointer of locks) {
    const want = readAt(starter, pointer);
    const have = readAt(text, pointer);
    if (JSON.stringify(want) === JSON.stringify(have)) continue;
    const path = parsePointer(pointer);
    const segments = typeof path === 'string' ? [] : path;
    // Point at the changed value, or at the nearest enclosing key still there when it was deleted.
    let at = { line: 1, column: 1, endLine: 1, endColumn: 1 };
    for (let n = segments.length; n > 0; n--) {
      if (readAt(text, `/${segments.slice(0, n).map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`) === undefined) continue;
      at = read.map.locate(segments.slice(0, n));
      break;
    }
    errors.push({
      severity: 'error',
      file,
      ...at,
      path: segments.join('.'),
      message: `\`${segments.join('.')}\` is locked in this exercise: it must stay ${shown(want)} (you have ${shown(have)})`,
      hint: 'the exercise is about something else: put it back (Reset restores the starter) and change another setting',
    });
  }
  return errors;
}

/** Where a locked setting stands in a file, for the editor to mark before the learner touches it. */
export interface LockedPlace {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The setting's dotted path, e.g. `nodes.consumer.processing-time`. */
  path: string;
}

/** The places of the exercise's locked settings that `text` holds (a setting absent from it has none). */
export function lockedSettingPlaces(exercise: Exercise, text: string, file = PIPELINE_FILE): LockedPlace[] {
  const locks = exercise.locked ?? [];
  if (locks.length === 0) return [];
  if (exercise.workspace) return workspaceLockPlaces(exercise, text, file);
  const read = readYaml(text, file);
  if (!read.ok) return [];
  const places: LockedPlace[] = [];
  for (const pointer of locks) {
    const path = parsePointer(pointer);
    if (typeof path === 'string' || readAt(text, pointer) === undefined) continue;
    places.push({ ...read.map.locate(path), path: path.join('.') });
  }
  return places;
}
