/**
 * What the exercise island keeps in localStorage, and under which keys.
 *
 * Keys (all prefixed `pipeline-lab:`; the home page and the lesson list read `progress`):
 * - `pipeline-lab:draft:<slug>`    → JSON `{ files: Record<file, text>, seed: number, savedAt: number }`
 *                                    the learner's edited files (only the editable ones) and seed field.
 * - `pipeline-lab:progress:<slug>` → `"attempted"` | `"passed"` (a plain string, never downgraded from
 *                                    "passed"); written after every finished run through the site's
 *                                    progress module (site/scripts/progress.ts), which the home page reads.
 * - `pipeline-lab:hints:<slug>`    → number of hints revealed so far.
 *
 * Storage can be full or disabled (private mode, a policy); every access is guarded so the
 * island still works, just without persistence.
 */

import { recordProgress, readProgress, progressKey } from '../progress.js';

export const STORAGE_PREFIX = 'pipeline-lab:';

export interface Draft {
  files: Record<string, string>;
  seed: number;
  savedAt: number;
}

export const draftKey = (slug: string): string => `${STORAGE_PREFIX}draft:${slug}`;
export const hintsKey = (slug: string): string => `${STORAGE_PREFIX}hints:${slug}`;

function store(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function readJson(key: string): unknown {
  try {
    const raw = store()?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function writeJson(key: string, value: unknown): boolean {
  try {
    store()?.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

const isRecordOfStrings = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

export function loadDraft(slug: string): Draft | undefined {
  const v = readJson(draftKey(slug)) as Partial<Draft> | undefined;
  if (!v || !isRecordOfStrings(v.files) || typeof v.seed !== 'number') return undefined;
  return { files: v.files, seed: v.seed, savedAt: typeof v.savedAt === 'number' ? v.savedAt : 0 };
}

export function saveDraft(slug: string, files: Record<string, string>, seed: number): boolean {
  return writeJson(draftKey(slug), { files, seed, savedAt: Date.now() } satisfies Draft);
}

export function clearDraft(slug: string): void {
  try {
    store()?.removeItem(draftKey(slug));
  } catch {
    /* storage disabled: nothing to clear */
  }
}

/** Records a finished run; a pass is sticky (a later failing experiment does not undo it). */
export function recordAttempt(slug: string, passed: boolean): void {
  recordProgress(slug, passed ? 'passed' : 'attempted');
}

export { readProgress, progressKey };

export function loadHintsShown(slug: string): number {
  const v = readJson(hintsKey(slug));
  return typeof v === 'number' && v >= 0 ? Math.floor(v) : 0;
}

export function saveHintsShown(slug: string, count: number): void {
  writeJson(hintsKey(slug), count);
}
