import { describe, it, expect } from 'vitest';
import { formatIssue } from '../../simulator/spec/issues.js';
import { checkLessonsStatic } from '../../simulator/authoring/check-lessons.js';
import { scaffoldExercise } from '../../simulator/authoring/scaffold.js';

/** The shape every lesson has, checked by lessons:check (it was only in a browser test with a list of eight lessons). */
const FM = (extra = '') => `---\ntitle: T\nsummary: S.\nobjectives: [a, b]\nminutes: 10\n${extra}---\n\nProse.\n\n`;
const GOOD_BODY = '<Exercise slug="one" />\n\n<Exercise slug="two" />\n\n<Callout kind="real-world">In production…</Callout>\n\n## Recap\n\n- done\n';

function course(lessons: Record<string, string>): string[] {
  const files: Record<string, string> = {};
  for (const [dir, mdx] of Object.entries(lessons)) {
    files[`lessons/${dir}/index.mdx`] = mdx;
    for (const slug of [...mdx.matchAll(/<Exercise slug="([^"]+)"/g)].map((m) => m[1]!)) {
      for (const [path, text] of Object.entries(scaffoldExercise(dir, slug))) files[path] = text;
    }
  }
  return checkLessonsStatic(files).problems.map(formatIssue);
}

describe('lesson conventions in lessons:check', () => {
  it('a lesson with two exercises, a real-world note and one recap is fine, whatever its number', () => {
    expect(course({ '09-new-lesson': FM() + GOOD_BODY })).toEqual([]);
  });

  it('no recap, no real-world note, one exercise: each located', () => {
    expect(course({ '09-new': `${FM()}<Exercise slug="one" />\n` })).toEqual([
      'lessons/09-new/index.mdx:11:1: the lesson has no `## Recap` section (end the lesson with `## Recap`: a few bullets of what the learner can now do)',
      'lessons/09-new/index.mdx:11:1: the lesson has no `<Callout kind="real-world">` (add one note on how this shows up in production (an incident, a default, a vendor doc), before the recap)',
      'lessons/09-new/index.mdx:7:1: the lesson has 1 exercise; every lesson has at least 2 (scaffold another with `npm run new:exercise -- <lesson>/<slug>` and place its <Exercise slug="…" /> in the text)',
    ]);
  });

  it('a second recap is reported where it is; a recap inside a code block does not count', () => {
    expect(course({ '09-new': `${FM()}${GOOD_BODY}\n## Recap\n` })).toEqual(['lessons/09-new/index.mdx:20:1: a second `## Recap` (the first is on line 16) (a lesson has one recap, at its end)']);
    expect(course({ '09-new': `${FM()}${GOOD_BODY}\n\`\`\`md\n## Recap\n\`\`\`\n` })).toEqual([]);
  });

  it('course order comes from `order:` in the frontmatter, else the folder number; two lessons in one place are refused', () => {
    const files = { '01-b': FM('order: 2\n') + GOOD_BODY.replace(/one|two/g, (s) => `b-${s}`), '02-a': FM('order: 1\n') + GOOD_BODY.replace(/one|two/g, (s) => `a-${s}`) };
    const fileTree: Record<string, string> = {};
    for (const [dir, mdx] of Object.entries(files)) {
      fileTree[`lessons/${dir}/index.mdx`] = mdx;
      for (const slug of [...mdx.matchAll(/<Exercise slug="([^"]+)"/g)].map((m) => m[1]!)) Object.assign(fileTree, scaffoldExercise(dir, slug));
    }
    expect(checkLessonsStatic(fileTree).lessons.map((l) => [l.dir, l.order])).toEqual([['02-a', 1], ['01-b', 2]]);
    expect(course({ '03-x': FM() + GOOD_BODY.replace(/one|two/g, (s) => `x-${s}`), '07-y': FM('order: 3\n') + GOOD_BODY.replace(/one|two/g, (s) => `y-${s}`) })).toEqual([
      'lessons/07-y/index.mdx:1:1: lesson `07-y` has the same place in the course (3) as `03-x` (give one of them a different `order:` in its frontmatter (or a different folder number))',
    ]);
  });
});
