/**
 * The Lab's prediction questions (issue 29): every preset that asks one is run as the Lab runs it
 * (its own seed), and each question's `answer` must be what that run gives — as lessons:check
 * proves for exercises — in both languages, so no question goes stale when the simulator changes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agrees, answerOf, outcomeOf } from '../../../simulator/exercise/predict.js';
import { parseSpec } from '../../../simulator/spec/parse.js';
import { runSync } from '../../../simulator/run/run.js';
import { PREDICTING_PRESETS, presetPredictionYaml, presetPredictions } from '../../../site/scripts/lab/predictions.js';

/** Preset id → example file, as the Lab's page lists them. */
const presetFiles = new Map([...readFileSync('site/components/lab/Lab.astro', 'utf8').matchAll(/\{ id: '([^']+)', file: '([^']+)' \}/g)].map((m) => [m[1]!, m[2]!]));

describe('Lab predictions', () => {
  it.each(PREDICTING_PRESETS)('%s: every answer is what the preset’s own run gives', (id) => {
    const file = presetFiles.get(id);
    expect(file, `${id} is not a preset of the Lab`).toBeDefined();
    const parsed = parseSpec(readFileSync(`examples/${file}`, 'utf8'), file!);
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    const { result } = runSync(parsed.spec, { seed: parsed.spec.seed ?? 1 });
    for (const lang of ['en', 'ko']) {
      const questions = presetPredictions(id, lang);
      expect(questions).toHaveLength(presetPredictionYaml(id, lang).length);
      for (const q of questions) expect(agrees(q, answerOf(q), outcomeOf(q, result)), `${lang}: ${q.ask}`).toBe(true);
    }
  });

  it('asks in Korean on a Korean page, with the same choices', () => {
    for (const id of PREDICTING_PRESETS) {
      const [en, ko] = [presetPredictions(id, 'en'), presetPredictions(id, 'ko')];
      expect(ko.map((q) => q.kind)).toEqual(en.map((q) => q.kind));
      ko.forEach((q, i) => expect(q.ask).not.toBe(en[i]!.ask));
    }
  });
});
