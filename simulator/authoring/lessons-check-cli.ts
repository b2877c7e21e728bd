/**
 * `npm run lessons:check` — validates every lesson and exercise and proves each exercise
 * works: solution passes (on its 5 grading seeds, and under its fault family), starter fails, runs repeat byte for byte.
 * Prints `file:line:col: message (hint)` per problem and a summary table; exits 1 on any problem.
 *
 *   npm run lessons:check [-- --root <dir>] [--only <slug>] [--no-run] [--jobs N]
 *   LESSONS_I18N=warn npm run lessons:check   (a missing Korean text is a warning, not an error)
 * With more than one exercise and --jobs > 1 (default 2), exercises are split across child processes.
 */
import { spawn } from 'node:child_process';
// Node only: exercises with a job.sql are parsed synchronously (the browser worker loads the parser lazily).
import '../config/flink/sql-runtime-node.js';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { formatIssue, type SpecIssue } from '../spec/issues.js';
import { closest } from '../spec/suggest.js';
import type { Exercise } from '../exercise/types.js';
import { checkLessonsStatic } from './check-lessons.js';
import { checkTranslations, missingSeverity } from './check-i18n.js';
import type { ExerciseStatus } from './check-exercise.js';
import { readTree } from './fs-tree.js';

/** Wall time of the checker itself, for its report (the simulator never reads a clock). */
function elapsedMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
import { summaryTable, type TableRow } from './report-table.js';

interface Args {
  root: string;
  only?: string;
  run: boolean;
  jobs: number;
  /** Internal: a child process checking these slugs, answering in JSON. */
  worker?: string[];
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { root: process.cwd(), run: true, jobs: Math.min(2, availableParallelism()) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--root') args.root = argv[++i] ?? args.root;
    else if (a === '--only') args.only = argv[++i];
    else if (a === '--no-run') args.run = false;
    else if (a === '--jobs') args.jobs = Math.max(1, Number(argv[++i]) || 1);
    else if (a === '--worker') args.worker = (argv[++i] ?? '').split(',').filter(Boolean);
    else {
      console.error(`unknown option ${a}\nusage: npm run lessons:check [-- --root <dir>] [--only <slug>] [--no-run] [--jobs N]`);
      process.exit(2);
    }
  }
  return args;
}

async function runChecks(exercises: readonly Exercise[]): Promise<TableRow[] | { error: string }> {
  let checkExercise: typeof import('./check-exercise.js').checkExercise;
  try {
    ({ checkExercise } = await import('./check-exercise.js'));
  } catch (error) {
    // The simulator is assembled from many modules; if one is missing nothing can run, and every exercise says so.
    return { error: `the simulator cannot be loaded: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
  const rows: TableRow[] = [];
  for (const exercise of exercises) {
    const started = elapsedMs();
    let status: ExerciseStatus;
    try {
      status = checkExercise(exercise);
    } catch (error) {
      status = crashed(exercise, error);
    }
    rows.push({ status, ms: elapsedMs() - started });
  }
  return rows;
}

function crashed(exercise: Exercise, error: unknown): ExerciseStatus {
  const message = error instanceof Error ? `${error.message}${error.stack ? `\n${error.stack.split('\n').slice(1, 4).join('\n')}` : ''}` : String(error);
  return {
    slug: exercise.slug, lesson: exercise.lesson, solutionPassed: 0, seedsPassed: 0, seedsTried: 0, starterFailed: 0, checks: exercise.checks.length,
    deterministic: true, solutionChecks: [], starterChecks: [],
    problems: [{ severity: 'error', file: `${exercise.dir}/solution/${exercise.workspace ? 'world.yaml' : 'pipeline.yaml'}`, line: 1, column: 1, path: '', message: `the simulator crashed running this exercise: ${message}`, hint: 'this is a simulator bug: report it with the spec' }],
  };
}

/** Runs a share of the exercises in a child process (same CLI, `--worker`), reading its JSON answer. */
function runInChild(args: Args, slugs: string[]): Promise<TableRow[] | { error: string }> {
  return new Promise((resolve) => {
    const self = fileURLToPath(import.meta.url);
    const child = spawn(process.execPath, [...process.execArgv, self, '--root', args.root, '--worker', slugs.join(',')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', () => {
      try {
        resolve(JSON.parse(out) as TableRow[] | { error: string });
      } catch {
        resolve({ error: `a lessons:check worker process failed: ${out.slice(0, 200)}` });
      }
    });
  });
}

async function main(): Promise<number> {
  const started = elapsedMs();
  const args = parseArgs(process.argv.slice(2));
  const files = readTree(args.root, 'lessons');
  const report = checkLessonsStatic(files);
  let exercises = report.exercises;
  if (args.worker) {
    const wanted = new Set(args.worker);
    process.stdout.write(JSON.stringify(await runChecks(exercises.filter((e) => wanted.has(e.slug)))));
    return 0;
  }
  // With --only, the author asked about one exercise: other exercises' and lessons' problems are noise.
  const mine = (p: SpecIssue) => !args.only || p.file.includes(`/exercises/${args.only}/`);
  if (args.only) {
    exercises = exercises.filter((e) => e.slug === args.only);
    if (exercises.length === 0) {
      const guess = closest(args.only, report.exercises.map((e) => e.slug));
      console.error(`lessons:check: no exercise "${args.only}" loads${guess ? ` — did you mean "${guess}"?` : ''}`);
      for (const p of report.problems.filter(mine)) console.error(formatIssue(p));
      return 1;
    }
  }
  // Korean text of every lesson and exercise (LESSONS_I18N=warn: a missing one is only a warning).
  const problems: SpecIssue[] = [...report.problems, ...checkTranslations(files, missingSeverity(process.env.LESSONS_I18N))].filter(mine);
  let rows: TableRow[] = [];
  if (args.run && exercises.length > 0) {
    const jobs = Math.min(args.jobs, exercises.length);
    // Children take every other exercise from the second on; this process runs the rest.
    const shares = Array.from({ length: jobs }, (_, j) => exercises.filter((_, i) => i % jobs === j));
    const results = await Promise.all(shares.map((share, j) => (j === 0 ? runChecks(share) : runInChild(args, share.map((e) => e.slug)))));
    for (const r of results) {
      if ('error' in r) problems.push({ severity: 'error', file: 'simulator/run/run.ts', line: 1, column: 1, path: '', message: r.error, hint: 'exercises cannot be run until the simulator builds: check `npm run typecheck`' });
      else rows.push(...r);
    }
    const order = new Map(exercises.map((e, i) => [e.slug, i]));
    rows = rows.sort((a, b) => (order.get(a.status.slug) ?? 0) - (order.get(b.status.slug) ?? 0));
    for (const row of rows) problems.push(...row.status.problems);
  }
  const unique = [...new Map(problems.map((p) => [formatIssue(p), p])).values()];
  for (const p of unique) console.error(formatIssue(p));
  if (unique.length > 0) console.error('');
  if (rows.length > 0) console.log(summaryTable(rows));
  // Warnings (e.g. records still in flight at the end) are printed but do not fail the check.
  const errors = unique.filter((p) => p.severity === 'error').length;
  const warnings = unique.length - errors;
  const ok = errors === 0;
  const counted = `${ok ? 'all good' : `${errors} problem${errors === 1 ? '' : 's'}`}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`;
  console.log(`\n${report.lessons.length} lessons, ${report.exercises.length} exercises${args.run ? `, ${rows.length} run` : ' (not run: --no-run)'}: ${counted} (${((elapsedMs() - started) / 1000).toFixed(1)}s)`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
