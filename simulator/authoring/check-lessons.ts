/**
 * The course-wide part of lessons:check, before any run: lesson folders and frontmatter,
 * `<Exercise slug>` / `<Diagram exercise>` references, every exercise loads and is used,
 * slugs are unique. Pure (takes the files as text), so tests feed it fixtures directly.
 */
import type { SpecIssue } from '../spec/issues.js';
import { closest } from '../spec/suggest.js';
import { groupExerciseFilesChecked } from '../exercise/bundle.js';
import { loadExercise } from '../exercise/load.js';
import { parseLessonFrontmatter, type LessonFrontmatter } from '../exercise/lesson-frontmatter.js';
import type { Exercise } from '../exercise/types.js';
import { lessonConventionProblems } from './lesson-conventions.js';

export interface LessonInfo {
  dir: string;
  file: string;
  /** Place in the course: the frontmatter's `order`, else the folder's number. */
  order: number;
  frontmatter?: LessonFrontmatter;
  /** Slugs used by `<Exercise slug>` in this lesson, in order. */
  exercises: string[];
}

export interface StaticReport {
  lessons: LessonInfo[];
  exercises: Exercise[];
  problems: SpecIssue[];
}

interface TagRef {
  tag: 'Exercise' | 'Diagram';
  slug: string | undefined;
  line: number;
  column: number;
}

const LESSON_DIR = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TAG = /<(Exercise|Diagram)\b([^>]*?)\/?>/g;

/** `<Exercise slug="x" />` and `<Diagram exercise="x" />` outside fenced code blocks, with positions. */
export function findExerciseTags(mdx: string): TagRef[] {
  const refs: TagRef[] = [];
  let fenced = false;
  mdx.split(/\r?\n/).forEach((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    if (fenced) return;
    for (const m of text.matchAll(TAG)) {
      const tag = m[1] as 'Exercise' | 'Diagram';
      const attr = tag === 'Exercise' ? 'slug' : 'exercise';
      const value = new RegExp(`\\b${attr}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|\\{\\s*["'\`]([^"'\`]*)["'\`]\\s*\\})`).exec(m[2] ?? '');
      refs.push({ tag, slug: value ? (value[1] ?? value[2] ?? value[3]) : undefined, line: i + 1, column: (m.index ?? 0) + 1 });
    }
  });
  return refs;
}

export function checkLessonsStatic(files: Record<string, string>): StaticReport {
  const problems: SpecIssue[] = [];
  const problem = (file: string, line: number, column: number, message: string, hint?: string) =>
    problems.push({ severity: 'error', file, line, column, path: '', message, ...(hint ? { hint } : {}) });
  const lessonDirs = new Set<string>();
  for (const path of Object.keys(files)) {
    const m = /^lessons\/([^/]+)\//.exec(path);
    if (m) lessonDirs.add(m[1]!);
  }
  const lessons: LessonInfo[] = [];
  const refs: (TagRef & { file: string })[] = [];
  for (const dir of [...lessonDirs].sort()) {
    const file = `lessons/${dir}/index.mdx`;
    if (!LESSON_DIR.test(dir)) problem(file, 1, 1, `lesson folder \`${dir}\` is not named NN-slug`, 'use a two-digit order and a kebab-case slug, e.g. `04-exactly-once`');
    const mdx = files[file];
    if (mdx === undefined) {
      problem(file, 1, 1, `missing file ${file}`, 'every lesson folder needs an index.mdx with frontmatter (title, summary, objectives, minutes)');
      continue;
    }
    const fm = parseLessonFrontmatter(mdx, file);
    if (!fm.ok) problems.push(...fm.errors);
    const tags = findExerciseTags(mdx);
    for (const t of tags) refs.push({ ...t, file });
    const slugs = tags.filter((t) => t.tag === 'Exercise' && t.slug).map((t) => t.slug!);
    problems.push(...lessonConventionProblems(file, mdx, slugs.length, fm.ok ? fm.bodyLine : 1));
    const order = (fm.ok ? fm.frontmatter.order : undefined) ?? Number.parseInt(dir, 10);
    lessons.push({ dir, file, order, ...(fm.ok ? { frontmatter: fm.frontmatter } : {}), exercises: slugs });
  }
  // Course order comes from `order:` (or the folder number): two lessons in one place is ambiguous.
  lessons.sort((a, b) => a.order - b.order || a.dir.localeCompare(b.dir));
  lessons.forEach((l, i) => {
    const before = lessons[i - 1];
    if (before && before.order === l.order) {
      problem(l.file, 1, 1, `lesson \`${l.dir}\` has the same place in the course (${l.order}) as \`${before.dir}\``, 'give one of them a different `order:` in its frontmatter (or a different folder number)');
    }
  });

  const exerciseFiles: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) if (/^lessons\/[^/]+\/exercises\//.test(path)) exerciseFiles[path] = text;
  const { exercises: bundles, duplicates } = groupExerciseFilesChecked(exerciseFiles);
  for (const [slug, dirs] of duplicates) {
    problem(`lessons/${dirs[1]}/exercises/${slug}/exercise.yaml`, 1, 1, `exercise slug \`${slug}\` is used by more than one lesson (${dirs.join(', ')})`, 'slugs are unique across the course: rename one folder');
  }
  const exercises: Exercise[] = [];
  for (const [slug, bundle] of bundles) {
    const loaded = loadExercise(slug, bundle.lessonDir, bundle.files);
    if (loaded.ok) exercises.push(loaded.exercise);
    else problems.push(...loaded.errors);
  }

  const known = [...bundles.keys()];
  const used = new Set<string>();
  for (const ref of refs) {
    const attr = ref.tag === 'Exercise' ? 'slug' : 'exercise';
    if (ref.slug === undefined) {
      problem(ref.file, ref.line, ref.column, `<${ref.tag}> without a \`${attr}\` attribute`, `write <${ref.tag} ${attr}="…" />`);
      continue;
    }
    if (ref.tag === 'Exercise') used.add(ref.slug);
    if (!bundles.has(ref.slug)) {
      const guess = closest(ref.slug, known);
      problem(ref.file, ref.line, ref.column, `<${ref.tag} ${attr}="${ref.slug}"> names no exercise`, guess ? `did you mean "${guess}"?` : `create it with \`npm run new:exercise -- ${ref.file.split('/')[1]}/${ref.slug}\``);
    }
  }
  for (const [slug, bundle] of bundles) {
    if (used.has(slug)) continue;
    const file = `lessons/${bundle.lessonDir}/exercises/${slug}/exercise.yaml`;
    problem(file, 1, 1, `exercise \`${slug}\` is not used by any lesson`, `paste <Exercise slug="${slug}" /> into lessons/${bundle.lessonDir}/index.mdx, or delete the folder`);
  }
  return { lessons, exercises, problems };
}
