/** The first lesson that has an exercise, and that exercise: the browser benches host their runs in its island. */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function firstExercise(): { lesson: string; slug: string } {
  const dir = fileURLToPath(new URL('../../lessons/', import.meta.url));
  for (const lesson of readdirSync(dir).filter((d) => /^\d\d-/.test(d)).sort()) {
    const ex = `${dir}${lesson}/exercises`;
    const slug = existsSync(ex) ? readdirSync(ex).sort()[0] : undefined;
    if (slug) return { lesson, slug };
  }
  throw new Error('no lesson has an exercise to host the run');
}
