/**
 * Strings of the dev-only authoring page. It is an instructor tool that never ships to
 * learners, so its strings live beside it rather than in the learner-facing dictionaries.
 */
export const strings = {
  title: 'Authoring: exercise status',
  intro: 'Every exercise of the course, with its solution and starter run once each on the exercise seed. A good exercise has a solution that passes every check and a starter that fails at least one. For the full verdict (repeat runs, extra seeds, lesson references) run `npm run lessons:check`.',
  productionNote: 'This page is a development tool for instructors. Run `npm start` and open /authoring/ to see the status of every exercise; see AUTHORING.md.',
  exercise: 'Exercise',
  lesson: 'Lesson',
  solution: 'Solution',
  starter: 'Starter',
  status: 'Status',
  ok: 'ok',
  problem: 'problem',
  passes: '{n}/{total} checks pass',
  summary: '{ok} of {total} exercises ok',
  open: 'open lesson',
  checkPass: 'pass',
  checkFail: 'fail',
} as const;

export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
