/**
 * The lessons in course order, with the numbers and neighbours the pages show.
 * Course order is the frontmatter's `order`, else the folder's two-digit number (`03-delivery-guarantees`).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { exercisesOfLesson } from './exercise-files.js';

export type LessonEntry = CollectionEntry<'lessons'>;

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
