/**
 * The operator-metrics panel (issue #30): time series of chosen metrics per node, with their real
 * names, units and meaning, on the run's time axis — faults shaded, firing alerts shaded red, the
 * diagram's time as a dashed line — each chart with its table, and the alert-rule editor.
 * Mounted by the exercise island and the Lab; reads only `result.metrics` (simulator/metrics).
 */
import type { Chart as ChartType } from 'chart.js';
import { METRIC_BY_NAME, NOT_MODELLED, type MetricDef } from '../../../simulator/metrics/catalog.js';
import { sampleIndexAt, type MetricsSeries } from '../../../simulator/metrics/series.js';
import type { AlertFiring } from '../../../simulator/metrics/alerts.js';
import { h, richText, table } from '../exercise/dom.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { afterLayout, chartInTwoTasks, nextTask } from '../chart-tasks.js';
import { bandsPlugin, cursorPlugin, type Band } from './chart-marks.js';
import { createAlertRules } from './alert-rules.js';

export interface FaultMark {
  fromMs: number;
  toMs: number | null;
}

export interface MetricsRun {
  metrics?: MetricsSeries;
  simulatedMs: number;
}

export interface MetricsPanel {
  /** Draws a finished run's metrics (and the fault windows of its schedule). */
  show(run: MetricsRun, faults?: readonly FaultMark[]): Promise<void>;
  /** Marks the diagram's time on every chart (null: no mark). */
  setTime(timeMs: number | null): void;
  /** Forgets the shown run (a new run is starting). */
  clear(): void;
}

export interface MetricsPanelOptions {
  /** Moves the scrubber (an alert's "Go to"). */
  onSeek?: (timeMs: number) => void;
  /** Alert rules to start with. */
  rules?: readonly string[];
}

/** Charts drawn without asking, the first two of these a run has. */
const DEFAULT_PICKS = ['records-lag-max', 'UnderReplicatedPartitions', 'numRestarts', 'lastCheckpointDuration', 'events.out', 'libbeat.output.events.acked', 'docs.count'];
const LINE_COLOR = '#2471a3';

type ChartCtor = typeof ChartType;
let chartPromise: Promise<ChartCtor> | undefined;
function loadChart(): Promise<ChartCtor> {
  chartPromise ??= import('chart.js').then((m) => {
    m.Chart.register(m.LineController, m.LineElement, m.PointElement, m.LinearScale, m.Legend, m.Tooltip);
    return m.Chart;
  });
  return chartPromise;
}

const textColor = () => getComputedStyle(document.documentElement).getPropertyValue('--text').trim() || '#1a1f24';
const unitOf = (def: MetricDef | undefined) => (def ? t(`mx.unit.${def.unit}` as MessageKey) : '');
const meaningOf = (name: string) => t(`mx.m.${name}` as MessageKey);
const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(3));

let uid = 0;

