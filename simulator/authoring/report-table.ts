/** The lessons:check summary table, as plain text columns. */
import type { ExerciseStatus } from './check-exercise.js';

export interface TableRow {
  status: ExerciseStatus;
  ms: number;
}

export function statusWord(s: ExerciseStatus): 'ok' | 'FAIL' {
  // Warnings are advice (records in flight at the end): they do not fail the exercise.
  return s.problems.every((p) => p.severity === 'warning') ? 'ok' : 'FAIL';
}

export function summaryTable(rows: readonly TableRow[]): string {
  const header = ['exercise', 'lesson', 'solution', 'extra seeds', 'starter fails', 'repeatable', 'time', 'status'];
  const body = rows.map(({ status: s, ms }) => [
    s.slug,
    s.lesson,
    `${s.solutionPassed}/${s.checks} pass`,
    `${s.seedsPassed}/${s.seedsTried}`,
    `${s.starterFailed}/${s.checks}`,
    s.deterministic ? 'yes' : 'NO',
    `${(ms / 1000).toFixed(1)}s`,
    statusWord(s),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
