/**
 * The Counterfactual panel: one setting changed, same seed and faults. Shows the metrics that
 * moved, how many records of each output went from one fate to another, and the first records
 * that changed — each with buttons that replay the before or after run with tracing on for that
 * record, in the lab worker, and show its hops.
 */
import { renderDagGrids } from '../dag-grid/dag-grid-view.js';
import { h, table } from '../exercise/dom.js';
import { t, pageLang } from '../../i18n/index.js';
import { simText, terminalText } from '../../i18n/sim/index.js';
import type { Counterfactual, CounterfactualReply, CounterfactualSide, FateChange, LabTraceReply } from '../../../workers/lab-api.js';
import { createParamPicker } from './param-picker.js';
import { parseFieldValue } from './params.js';
import type { ExperimentSettings } from './experiment.js';
import type { LabHost } from './host.js';

/** Records listed with trace buttons (the worker keeps up to 200). */
const LISTED = 50;

export interface CounterfactualPanel {
  settings(): ExperimentSettings['counterfactual'];
  apply(s: ExperimentSettings['counterfactual']): void;
  refresh(): void;
}

/** A fate in the page's language: its kind's label, and where it was decided. */
const fate = (f: FateChange['before']) => {
  const kind = t(`ex.ledger.kind.${f.kind}` as const);
  return f.where ? `${kind} @ ${f.where}` : kind;
};
const num = (v: number | undefined) => (v === undefined ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(3));

export function createCounterfactualPanel(root: HTMLElement, host: LabHost): CounterfactualPanel {
  const value = h('input', { type: 'text', id: 'lab-cf-value', class: 'lab-values', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'lab-cf-value-help' });
  const picker = createParamPicker('lab-cf', (s) => (value.value = s.alternative));
  const runButton = h('button', { type: 'button', class: 'lab-primary' }, t('lab.cf.run'));
  const status = h('p', { class: 'lab-status', role: 'status', 'aria-live': 'polite' });
  const out = h('div', { class: 'lab-cf-results' });
  const story = h('div', { class: 'lab-story', 'aria-live': 'polite' });
  let running = false;

  root.append(
    h('p', { class: 'lab-note' }, t('lab.cf.intro')),
    h('div', { class: 'lab-form' }, picker.root, h('div', { class: 'lab-field' }, h('label', { for: value.id }, t('lab.cf.value')), value, h('span', { id: 'lab-cf-value-help', class: 'lab-note' }, t('lab.cf.valueHelp')))),
    h('div', { class: 'lab-actions' }, runButton),
    status,
    out,
    story,
  );

  const trace = async (side: CounterfactualSide, record: string) => {
    const sideName = t(`lab.cf.side.${side}` as const);
    story.replaceChildren(h('p', { class: 'lab-note' }, t('lab.cf.tracing', { side: sideName, record })));
    try {
      const reply = await host.client.call<LabTraceReply>((api) => api.trace(side, record));
      if (!reply.ok) return story.replaceChildren(h('p', {}, simText(reply.message, pageLang())));
      story.replaceChildren(h('h4', {}, t('lab.cf.storyTitle', { record, side: sideName })), h('pre', { class: 'lab-story__text', tabindex: 0 }, terminalText(reply.text, pageLang())));
    } catch (error) {
      host.failed(status, error);
    }
  };

  const render = (cf: Counterfactual, seed: number) => {
    const deltas = Object.entries(cf.delta);
    const moves = Object.entries(cf.transitions).flatMap(([output, m]) => Object.entries(m).map(([move, n]) => [output, move, n] as const));
    out.replaceChildren(
      h('p', { class: 'lab-summary' }, t('lab.cf.summary', { param: cf.param, before: JSON.stringify(cf.before.value) ?? '–', after: JSON.stringify(cf.after.value), seed, n: cf.changedRecords })),
      deltas.length === 0
        ? h('p', { class: 'lab-note' }, t('lab.cf.noDelta'))
        : table(t('lab.cf.deltas'), [t('lab.cf.metric'), t('lab.cf.before'), t('lab.cf.after'), t('lab.cf.delta')], deltas.map(([m, d]) => [m, num(cf.before.metrics[m]), num(cf.after.metrics[m]), `${d > 0 ? '+' : ''}${num(d)}`])),
      moves.length === 0 ? h('p', { class: 'lab-note' }, t('lab.cf.noTransitions')) : Object.assign(table(t('lab.cf.transitions'), [t('lab.cf.output'), t('lab.cf.move'), t('lab.cf.count')], moves), { className: 'ex-table lab-transitions' }),
    );
    // With a DAG in the pipeline: each run's grid, before above after (the worker computed them).
    for (const side of ['before', 'after'] as const) {
      const box = h('div', { class: 'lab-dag-grid' });
      if (renderDagGrids(box, cf.grids[side], `lab-cf-${side}`)) out.append(h('h4', {}, t('lab.cf.dagGrid', { side: t(side === 'before' ? 'lab.cf.before' : 'lab.cf.after') })), box);
    }
    if (cf.changes.length > 0) {
      out.append(
        h('h4', {}, t('lab.cf.changes')),
        h(
          'ul',
          { class: 'lab-changes' },
          ...cf.changes.slice(0, LISTED).map((c) => {
            const label = t('lab.cf.change', { record: c.record, output: c.output, before: fate(c.before), after: fate(c.after) });
            const b = h('button', { type: 'button', class: 'lab-link', 'aria-label': t('lab.cf.traceLabel', { action: t('lab.cf.traceBefore'), record: c.record }) }, t('lab.cf.traceBefore'));
            const a = h('button', { type: 'button', class: 'lab-link', 'aria-label': t('lab.cf.traceLabel', { action: t('lab.cf.traceAfter'), record: c.record }) }, t('lab.cf.traceAfter'));
            b.addEventListener('click', () => void trace('before', c.record));
            a.addEventListener('click', () => void trace('after', c.record));
            return h('li', {}, h('span', { class: 'lab-mono' }, label), ' ', b, ' ', a);
          }),
        ),
      );
    }
  };

  runButton.addEventListener('click', async () => {
    if (running) return;
    running = true;
    runButton.disabled = true;
    story.replaceChildren();
    host.say(status, t('lab.cf.running'));
    const seed = host.seed();
    try {
      const reply: CounterfactualReply = await host.client.call<CounterfactualReply>((api) => api.counterfactual(host.spec(), picker.pointer.value.trim(), parseFieldValue(value.value), seed));
      if (!reply.ok) host.say(status, t('lab.cf.failed', { message: simText(reply.message, pageLang()) }));
      else {
        render(reply.counterfactual, seed);
        host.say(status, t('lab.cf.done', { seconds: (reply.wallMs / 1000).toFixed(1), n: reply.counterfactual.changedRecords }));
      }
    } catch (error) {
      host.failed(status, error);
    } finally {
      running = false;
      runButton.disabled = false;
    }
  });

  return {
    settings: () => ({ param: picker.pointer.value.trim(), value: value.value }),
    apply(s) {
      picker.pointer.value = s.param;
      value.value = s.value;
    },
    refresh() {
      picker.refresh(host.suggestions(), host.spec());
      if (!picker.pointer.value && !value.value) {
        const first = host.suggestions()[0];
        if (first) {
          picker.pointer.value = first.pointer;
          value.value = first.alternative;
          picker.refresh(host.suggestions(), host.spec());
        }
      }
    },
  };
}