const CSS = `
.mx-panel .mx-controls, .mx-panel .mx-rule-form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0; }
.mx-panel .mx-chart { margin: 1rem 0; }
.mx-panel .mx-chart figcaption { font-weight: 600; display: flex; gap: .5rem; align-items: baseline; flex-wrap: wrap; }
.mx-panel .mx-chart__canvas { position: relative; height: 180px; }
.mx-panel .mx-chart__meaning { margin: .25rem 0; font-size: .9em; }
.mx-panel .mx-rule-input { min-width: min(24rem, 100%); font-family: var(--font-mono, monospace); }
.mx-panel .mx-rule-error { color: var(--danger, #c0392b); }
.mx-panel .mx-alert { margin: .2rem 0; }
.mx-panel .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

function ensureCss(): void {
  if (document.getElementById('mx-css')) return;
  document.head.append(Object.assign(document.createElement('style'), { id: 'mx-css', textContent: CSS }));
}

export function createMetricsPanel(host: HTMLElement, options: MetricsPanelOptions = {}): MetricsPanel {
  ensureCss();
  const id = `mx-${++uid}`;
  host.classList.add('mx-panel');
  const nodeSelect = h('select', { id: `${id}-node`, disabled: true });
  const metricSelect = h('select', { id: `${id}-metric`, disabled: true });
  const add = h('button', { type: 'button', class: 'mx-add', disabled: true }, t('mx.add'));
  const chartsBox = h('div', { class: 'mx-charts' });
  const empty = h('p', { class: 'ex-note mx-empty' }, t('mx.none'));
  const rulesBox = h('div', { class: 'mx-alerts-box' });
  const notModelled = h(
    'details',
    { class: 'mx-modelled' },
    h('summary', {}, t('mx.modelled.summary')),
    h('p', {}, t('mx.modelled.text')),
    h('ul', {}, ...NOT_MODELLED.map((m) => h('li', {}, t(`mx.nm.${m.name}` as MessageKey)))),
  );
  host.append(
    h('p', { class: 'ex-note' }, t('mx.intro')),
    h('div', { class: 'mx-controls', role: 'group', 'aria-label': t('mx.title') }, h('label', { for: nodeSelect.id }, t('mx.node')), nodeSelect, h('label', { for: metricSelect.id }, t('mx.metric')), metricSelect, add),
    h('p', { class: 'ex-note mx-marks' }, t('mx.marks')),
    empty,
    chartsBox,
    rulesBox,
    notModelled,
  );

  let series: MetricsSeries | undefined;
  let endS = 0;
  let faultBands: Band[] = [];
  let alertBands: Band[] = [];
  const cursor: { seconds: number | null } = { seconds: null };
  const shown: { node: string; metric: string; chart?: ChartType<'line'>; readout: HTMLElement; fig: HTMLElement }[] = [];
  let drawing = Promise.resolve();

  const redraw = () => {
    for (const s of shown) s.chart?.draw();
  };
  const rules = createAlertRules(
    rulesBox,
    options.rules ?? [],
    () => {
      alertBands = bandsOf(rules.evaluate(series));
      redraw();
    },
    (ms) => options.onSeek?.(ms),
  );

  const bands = () => [...faultBands, ...alertBands];

  const fillMetrics = () => {
    const byName = series?.nodes[nodeSelect.value] ?? {};
    metricSelect.replaceChildren(...Object.keys(byName).map((m) => h('option', { value: m }, `${m} (${unitOf(METRIC_BY_NAME.get(m))})`)));
  };
  nodeSelect.addEventListener('change', fillMetrics);

  const readoutText = (node: string, metric: string) => {
    if (cursor.seconds === null || !series) return '';
    const i = sampleIndexAt(series, cursor.seconds * 1000);
    const v = i < 0 ? undefined : series.nodes[node]?.[metric]?.[i];
    return t('mx.chart.at', { time: cursor.seconds.toFixed(1), value: v === null || v === undefined ? t('mx.chart.gap') : `${fmt(v)} ${unitOf(METRIC_BY_NAME.get(metric))}` });
  };

  const addChart = async (node: string, metric: string) => {
    if (!series || shown.some((s) => s.node === node && s.metric === metric)) return;
    const values = series.nodes[node]?.[metric];
    if (!values) return;
    const def = METRIC_BY_NAME.get(metric);
    const unit = unitOf(def);
    const title = t('mx.chart.title', { metric, node });
    const canvas = h('canvas', { role: 'img', 'aria-label': t('mx.chart.label', { metric, node, unit }) });
    const remove = h('button', { type: 'button', class: 'mx-remove', 'aria-label': t('mx.remove.label', { metric, node }) }, t('mx.remove'));
    const readout = h('p', { class: 'ex-chart__at mx-readout', hidden: cursor.seconds === null }, readoutText(node, metric));
    const rows = series.timesMs.map((tm, i) => [String(tm / 1000), fmt(values[i])]);
    const fig = h(
      'figure',
      { class: 'ex-chart mx-chart', 'data-node': node, 'data-metric': metric },
      h('figcaption', {}, title, remove),
      h('p', { class: 'mx-chart__meaning' }, richText(meaningOf(metric)), ' ', h('span', { class: 'ex-note' }, t('mx.chart.source'), ' ', h('code', {}, def?.source ?? ''))),
      h('div', { class: 'ex-chart__canvas mx-chart__canvas' }, canvas),
      readout,
      h('details', { class: 'ex-chart__table' }, h('summary', {}, t('ex.chart.showTable')), table(title, [t('mx.table.time'), `${metric} (${unit})`], rows)),
    );
    const entry: (typeof shown)[number] = { node, metric, readout, fig };
    shown.push(entry);
    remove.addEventListener('click', () => {
      entry.chart?.destroy();
      shown.splice(shown.indexOf(entry), 1);
      fig.remove();
      add.focus();
    });
    chartsBox.append(fig);
    const Chart = await loadChart();
    await afterLayout();
    const color = textColor();
    Chart.defaults.color = color;
    entry.chart = await chartInTwoTasks<'line'>(Chart, canvas, {
      type: 'line',
      data: { datasets: [{ label: `${metric} · ${node}`, data: series.timesMs.map((tm, i) => ({ x: tm / 1000, y: values[i] ?? null })) as { x: number; y: number }[], borderColor: LINE_COLOR, pointRadius: 0, borderWidth: 2, spanGaps: false }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        parsing: false,
        scales: { x: { type: 'linear', min: 0, max: endS, title: { display: true, text: t('ex.chart.time') } }, y: { title: { display: true, text: unit }, beginAtZero: true } },
        plugins: { legend: { display: false } },
      },
      plugins: [bandsPlugin(bands), cursorPlugin(cursor, textColor)],
    });
    await nextTask();
  };

  add.addEventListener('click', () => {
    drawing = drawing.then(() => addChart(nodeSelect.value, metricSelect.value));
  });

  const bandsOf = (firings: AlertFiring[]): Band[] => firings.map((f) => ({ fromS: f.firedAtMs / 1000, toS: f.resolvedAtMs === null ? null : f.resolvedAtMs / 1000, kind: 'alert' }));

  const clear = () => {
    for (const s of shown) s.chart?.destroy();
    shown.length = 0;
    chartsBox.replaceChildren();
    series = undefined;
    alertBands = bandsOf(rules.evaluate(undefined));
    for (const el of [nodeSelect, metricSelect, add]) el.disabled = true;
    host.removeAttribute('data-shown');
  };

  return {
    async show(run, faults = []) {
      await drawing;
      clear();
      series = run.metrics;
      empty.hidden = series !== undefined;
      if (!series) return;
      endS = run.simulatedMs / 1000;
      faultBands = faults.map((f) => ({ fromS: f.fromMs / 1000, toS: f.toMs === null ? null : f.toMs / 1000, kind: 'fault' }));
      alertBands = bandsOf(rules.evaluate(series));
      const nodes = Object.keys(series.nodes);
      nodeSelect.replaceChildren(...nodes.map((n) => h('option', { value: n }, n)));
      fillMetrics();
      for (const el of [nodeSelect, metricSelect, add]) el.disabled = nodes.length === 0;
      // Each rule's metric first (so a firing is seen on its chart), then the defaults.
      const picks: [string, string][] = [];
      for (const f of rules.firings()) if (!picks.some(([n, m]) => n === f.node && m === f.metric)) picks.push([f.node, f.metric]);
      for (const name of DEFAULT_PICKS) {
        if (picks.length >= 2) break;
        const node = nodes.find((n) => series!.nodes[n]![name]);
        if (node && !picks.some(([n, m]) => n === node && m === name)) picks.push([node, name]);
      }
      const run2 = async () => {
        for (const [node, metric] of picks.slice(0, 4)) await addChart(node, metric);
        host.dataset.shown = 'true';
      };
      drawing = run2();
      await drawing;
    },
    setTime(timeMs) {
      cursor.seconds = timeMs === null ? null : timeMs / 1000;
      for (const s of shown) {
        s.readout.hidden = timeMs === null;
        s.readout.textContent = readoutText(s.node, s.metric);
      }
      redraw();
    },
    clear,
  };
}
