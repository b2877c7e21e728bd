/**
 * The lab's draft in localStorage (`pipeline-lab:lab-draft` → JSON `{ pipeline, seed, settings }`),
 * so a reload does not throw an experiment away. Guarded: storage may be full or disabled.
 */
import { settingsFrom, type Experiment } from './experiment.js';

export const LAB_DRAFT_KEY = 'pipeline-lab:lab-draft';

export function loadLabDraft(): Experiment | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(LAB_DRAFT_KEY);
    if (!raw) return undefined;
    const v = JSON.parse(raw) as Partial<Experiment>;
    if (typeof v.pipeline !== 'string' || typeof v.seed !== 'number') return undefined;
    return { pipeline: v.pipeline, seed: v.seed, settings: settingsFrom(JSON.stringify(v.settings ?? {})) };
  } catch {
    return undefined;
  }
}

export function saveLabDraft(e: Experiment): void {
  try {
    globalThis.localStorage?.setItem(LAB_DRAFT_KEY, JSON.stringify(e));
  } catch {
    // No storage: the lab still works, without a draft.
  }
}
