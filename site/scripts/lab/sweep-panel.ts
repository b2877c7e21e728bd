/**
 * The Sweep panel: a setting (param-picker.ts), its values and a number of seeds; the lab worker
 * runs every (value, seed) point with progress and a real cancel; the charts and tables follow,
 * with CSV and JSON downloads of the points (simulator/lab/export.ts, the CLI's own format).
 */
import { h } from '../exercise/dom.js';
import { t, pageLang } from '../../i18n/index.js';
import { simText } from '../../i18n/sim/index.js';
import { sweepToCsv, sweepToJson } from '../../../simulator/lab/export.js';
import type { SweepResult, SweepReply, LabProblem } from '../../../workers/lab-api.js';

type ValuesReply = { ok: true; values: (number | string | boolean)[] } | LabProblem;
import { createParamPicker } from './param-picker.js';
import { renderSweepCharts, type SweepCharts } from './sweep-chart.js';
import { download, sweepCommand, type ExperimentSettings } from './experiment.js';
import type { LabHost } from './host.js';

/** Most runs one sweep may ask for: beyond that the page would wait minutes. */
const MAX_RUNS = 400;

export interface SweepPanel {
  settings(): ExperimentSettings['sweep'];
  apply(s: ExperimentSettings['sweep']): void;
  refresh(): void;
  result(): SweepResult | undefined;
}

