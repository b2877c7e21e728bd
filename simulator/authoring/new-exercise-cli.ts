/**
 * `npm run new:exercise -- <lesson>/<slug>` — scaffolds a valid exercise and prints the
 * tag to paste into the lesson. Starter and solution are identical at first, so
 * `npm run lessons:check` keeps flagging the exercise until they differ in outcome.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { closest } from '../spec/suggest.js';
import { scaffoldExercise } from './scaffold.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function fail(message: string): never {
  console.error(`new:exercise: ${message}`);
  process.exit(2);
}

function main(): void {
  const argv = process.argv.slice(2);
  let root = process.cwd();
  const rootAt = argv.indexOf('--root');
  if (rootAt >= 0) {
    root = argv[rootAt + 1] ?? root;
    argv.splice(rootAt, 2);
  }
  const target = argv[0]?.replace(/^lessons\//, '').replace(/\/+$/, '');
  const parts = target?.split('/') ?? [];
  if (argv.length !== 1 || parts.length !== 2) fail('usage: npm run new:exercise -- <lesson-folder>/<slug>   e.g. npm run new:exercise -- 03-kafka/keep-the-order');
  const [lessonDir, slug] = parts as [string, string];
  const lessonsRoot = join(root, 'lessons');
  const lessons = existsSync(lessonsRoot) ? readdirSync(lessonsRoot).filter((d) => existsSync(join(lessonsRoot, d, 'index.mdx'))) : [];
  if (!lessons.includes(lessonDir)) {
    const guess = closest(lessonDir, lessons);
    fail(`no lesson folder lessons/${lessonDir} with an index.mdx${guess ? ` — did you mean ${guess}?` : lessons.length ? ` (lessons: ${lessons.join(', ')})` : ''}`);
  }
  if (!SLUG.test(slug)) fail(`"${slug}" is not a valid slug: use lowercase words joined by hyphens, e.g. keep-the-order`);
  for (const lesson of lessons) {
    if (existsSync(join(lessonsRoot, lesson, 'exercises', slug))) fail(`an exercise "${slug}" already exists in lessons/${lesson} (slugs are unique across the course)`);
  }
  const files = scaffoldExercise(lessonDir, slug);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    console.log(`created ${path}`);
  }
  console.log(`\nPaste this into lessons/${lessonDir}/index.mdx where the exercise belongs:\n\n  <Exercise slug="${slug}" />\n`);
  console.log('Then edit starter/ (what the learner starts from, must FAIL a check) and solution/ (must PASS every check),');
  console.log(`and run: npm run lessons:check -- --only ${slug}`);
}

main();
