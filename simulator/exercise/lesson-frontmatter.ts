/**
 * Lesson frontmatter (`lessons/NN-slug/index.mdx`): the schema the site and lessons:check share.
 */
import { z } from 'zod';
import { readYaml, zodIssueToSpecIssues } from '../spec/parse.js';
import type { SpecIssue } from '../spec/issues.js';

export const lessonFrontmatterSchema = z
  .strictObject({
    title: z.string().min(1).describe('The lesson title.'),
    summary: z.string().min(1).describe('One sentence: what the lesson is about.'),
    objectives: z.array(z.string().min(1)).min(2).max(5).describe('Two to five things "you will be able to …" after the lesson.'),
    minutes: z.number().positive().describe('Estimated reading + exercise time, in minutes.'),
    order: z
      .number()
      .positive()
      .optional()
      .describe('Place of the lesson in the course (1, 2, …; a fraction such as 5.5 puts a lesson between two others without renumbering them); unique. Default: the number its folder starts with (`03-kafka` → 3).'),
  })
  .describe('Frontmatter of a lesson page.');

export type LessonFrontmatter = z.output<typeof lessonFrontmatterSchema>;

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Parses the `---` block at the top of an MDX file; errors carry file:line:col in the MDX. */
export function parseLessonFrontmatter(mdx: string, file: string): { ok: true; frontmatter: LessonFrontmatter; bodyLine: number } | { ok: false; errors: SpecIssue[] } {
  const m = FENCE.exec(mdx);
  if (!m) {
    return { ok: false, errors: [{ severity: 'error', file, line: 1, column: 1, path: '', message: 'missing frontmatter', hint: 'start the file with ---, then title, summary, objectives and minutes, then ---' }] };
  }
  const yaml = m[1]!;
  const read = readYaml(yaml, file);
  // The YAML starts on line 2 of the MDX (after the opening ---).
  const shift = (issues: SpecIssue[]) => issues.map((i) => ({ ...i, line: i.line + 1, ...(i.endLine !== undefined ? { endLine: i.endLine + 1 } : {}) }));
  if (!read.ok) return { ok: false, errors: shift(read.errors) };
  const result = lessonFrontmatterSchema.safeParse(read.data ?? {});
  if (!result.success) return { ok: false, errors: shift(result.error.issues.flatMap((i) => zodIssueToSpecIssues(i, read.data, read.map, lessonFrontmatterSchema))) };
  return { ok: true, frontmatter: result.data, bodyLine: m[0].split('\n').length };
}
