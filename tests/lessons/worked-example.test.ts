import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatIssue } from '../../simulator/spec/issues.js';
import { scaffoldExercise } from '../../simulator/authoring/scaffold.js';
import { checkExercise } from '../../simulator/authoring/check-exercise.js';
import { loadExercise } from '../../simulator/exercise/load.js';

/** The exercise AUTHORING.md walks through, run through lessons:check with the real simulator. */
function scaffolded(solutionEdit?: (text: string) => string) {
  const dir = 'lessons/02-beats/exercises/keep-the-queue-on-disk';
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(scaffoldExercise('02-beats', 'keep-the-queue-on-disk'))) files[path.slice(dir.length + 1)] = text;
  if (solutionEdit) files['solution/pipeline.yaml'] = solutionEdit(files['solution/pipeline.yaml']!);
  const r = loadExercise('keep-the-queue-on-disk', '02-beats', files);
  if (!r.ok) throw new Error(r.errors.map(formatIssue).join('\n'));
  return r.exercise;
}

describe('the worked example of AUTHORING.md', () => {
  it('fresh from new:exercise, lessons:check flags it (starter and solution are the same)', () => {
    const problems = checkExercise(scaffolded()).problems.map(formatIssue);
    expect(problems.some((p) => p.includes('the solution fails check `outputs.es.lost == 0`') && p.includes('see lostAt: logstash'))).toBe(true);
  });

  it('with only a persisted queue, the solution still fails', () => {
    const s = checkExercise(scaffolded((t) => t.replace('queue.type: memory', 'queue.type: persisted')));
    expect(s.solutionPassed).toBeLessThan(s.checks);
  });

  it('with the three changes the guide describes, it passes every rule', () => {
    const solution = (t: string) =>
      t
        .replace('queue.type: memory ', 'queue.type: persisted\n    queue.checkpoint.writes: 1\n   ')
        .replace("    bulk_max_size: 50 ", '    processors: [add_id]\n    bulk_max_size: 50 ')
        .replace('elasticsearch: { node: es, index: logs }', 'elasticsearch: { node: es, index: logs, document_id: "%{[@metadata][_id]}" }');
    const s = checkExercise(scaffolded(solution));
    expect(s.problems.map(formatIssue)).toEqual([]);
    expect(s).toMatchObject({ solutionPassed: 2, seedsPassed: 4, starterFailed: 1, deterministic: true });
  });
});

describe('the numbers AUTHORING.md quotes for the worked example', () => {
  it('a persisted queue alone loses 50 and duplicates 50, and the guide says both', () => {
    const s = checkExercise(scaffolded((t) => t.replace('queue.type: memory', 'queue.type: persisted')));
    // The scaffold's checks, in order: outputs.es.lost == 0, outputs.es.duplicated == 0.
    expect(s.solutionChecks.map((c) => c.actual)).toEqual(['50', '50']);
    const guide = readFileSync('AUTHORING.md', 'utf8');
    const claim = guide.split('\n').find((l) => l.includes('`queue.type: persisted` alone')) ?? '';
    expect(claim).toMatch(/loses 50 \*\*and\*\* duplicates 50/);
  });
});
