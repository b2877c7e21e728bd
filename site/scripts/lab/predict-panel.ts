/**
 * The Lab's prediction panel (issue 29): while the pipeline in the editor is a preset that asks
 * questions (predictions.ts), its form shows above the editor until the first run — the exercise
 * island's form and comparison (exercise/predict-view.ts), so keyboard and screen-reader use are
 * the same, and Run is never held back. That run's outcome is read from the run itself and kept
 * per preset (`pipeline-lab:prediction:lab-<preset>`), so a reload shows the comparison again.
 * Loading the preset again starts a fresh prediction.
 */
import { outcomeOf, type Prediction } from '../../../simulator/exercise/predict.js';
import type { RunResult } from '../../../simulator/run/result.js';
import { h } from '../exercise/dom.js';
import { renderComparison, renderPredictForm } from '../exercise/predict-view.js';
import { loadPrediction, savePrediction, type StoredPrediction } from '../exercise/predict-store.js';
import { t, pageLang } from '../../i18n/index.js';
import { presetPredictions } from './predictions.js';

export interface LabPredictPanel {
  /** The form (before the editor). */
  form: HTMLElement;
  /** The comparison (beside the run's results). */
  comparison: HTMLElement;
  /** The editor now holds preset `id` (or no preset: undefined); `fresh` starts a new prediction. */
  follow(id: string | undefined, fresh: boolean): void;
  /** A run finished: the first one after predicting is compared. `edited`: it was not the preset as loaded. */
  ran(result: RunResult, edited: boolean): void;
}

const slugOf = (id: string) => `lab-${id}`;

export function createLabPredictPanel(announce: (m: string) => void): LabPredictPanel {
  const form = h('section', { class: 'ex-predict lab-predict', hidden: true });
  const comparison = h('section', { class: 'ex-predict-compare lab-predict-compare', hidden: true, 'aria-live': 'polite' });
  let preset: string | undefined;
  let questions: Prediction[] = [];
  let stored: StoredPrediction | undefined;

  const show = () => {
    form.hidden = !stored || stored.skipped || stored.ranAt !== undefined;
    const answered = stored?.guesses.some((g) => g !== null) ?? false;
    comparison.hidden = !stored || stored.outcomes === undefined || !answered;
    if (!stored || !preset) return;
    const slug = slugOf(preset);
    if (!form.hidden) {
      renderPredictForm(form, `lab-${preset}-predict`, questions, stored, (next) => savePrediction(slug, (stored = next)), announce, { title: t('lp.heading'), intro: t('lp.intro') });
    }
    if (!comparison.hidden) {
      renderComparison(comparison, questions, stored);
      if (stored.changed) comparison.append(h('p', { class: 'ex-note' }, t('lp.changed')));
    }
  };

  return {
    form,
    comparison,
    follow(id, fresh) {
      preset = id;
      questions = id ? presetPredictions(id, pageLang()) : [];
      if (!id || questions.length === 0) {
        stored = undefined;
        return show();
      }
      stored = (fresh ? undefined : loadPrediction(slugOf(id), questions)) ?? { guesses: questions.map(() => null), skipped: false };
      // A preset loaded again is a new experiment: its earlier prediction and outcome are replaced.
      if (fresh) savePrediction(slugOf(id), stored);
      show();
    },
    ran(result, edited) {
      if (!preset || !stored || stored.ranAt !== undefined || stored.skipped) return;
      const outcomes = questions.map((q) => outcomeOf(q, result) ?? null);
      stored = { ...stored, ranAt: Date.now(), outcomes, ...(edited ? { changed: true } : {}) };
      savePrediction(slugOf(preset), stored);
      show();
    },
  };
}
