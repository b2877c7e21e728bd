/**
 * An incident exercise's panel (issue #30): the symptom and the alert that paged, then one
 * question — what caused it? — answered with a radio group before the ledger opens. The island
 * keeps the ground truth (ledger, diagram counts, verdict) closed until `answered` turns true,
 * so the learner works from what an operator sees: metrics, the terminal, the logs.
 */
import { h, richText } from './dom.js';
import { t } from '../../i18n/index.js';
import { loadDiagnosis, saveDiagnosis } from './storage.js';
import type { Incident } from '../../../simulator/exercise/types.js';

export interface IncidentPanel {
  /** True once the learner has named a cause (now or on an earlier visit). */
  readonly answered: boolean;
  /** A run has finished: the incident has been replayed, so it may be diagnosed. */
  ranOnce(): void;
}

export function createIncidentPanel(host: HTMLElement, slug: string, incident: Incident, onAnswered: (answered: boolean) => void): IncidentPanel {
  const name = `inc-${slug}`;
  let chosen = loadDiagnosis(slug, incident.causes.length);
  let ran = false;
  const status = h('p', { class: 'ex-inc__status', role: 'status', 'aria-live': 'polite' });
  const options = incident.causes.map((cause, i) =>
    h('label', { class: 'ex-inc__cause' }, h('input', { type: 'radio', name, value: String(i) }), ' ', richText(cause.text)),
  );
  const submit = h('button', { type: 'button', class: 'ex-primary' }, t('inc.submit'));
  const again = h('button', { type: 'button', hidden: true }, t('inc.again'));
  // Announced when it appears: the answer, not a copy of it in the status line.
  const answer = h('div', { class: 'ex-inc__answer', hidden: true, 'aria-live': 'polite' });
  const form = h('fieldset', { class: 'ex-inc__question' }, h('legend', {}, richText(incident.question)), ...options, h('div', { class: 'ex-inc__actions' }, submit, again));

  const paragraphs = incident.symptom.split(/\n\s*\n/).map((p) => h('p', {}, richText(p.replace(/\s*\n\s*/g, ' '))));
  host.replaceChildren(
    h('h3', { class: 'ex-inc__title' }, t('inc.title')),
    h('div', { class: 'ex-inc__symptom' }, ...paragraphs),
    ...(incident.alert ? [h('p', { class: 'ex-inc__alert' }, t('inc.alert'), ' ', h('code', {}, incident.alert))] : []),
    h('p', { class: 'ex-note' }, richText(t('inc.investigate'))),
    form,
    status,
    answer,
  );

  const inputs = () => [...form.querySelectorAll<HTMLInputElement>('input[type=radio]')];
  const render = () => {
    const done = chosen !== undefined;
    for (const input of inputs()) {
      input.checked = done && Number(input.value) === chosen;
      input.disabled = done;
    }
    submit.hidden = done;
    again.hidden = !done;
    answer.hidden = !done;
    if (done) {
      const mine = incident.causes[chosen!]!;
      const right = incident.causes.find((c) => c.correct)!;
      answer.replaceChildren(
        h('p', { class: mine.correct ? 'ex-verdict ex-verdict--pass' : 'ex-verdict ex-verdict--fail' }, richText(t(mine.correct ? 'inc.right' : 'inc.wrong', { cause: mine.text }))),
        h('p', {}, richText(mine.why)),
        ...(mine.correct ? [] : [h('p', { class: 'ex-inc__actual' }, h('strong', {}, richText(t('inc.actual', { cause: right.text })))), h('p', {}, richText(right.why))]),
        h('p', { class: 'ex-note' }, t('inc.opened')),
      );
    }
  };

  submit.addEventListener('click', () => {
    if (!ran) {
      status.textContent = t('inc.runFirst');
      return;
    }
    const picked = inputs().find((i) => i.checked);
    if (!picked) {
      status.textContent = t('inc.pick');
      inputs()[0]?.focus();
      return;
    }
    chosen = Number(picked.value);
    saveDiagnosis(slug, chosen);
    status.textContent = '';
    render();
    onAnswered(true);
  });
  again.addEventListener('click', () => {
    chosen = undefined;
    saveDiagnosis(slug, undefined);
    status.textContent = '';
    render();
    inputs()[0]?.focus();
    onAnswered(false);
  });
  render();
  return {
    get answered() {
      return chosen !== undefined;
    },
    ranOnce() {
      ran = true;
      status.textContent = '';
      // For scripts and tests: the incident has been replayed on this page.
      host.dataset.replayed = 'true';
    },
  };
}
