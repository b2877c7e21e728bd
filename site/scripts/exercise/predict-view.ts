/**
 * Predictions in the island (issue 29): the questions before the first run — native form
 * controls in fieldsets with legends, so keyboards and screen readers need nothing special, and
 * never a gate: Run works whether or not anything is answered — and, after that run, each answer
 * beside what the run did, in words, with the author's reason when they differ.
 */
import { FATES, agrees, answerOf, type Fate, type Guess, type Outcome, type Prediction } from '../../../simulator/exercise/predict.js';
import { h, richText } from './dom.js';
import { t } from '../../i18n/index.js';
import type { StoredPrediction } from './predict-store.js';

function numberText(p: Prediction, value: string): string {
  return p.kind === 'number' && p.unit ? `${value} ${p.unit}` : value;
}

/** A guess or an outcome in the learner's words. */
export function answerText(p: Prediction, a: Guess | Outcome | null): string {
  if (!a) return t('pr.unknown');
  if (a.kind === 'number') return numberText(p, 'shown' in a ? a.shown : String(a.value));
  if (a.kind === 'fate') return t(`pr.fate.${a.fate}` as const);
  if (p.kind !== 'choice' || a.index < 0) return t('pr.noChoice');
  return p.choices[a.index]?.label ?? t('pr.noChoice');
}

/** The form's heading and first line: the exercise's by default, the Lab's for a preset experiment. */
export interface PredictFormTexts {
  title: string;
  intro: string;
}

/** The questions as a form, before the first run. `onChange` gets every answer as it is given (nothing to submit). */
export function renderPredictForm(host: HTMLElement, idPrefix: string, questions: readonly Prediction[], stored: StoredPrediction, onChange: (next: StoredPrediction) => void, announce: (m: string) => void, texts?: PredictFormTexts): void {
  const guesses = [...stored.guesses];
  const save = () => {
    onChange({ ...stored, guesses: [...guesses], skipped: false });
    announce(t('pr.saved'));
  };
  const fields = questions.map((q, i) => {
    const id = `${idPrefix}-q${i}`;
    const legend = h('legend', {}, richText(q.ask));
    if (q.kind === 'number') {
      const g = guesses[i];
      const input = h('input', { type: 'number', id: `${id}-n`, step: 'any', inputmode: 'decimal', class: 'ex-predict__number', value: g?.kind === 'number' ? String(g.value) : undefined });
      input.addEventListener('change', () => {
        const v = input.value.trim() === '' ? Number.NaN : Number(input.value);
        guesses[i] = Number.isFinite(v) ? { kind: 'number', value: v } : null;
        save();
      });
      return h('fieldset', { class: 'ex-predict__q' }, legend, h('label', { for: input.id }, t('pr.number.label')), ' ', input, q.unit ? h('span', { class: 'ex-predict__unit' }, ` ${q.unit}`) : null);
    }
    const options: { label: string; guess: Guess }[] =
      q.kind === 'choice' ? q.choices.map((c, j) => ({ label: c.label, guess: { kind: 'choice', index: j } })) : FATES.map((f: Fate) => ({ label: t(`pr.fate.${f}` as const), guess: { kind: 'fate', fate: f } }));
    const radios = options.map((o, j) => {
      const g = guesses[i];
      const checked = g !== null && g !== undefined && JSON.stringify(g) === JSON.stringify(o.guess);
      const input = h('input', { type: 'radio', name: id, id: `${id}-${j}`, value: String(j), checked });
      input.addEventListener('change', () => {
        if (!input.checked) return;
        guesses[i] = o.guess;
        save();
      });
      return h('div', { class: 'ex-predict__choice' }, input, ' ', h('label', { for: input.id }, richText(o.label)));
    });
    return h('fieldset', { class: 'ex-predict__q' }, legend, ...radios);
  });
  const skip = h('button', { type: 'button', class: 'ex-predict__skip' }, t('pr.skip'));
  skip.addEventListener('click', () => {
    onChange({ ...stored, guesses: [...guesses], skipped: true });
    host.hidden = true;
    announce(t('pr.skipped'));
  });
  host.replaceChildren(
    h('h3', { class: 'ex-predict__title', id: `${idPrefix}-title` }, texts?.title ?? t('pr.title')),
    h('p', { class: 'ex-note' }, texts?.intro ?? t('pr.intro')),
    ...fields,
    skip,
  );
  host.setAttribute('aria-labelledby', `${idPrefix}-title`);
}

/** Each answer beside what the run did; the author's `why` when they differ and the run is the one the question is about. */
export function renderComparison(host: HTMLElement, questions: readonly Prediction[], stored: StoredPrediction): void {
  const outcomes = stored.outcomes ?? [];
  const items = questions.map((q, i) => {
    const guess = stored.guesses[i] ?? null;
    const outcome = outcomes[i] ?? null;
    const right = guess !== null && agrees(q, guess, outcome ?? undefined);
    // The reason explains the author's run: shown only when this run did what that run does.
    const asWritten = outcome !== null && agrees(q, answerOf(q), outcome);
    const tolerance = q.kind === 'number' && q.tolerance > 0 && guess ? t('pr.within', { value: answerText(q, guess), tolerance: q.tolerance }) : undefined;
    return h(
      'li',
      { class: `ex-predict__result ex-predict__result--${guess === null ? 'none' : right ? 'right' : 'wrong'}` },
      h('p', {}, h('strong', {}, richText(q.ask))),
      h('p', {}, guess === null ? t('pr.noGuess') : t('pr.you', { guess: tolerance ?? answerText(q, guess) })),
      h('p', {}, t('pr.run', { outcome: answerText(q, outcome) }), ' ', guess === null ? '' : h('strong', {}, right ? t('pr.right') : t('pr.wrong'))),
      !right && asWritten ? h('p', { class: 'ex-predict__why' }, richText(t('pr.why', { why: q.why }))) : null,
      !asWritten && stored.changed ? h('p', { class: 'ex-note' }, t('pr.otherRun')) : null,
    );
  });
  host.replaceChildren(h('h3', {}, t('pr.compare.title')), h('ul', { class: 'ex-predict__results' }, ...items));
}
