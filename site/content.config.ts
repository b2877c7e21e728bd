/**
 * The lessons collection (Astro content layer): `lessons/NN-slug/index.mdx`, one entry per
 * lesson folder. The entry id is the folder name, which is also the page URL
 * (`/lessons/03-delivery-guarantees/`) and sorts in course order.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonFrontmatter } from './lib/lesson-schema.js';

const lessons = defineCollection({
  loader: glob({
    pattern: '[0-9][0-9]-*/index.mdx',
    base: './lessons',
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: lessonFrontmatter,
});

/**
 * The Korean text of each lesson, `lessons/NN-slug/index.ko.mdx`, under the same id (folder
 * name). A lesson without one is shown in English on its Korean page, with a note.
 */
const lessonsKo = defineCollection({
  loader: glob({
    pattern: '[0-9][0-9]-*/index.ko.mdx',
    base: './lessons',
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: lessonFrontmatter,
});

export const collections = { lessons, lessonsKo };
