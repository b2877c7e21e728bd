/**
 * Lesson frontmatter for the content collection, in Astro's Zod (Astro 5 content schemas must
 * use it). It mirrors `lessonFrontmatterSchema` in simulator/exercise/lesson-frontmatter.ts,
 * which lessons:check uses; tests/unit/site/lesson-schema.test.ts keeps the two in agreement.
 */
import { z } from 'astro/zod';

export const lessonFrontmatter = z
  .object({
    title: z.string().min(1).describe('The lesson title, shown as its heading and in the lesson list.'),
    summary: z.string().min(1).describe('One sentence: what the lesson is about, shown under the title.'),
    objectives: z
      .array(z.string().min(1))
      .min(2)
      .max(5)
      .describe('2–5 things the learner will be able to do, each finishing "You will be able to …".'),
    minutes: z.number().positive().describe('Estimated reading plus exercise time, in minutes.'),
    order: z.number().positive().optional().describe('Place of the lesson in the course (a fraction such as 5.5 goes between two others); default: the number its folder starts with.'),
  })
  .strict();

export type LessonFrontmatter = z.output<typeof lessonFrontmatter>;
