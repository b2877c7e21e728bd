/**
 * Learner progress, kept in this browser only (DESIGN §6). One localStorage key per exercise:
 *
 *   pipeline-lab:progress:<exercise-slug> = "attempted" | "passed"
 *
 * The exercise island writes it (after a run: attempted; after a run whose checks all pass: passed);
 * the home page and lesson list read it. "passed" is never downgraded by a later failing run:
 * the learner did solve it once.
 */
export const PROGRESS_PREFIX = 'pipeline-lab:progress:';

export type ExerciseProgress = 'attempted' | 'passed';

/** Fired on `window` after `recordProgress` changes a value (same tab; other tabs get `storage`). */
export const PROGRESS_EVENT = 'pipeline-lab:progress';

export function progressKey(slug: string): string {
  return PROGRESS_PREFIX + slug;
}

/** Storage can be missing or throw (private mode, disabled cookies): progress then simply is not kept. */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readProgress(slug: string): ExerciseProgress | null {
  try {
    const value = storage()?.getItem(progressKey(slug));
    return value === 'attempted' || value === 'passed' ? value : null;
  } catch {
    return null;
  }
}

export function recordProgress(slug: string, state: ExerciseProgress): void {
  const previous = readProgress(slug);
  if (previous === 'passed' || previous === state) return;
  try {
    storage()?.setItem(progressKey(slug), state);
  } catch {
    return;
  }
  globalThis.dispatchEvent?.(new CustomEvent(PROGRESS_EVENT, { detail: { slug, state } }));
}

export interface LessonProgress {
  total: number;
  attempted: number;
  passed: number;
}

export function lessonProgress(slugs: readonly string[]): LessonProgress {
  let attempted = 0;
  let passed = 0;
  for (const slug of slugs) {
    const p = readProgress(slug);
    if (p === 'passed') passed++;
    else if (p === 'attempted') attempted++;
  }
  return { total: slugs.length, attempted, passed };
}
