/**
 * Grading time per exercise (issue 29): what the page's grading worker does after a run passes on
 * the exercise's seed — every grading seed and the searched members of the fault family, stopping at
 * the first failure — timed here in Node for the starter and the solution of every exercise. For the
 * solution the run on the exercise's own seed is not repeated (the page's main run did it); the page
 * adds that main run before grading starts. Target ≤ 3 s click → verdict.
 */
// Node programs provide the Flink SQL parser up front (the browser worker loads it lazily).
import '../../simulator/config/flink/sql-runtime-node.js';
import { readTree } from '../../simulator/authoring/fs-tree.js';
import { checkLessonsStatic } from '../../simulator/authoring/check-lessons.js';
import { gradeExercise } from '../../simulator/exercise/grade.js';

const rows: string[][] = [];
const head = ['exercise', 'seeds', 'family', 'starter', 'solution (what a passing learner waits for)'];
let over = 0;
for (const exercise of checkLessonsStatic(readTree(process.cwd(), 'lessons')).exercises) {
  const cell = (files: Record<string, string>) => {
    const started = performance.now();
    const report = gradeExercise(exercise, files, { ownSeedPassed: files === exercise.solution });
    const ms = performance.now() - started;
    if ('errors' in report) return { ms, text: `does not compile (${report.errors.length} errors)` };
    return { ms, text: `${report.passed ? 'passes' : 'fails'}, ${report.runs} runs, ${Math.round(ms)} ms` };
  };
  const starter = cell(exercise.starter);
  const solution = cell(exercise.solution);
  if (solution.ms > 3000) over++;
  rows.push([exercise.slug, String(exercise.grading.seeds.length), exercise.grading.family ? `${exercise.grading.budget} members` : '—', starter.text, solution.text]);
}
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
console.log(`\n${rows.length} exercises; ${over} of them take over 3 s to grade a passing solution in Node.`);
