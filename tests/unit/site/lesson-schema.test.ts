import { describe, it, expect } from 'vitest';
import { lessonFrontmatter } from '../../../site/lib/lesson-schema.js';
import { lessonFrontmatterSchema } from '../../../simulator/exercise/lesson-frontmatter.js';

const good = { title: 'Kafka', summary: 'A log.', objectives: ['read a log', 'replay it'], minutes: 40 };
const samples: [string, unknown][] = [
  ['complete', good],
  ['fractional minutes', { ...good, minutes: 7.5 }],
  ['one objective', { ...good, objectives: ['only one'] }],
  ['six objectives', { ...good, objectives: ['a', 'b', 'c', 'd', 'e', 'f'] }],
  ['empty objective', { ...good, objectives: ['a', ''] }],
  ['zero minutes', { ...good, minutes: 0 }],
  ['minutes as text', { ...good, minutes: '40' }],
  ['missing summary', { title: 'x', objectives: ['a', 'b'], minutes: 3 }],
  ['empty title', { ...good, title: '' }],
  ['unknown key (a typo)', { ...good, objective: ['a', 'b'] }],
  ['an order', { ...good, order: 3 }],
  ['a fractional order', { ...good, order: 2.5 }],
  ['order zero', { ...good, order: 0 }],
];

describe('lesson frontmatter: the site collection and lessons:check agree', () => {
  it.each(samples)('%s', (_name, data) => {
    const site = lessonFrontmatter.safeParse(data).success;
    const check = lessonFrontmatterSchema.safeParse(data).success;
    expect(site).toBe(check);
  });

  it('accepts the pinned fields and rejects anything else', () => {
    expect(lessonFrontmatter.safeParse(good).success).toBe(true);
    expect(lessonFrontmatter.safeParse({ ...good, draft: true }).success).toBe(false);
  });
});
