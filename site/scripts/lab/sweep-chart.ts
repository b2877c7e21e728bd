/**
 * Sweep charts: lost / duplicated / error / freshness / cost against the swept value, one line per
 * output (or architecture) at the mean across seeds, with a shaded band from the minimum to the
 * maximum seed. Every chart has its table (DESIGN §6): value × series, "mean (min–max)".
 */
import type { Chart as ChartType, ChartDataset } from 'chart.js';
import type { SweepResult } from '../../../workers/lab-api.js';
import { h, table } from '../exercise/dom.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { currentTheme } from '../theme.js';
import { afterLayout, chartInTwoTasks, nextTask } from '../chart-tasks.js';

type ChartCtor = typeof ChartType;
let chartPromise: Promise<ChartCtor> | undefined;

function loadChart(): Promise<ChartCtor> {
  chartPromise ??= import('chart.js').then((m) => {
    m.Chart.register(m.LineController, m.LineElement, m.PointElement, m.CategoryScale, m.LinearScale, m.Legend, m.Tooltip, m.Filler);
    return m.Chart;
  });
  return chartPromise;
}

export interface Band {
  value: number | string | boolean;
  mean: number;
  min: number;
  max: number;
}

export interface Series {
  label: string;
  metric: string;
  /** Multiplies the metric (ms → s for freshness). */
  scale: number;
}

export interface Family {
  key: 'lost' | 'duplicated' | 'error' | 'freshness' | 'cost' | 'latency' | 'extraWrites' | 'bytes' | 'state' | 'recompute';
  series: Series[];
}

/** Mean, min and max of one metric at each swept value (one number per seed). */
export function bandsOf(result: SweepResult, metric: string, scale = 1): Band[] {
  return result.values.map((value) => {
    const xs = result.points.filter((p) => p.value === value).map((p) => (p.metrics[metric] ?? 0) * scale);
    if (xs.length === 0) return { value, mean: NaN, min: NaN, max: NaN };
    return { value, mean: xs.reduce((a, b) => a + b, 0) / xs.length, min: Math.min(...xs), max: Math.max(...xs) };
  });
}

/** Which series each chart has, from the metric names a run reports (simulator/lab/metrics.ts). */
export function familiesOf(result: SweepResult): Family[] {
  const names = [...new Set(result.points.flatMap((p) => Object.keys(p.metrics)))];
  const outputs = names.filter((n) => n.endsWith('.generated')).map((n) => n.slice(0, -'.generated'.length));
  const archs = names.filter((n) => n.endsWith('.error.final') && !n.startsWith('query.')).map((n) => n.slice(0, -'.error.final'.length));
  const queries = names.filter((n) => /^query\..+\.error\.max$/.test(n));
  const families: Family[] = [
    { key: 'lost', series: outputs.map((id) => ({ label: id, metric: `${id}.lost`, scale: 1 })) },
    { key: 'duplicated', series: outputs.map((id) => ({ label: id, metric: `${id}.duplicated`, scale: 1 })) },
    {
      key: 'error',
      series: [
        ...archs.map((id) => ({ label: id, metric: `${id}.error.final`, scale: 1 })),
        ...(archs.length === 0 ? queries.map((m) => ({ label: m.slice('query.'.length, -'.error.max'.length), metric: m, scale: 1 })) : []),
      ],
    },
    { key: 'freshness', series: archs.map((id) => ({ label: id, metric: `${id}.freshness.p95`, scale: 1 / 1000 })) },
    { key: 'cost', series: archs.map((id) => ({ label: id, metric: `${id}.cost.processed`, scale: 1 })) },
    ...costFamilies(result, names),
  ];
  return families.filter((f) => f.series.length > 0);
}

/**
 * The price of the guarantee (simulator/cost): end-to-end latency per output (p50 and p99, in
 * seconds), then extra writes, bytes per link, state held and recompute work, one line per measure.
 * A measure that is 0 in every run is left out: a chart of zeros says nothing.
 */
function costFamilies(result: SweepResult, names: readonly string[]): Family[] {
  const moves = (metric: string) => result.points.some((p) => (p.metrics[metric] ?? 0) !== 0);
  // A link's bytes (`cost.bytes.links["filebeat->logstash"]`) is labelled by the link alone.
  const under = (group: string, scale = 1) => names.filter((n) => n.startsWith(`cost.${group}.`) && moves(n)).map((n) => ({ label: n.slice(`cost.${group}.`.length).replace(/^links\["(.*)"\]$/, '$1'), metric: n, scale }));
  return [
    { key: 'latency', series: under('latency', 1 / 1000) },
    { key: 'extraWrites', series: under('extraWrites') },
    { key: 'bytes', series: under('bytes') },
    { key: 'state', series: under('state') },
    { key: 'recompute', series: under('recompute') },
  ];
}

