/**
 * The lessons in course order, with the numbers and neighbours the pages show.
 * Course order is the frontmatter's `order`, else the folder's two-digit number (`03-delivery-guarantees`).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { exercisesOfLesson } from './exercise-files.js';

export type LessonEntry = CollectionEntry<'lessons'>;
export type KoreanLessonEntry = CollectionEntry<'lessonsKo'>;

export interface LessonSummary {
  id: string;
  href: string;
  number: number;
  title: string;
  summary: string;
  minutes: number;
  exercises: string[];
}

export function lessonHref(id: string): string {
  return `/lessons/${id}/`;
}

/** A lesson's place: its frontmatter `order`, else the number its folder starts with (lessons:check keeps them unique). */
export function lessonOrder(id: string, order: number | undefined): number {
  return order ?? Number.parseInt(id, 10);
}

export async function orderedLessons(): Promise<LessonEntry[]> {
  const all = await getCollection('lessons');
  return all.sort((a, b) => lessonOrder(a.id, a.data.order) - lessonOrder(b.id, b.data.order) || a.id.localeCompare(b.id));
}

export function summarize(entry: LessonEntry, index: number): LessonSummary {
  return {
    id: entry.id,
    href: lessonHref(entry.id),
    number: index + 1,
    title: entry.data.title,
    summary: entry.data.summary,
    minutes: entry.data.minutes,
    exercises: exercisesOfLesson(entry.id),
  };
}

/** Korean text of each lesson by folder name (`lessons/NN-slug/index.ko.mdx`); a missing one is not translated yet. */
export async function koreanLessons(): Promise<Map<string, KoreanLessonEntry>> {
  return new Map((await getCollection('lessonsKo')).map((e) => [e.id, e]));
}

/** The lesson list in `lang`: Korean titles and summaries where the lesson has them, English otherwise. */
export async function localizedSummaries(lang: string): Promise<(LessonSummary & { translated: boolean })[]> {
  const lessons = await orderedLessons();
  const ko = lang === 'ko' ? await koreanLessons() : undefined;
  return lessons.map((entry, i) => {
    const own = ko?.get(entry.id);
    const base = summarize(entry, i);
    return own ? { ...base, title: own.data.title, summary: own.data.summary, translated: true } : { ...base, translated: lang === 'en' };
  });
}
