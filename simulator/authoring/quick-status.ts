/**
 * A quick status of one exercise for the dev authoring page: does it load, does the solution
 * pass, does the starter fail (one run each; `lessons:check` adds repeats and extra seeds).
 * Results are cached by the files' content, so a page reload re-runs only what changed.
 */
import type { CheckResult } from '../run/result.js';
import { formatIssue } from '../spec/issues.js';
import { loadExercise } from '../exercise/load.js';
import { runExercise } from '../exercise/run-exercise.js';

export interface QuickStatus {
  slug: string;
  lesson: string;
  title: string;
  /** `ok`: solution passes and starter fails; `problem`: anything else. */
  verdict: 'ok' | 'problem';
  problems: string[];
  solution: CheckResult[];
  starter: CheckResult[];
}

const cache = new Map<string, QuickStatus>();

function fingerprint(slug: string, files: Record<string, string>): string {
  // FNV-1a over names and contents: cheap, and equal files give equal keys.
  let h = 0x811c9dc5;
  for (const [name, text] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const s of [name, '\u0000', text, '\u0001']) {
      for (let i = 0; i < s.length; i++) {
        h ^= s.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
      }
    }
  }
  return `${slug}:${h.toString(16)}`;
}

export function quickStatus(slug: string, lessonDir: string, files: Record<string, string>): QuickStatus {
  const key = fingerprint(slug, files);
  const hit = cache.get(key);
  if (hit) return hit;
  const status: QuickStatus = { slug, lesson: lessonDir, title: slug, verdict: 'problem', problems: [], solution: [], starter: [] };
  const loaded = loadExercise(slug, lessonDir, files);
  if (!loaded.ok) {
    status.problems = loaded.errors.map(formatIssue);
  } else {
    const e = loaded.exercise;
    status.title = e.title;
    for (const which of ['solution', 'starter'] as const) {
      try {
        const run = runExercise(e, e[which], e.workspace ? { root: `${e.dir}/${which}` } : { file: `${e.dir}/${which}/pipeline.yaml` });
        if ('errors' in run) status.problems.push(...run.errors.map(formatIssue));
        else status[which] = run.result.checks ?? [];
      } catch (error) {
        status.problems.push(`${e.dir}/${which}/${e.workspace ? 'world.yaml' : 'pipeline.yaml'}: the simulator crashed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const solutionPasses = status.solution.length > 0 && status.solution.every((c) => c.pass);
    const starterFails = status.starter.some((c) => !c.pass);
    if (status.problems.length === 0 && !solutionPasses) status.problems.push('the solution fails a check');
    if (status.problems.length === 0 && !starterFails) status.problems.push('the starter passes every check');
    status.verdict = status.problems.length === 0 ? 'ok' : 'problem';
  }
  cache.set(key, status);
  return status;
}
