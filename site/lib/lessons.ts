/**
 * The lessons in course order, with the numbers and neighbours the pages show.
 * Folder names start with a two-digit order (`03-delivery-guarantees`), so name order is course order.
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

export async function orderedLessons(): Promise<LessonEntry[]> {
  const all = await getCollection('lessons');
  return all.sort((a, b) => a.id.localeCompare(b.id));
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
