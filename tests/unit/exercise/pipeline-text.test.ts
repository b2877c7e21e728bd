import { describe, it, expect } from 'vitest';
import { parseDocument } from 'yaml';
import { loadExercise } from '../../../simulator/exercise/load.js';
import { lockedFaultsChanged, lockedFaultsWarning, pipelineTextOf } from '../../../simulator/exercise/pipeline-text.js';
import { createSession } from '../../../workers/session.js';
import { groupExerciseFiles, splitExercisePath } from '../../../simulator/exercise/bundle.js';
import type { Exercise } from '../../../simulator/exercise/types.js';

const starter = 'nodes:\n  es: { type: elasticsearch }\nfaults:\n  - { crash: es, at: 5s }\n';

function exercise(faults: 'locked' | 'editable', extra = ''): Exercise {
  const r = loadExercise('x', '01-a', {
    'exercise.yaml': `title: T\ngoal: G\nfaults: ${faults}\nchecks: [outputs.es.lost == 0]\nhints: [a, b]\n${extra}`,
    'starter/pipeline.yaml': starter,
    'solution/pipeline.yaml': starter,
    'starter/notes.md': '# read me',
  });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.exercise;
}

describe('pipelineTextOf', () => {
  it('runs the learner text unchanged when the faults are untouched (error lines stay theirs)', () => {
    const mine = '# my comment\nnodes:\n  es: { type: elasticsearch }\nfaults:\n  - { crash: es, at: 5s }\n';
    expect(pipelineTextOf(exercise('locked', 'readonly: [notes.md]\n'), { 'pipeline.yaml': mine })).toBe(mine);
    expect(lockedFaultsChanged(exercise('locked', 'readonly: [notes.md]\n'), { 'pipeline.yaml': mine })).toBe(false);
  });

  it('puts the starter faults back when they are locked and the learner changed or removed them', () => {
    const e = exercise('locked', 'readonly: [notes.md]\n');
    for (const mine of ['nodes:\n  es: { type: elasticsearch }\n', 'nodes:\n  es: { type: elasticsearch }\nfaults: []\n']) {
      expect(lockedFaultsChanged(e, { 'pipeline.yaml': mine })).toBe(true);
      expect(parseDocument(pipelineTextOf(e, { 'pipeline.yaml': mine })).toJS()).toEqual({ nodes: { es: { type: 'elasticsearch' } }, faults: [{ crash: 'es', at: '5s' }] });
    }
  });

  it('lets the learner change faults when they are editable', () => {
    const mine = 'nodes:\n  es: { type: elasticsearch }\n';
    expect(pipelineTextOf(exercise('editable', 'readonly: [notes.md]\n'), { 'pipeline.yaml': mine })).toBe(mine);
  });

  it('falls back to the starter for a file the learner did not send', () => {
    expect(pipelineTextOf(exercise('locked', 'readonly: [notes.md]\n'), {})).toBe(starter);
  });
});

describe('lockedFaultsWarning', () => {
  const RO = 'readonly: [notes.md]\n';
  const edited = 'nodes:\n  es: { type: elasticsearch }\nfaults:\n  - { crash: es, at: 50s }\n';

  it('points at the learner\'s faults: line when they edit locked faults, and says the run ignores the edit', () => {
    const w = lockedFaultsWarning(exercise('locked', RO), { 'pipeline.yaml': edited });
    expect(w).toMatchObject({ severity: 'warning', file: 'pipeline.yaml', line: 3, column: 1, path: 'faults' });
    expect(w?.message).toMatch(/locks its faults/);
  });

  it('says nothing when the faults are untouched or editable', () => {
    expect(lockedFaultsWarning(exercise('locked', RO), { 'pipeline.yaml': starter })).toBeUndefined();
    expect(lockedFaultsWarning(exercise('editable', RO), { 'pipeline.yaml': edited })).toBeUndefined();
  });

  it('reaches the learner through the worker: as an editor marker and with the run\'s reply', async () => {
    const session = createSession({ yieldToHost: () => Promise.resolve(), wallClock: () => 0 });
    const loaded = await session.load('x', '01-a', {
      'exercise.yaml': 'title: T\ngoal: G\nfaults: locked\nchecks: [outputs.es.lost == 0]\nhints: [a, b]\n',
      'starter/pipeline.yaml': starter,
      'solution/pipeline.yaml': starter,
    });
    expect(loaded.ok).toBe(true);
    const validated = await session.validate(edited, 'pipeline.yaml');
    expect(validated.warnings.map((w) => w.path)).toContain('faults');
    const reply = await session.run({ files: { 'pipeline.yaml': edited }, seed: 1 });
    expect(reply.kind !== 'cancelled' && reply.warnings.map((w) => w.path)).toContain('faults');
  });
});

describe('groupExerciseFiles', () => {
  it('groups glob results by slug, with the lesson folder and exercise-relative paths', () => {
    const groups = groupExerciseFiles({
      '/lessons/03-kafka/exercises/keep-order/exercise.yaml': 'a',
      '/lessons/03-kafka/exercises/keep-order/starter/pipeline.yaml': 'b',
      '/lessons/03-kafka/index.mdx': 'not an exercise file',
      'lessons/04-x/exercises/other/solution/pipeline.yaml': 'c',
    });
    expect([...groups]).toEqual([
      ['keep-order', { lessonDir: '03-kafka', files: { 'exercise.yaml': 'a', 'starter/pipeline.yaml': 'b' } }],
      ['other', { lessonDir: '04-x', files: { 'solution/pipeline.yaml': 'c' } }],
    ]);
  });

  it('keeps the folder path for exercises outside lessons/ (fixtures), so messages point at them', () => {
    expect(splitExercisePath('tests/fixtures/exercises/bad/exercises/x/exercise.yaml')).toEqual({ lessonDir: 'tests/fixtures/exercises/bad', slug: 'x', file: 'exercise.yaml' });
  });
});
