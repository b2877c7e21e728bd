/**
 * Planted lucky solutions (issue 29): for each exercise built around one, the obvious first fix
 * passes the exercise's own run on every grading seed, and the fault family refuses it with a
 * smallest failing run that shows why — while the real solution passes the whole family.
 *
 * - retries-for-the-longest-outage: `retries => 3` outlasts today's 5-minute cut (4 rounds of up
 *   to 2 minutes), not a 10-minute Kafka crash.
 * - checkpoints-that-line-up: a 10 s checkpoint interval has just checkpointed when today's crash
 *   comes at 20.5 s; a crash at 12.5 s replays the window results written since 10 s.
 */
import { describe, expect, it } from 'vitest';
// Node only: job.sql is parsed synchronously (the browser worker loads the parser lazily).
import '../../../simulator/config/flink/sql-runtime-node.js';
import { readTree } from '../../../simulator/authoring/fs-tree.js';
import { checkLessonsStatic } from '../../../simulator/authoring/check-lessons.js';
import { gradeExercise } from '../../../simulator/exercise/grade.js';
import { parseSpec } from '../../../simulator/spec/parse.js';
import { runSync } from '../../../simulator/run/run.js';
import type { Exercise } from '../../../simulator/exercise/types.js';

const exercises = checkLessonsStatic(readTree(process.cwd(), 'lessons')).exercises;

function exercise(slug: string): Exercise {
  const found = exercises.find((e) => e.slug === slug);
  if (!found) throw new Error(`${slug} is missing`);
  return found;
}

/** The starter's files with one text replaced, failing loudly if the text is not there (a stale plant tests nothing). */
function plant(ex: Exercise, path: string, from: string, to: string): Record<string, string> {
  const text = ex.starter[path];
  if (!text?.includes(from)) throw new Error(`${path} has no ${JSON.stringify(from)}`);
  return { ...ex.starter, [path]: text.replace(from, to) };
}

function graded(ex: Exercise, files: Record<string, string>) {
  const report = gradeExercise(ex, files);
  if ('errors' in report) throw new Error(report.errors[0]!.message);
  return report;
}

/** The smallest failing run as the Lab opens it: the compiled spec with the member among its faults. */
function labRun(pipeline: string, seed: number) {
  const lab = parseSpec(pipeline, 'lab.yaml');
  if (!lab.ok) throw new Error(lab.errors[0]!.message);
  return { spec: lab.spec, result: runSync(lab.spec, { seed }).result };
}

describe('retries-for-the-longest-outage', () => {
  const ex = exercise('retries-for-the-longest-outage');

  it('refuses retries => 3: enough for the 5-minute cut on every seed, not for a 10-minute crash', () => {
    const lucky = plant(ex, 'logstash/pipeline/main.conf', 'retries => 1', 'retries => 3');
    const report = graded(ex, lucky);
    expect(report.seedsPassed).toBe(5);
    expect(report.passed).toBe(false);
    // The mildest member already breaks it, and halving its down time (5 minutes, today's cut) would pass.
    expect(report.failing).toMatchObject({ seed: ex.seed, fault: { crash: 'kafka', at: 10_000, 'restart-after': 600_000 } });
    expect(report.failing!.failed.map((c) => c.name)).toEqual(['Every line reaches the index']);
    const { result } = labRun(report.failing!.labPipeline, report.failing!.seed);
    expect(result.outputs.es!.lost).toBeGreaterThan(0);
    // Why: the kafka output gave up after its 4 rounds, while Kafka was still down.
    expect(result.log.some((l) => /exhausted user-configured retry count \(retries: 3, 4 send rounds\)/.test(l.text))).toBe(true);
  });

  it('passes the solution (no retries) on every seed and every member', () => {
    expect(graded(ex, ex.solution)).toMatchObject({ passed: true, seedsPassed: 5, members: 6, membersPassed: 6 });
  });
});

describe('checkpoints-that-line-up', () => {
  const ex = exercise('checkpoints-that-line-up');

  it('refuses a 10 s checkpoint interval: lined up with the crash at 20.5 s, not with one at 12.5 s', () => {
    const lucky = plant(ex, 'counter/config.yaml', 'interval: 1 min', 'interval: 10 s');
    const report = graded(ex, lucky);
    expect(report.seedsPassed).toBe(5);
    expect(report.passed).toBe(false);
    expect(report.failing).toMatchObject({ seed: ex.seed, fault: { crash: 'counter', at: 12_500, 'restart-after': 1000 } });
    expect(report.failing!.failed.map((c) => c.name)).toEqual(['No request is counted twice in the index']);
    const { spec, result } = labRun(report.failing!.labPipeline, report.failing!.seed);
    expect(spec.faults?.at(-1)).toEqual({ crash: 'counter', at: 12_500, 'restart-after': 1000 });
    expect(result.outputs.es!.duplicated).toBeGreaterThan(0);
  });

  it('passes the solution (a document id from the primary key) on every seed and every member', () => {
    expect(graded(ex, ex.solution)).toMatchObject({ passed: true, seedsPassed: 5, members: 6, membersPassed: 6 });
  });
});
