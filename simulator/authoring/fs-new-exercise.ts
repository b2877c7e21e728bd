/**
 * What `npm run new:exercise` does, as a function (Node fs): checks the lesson and slug,
 * writes the scaffold, and returns what to print. The CLI is a thin wrapper; tests call this.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { closest } from '../spec/suggest.js';
import { scaffoldExercise } from './scaffold.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const NEW_EXERCISE_USAGE = 'usage: npm run new:exercise -- <lesson-folder>/<slug>   e.g. npm run new:exercise -- 03-kafka/keep-the-order';

/** Exit code 0 with the lines to print, or 2 with an error message. */
export function newExercise(root: string, target: string | undefined): { code: 0; lines: string[] } | { code: 2; error: string } {
  const parts = target?.replace(/^lessons\//, '').replace(/\/+$/, '').split('/') ?? [];
  if (parts.length !== 2) return { code: 2, error: NEW_EXERCISE_USAGE };
  const [lessonDir, slug] = parts as [string, string];
  const lessonsRoot = join(root, 'lessons');
  const lessons = existsSync(lessonsRoot) ? readdirSync(lessonsRoot).filter((d) => existsSync(join(lessonsRoot, d, 'index.mdx'))) : [];
  if (!lessons.includes(lessonDir)) {
    const guess = closest(lessonDir, lessons);
    return { code: 2, error: `no lesson folder lessons/${lessonDir} with an index.mdx${guess ? ` — did you mean ${guess}?` : lessons.length ? ` (lessons: ${lessons.join(', ')})` : ''}` };
  }
  if (!SLUG.test(slug)) return { code: 2, error: `"${slug}" is not a valid slug: use lowercase words joined by hyphens, e.g. keep-the-order` };
  for (const lesson of lessons) {
    if (existsSync(join(lessonsRoot, lesson, 'exercises', slug))) return { code: 2, error: `an exercise "${slug}" already exists in lessons/${lesson} (slugs are unique across the course)` };
  }
  const lines: string[] = [];
  for (const [path, text] of Object.entries(scaffoldExercise(lessonDir, slug))) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    lines.push(`created ${path}`);
  }
  lines.push(
    '',
    `Paste this into lessons/${lessonDir}/index.mdx where the exercise belongs:`,
    '',
    `  <Exercise slug="${slug}" />`,
    '',
    'Then edit starter/ (what the learner starts from, must FAIL a check) and solution/ (must PASS every check),',
    `and run: npm run lessons:check -- --only ${slug}`,
  );
  return { code: 0, lines };
}
