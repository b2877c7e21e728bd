/**
 * The DAG-run grid, drawn: the Airflow UI's Grid view simplified. The worker computes the grid from the
 * scheduler's records (simulator/orchestrator/grid.ts); this file only renders it.
 *
 * A `role="grid"` table: a column per DAG run (oldest left), a row per task, a cell per task instance.
 * Every cell says its state in a glyph and its try number as text, and in full in its accessible name,
 * so colour is never the only cue. One cell is in the tab order (roving tabindex); arrow keys move,
 * Home/End jump to the first/last run; the focused cell's full text is shown under the grid.
 */
import type { DagGrid, GridRun, GridTiState } from '../../../simulator/orchestrator/grid.js';
import { h } from '../exercise/dom.js';
import { t } from '../../i18n/index.js';

/** A glyph per state, as the Grid view's legend pairs a colour with a state name. */
const GLYPH: Record<GridTiState, string> = {
  none: '·',
  queued: '…',
  running: '▶',
  up_for_retry: '↻',
  success: '✓',
  failed: '✗',
  upstream_failed: '⇡',
  skipped: '⤼',
};

const stateText = (s: GridTiState | GridRun['state']): string => t(`dg.state.${s}` as const);

/** `2026-01-01T00:01:20+00:00` → `00:01:20` (every run of a lesson falls on one day; the full date is in the name). */
const shortTime = (iso: string): string => iso.slice(11, 19);

function cellName(task: string, run: GridRun, state: GridTiState, tryNumber: number): string {
  const params = { task, logical: run.logicalDate, state: stateText(state), try: tryNumber };
  return tryNumber > 0 ? t('dg.cell', params) : t('dg.cellNoTry', params);
}

/** One grid; `id` keeps the ids of two grids on one page apart. */
function gridTable(grid: DagGrid, id: string): HTMLElement {
  const selected = h('p', { class: 'dg-selected', 'aria-live': 'polite', id: `${id}-selected` });
  const cells: HTMLElement[][] = grid.tasks.map(() => []);
  const header = h(
    'tr',
    {},
    h('th', { scope: 'col', class: 'dg-corner' }, t('dg.task')),
    ...grid.runs.map((run) =>
      h(
        'th',
        // The title names the run id (`scheduled__…`, `backfill__…`); a run a backfill created or cleared is marked, as the UI marks its run type.
        { scope: 'col', class: `dg-run dg-run--${run.state}${run.runType === 'backfill' ? ' dg-run--backfill' : ''}`, title: t('dg.run', { runId: run.runId, start: run.dataIntervalStart, end: run.dataIntervalEnd, state: stateText(run.state) }) },
        h('span', { class: 'dg-run__time' }, shortTime(run.logicalDate)),
        h('span', { class: 'dg-run__state' }, stateText(run.state)),
        ...(run.runType === 'backfill' ? [h('span', { class: 'dg-run__type' }, t('dg.backfill'))] : []),
      ),
    ),
  );
  const rows = grid.tasks.map((task, r) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row', class: 'dg-task' }, task),
      ...grid.runs.map((run, c) => {
        const cell = run.cells[r]!;
        const name = cellName(task, run, cell.state, cell.tryNumber);
        const td = h(
          'td',
          { role: 'gridcell', class: `dg-cell dg-cell--${cell.state}`, tabindex: r === 0 && c === grid.runs.length - 1 ? 0 : -1, 'aria-label': name, 'data-state': cell.state, 'data-try': cell.tryNumber },
          h('span', { class: 'dg-cell__glyph', 'aria-hidden': 'true' }, GLYPH[cell.state]),
          h('span', { class: 'dg-cell__try', 'aria-hidden': 'true' }, cell.tryNumber > 0 ? String(cell.tryNumber) : ''),
        );
        td.addEventListener('focus', () => {
          for (const row of cells) for (const other of row) other.tabIndex = other === td ? 0 : -1;
          selected.textContent = t('dg.selected', { text: name });
        });
        cells[r]!.push(td);
        return td;
      }),
    ),
  );
  const table = h('table', { role: 'grid', class: 'dg-table', 'aria-label': t('dg.label', { dag: grid.dagId }), 'aria-describedby': `${id}-help` }, h('thead', {}, header), h('tbody', {}, ...rows));
  table.addEventListener('keydown', (e) => {
    const at = e.target instanceof HTMLElement ? e.target.closest('td') : null;
    if (!at) return;
    const r = cells.findIndex((row) => row.includes(at));
    const c = cells[r]!.indexOf(at);
    const last = grid.runs.length - 1;
    const to: Record<string, [number, number]> = {
      ArrowLeft: [r, Math.max(0, c - 1)],
      ArrowRight: [r, Math.min(last, c + 1)],
      ArrowUp: [Math.max(0, r - 1), c],
      ArrowDown: [Math.min(grid.tasks.length - 1, r + 1), c],
      Home: [r, 0],
      End: [r, last],
    };
    const next = to[e.key];
    if (!next) return;
    e.preventDefault();
    cells[next[0]]![next[1]]!.focus();
  });
  const legend = h(
    'ul',
    { class: 'dg-legend', 'aria-label': t('dg.legend') },
    ...(Object.keys(GLYPH) as GridTiState[]).map((s) => h('li', { class: `dg-cell--${s}` }, h('span', { class: 'dg-cell__glyph', 'aria-hidden': 'true' }, GLYPH[s]), ' ', stateText(s))),
  );
  return h('div', { class: 'dg-grid' }, h('p', { class: 'dg-help', id: `${id}-help` }, t('dg.help')), h('div', { class: 'dg-scroll' }, table), selected, legend);
}

/** Draws every grid of a run into `root`; returns false (and leaves `root` empty) when no DAG ran. */
export function renderDagGrids(root: HTMLElement, grids: readonly DagGrid[], idPrefix: string): boolean {
  root.replaceChildren(...grids.map((g, i) => gridTable(g, `${idPrefix}-dg${i}`)));
  return grids.length > 0;
}
