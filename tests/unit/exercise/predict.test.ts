/**
 * Predictions (issue 29): questions load from exercise.yaml, outcomes are read from the run, a
 * guess is compared within its tolerance, lessons:check refuses a stale answer, and the page's
 * store keeps a prediction with the learner's progress.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTree } from '../../../simulator/authoring/fs-tree.js';
import { checkLessonsStatic } from '../../../simulator/authoring/check-lessons.js';
import { checkExercise } from '../../../simulator/authoring/check-exercise.js';
import { loadExercise } from '../../../simulator/exercise/load.js';
import { localizeExercise } from '../../../simulator/exercise/localize.js';
import { agrees, answerOf, buildPrediction, outcomeOf, predictionSchema, type Prediction } from '../../../simulator/exercise/predict.js';
import { predictionOutcomes } from '../../../simulator/exercise/predict-run.js';
import type { Exercise } from '../../../simulator/exercise/types.js';
import { loadPrediction, predictionKey, savePrediction } from '../../../site/scripts/exercise/predict-store.js';
import { fakeResult, ledger } from './support.js';

const PIPELINE = `name: tiny
duration: 5s
workload: { rate: 20/s }
nodes:
  filebeat: { type: beats, output: es }
  es: { type: elasticsearch }
`;

function question(y: unknown): Prediction {
  const built = buildPrediction(predictionSchema.parse(y));
  if (!built.ok) throw new Error(built.message);
  return built.prediction;
}

const lessons = () => checkLessonsStatic(readTree(process.cwd(), 'lessons')).exercises;
const exerciseOf = (slug: string): Exercise => {
  const found = lessons().find((e) => e.slug === slug);
  if (!found) throw new Error(`no exercise ${slug}`);
  return found;
};

describe('prediction questions', () => {
  it('load from exercise.yaml, with a located error for an answer that is no choice', () => {
    const yaml = (answer: string) => `title: t\ngoal: g\nchecks: [outputs.es.lost == 0]\nhints: [a, b]\npredict:\n  - ask: Lost?\n    choices:\n      - { label: none, when: outputs.es.lost == 0 }\n      - { label: some, when: outputs.es.lost > 0 }\n    answer: ${answer}\n    why: because\n`;
    const good = loadExercise('x', 'tests/fixtures/none', { 'exercise.yaml': yaml('none'), 'starter/pipeline.yaml': PIPELINE, 'solution/pipeline.yaml': PIPELINE });
    expect(good.ok && good.exercise.predictions?.[0]).toMatchObject({ kind: 'choice', answer: 0, from: 'starter' });
    const bad = loadExercise('x', 'tests/fixtures/none', { 'exercise.yaml': yaml('all'), 'starter/pipeline.yaml': PIPELINE, 'solution/pipeline.yaml': PIPELINE });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatchObject({ line: 10, message: expect.stringContaining('`answer: all` is not the label of a choice') });
  });

  it('read their outcome from the run and compare a guess within the tolerance', () => {
    const q = question({ ask: 'How many lost?', number: 'outputs.es.lost', answer: 40, tolerance: 5, why: 'w' });
    const outcome = outcomeOf(q, fakeResult({ outputs: { es: ledger({ lost: 43 }) } }));
    expect(outcome).toEqual({ kind: 'number', value: 43, shown: '43' });
    expect(agrees(q, { kind: 'number', value: 48 }, outcome)).toBe(true);
    expect(agrees(q, { kind: 'number', value: 49 }, outcome)).toBe(false);
    expect(agrees(q, answerOf(q), outcome)).toBe(true);
    const choice = question({ ask: 'Which?', choices: [{ label: 'none', when: 'outputs.es.lost == 0' }, { label: 'some', when: 'outputs.es.lost > 0' }], answer: 'some', why: 'w' });
    expect(outcomeOf(choice, fakeResult({ outputs: { es: ledger({ lost: 3 }) } }))).toEqual({ kind: 'choice', index: 1 });
    expect(outcomeOf(choice, fakeResult({ outputs: { other: ledger() } }))).toEqual({ kind: 'choice', index: -1 });
  });

  it('ask a record its fate from the ledger of the run', () => {
    const exercise = { ...exerciseOf('ids-that-survive-any-restart'), predictions: [question({ ask: 'Line 51 of access-1.log?', fate: { record: 'access-1.log:51', output: 'es' }, answer: 'duplicated', why: 'w' })] };
    expect(predictionOutcomes(exercise, exercise.starter)).toEqual({ outcomes: [{ kind: 'fate', fate: 'duplicated' }] });
    expect(predictionOutcomes(exercise, exercise.solution)).toEqual({ outcomes: [{ kind: 'fate', fate: 'exactlyOnce' }] });
  });

  it('lessons:check refuses an answer the run does not give, and accepts the one it does', () => {
    const base = { ...exerciseOf('ids-that-survive-any-restart'), grading: { seeds: [3, 4, 5, 6, 7], budget: 1 } };
    const ask = (answer: number) => ({ ...base, predictions: [question({ ask: 'How many lines twice?', number: 'outputs.es.duplicated', answer, why: 'w' })] });
    const stale = checkExercise(ask(100)).problems.map((p) => p.message);
    expect(stale).toContainEqual(expect.stringContaining("`answer` is stale — the starter's run gives 799"));
    expect(checkExercise(ask(799)).problems.filter((p) => p.message.includes('prediction'))).toEqual([]);
  });

  it('Korean text replaces the question, its reason and its labels, never the answer', () => {
    const ex = exerciseOf('survive-a-logstash-crash');
    const files = readTree(process.cwd(), 'lessons');
    const own: Record<string, string> = {};
    for (const [path, text] of Object.entries(files)) if (path.includes('/survive-a-logstash-crash/')) own[path.slice(path.indexOf('/survive-a-logstash-crash/') + '/survive-a-logstash-crash/'.length)] = text;
    const ko = localizeExercise(ex, own, 'ko');
    const q = ko.exercise.predictions?.[0];
    expect(ko.translated).toBe(true);
    expect(q?.kind === 'choice' && q.choices[1]?.label).toBe('일부는 영영 유실된다');
    expect(q?.kind === 'choice' && q.answer).toBe(ex.predictions?.[0]?.kind === 'choice' ? ex.predictions[0].answer : -1);
  });
});

describe('the stored prediction', () => {
  const items = new Map<string, string>();
  beforeEach(() => {
    items.clear();
    Object.assign(globalThis, { localStorage: { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) } });
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('keeps the answers and what the first run did, and drops a guess that no longer fits its question', () => {
    const qs = [question({ ask: 'n?', number: 'outputs.es.lost', answer: 1, why: 'w' }), question({ ask: 'c?', choices: [{ label: 'a', when: 'outputs.es.lost == 0' }, { label: 'b', when: 'outputs.es.lost > 0' }], answer: 'b', why: 'w' })];
    savePrediction('ex', { guesses: [{ kind: 'number', value: 12 }, { kind: 'choice', index: 1 }], skipped: false, ranAt: 5, outcomes: [{ kind: 'number', value: 0, shown: '0' }, { kind: 'choice', index: 0 }] });
    expect(loadPrediction('ex', qs)).toEqual({ guesses: [{ kind: 'number', value: 12 }, { kind: 'choice', index: 1 }], skipped: false, ranAt: 5, outcomes: [{ kind: 'number', value: 0, shown: '0' }, { kind: 'choice', index: 0 }] });
    items.set(predictionKey('ex'), JSON.stringify({ guesses: [{ kind: 'choice', index: 0 }, { kind: 'choice', index: 7 }], skipped: true }));
    expect(loadPrediction('ex', qs)).toEqual({ guesses: [null, null], skipped: true });
    items.set(predictionKey('ex'), 'not json');
    expect(loadPrediction('ex', qs)).toBeUndefined();
  });
});
