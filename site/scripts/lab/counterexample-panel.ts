/**
 * The counterexample panel: a claim in the checks language and a budget of runs; the lab worker
 * searches seeds and fault schedules for a run that breaks the claim and shrinks the schedule
 * (simulator/lab/counterexample.ts). The search runs synchronously in the worker, so Cancel
 * terminates the worker. A found run can be loaded as the current spec and seed, to replay.
 */
import { parseDocument } from 'yaml';
import { h } from '../exercise/dom.js';
import { t, pageLang } from '../../i18n/index.js';
import { simText } from '../../i18n/sim/index.js';
import type { Counterexample, CounterexampleReply } from '../../../workers/lab-api.js';
import { LabFailure } from './lab-client.js';
import type { ExperimentSettings } from './experiment.js';
import type { LabHost } from './host.js';

export interface CounterexamplePanel {
  settings(): ExperimentSettings['counterexample'];
  apply(s: ExperimentSettings['counterexample']): void;
  refresh(): void;
}

/** "No loss" at the first store the spec writes to: the claim a learner most often makes. */
export function defaultClaim(spec: string): string {
  try {
    const nodes = (parseDocument(spec, { logLevel: 'error' }).toJS() as { nodes?: Record<string, { type?: string }> } | null)?.nodes ?? {};
    const store = Object.entries(nodes).find(([, n]) => n?.type === 'elasticsearch' || n?.type === 's3');
    return store ? `outputs.${store[0]}.lost == 0` : '';
  } catch {
    return '';
  }
}

/** Why a found counterexample took more runs than its budget, each part counted (search, shrinking, the confirming run). */
export function overBudget(ce: Pick<Counterexample, 'runs' | 'searchRuns'>, budget: number): string {
  const searched = ce.searchRuns ?? budget;
  return t('lab.ce.overBudget', { runs: ce.runs, budget, searched, shrinking: Math.max(0, ce.runs - searched - 1) });
}

export function createCounterexamplePanel(root: HTMLElement, host: LabHost): CounterexamplePanel {
  const claim = h('input', { type: 'text', id: 'lab-ce-claim', class: 'lab-values', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'lab-ce-claim-help' });
  const budget = h('input', { type: 'number', id: 'lab-ce-budget', min: 1, max: 500, step: 1, value: 20, inputmode: 'numeric', class: 'lab-small' });
  const runButton = h('button', { type: 'button', class: 'lab-primary' }, t('lab.ce.run'));
  const cancel = h('button', { type: 'button', disabled: true }, t('lab.cancel'));
  const status = h('p', { class: 'lab-status', role: 'status', 'aria-live': 'polite' });
  const out = h('div', { class: 'lab-ce-results' });

  root.append(
    h('p', { class: 'lab-note' }, t('lab.ce.intro')),
    h(
      'div',
      { class: 'lab-form' },
      h('div', { class: 'lab-field lab-field--wide' }, h('label', { for: claim.id }, t('lab.ce.claim')), claim, h('span', { id: 'lab-ce-claim-help', class: 'lab-note' }, t('lab.ce.claimHelp'))),
      h('div', { class: 'lab-field' }, h('label', { for: budget.id }, t('lab.ce.budget')), budget),
    ),
    h('div', { class: 'lab-actions' }, runButton, cancel),
    status,
    out,
  );

  const render = (ce: Counterexample, budgetRuns: number) => {
    if (!ce.found) {
      out.replaceChildren(h('p', { class: 'lab-summary' }, t('lab.ce.none', { claim: ce.claim, runs: ce.runs })));
      return;
    }
    const load = h('button', { type: 'button', class: 'lab-primary' }, t('lab.ce.load'));
    load.addEventListener('click', () => {
      if (ce.spec === undefined || ce.seed === undefined) return;
      host.setSpec(ce.spec);
      host.setSeed(ce.seed);
      host.say(status, t('lab.ce.loaded', { seed: ce.seed }));
    });
    const faults = ce.faults ?? [];
    out.replaceChildren(
      h('p', { class: 'lab-summary lab-summary--bad' }, t('lab.ce.found', { claim: ce.claim, seed: ce.seed ?? '–', runs: ce.runs, from: ce.unshrunk?.length ?? 0, to: faults.length })),
      // Shrinking has a budget of its own, the same size, and one more run confirms the result: a search
      // may run up to twice the number asked for, plus one. Each part is counted, so the sum adds up.
      ce.runs > budgetRuns ? h('p', { class: 'lab-note lab-ce-over' }, overBudget(ce, budgetRuns)) : '',
      h('h4', {}, t('lab.ce.faults')),
      faults.length === 0 ? h('p', { class: 'lab-note' }, t('lab.ce.noFaults')) : h('ul', { class: 'lab-faults' }, ...faults.map((f) => h('li', {}, h('code', {}, JSON.stringify(f))))),
      ce.check ? h('p', {}, t('lab.ce.check', { explanation: ce.check.explanation })) : '',
      load,
    );
  };

  runButton.addEventListener('click', async () => {
    runButton.disabled = true;
    cancel.disabled = false;
    out.replaceChildren();
    host.say(status, t('lab.ce.running'));
    try {
      const request = { spec: host.spec(), claim: claim.value.trim(), budget: Math.max(1, Math.min(500, Number(budget.value) || 20)), searchSeed: host.seed() || 1 };
      const reply: CounterexampleReply = await host.client.call<CounterexampleReply>((api) => api.counterexample(request));
      if (!reply.ok) host.say(status, t('lab.ce.failed', { message: simText(reply.message, pageLang()) }));
      else {
        render(reply.counterexample, request.budget);
        host.say(status, t('lab.ce.done', { seconds: (reply.wallMs / 1000).toFixed(1) }));
      }
    } catch (error) {
      if (error instanceof LabFailure && error.kind === 'terminated') host.say(status, t('lab.ce.cancelled'));
      else host.failed(status, error);
    } finally {
      runButton.disabled = false;
      cancel.disabled = true;
    }
  });
  cancel.addEventListener('click', () => host.client.terminate());

  return {
    settings: () => ({ claim: claim.value.trim(), budget: Number(budget.value) || 20 }),
    apply(s) {
      claim.value = s.claim;
      budget.value = String(s.budget);
    },
    refresh() {
      if (!claim.value) claim.value = defaultClaim(host.spec());
    },
  };
}