export function createSweepPanel(root: HTMLElement, host: LabHost): SweepPanel {
  const values = h('input', { type: 'text', id: 'lab-sweep-values', class: 'lab-values', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'lab-sweep-values-help' });
  const seeds = h('input', { type: 'number', id: 'lab-sweep-seeds', min: 1, max: 20, step: 1, value: 2, inputmode: 'numeric', class: 'lab-small', 'aria-describedby': 'lab-sweep-seeds-help' });
  const picker = createParamPicker('lab-sweep', (s) => {
    values.value = s.sweep;
    updateCli();
  });
  const runButton = h('button', { type: 'button', class: 'lab-primary' }, t('lab.sweep.run'));
  const cancel = h('button', { type: 'button', disabled: true }, t('lab.cancel'));
  const progress = h('progress', { max: 1, value: 0, 'aria-label': t('lab.progress.label') });
  const progressText = h('span', { class: 'lab-note' });
  const progressBox = h('div', { class: 'lab-progress', hidden: true }, progress, progressText);
  const status = h('p', { class: 'lab-status', role: 'status', 'aria-live': 'polite' });
  const cli = h('code', { class: 'lab-cli' });
  const csv = h('button', { type: 'button', disabled: true, 'data-export': 'csv' }, t('lab.export.csv'));
  const json = h('button', { type: 'button', disabled: true, 'data-export': 'json' }, t('lab.export.json'));
  const charts = h('div', { class: 'lab-charts', role: 'group', 'aria-label': t('lab.sweep.results') });
  let chartSet: SweepCharts | undefined;
  let last: SweepResult | undefined;
  let running = false;

  const updateCli = () => (cli.textContent = sweepCommand(picker.pointer.value.trim() || '/faults/0/loss', values.value || '0..0.2 step 0.05', Number(seeds.value) || 1));
  values.addEventListener('input', updateCli);
  seeds.addEventListener('input', updateCli);
  picker.pointer.addEventListener('input', updateCli);

  root.append(
    h('p', { class: 'lab-note' }, t('lab.sweep.intro')),
    h(
      'div',
      { class: 'lab-form' },
      picker.root,
      h('div', { class: 'lab-field lab-field--wide' }, h('label', { for: values.id }, t('lab.sweep.values')), values, h('span', { id: 'lab-sweep-values-help', class: 'lab-note' }, t('lab.sweep.valuesHelp'))),
      h('div', { class: 'lab-field' }, h('label', { for: seeds.id }, t('lab.sweep.seeds')), seeds, h('span', { id: 'lab-sweep-seeds-help', class: 'lab-note' }, t('lab.sweep.seedsHelp'))),
    ),
    h('div', { class: 'lab-actions' }, runButton, cancel, csv, json),
    progressBox,
    status,
    h('p', { class: 'lab-note' }, t('lab.sweep.cli'), ' ', cli),
    charts,
  );

  const setRunning = (on: boolean) => {
    running = on;
    runButton.disabled = on;
    cancel.disabled = !on;
    progressBox.hidden = !on;
    root.toggleAttribute('data-running', on);
  };

  const show = async (result: SweepResult) => {
    chartSet?.destroy();
    charts.replaceChildren();
    last = result;
    csv.disabled = false;
    json.disabled = false;
    root.dataset.points = String(result.points.length);
    try {
      chartSet = await renderSweepCharts(charts, result);
      return true;
    } catch (error) {
      // Loading the chart module failed (a cold dev server once answered "Failed to fetch dynamically
      // imported module …chart__js.js"): the sweep ran, its numbers can be exported; say so, and do not
      // blame the simulator.
      host.say(status, t('lab.chart.loadFailed', { detail: error instanceof Error ? error.message : String(error) }));
      return false;
    }
  };

  const run = async () => {
    if (running) return;
    const param = picker.pointer.value.trim();
    const n = Number(seeds.value);
    if (!Number.isInteger(n) || n < 1 || n > 20) return host.say(status, t('lab.sweep.badSeeds'));
    setRunning(true);
    progress.value = 0;
    progressText.textContent = '';
    try {
      const parsed = await host.client.call<ValuesReply>((api) => api.parseValues(values.value));
      if (!parsed.ok) {
        setRunning(false);
        return host.say(status, t('lab.sweep.badValues', { message: parsed.message }));
      }
      const runs = parsed.values.length * n;
      if (runs > MAX_RUNS) {
        setRunning(false);
        return host.say(status, t('lab.sweep.tooMany', { runs }));
      }
      host.say(status, t('lab.sweep.running', { done: 1, total: runs }));
      const request = { spec: host.spec(), param, values: parsed.values, seeds: Array.from({ length: n }, (_, i) => i + 1) };
      const reply: SweepReply = await host.client.call<SweepReply>(
        (api, p) => api.sweep(request, p),
        (p) => {
          progress.value = p.total > 0 ? (p.done + p.point) / p.total : 0;
          const done = Math.min(p.total, p.done + 1);
          progressText.textContent = t('lab.sweep.progress', { done, total: p.total });
          // The status line says the same run number as the bar (it said "run 1" for the whole sweep);
          // changed only when the number does, so a screen reader is not flooded.
          const line = t('lab.sweep.running', { done, total: p.total });
          if (status.textContent !== line) host.say(status, line);
        },
      );
      setRunning(false);
      if (!reply.ok) return host.say(status, t('lab.sweep.failed', { message: simText(reply.message, pageLang()) }));
      if ('cancelled' in reply) return host.say(status, t('lab.sweep.cancelled'));
      if (!(await show(reply.result))) return;
      host.say(status, t('lab.sweep.done', { runs: reply.result.points.length, seconds: (reply.wallMs / 1000).toFixed(1) }));
    } catch (error) {
      setRunning(false);
      host.failed(status, error);
    }
  };

  runButton.addEventListener('click', () => void run());
  cancel.addEventListener('click', () => {
    host.client.cancel();
    host.say(status, t('lab.cancelling'));
  });
  csv.addEventListener('click', () => {
    if (!last) return host.say(status, t('lab.export.noSweep'));
    download('sweep.csv', sweepToCsv(last), 'text/csv');
    host.say(status, t('lab.export.downloaded', { file: 'sweep.csv' }));
  });
  json.addEventListener('click', () => {
    if (!last) return host.say(status, t('lab.export.noSweep'));
    download('sweep.json', sweepToJson(last), 'application/json');
    host.say(status, t('lab.export.downloaded', { file: 'sweep.json' }));
  });
  updateCli();

  return {
    settings: () => ({ param: picker.pointer.value.trim(), values: values.value, seeds: Number(seeds.value) || 1 }),
    apply(s) {
      picker.pointer.value = s.param;
      values.value = s.values;
      seeds.value = String(s.seeds);
      updateCli();
    },
    refresh() {
      picker.refresh(host.suggestions(), host.spec());
      // A fresh page (no shared or typed setting) starts on the first suggestion, ready to run.
      if (!picker.pointer.value && !values.value) {
        const first = host.suggestions()[0];
        if (first) {
          picker.pointer.value = first.pointer;
          values.value = first.sweep;
          picker.refresh(host.suggestions(), host.spec());
        }
      }
      updateCli();
    },
    result: () => last,
  };
}
