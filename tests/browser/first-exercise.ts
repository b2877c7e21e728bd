/**
 * The course's first exercise (the first lesson with exercises, its first folder by name), which the exercise
 * island's browser tests drive: its lesson, slug, own seed, the first file the learner edits (a real file of
 * its workspace) with its starter and solution text, and whether it has a Korean translation.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const lessonsDir = fileURLToPath(new URL('../../lessons/', import.meta.url));

export interface FirstExercise {
  lesson: string;
  slug: string;
  seed: number;
  /** The first editable file, by its path in the workspace (the editor's first tab). */
  file: string;
  starter: string;
  solution: string;
  translated: boolean;
}

function find(): FirstExercise | undefined {
  if (!existsSync(lessonsDir)) return undefined;
  for (const lesson of readdirSync(lessonsDir).filter((d) => /^\d\d-/.test(d)).sort()) {
    const exercises = `${lessonsDir}${lesson}/exercises`;
    const slug = existsSync(exercises) ? readdirSync(exercises).sort()[0] : undefined;
    if (!slug) continue;
    const dir = `${exercises}/${slug}`;
    const meta = parse(readFileSync(`${dir}/exercise.yaml`, 'utf8')) as { seed?: number; editable: string[] };
    const file = meta.editable[0]!;
    return {
      lesson,
      slug,
      seed: meta.seed ?? 1,
      file,
      starter: readFileSync(`${dir}/starter/${file}`, 'utf8'),
      solution: readFileSync(`${dir}/solution/${file}`, 'utf8'),
      translated: existsSync(`${dir}/exercise.ko.yaml`),
    };
  }
  return undefined;
}

export const firstExercise = find();
