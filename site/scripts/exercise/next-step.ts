/**
 * Where a learner goes after passing an exercise: the next exercise further down the same
 * lesson, or else the lesson's "next" link at its foot (LessonNav's rel="next").
 */
export interface NextStep {
  kind: 'exercise' | 'lesson';
  href: string;
  title: string;
}

export function nextStep(root: HTMLElement): NextStep | undefined {
  const all = [...document.querySelectorAll<HTMLElement>('pipeline-exercise')];
  const after = all[all.indexOf(root) + 1];
  const heading = after?.querySelector<HTMLElement>('.ex-title');
  if (heading?.id) return { kind: 'exercise', href: `#${heading.id}`, title: heading.textContent?.trim() ?? '' };
  const link = document.querySelector<HTMLAnchorElement>('a[rel="next"]');
  if (link) return { kind: 'lesson', href: link.href, title: link.querySelector('.lesson-nav__title')?.textContent?.trim() ?? link.textContent?.trim() ?? '' };
  return undefined;
}
