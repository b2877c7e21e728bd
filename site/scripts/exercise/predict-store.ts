/**
 * The learner's prediction, kept with their progress (`pipeline-lab:prediction:<slug>`): the
 * answers, whether they skipped, and — once the first run after predicting has finished — what
 * that run did, so the comparison is shown again after a reload. Read back field by field: a
 * stored guess that no longer fits the question (the exercise changed) is dropped, not trusted.
 */
import { guessFrom, type Guess, type Outcome, type Prediction } from '../../../simulator/exercise/predict.js';
import { STORAGE_PREFIX, readJson, writeJson } from './storage.js';

export interface StoredPrediction {
  guesses: (Guess | null)[];
  skipped: boolean;
  /** Set by the first run after predicting: the answers cannot change after it. */
  ranAt?: number;
  /** What that run did, per question (null: the run could not say). */
  outcomes?: (Outcome | null)[];
  /** That run's files differed from the starter the questions are about. */
  changed?: boolean;
}

export const predictionKey = (slug: string): string => `${STORAGE_PREFIX}prediction:${slug}`;

function outcomeFrom(p: Prediction, v: unknown): Outcome | null {
  if (v === null || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (o['kind'] === 'number' && typeof o['value'] === 'number' && typeof o['shown'] === 'string') return { kind: 'number', value: o['value'], shown: o['shown'] };
  const g = guessFrom(p, o['kind'] === 'choice' ? o : o['kind'] === 'fate' ? o : undefined);
  if (g?.kind === 'fate') return g;
  if (o['kind'] === 'choice' && typeof o['index'] === 'number' && Number.isInteger(o['index']) && o['index'] >= -1) return { kind: 'choice', index: o['index'] };
  return null;
}

export function loadPrediction(slug: string, questions: readonly Prediction[]): StoredPrediction | undefined {
  const v = readJson(predictionKey(slug));
  if (v === null || typeof v !== 'object' || !Array.isArray((v as StoredPrediction).guesses)) return undefined;
  const s = v as Record<string, unknown> & { guesses: unknown[] };
  const outcomes = Array.isArray(s['outcomes']) ? (s['outcomes'] as unknown[]) : undefined;
  return {
    guesses: questions.map((q, i) => guessFrom(q, s.guesses[i]) ?? null),
    skipped: s['skipped'] === true,
    ...(typeof s['ranAt'] === 'number' ? { ranAt: s['ranAt'] } : {}),
    ...(outcomes ? { outcomes: questions.map((q, i) => outcomeFrom(q, outcomes[i])) } : {}),
    ...(s['changed'] === true ? { changed: true } : {}),
  };
}

export function savePrediction(slug: string, p: StoredPrediction): void {
  writeJson(predictionKey(slug), p);
}
