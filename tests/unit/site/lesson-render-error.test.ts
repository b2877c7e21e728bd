import { describe, it, expect } from 'vitest';
import { lessonRenderError } from '../../../site/lib/lesson-render-error.js';

describe('a lesson added while astro dev runs', () => {
  it('Astro\'s UnknownContentCollectionError becomes an instruction to restart, naming the lesson', () => {
    const astro = Object.assign(new Error('Unexpected error while rendering lessons → 09-new.'), { name: 'UnknownContentCollectionError' });
    const e = lessonRenderError('09-new', astro);
    expect(e.message).toMatch(/^lesson `09-new` was added while the dev server was running: .*Stop `npm start` \(Ctrl-C\) and start it again/);
    expect(e.cause).toBe(astro);
  });

  it('any other error passes through unchanged', () => {
    const other = new TypeError('boom');
    expect(lessonRenderError('03-kafka', other)).toBe(other);
  });
});
