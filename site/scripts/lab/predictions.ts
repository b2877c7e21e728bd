/**
 * Predictions in the Lab (issue 29): a preset experiment may ask what its first run will do
 * before it runs — a number within a tolerance, or one of a few choices — and then puts each
 * answer beside what the run did. The questions reuse the exercise format (simulator/exercise/
 * predict.ts), so the outcome is read from the learner's own run with the same check language;
 * their text is UI text in both languages (site/i18n/{en,ko}/lab-predict.ts). tests/unit/lab/
 * predictions.test.ts runs each preset and proves every `answer` is what that run gives.
 */
import { buildPrediction, type Prediction, type PredictionYaml } from '../../../simulator/exercise/predict.js';
import { t, type MessageKey } from '../../i18n/index.js';

/** One question, its words as message keys (`<prefix>.ask`, `.why`, `.unit`, `.c0`, `.c1`, …). */
type Question = { prefix: string } & ({ number: string; answer: number; tolerance: number; unit?: true } | { choices: string[]; answer: number });

/** Preset id (site/components/lab/Lab.astro) → its questions. Conditions are written to hold if the numbers move a little. */
const QUESTIONS: Readonly<Record<string, readonly Question[]>> = {
  'at-most-once': [
    { prefix: 'lp.amo.lost', number: 'outputs.es.lost', answer: 825, tolerance: 200, unit: true },
    { prefix: 'lp.amo.dup', choices: ['outputs.es.duplicated == 0', 'outputs.es.duplicated > 0'], answer: 0 },
  ],
  'at-least-once': [
    { prefix: 'lp.alo.docs', number: 'outputs.es.documents', answer: 3200, tolerance: 100, unit: true },
    { prefix: 'lp.alo.lost', choices: ['outputs.es.lost == 0', 'outputs.es.lost > 0'], answer: 0 },
  ],
};

const say = (key: string, lang: string) => t(key as MessageKey, undefined, lang);

/** The questions of a preset in the exercise format, in `lang`. */
export function presetPredictionYaml(presetId: string, lang: string): PredictionYaml[] {
  return (QUESTIONS[presetId] ?? []).map((q) => {
    const base = { ask: say(`${q.prefix}.ask`, lang), why: say(`${q.prefix}.why`, lang), from: 'starter' as const };
    if ('number' in q) return { ...base, number: q.number, answer: q.answer, tolerance: q.tolerance, ...(q.unit ? { unit: say(`${q.prefix}.unit`, lang) } : {}) };
    const choices = q.choices.map((when, i) => ({ label: say(`${q.prefix}.c${i}`, lang), when }));
    return { ...base, choices, answer: choices[q.answer]!.label };
  });
}

/** The questions of a preset, ready for the predict form (none for a preset without any). */
export function presetPredictions(presetId: string, lang: string): Prediction[] {
  return presetPredictionYaml(presetId, lang).flatMap((y) => {
    const built = buildPrediction(y);
    return built.ok ? [built.prediction] : [];
  });
}

/** Presets that ask for a prediction. */
export const PREDICTING_PRESETS = Object.keys(QUESTIONS);
