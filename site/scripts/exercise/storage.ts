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
 * - `pipeline-lab:result:<slug>`   → JSON SavedResult: the last verdict, shown again after a reload.
 * - `pipeline-lab:incident:<slug>` → number: the cause the learner named in an incident exercise
 *                                    (its index in `incident.causes`), which keeps the ledger open.
 * - `pipeline-lab:prediction:<slug>` → JSON StoredPrediction (predict-store.ts): the answers given before
 *                                    the first run, and what that run did.
 * - `pipeline-lab:set-aside:<key>` → the raw text of a draft or progress entry that could not be read,
 *                                    kept (not deleted) so nothing the learner typed is destroyed.
 *
 * Storage can be full or disabled (private mode, a policy); every access is guarded so the
 * island still works, just without persistence.
 */

import { recordProgress, readProgress, progressKey } from '../progress.js';
import { isSeed } from './seed.js';
import type { CheckResult, PageResult } from '../../../workers/api.js';

export const STORAGE_PREFIX = 'pipeline-lab:';

export interface Draft {
  files: Record<string, string>;
  seed: number;
  savedAt: number;
}

export const draftKey = (slug: string): string => `${STORAGE_PREFIX}draft:${slug}`;
export const hintsKey = (slug: string): string => `${STORAGE_PREFIX}hints:${slug}`;
export const diagnosisKey = (slug: string): string => `${STORAGE_PREFIX}incident:${slug}`;

function store(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function readJson(key: string): unknown {
  try {
    const raw = store()?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

export function writeJson(key: string, value: unknown): boolean {
  try {
    store()?.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

const isRecordOfStrings = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

function rawItem(key: string): string | null {
  try {
    return store()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Moves an unreadable entry out of the way (under `set-aside:`), so it is reported once, not every visit. */
function setAside(key: string, raw: string): void {
  try {
    store()?.setItem(`${STORAGE_PREFIX}set-aside:${key.slice(STORAGE_PREFIX.length)}`, raw);
    store()?.removeItem(key);
  } catch {
    /* storage disabled or full: the entry stays, and is reported again next time */
  }
}

/** The saved draft; 'corrupt' when one was there but could not be read (it is then set aside). */
export function loadDraft(slug: string): Draft | 'corrupt' | undefined {
  const raw = rawItem(draftKey(slug));
  if (raw === null) return undefined;
  const v = readJson(draftKey(slug)) as Partial<Draft> | undefined;
  if (!v || !isRecordOfStrings(v.files) || !isSeed(v.seed)) {
    setAside(draftKey(slug), raw);
    return 'corrupt';
  }
  return { files: v.files, seed: v.seed, savedAt: typeof v.savedAt === 'number' ? v.savedAt : 0 };
}

/** True when the progress entry holds something other than "attempted" or "passed" (it is then set aside). */
export function progressUnreadable(slug: string): boolean {
  const raw = rawItem(progressKey(slug));
  if (raw === null || raw === 'attempted' || raw === 'passed') return false;
  setAside(progressKey(slug), raw);
  return true;
}

/** The last finished run's verdict: enough to draw it again after a reload, not the whole run. */
export interface SavedResult {
  seed: number;
  passed: boolean;
  checks: CheckResult[];
  result: Pick<PageResult, 'ended' | 'simulatedMs' | 'events'>;
  savedAt: number;
}

export const resultKey = (slug: string): string => `${STORAGE_PREFIX}result:${slug}`;

export function saveResult(slug: string, saved: SavedResult): void {
  writeJson(resultKey(slug), saved);
}

export function loadResult(slug: string): SavedResult | undefined {
  const v = readJson(resultKey(slug)) as Partial<SavedResult> | undefined;
  if (!v || !isSeed(v.seed) || typeof v.passed !== 'boolean' || !Array.isArray(v.checks) || typeof v.result !== 'object' || v.result === null) return undefined;
  const r = v.result;
  if (typeof r.ended !== 'string' || typeof r.simulatedMs !== 'number' || typeof r.events !== 'number') return undefined;
  const checks = v.checks.filter((c): c is CheckResult => typeof c === 'object' && c !== null && typeof c.name === 'string' && typeof c.pass === 'boolean' && typeof c.expected === 'string' && typeof c.actual === 'string' && typeof c.explanation === 'string');
  return { seed: v.seed, passed: v.passed, checks, result: r, savedAt: typeof v.savedAt === 'number' ? v.savedAt : 0 };
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

/** The cause the learner named in an incident exercise, if any (an index below `causes`). */
export function loadDiagnosis(slug: string, causes: number): number | undefined {
  const v = readJson(diagnosisKey(slug));
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < causes ? v : undefined;
}

export function saveDiagnosis(slug: string, cause: number | undefined): void {
  if (cause === undefined) {
    try {
      store()?.removeItem(diagnosisKey(slug));
    } catch {
      // Storage disabled: nothing was kept either.
    }
  } else writeJson(diagnosisKey(slug), cause);
}
