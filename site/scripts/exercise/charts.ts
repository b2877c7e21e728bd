/**
 * The run's charts (Chart.js 4, only the pieces used are registered): per-output bars of what
 * happened to the records, and — for Lambda/Kappa runs — answer vs truth, error, freshness and
 * cost over simulated time. Every chart comes with the same numbers as a table (DESIGN §6).
 * The charts over time follow the diagram's scrubber: a line marks its time, and a sentence under
 * each chart reads the values there.
 */
import type { Chart as ChartType, ChartConfiguration, Plugin } from 'chart.js';
import type { PageResult } from '../../../workers/api.js';
import type { ArchitectureSeries, OutputLedger, SeriesPoint } from '../../../simulator/run/result.js';
import { h, table } from './dom.js';
import { t } from '../../i18n/index.js';
import { afterLayout, chartInTwoTasks, nextTask } from '../chart-tasks.js';

type ChartCtor = typeof ChartType;

let chartPromise: Promise<ChartCtor> | undefined;

/**
 * Loads Chart.js ahead of the first result (the island calls this once hydrated): evaluating the
 * module the first time is a main-thread task of tens of ms, which should not land at the moment a
 * run finishes. Then, when the page is idle, draws one small chart of each kind off-screen and
 * throws it away: Chart.js's first chart costs 40–70 ms on a slow machine (its code not yet
 * compiled, its option lookups not yet cached), every later one a fraction of that. Paid while the
 * learner reads, it is not paid when the results appear.
 */
export function preloadCharts(): void {
  void loadChart().then((Chart) => whenIdle(() => warmUp(Chart)));
}

function whenIdle(fn: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 200);
}

function warmUp(Chart: ChartCtor): void {
  for (const type of ['bar', 'line'] as const) {
    const canvas = document.createElement('canvas');
    canvas.width = 300;
    canvas.height = 150;
    const chart = new Chart(canvas, {
      type,
      data: { labels: ['a', 'b'], datasets: [{ label: 'warm-up', data: [1, 2] }] },
      options: { responsive: false, animation: false, plugins: { legend: { position: 'bottom' } } },
    });
    chart.destroy();
  }
}

async function loadChart(): Promise<ChartCtor> {
  chartPromise ??= import('chart.js').then((m) => {
    m.Chart.register(m.BarController, m.BarElement, m.LineController, m.LineElement, m.PointElement, m.CategoryScale, m.LinearScale, m.Legend, m.Tooltip);
    return m.Chart;
  });
  return chartPromise;
}

const FATES = [
  { key: 'exactlyOnce', label: 'ex.fate.delivered', color: '#2e8b57' },
  { key: 'lost', label: 'ex.fate.lost', color: '#c0392b' },
  { key: 'duplicated', label: 'ex.fate.duplicated', color: '#d68910' },
  { key: 'filtered', label: 'ex.fate.filtered', color: '#7f8c8d' },
  { key: 'late', label: 'ex.fate.late', color: '#8e44ad' },
  { key: 'lateSideOutput', label: 'ex.fate.lateSideOutput', color: '#bb8fce' },
  { key: 'deadLettered', label: 'ex.fate.deadLettered', color: '#6e2c00' },
  { key: 'inFlight', label: 'ex.fate.inFlight', color: '#2471a3' },
] as const;

const SERIES_COLORS = ['#2471a3', '#c0392b', '#2e8b57', '#d68910', '#8e44ad'];

function textColor(): string {
  return getComputedStyle(document.documentElement).getPropertyValue('--text').trim() || '#1a1f24';
}

function figure(title: string, canvasLabel: string, tableEl: HTMLTableElement): { fig: HTMLElement; canvas: HTMLCanvasElement } {
  const canvas = h('canvas', { role: 'img', 'aria-label': canvasLabel });
  const fig = h(
    'figure',
    { class: 'ex-chart' },
    h('figcaption', {}, title),
    h('div', { class: 'ex-chart__canvas' }, canvas),
    h('details', { class: 'ex-chart__table' }, h('summary', {}, t('ex.chart.showTable')), tableEl),
  );
  return { fig, canvas };
}

export interface ChartSet {
  /** Marks simulated time `timeMs` on the charts over time (null: no mark). */
  setTime(timeMs: number | null): void;
  destroy(): void;
}

/** The scrubber's time on a chart over time: a vertical line drawn after the data, at `cursor.seconds`. */
function timeCursor(cursor: { seconds: number | null }, color: string): Plugin<'line'> {
  return {
    id: 'pipeline-time-cursor',
    afterDatasetsDraw(chart) {
      if (cursor.seconds === null) return;
      const x = chart.scales['x']?.getPixelForValue(cursor.seconds);
      const area = chart.chartArea;
      if (x === undefined || x < area.left || x > area.right) return;
      const g = chart.ctx;
      g.save();
      g.strokeStyle = color;
      g.lineWidth = 1;
      g.setLineDash([2, 3]);
      g.beginPath();
      g.moveTo(x, area.top);
      g.lineTo(x, area.bottom);
      g.stroke();
      g.restore();
    },
  };
}

