/**
 * Groups a flat list of lesson files (Vite's import.meta.glob result in the site, a directory
 * walk in lessons:check) into exercises by slug.
 */
import type { ExerciseFiles } from './types.js';

export interface ExerciseBundle {
  /** The lesson folder name, e.g. `03-delivery-guarantees` (a path for fixtures outside lessons/). */
  lessonDir: string;
  files: ExerciseFiles;
}

/** `…/lessons/03-x/exercises/lose-nothing/starter/pipeline.yaml` → parts; undefined for other paths. */
export function splitExercisePath(path: string): { lessonDir: string; slug: string; file: string } | undefined {
  const parts = path.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  const at = parts.lastIndexOf('exercises', parts.length - 3);
  if (at < 1 || parts.length < at + 3) return undefined;
  const lessonParts = parts.slice(0, at);
  const lessonsAt = lessonParts.lastIndexOf('lessons');
  // Under lessons/ the lesson is its folder name; elsewhere (fixtures) keep the path so messages point at it.
  const lessonDir = lessonsAt >= 0 && lessonsAt === lessonParts.length - 2 ? lessonParts[lessonParts.length - 1]! : lessonParts.join('/');
  return { lessonDir, slug: parts[at + 1]!, file: parts.slice(at + 2).join('/') };
}

/** Every exercise by slug, plus slugs found in more than one lesson (slugs are unique course-wide). */
export function groupExerciseFilesChecked(globResult: Record<string, string>): { exercises: Map<string, ExerciseBundle>; duplicates: Map<string, string[]> } {
  const exercises = new Map<string, ExerciseBundle>();
  const duplicates = new Map<string, string[]>();
  for (const path of Object.keys(globResult).sort()) {
    const split = splitExercisePath(path);
    if (!split) continue;
    const existing = exercises.get(split.slug);
    if (existing && existing.lessonDir !== split.lessonDir) {
      const dirs = duplicates.get(split.slug) ?? [existing.lessonDir];
      if (!dirs.includes(split.lessonDir)) dirs.push(split.lessonDir);
      duplicates.set(split.slug, dirs);
      continue;
    }
    const bundle = existing ?? { lessonDir: split.lessonDir, files: {} };
    bundle.files[split.file] = globResult[path]!;
    exercises.set(split.slug, bundle);
  }
  return { exercises, duplicates };
}

export function groupExerciseFiles(globResult: Record<string, string>): Map<string, ExerciseBundle> {
  return groupExerciseFilesChecked(globResult).exercises;
}