const PALETTE = {
  light: ['#1f5f99', '#b03a2e', '#1e7046', '#9a5b00', '#6c3483', '#3d4f5c'],
  dark: ['#7fb8ff', '#ff8a80', '#6fdc9c', '#ffc266', '#d7a6ff', '#c9d4dd'],
};

function fmt(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return Number.isInteger(v) ? String(v) : v.toFixed(3);
}

function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export interface SweepCharts {
  destroy(): void;
}

export async function renderSweepCharts(container: HTMLElement, result: SweepResult): Promise<SweepCharts> {
  const families = familiesOf(result);
  if (families.length === 0) {
    container.append(h('p', { class: 'lab-note' }, t('lab.chart.none')));
    return { destroy: () => undefined };
  }
  const Chart = await loadChart();
  const theme = currentTheme();
  const style = getComputedStyle(document.documentElement);
  Chart.defaults.color = style.getPropertyValue('--text').trim() || (theme === 'dark' ? '#e6e9ec' : '#1a1f24');
  Chart.defaults.borderColor = theme === 'dark' ? 'rgba(255,255,255,0.16)' : 'rgba(0,0,0,0.12)';
  Chart.defaults.animation = false;
  const colors = PALETTE[theme];
  const numeric = result.values.every((v) => typeof v === 'number');
  const charts: { destroy(): void }[] = [];

  for (const family of families) {
    const title = t(`lab.chart.${family.key}` as MessageKey);
    const bands = family.series.map((s) => ({ s, bands: bandsOf(result, s.metric, s.scale) }));
    const rows = result.values.map((value, i) => [
      String(value),
      ...bands.map(({ bands: b }) => t('lab.chart.cell', { mean: fmt(b[i]!.mean), min: fmt(b[i]!.min), max: fmt(b[i]!.max) })),
    ]);
    const canvas = h('canvas', { role: 'img', 'aria-label': t('lab.chart.label', { what: title, param: result.param }) });
    container.append(
      h(
        'figure',
        { class: 'lab-chart', 'data-family': family.key },
        h('figcaption', {}, title),
        h('div', { class: 'lab-chart__canvas' }, canvas),
        h('details', { class: 'lab-chart__table' }, h('summary', {}, t('lab.chart.showTable')), h('p', { class: 'lab-note' }, t('lab.chart.tableNote')), table(title, [t('lab.chart.value'), ...family.series.map((s) => s.label)], rows)),
      ),
    );
    await afterLayout();
    const bandIndices = new Set<number>();
    const datasets: ChartDataset<'line', { x: number | string; y: number }[]>[] = [];
    bands.forEach(({ s, bands: b }, i) => {
      const color = colors[i % colors.length]!;
      const x = (v: number | string | boolean) => (numeric ? (v as number) : String(v));
      // The band is two invisible lines, the upper one filled down to the lower one ('-1').
      bandIndices.add(datasets.length);
      datasets.push({ label: t('lab.chart.range', { series: s.label }), data: b.map((p) => ({ x: x(p.value), y: p.min })), borderWidth: 0, pointRadius: 0, fill: false });
      bandIndices.add(datasets.length);
      datasets.push({ label: t('lab.chart.range', { series: s.label }), data: b.map((p) => ({ x: x(p.value), y: p.max })), borderWidth: 0, pointRadius: 0, fill: '-1', backgroundColor: withAlpha(color, 0.18) });
      datasets.push({ label: s.label, data: b.map((p) => ({ x: x(p.value), y: p.mean })), borderColor: color, backgroundColor: color, borderWidth: 2, pointRadius: 3, fill: false });
    });
    charts.push(
      await chartInTwoTasks<'line', { x: number | string; y: number }[]>(Chart, canvas, {
        type: 'line',
        data: { labels: numeric ? undefined : result.values.map(String), datasets },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          parsing: { xAxisKey: 'x', yAxisKey: 'y' },
          scales: {
            x: { type: numeric ? 'linear' : 'category', title: { display: true, text: result.param } },
            y: { beginAtZero: true },
          },
          plugins: {
            legend: { position: 'bottom', labels: { filter: (item) => !bandIndices.has(item.datasetIndex ?? -1) } },
            tooltip: { filter: (item) => !bandIndices.has(item.datasetIndex) },
          },
        },
      }),
    );
    // One chart per task: five of them in one task were a 69 ms main-thread task.
    await nextTask();
  }
  return { destroy: () => charts.forEach((c) => c.destroy()) };
}
