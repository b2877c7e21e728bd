/**
 * Every workspace exercise's starter and solution are real files: each passes `sim check` on its
 * own (its grammar and settings, config/workspace/check-file.ts) and the folder compiles. Every
 * exercise of lessons 1–8 is a workspace, the Lambda/Kappa comparisons too (Airflow DAG, Spark SQL,
 * Flink SQL and serving.yaml).
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { readTree } from '../../simulator/authoring/fs-tree.js';
import { groupExerciseFiles } from '../../simulator/exercise/bundle.js';
import { loadExercise } from '../../simulator/exercise/load.js';
import { exerciseSpec } from '../../simulator/exercise/exercise-spec.js';
import { checkConfigFile } from '../../simulator/config/workspace/index.js';
import { formatIssue } from '../../simulator/spec/issues.js';

const tree = readTree(process.cwd(), 'lessons');
const exercises = [...groupExerciseFiles(tree)].map(([slug, bundle]) => {
  const loaded = loadExercise(slug, bundle.lessonDir, bundle.files);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatIssue).join('\n'));
  return loaded.exercise;
});

describe('workspace exercises are real files', () => {
  it('every exercise of lessons 1 and 2 is a workspace', () => {
    const early = exercises.filter((e) => /^0[12]-/.test(e.lesson));
    expect(early.length).toBeGreaterThan(0);
    expect(early.filter((e) => !e.workspace).map((e) => e.slug)).toEqual([]);
  });

  it('every exercise of lessons 3 and 4 is a workspace, those comparing Lambda and Kappa too', () => {
    const kafka = exercises.filter((e) => /^0[34]-/.test(e.lesson));
    expect(kafka.length).toBeGreaterThanOrEqual(12); // 12 with retries-for-the-longest-outage and checkpoints-that-line-up; other branches add more
    expect(kafka.filter((e) => !e.workspace).map((e) => e.slug)).toEqual([]);
  });

  it('every exercise of lesson 5 (Flink) is a workspace, its job a job.sql', () => {
    const flink = exercises.filter((e) => e.lesson === '05-flink');
    expect(flink.length).toBe(8);
    expect(flink.filter((e) => !e.workspace).map((e) => e.slug)).toEqual([]);
    for (const e of flink) expect(Object.keys(e.starter).some((p) => p.endsWith('/job.sql')), e.slug).toBe(true);
  });

  it('every exercise of the batch lesson is a workspace whose batch layer is an Airflow DAG file', () => {
    const batch = exercises.filter((e) => e.lesson === '05-batch-in-production');
    expect(batch.map((e) => e.slug).sort()).toEqual(['backfill-completed-counts-twice', 'one-failure-and-the-day-is-stale', 'rerun-appends-the-day', 'the-minute-read-before-its-data', 'the-minute-the-scheduler-skipped']);
    expect(batch.filter((e) => !e.workspace).map((e) => e.slug)).toEqual([]);
    for (const e of batch) expect(Object.keys(e.starter).some((p) => /\/dags\/[^/]+\.py$/.test(p)), e.slug).toBe(true);
  });

  it('the Lambda and Kappa lessons (6–8) are workspaces', () => {
    const lambda = exercises.filter((e) => /^0[678]-/.test(e.lesson));
    expect(lambda.length).toBe(8);
    expect(lambda.filter((e) => !e.workspace).map((e) => e.slug)).toEqual([]);
  });

  for (const e of exercises.filter((x) => x.workspace)) {
    for (const which of ['starter', 'solution'] as const) {
      it(`${e.slug}: every file of ${which}/ passes check, and the folder compiles`, () => {
        for (const [path, text] of Object.entries(e[which])) {
          const problems = checkConfigFile(path, text);
          expect(problems, `${path} is not a file check knows`).toBeDefined();
          expect(problems!.filter((p) => p.severity === 'error').map(formatIssue)).toEqual([]);
        }
        const spec = exerciseSpec(e, e[which], { root: join(e.dir, which) });
        expect(spec.ok ? [] : spec.errors.map(formatIssue)).toEqual([]);
      });
    }
  }
});
