/**
 * Keeping Chart.js off the long-task list (budget 50 ms): charts are made one task at a time,
 * each in two steps, after the browser has laid out the figure they go in. Used by the exercise
 * island's charts and the Lab's sweep charts.
 */
import type { Chart, ChartConfiguration, ChartType, DefaultDataPoint } from 'chart.js';

/** Lets the page paint and handle input between two charts: drawing them all at once is a long task. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Waits until the browser has styled and laid out what was just appended (the next frame, or
 * 100 ms in a hidden tab, where frames stop). Chart.js reads the canvas's computed size as it
 * starts; on a fresh figure that read would do the whole style and layout pass inside the
 * chart's own task, which then went over the 50 ms budget.
 */
export const afterLayout = () =>
  new Promise<void>((resolve) => {
    const done = () => setTimeout(resolve, 0);
    const fallback = setTimeout(done, 100);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      done();
    });
  });

/**
 * Makes a chart in two tasks: the empty frame first (canvas size, scales, plugins), then its data
 * (ticks, legend, bars or lines, and the draw). In one task, the first chart after a run took
 * ~58 ms on a slow 2-core machine, over the 50 ms long-task budget.
 */
export async function chartInTwoTasks<K extends ChartType, D = DefaultDataPoint<K>>(ChartClass: typeof Chart, canvas: HTMLCanvasElement, config: ChartConfiguration<K, D>): Promise<Chart<K, D>> {
  const data = config.data;
  const chart = new ChartClass<K, D>(canvas, { ...config, data: { labels: [], datasets: [] } });
  await nextTask();
  chart.data = data;
  chart.update();
  return chart;
}
