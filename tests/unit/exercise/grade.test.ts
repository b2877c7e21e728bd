/**
 * Robust grading (issue 29): a lucky pipeline — `add_id` instead of `fingerprint` in
 * ids-that-survive-any-restart passes every grading seed, but not a Filebeat restart — is refused
 * with the smallest failing run, which replays in the Lab; lessons:check refuses a family the
 * solution fails or the starter survives; members are spread over the family, mildest first.
 */
import { describe, expect, it } from 'vitest';
import { readTree } from '../../../simulator/authoring/fs-tree.js';
import { checkLessonsStatic } from '../../../simulator/authoring/check-lessons.js';
import { checkExercise } from '../../../simulator/authoring/check-exercise.js';
import { gradeExercise } from '../../../simulator/exercise/grade.js';
import { gradingOf, gradingSchema, membersOf } from '../../../simulator/exercise/grading.js';
import { parseSpec } from '../../../simulator/spec/parse.js';
import { runSync } from '../../../simulator/run/run.js';
import type { Exercise } from '../../../simulator/exercise/types.js';

const exercise = (): Exercise => {
  const found = checkLessonsStatic(readTree(process.cwd(), 'lessons')).exercises.find((e) => e.slug === 'ids-that-survive-any-restart');
  if (!found) throw new Error('ids-that-survive-any-restart is missing');
  return found;
};

/** The obvious first fix: an id per event, made when Filebeat creates it. */
const LUCKY_FILEBEAT = `filebeat.inputs:
  - type: filestream
    id: apache-access
    paths:
      - /var/log/apache2/*access.log*

processors:
  - add_id: ~

output.logstash:
  hosts: ["logstash:5044"]
`;

describe('fault family members', () => {
  it('spread over the window and the down times, mildest first, within the budget', () => {
    const family = gradingSchema.parse({ family: { crash: 'logstash', between: ['10s', '50s'], down: ['1s', '30s'] }, budget: 6 }).family!;
    const members = membersOf(family, 6).map((m) => m.fault);
    expect(members).toEqual([
      { crash: 'logstash', at: 10_000, 'restart-after': 1000 },
      { crash: 'logstash', at: 30_000, 'restart-after': 1000 },
      { crash: 'logstash', at: 50_000, 'restart-after': 1000 },
      { crash: 'logstash', at: 10_000, 'restart-after': 30_000 },
      { crash: 'logstash', at: 30_000, 'restart-after': 30_000 },
      { crash: 'logstash', at: 50_000, 'restart-after': 30_000 },
    ]);
    expect(gradingOf(undefined, 7).seeds).toEqual([7, 8, 9, 10, 11]);
  });
});

describe('grading a lucky pipeline', () => {
  it('refuses it with the smallest failing run, which replays in the Lab with the same schedule', () => {
    const ex = exercise();
    const lucky = { ...ex.solution, 'web1/filebeat.yml': LUCKY_FILEBEAT };
    const report = gradeExercise(ex, lucky);
    if ('errors' in report) throw new Error(report.errors[0]!.message);
    expect(report.seedsPassed).toBe(5);
    expect(report.passed).toBe(false);
    // Mildest member first, on the exercise's own seed, then shrunk to the shortest down time that still fails.
    expect(report.failing).toMatchObject({ seed: ex.seed, fault: { crash: 'web1', at: 2000, 'restart-after': 500 } });
    expect(report.failing!.failed.map((c) => c.name)).toEqual(['No line is indexed twice']);
    // The Lab runs the spec the files compile to, with the member among its faults (on the compiled node id).
    const lab = parseSpec(report.failing!.labPipeline, 'lab.yaml');
    if (!lab.ok) throw new Error(lab.errors[0]!.message);
    expect(lab.spec.faults?.at(-1)).toEqual({ crash: 'filebeat', at: 2000, 'restart-after': 500 });
    expect(runSync(lab.spec, { seed: report.failing!.seed }).result.outputs.es!.duplicated).toBeGreaterThan(0);
    const right = gradeExercise(ex, ex.solution);
    expect('errors' in right ? right.errors : right).toMatchObject({ passed: true, seedsPassed: 5, members: 9, membersPassed: 9 });
  });
});

describe('lessons:check and the fault family', () => {
  it('refuses a solution that fails a member', () => {
    const ex = exercise();
    const problems = checkExercise({ ...ex, solution: { ...ex.solution, 'web1/filebeat.yml': LUCKY_FILEBEAT } }).problems.map((p) => p.message);
    expect(problems).toContainEqual(expect.stringMatching(/^the solution fails under a member of its fault family \(seed 3, crash: web1, at: 2s, restart-after: 500ms\)/));
  });

  it('refuses a family with a member the starter survives', () => {
    const ex = exercise();
    // A runner under which the starter survives restarts late in the run: those members teach nothing.
    const run = (spec: Parameters<typeof runSync>[0], seed: number) => {
      const late = spec.faults?.some((f) => 'crash' in f && f.at >= 8000);
      const result = runSync(late ? { ...spec, faults: [] } : spec, { seed }).result;
      if (late) for (const out of Object.values(result.outputs)) Object.assign(out, { duplicated: 0 });
      return result;
    };
    const problems = checkExercise({ ...ex, grading: { ...ex.grading, budget: 3 } }, { run }).problems.map((p) => p.message);
    expect(problems).toContainEqual(expect.stringContaining('the starter passes every check under a member of its fault family (seed 5, crash: web1, at: 8s, restart-after: 500ms)'));
    expect(problems.filter((m) => m.includes('solution fails'))).toEqual([]);
  });

  it('refuses a family that names a host the exercise does not have', () => {
    const ex = exercise();
    const family = gradingSchema.parse({ family: { crash: 'web9', between: ['2s', '8s'], down: ['1s', '2s'] }, budget: 1 }).family!;
    const problems = checkExercise({ ...ex, grading: { ...ex.grading, family, budget: 1 } }).problems.map((p) => p.message);
    expect(problems).toContainEqual(expect.stringContaining('`grading.family`: with a member of the fault family'));
  });
});
