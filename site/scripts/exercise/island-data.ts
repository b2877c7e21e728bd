/** What Exercise.astro embeds for the island (JSON in a script element), and how files are named. */
import type { Exercise, ExerciseFiles } from '../../../workers/api.js';

export interface IslandData {
  slug: string;
  lessonDir: string;
  /** The exercise folder's files, as collected at build time (for the worker's loadExercise). */
  files: ExerciseFiles;
  exercise: Exercise;
  /** Per check, the reference solution's value of a `cost.*` check (null for other checks), computed at build time. */
  referenceCost?: (string | null)[];
}

export function readIslandData(root: HTMLElement): IslandData | undefined {
  const script = root.querySelector('script[type="application/json"].ex-data');
  try {
    return script?.textContent ? (JSON.parse(script.textContent) as IslandData) : undefined;
  } catch {
    return undefined;
  }
}