/** Each series' value at `timeMs`: its last sample at or before that time. */
function valuesAt(series: { label: string; points: SeriesPoint[] }[], timeMs: number, scale: number): string {
  return series
    .map((s) => {
      let value = Number.NaN;
      for (const p of s.points) {
        if (p.timeMs > timeMs) break;
        value = p.value;
      }
      return `${s.label} ${fmt(value * scale)}`;
    })
    .join(' · ');
}

export async function renderCharts(container: HTMLElement, result: PageResult): Promise<ChartSet> {
  const Chart = await loadChart();
  // Start in a task of our own: the caller has just rendered the verdict, and a chart's first
  // layout and draw on top of that went over the 50 ms long-task budget.
  await nextTask();
  const charts: { destroy(): void }[] = [];
  const timeCharts: ChartType<'line'>[] = [];
  const readouts: { el: HTMLElement; series: { label: string; points: SeriesPoint[] }[]; scale: number }[] = [];
  const cursor: { seconds: number | null } = { seconds: null };
  const color = textColor();
  Chart.defaults.color = color;
  Chart.defaults.animation = false;

  const outputs = Object.entries(result.outputs) as [string, OutputLedger][];
  if (outputs.length > 0) {
    const rows = outputs.map(([id, o]) => [id, o.generated, ...FATES.map((f) => o[f.key] as number)]);
    const { fig, canvas } = figure(
      t('ex.chart.stages.title'),
      t('ex.chart.stages.label'),
      table(t('ex.chart.stages.title'), [t('ex.chart.output'), t('ex.chart.generated'), ...FATES.map((f) => t(f.label))], rows),
    );
    container.append(fig);
    await afterLayout();
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: outputs.map(([id]) => id),
        datasets: FATES.map((f) => ({ label: t(f.label), data: outputs.map(([, o]) => o[f.key] as number), backgroundColor: f.color })),
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: true, title: { display: true, text: t('ex.chart.records') } }, y: { stacked: true } },
        plugins: { legend: { position: 'bottom' } },
      },
    };
    charts.push(await chartInTwoTasks(Chart, canvas, config));
    await nextTask();
  }

  const archs = Object.entries(result.architectures ?? {}) as [string, ArchitectureSeries][];
  if (archs.length > 0) {
    const panels: { key: 'answer' | 'error' | 'freshness' | 'cost'; unit: string; withTruth: boolean }[] = [
      { key: 'answer', unit: t('ex.chart.unit.records'), withTruth: true },
      { key: 'error', unit: t('ex.chart.unit.ratio'), withTruth: false },
      { key: 'freshness', unit: t('ex.chart.unit.seconds'), withTruth: false },
      { key: 'cost', unit: t('ex.chart.unit.records'), withTruth: false },
    ];
    for (const panel of panels) {
      const series: { label: string; points: SeriesPoint[] }[] = archs.map(([id, a]) => ({ label: id, points: a[panel.key] }));
      if (panel.withTruth && archs[0]) series.push({ label: t('ex.chart.truth'), points: archs[0][1].truth });
      const scale = panel.key === 'freshness' ? 1 / 1000 : 1;
      const times = [...new Set(series.flatMap((s) => s.points.map((p) => p.timeMs)))].sort((a, b) => a - b);
      const rows = times.map((tm) => [`${tm / 1000}`, ...series.map((s) => fmt((s.points.find((p) => p.timeMs === tm)?.value ?? NaN) * scale))]);
      const title = t(`ex.chart.arch.${panel.key}` as const);
      const { fig, canvas } = figure(title, t('ex.chart.arch.label', { what: title }), table(title, [t('ex.chart.time'), ...series.map((s) => s.label)], rows));
      const readout = h('p', { class: 'ex-chart__at', hidden: '' });
      fig.querySelector('.ex-chart__canvas')?.after(readout);
      readouts.push({ el: readout, series, scale });
      container.append(fig);
      await afterLayout();
      const chart = await chartInTwoTasks<'line'>(Chart, canvas, {
        type: 'line',
        data: {
          datasets: series.map((s, i) => ({
            label: s.label,
            data: s.points.map((p) => ({ x: p.timeMs / 1000, y: p.value * scale })),
            borderColor: s.label === t('ex.chart.truth') ? color : SERIES_COLORS[i % SERIES_COLORS.length],
            borderDash: s.label === t('ex.chart.truth') ? [6, 4] : [],
            pointRadius: 0,
            borderWidth: 2,
          })),
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          parsing: false,
          scales: { x: { type: 'linear', title: { display: true, text: t('ex.chart.time') } }, y: { title: { display: true, text: panel.unit } } },
          plugins: { legend: { position: 'bottom' } },
        },
        plugins: [timeCursor(cursor, color)],
      });
      charts.push(chart);
      timeCharts.push(chart);
      await nextTask();
    }
  }
  return {
    setTime(timeMs) {
      cursor.seconds = timeMs === null ? null : timeMs / 1000;
      for (const c of timeCharts) c.draw();
      for (const r of readouts) {
        r.el.hidden = timeMs === null;
        if (timeMs !== null) r.el.textContent = t('ex.chart.at', { time: (timeMs / 1000).toFixed(1), values: valuesAt(r.series, timeMs, r.scale) });
      }
    },
    destroy: () => charts.forEach((c) => c.destroy()),
  };
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return Number.isInteger(v) ? String(v) : v.toFixed(3);
}
