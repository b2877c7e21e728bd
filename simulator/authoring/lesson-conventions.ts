/**
 * What every lesson page has (STYLE / the course's shape): exactly one `## Recap`, at least
 * one `<Callout kind="real-world">`, and at least two exercises. lessons:check says so at the
 * file and line, so a new lesson is held to the same shape without a test naming it.
 */
import type { SpecIssue } from '../spec/issues.js';

const RECAP = /^##\s+Recap\s*$/;
const REAL_WORLD = /<Callout\b[^>]*\bkind\s*=\s*(?:"real-world"|'real-world'|\{\s*["']real-world["']\s*\})/;
export const MIN_EXERCISES = 2;

/** Lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(mdx: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let fenced = false;
  mdx.split(/\r?\n/).forEach((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    else if (!fenced) out.push({ text, line: i + 1 });
  });
  return out;
}

export function lessonConventionProblems(file: string, mdx: string, exerciseCount: number, bodyLine: number): SpecIssue[] {
  const problems: SpecIssue[] = [];
  const problem = (line: number, message: string, hint: string) => problems.push({ severity: 'error', file, line, column: 1, path: '', message, hint });
  const lines = proseLines(mdx);
  const last = mdx.split(/\r?\n/).length;
  const recaps = lines.filter((l) => RECAP.test(l.text));
  if (recaps.length === 0) problem(last, 'the lesson has no `## Recap` section', 'end the lesson with `## Recap`: a few bullets of what the learner can now do');
  for (const extra of recaps.slice(1)) problem(extra.line, `a second \`## Recap\` (the first is on line ${recaps[0]!.line})`, 'a lesson has one recap, at its end');
  if (!lines.some((l) => REAL_WORLD.test(l.text))) {
    problem(recaps[0]?.line ?? last, 'the lesson has no `<Callout kind="real-world">`', 'add one note on how this shows up in production (an incident, a default, a vendor doc), before the recap');
  }
  if (exerciseCount < MIN_EXERCISES) {
    problem(bodyLine, `the lesson has ${exerciseCount} exercise${exerciseCount === 1 ? '' : 's'}; every lesson has at least ${MIN_EXERCISES}`, 'scaffold another with `npm run new:exercise -- <lesson>/<slug>` and place its <Exercise slug="…" /> in the text');
  }
  return problems;
}
