/**
 * The live diagram panel of an exercise: the pipeline (ELK layout in its own worker), a time
 * scrubber (range, play/pause at chosen speeds, next fault / next loss), a counters table that
 * follows the scrubber, and "follow a record" (hop by hop, with the fault that decided its fate).
 * The state at t comes from simulator/diagram/state.ts over the run's per-second samples.
 */
import ELK from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { DiagramModel } from '../../../simulator/diagram/model.js';
import { buildTimeline, stateAt, faultTimes, lossTimes, nextAfter, type Timeline, type DiagramState } from '../../../simulator/diagram/state.js';
import { recordPath, type RecordPath } from '../../../simulator/diagram/path.js';
import type { PageResult, RecordStory } from '../../../workers/api.js';
import { h } from '../exercise/dom.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { layoutDiagram } from './layout.js';
import { svgMarkup, enableKeyboard } from './render.js';
import { bindSvg, applyState, applyPath, fmtTime, faultText, type BoundSvg } from './live.js';
import css from '../../components/diagram/diagram.css?inline';

export interface DiagramPanel {
  /** Draws a pipeline without run data (before the first run, or after an edit). */
  showModel(model: DiagramModel): Promise<void>;
  /** Draws the run's pipeline and lets the scrubber move through it; starts at the end. */
  showRun(model: DiagramModel, result: Pick<PageResult, 'samples' | 'log' | 'simulatedMs'>): Promise<void>;
  setTime(timeMs: number): void;
  /** Highlights a record's path (from the ledger view or `trace <id>`). */
  follow(story: RecordStory): void;
  /** Time of the state on screen. */
  time(): number;
}

const SPEEDS = [1, 5, 20];
let uidSeq = 0;
let elk: InstanceType<typeof ELK> | undefined;

function ensureCss(): void {
  if (document.getElementById('pd-css')) return;
  document.head.append(Object.assign(document.createElement('style'), { id: 'pd-css', textContent: css }));
}

export function createDiagramPanel(host: HTMLElement, onTime?: (timeMs: number) => void): DiagramPanel {
  ensureCss();
  const uid = `pd-${++uidSeq}`;
  const figure = h('figure', { class: 'pd pd-live', 'aria-labelledby': `${uid}-cap` });
  // The diagram starts zoomed to fit its box; the zoom buttons (and + − 0 on the focused box)
  // enlarge it, and a visible cue says when part of it is out of view.
  const scroll = h('div', { class: 'pd__scroll', tabindex: 0, role: 'group', 'aria-label': t('pd.zoom.box') });
  const caption = h('figcaption', { id: `${uid}-cap` }, t('pd.panel.before'));
  figure.append(scroll, caption);
  const range = h('input', { type: 'range', min: 0, max: 0, step: 100, value: 0, id: `${uid}-time`, disabled: true, class: 'pd-range' });
  const timeOut = h('output', { class: 'pd-time', for: range.id, 'aria-live': 'off' }, '0 s');
  const play = h('button', { type: 'button', disabled: true, class: 'pd-play' }, t('pd.play'));
  const speed = h('select', { id: `${uid}-speed`, disabled: true }, ...SPEEDS.map((n) => h('option', { value: n }, t('pd.speedOption', { n }))));
  const nextFault = h('button', { type: 'button', disabled: true, class: 'pd-next-fault' }, t('pd.nextFault'));
  const nextLoss = h('button', { type: 'button', disabled: true, class: 'pd-next-loss' }, t('pd.nextLoss'));
  const note = h('p', { class: 'ex-note', role: 'status' });
  const zoomOut = h('button', { type: 'button', class: 'pd-zoom-out', 'aria-keyshortcuts': '-' }, t('pd.zoom.out'));
  const zoomFit = h('button', { type: 'button', class: 'pd-zoom-fit', 'aria-keyshortcuts': '0' }, t('pd.zoom.fit'));
  const zoomIn = h('button', { type: 'button', class: 'pd-zoom-in', 'aria-keyshortcuts': '+' }, t('pd.zoom.in'));
  const clipCue = h('p', { class: 'ex-note pd-clip-cue', hidden: true }, t('pd.zoom.cue'));
  const table = h('table', { class: 'pd-table' });
  const followBox = h('div', { class: 'pd-follow', hidden: true, 'aria-live': 'polite' });
  host.append(
    h('p', { class: 'ex-note' }, t('pd.panel.intro')),
    h('div', { class: 'pd-controls', role: 'group', 'aria-label': t('pd.time') }, h('label', { for: range.id }, t('pd.time')), range, timeOut, play, h('label', { for: speed.id }, t('pd.speed')), speed, nextFault, nextLoss),
    note,
    h('div', { class: 'pd-zoom', role: 'group', 'aria-label': t('pd.zoom.label') }, zoomOut, zoomFit, zoomIn),
    clipCue,
    figure,
    followBox,
    table,
  );

  let model: DiagramModel | undefined;
  let bound: BoundSvg | undefined;
  let timeline: Timeline | undefined;
  let faults: number[] = [];
  let losses: number[] = [];
  let now = 0;
  let playing: number | undefined;
  let path: RecordPath | undefined;
  let hop = 0;

  /** 0 = fit the box's width; otherwise the scale against the layout's own size. */
  let zoom = 0;
  const applyZoom = () => {
    const svg = scroll.querySelector('svg');
    if (!svg) return;
    const natural = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width;
    svg.style.width = zoom === 0 ? '100%' : `${Math.round(natural * zoom)}px`;
    svg.style.maxWidth = zoom === 0 ? '100%' : 'none';
    svg.style.minWidth = '0';
    zoomFit.setAttribute('aria-pressed', String(zoom === 0));
    clipCue.hidden = scroll.scrollWidth <= scroll.clientWidth + 1;
  };
  /** The scale that fit gives, so zooming in or out starts from what is on screen. */
  const fitScale = () => {
    const svg = scroll.querySelector('svg');
    const natural = svg ? Number(svg.getAttribute('width')) || 1 : 1;
    return Math.min(1, scroll.clientWidth / natural);
  };
  const setZoom = (z: number) => {
    zoom = z === 0 ? 0 : Math.max(0.1, Math.min(2, z));
    applyZoom();
  };
  zoomIn.addEventListener('click', () => setZoom((zoom || fitScale()) * 1.25));
  zoomOut.addEventListener('click', () => setZoom((zoom || fitScale()) / 1.25));
  zoomFit.addEventListener('click', () => setZoom(0));
  scroll.addEventListener('keydown', (e) => {
    if (e.target !== scroll || e.ctrlKey || e.metaKey || e.altKey) return;
    const z = e.key === '+' || e.key === '=' ? (zoom || fitScale()) * 1.25 : e.key === '-' ? (zoom || fitScale()) / 1.25 : e.key === '0' ? 0 : undefined;
    if (z === undefined) return;
    e.preventDefault();
    setZoom(z);
  });
  new ResizeObserver(applyZoom).observe(scroll);

  const draw = async (m: DiagramModel) => {
    elk ??= new ELK({ workerUrl: elkWorkerUrl });
    try {
      const layout = await layoutDiagram(m, elk);
      scroll.innerHTML = svgMarkup(m, layout, uid, { interactive: true });
      const svg = scroll.querySelector('svg')!;
      enableKeyboard(svg);
      bound = bindSvg(svg);
      model = m;
      applyZoom();
    } catch (error) {
      scroll.replaceChildren(h('p', { class: 'ex-note' }, t('pd.layoutFailed', { reason: error instanceof Error ? error.message : String(error) })));
    }
  };

  const renderTable = (s: DiagramState) => {
    const cols: MessageKey[] = ['pd.table.place', 'pd.table.status', 'pd.table.sent', 'pd.table.delivered', 'pd.table.lost', 'pd.table.duplicated', 'pd.table.filtered', 'pd.table.bytes', 'pd.table.gauges'];
    const n = (x: number | undefined) => (x === undefined ? '' : x.toLocaleString('en'));
    const rows = [
      ...s.nodes.map((x) => [
        x.id,
        t(`pd.status.${x.status}` as MessageKey),
        '',
        '',
        n(x.notes.lost),
        n(x.notes.duplicated),
        n(x.notes.filtered),
        '',
        [x.queue !== undefined ? `q ${n(x.queue)}` : '', x.log !== undefined ? `log ${n(x.log)}` : '', x.lag !== undefined ? `lag ${n(x.lag)}` : '', x.watermarkMs !== undefined ? `wm ${fmtTime(x.watermarkMs)}` : '', x.checkpoint && x.checkpoint.id > 0 ? `cp #${x.checkpoint.id}` : ''].filter(Boolean).join(' · '),
      ]),
      ...s.edges.map((e) => [e.id, e.faults.map(faultText).join('; '), n(e.sent), n(e.delivered), n(e.lost), n(e.duplicated), '', n(e.bytes), '']),
    ];
    table.replaceChildren(
      h('caption', {}, t('pd.table.caption', { time: fmtTime(s.timeMs) })),
      h('thead', {}, h('tr', {}, ...cols.map((c) => h('th', { scope: 'col' }, t(c))))),
      h('tbody', {}, ...rows.map((r) => h('tr', { 'data-place': r[0] ?? '' }, h('th', { scope: 'row' }, r[0] ?? ''), ...r.slice(1).map((c) => h('td', {}, c))))),
    );
  };

  const setTime = (timeMs: number) => {
    if (!timeline || !model || !bound) return;
    const s = stateAt(timeline, timeMs);
    now = s.timeMs;
    range.value = String(now);
    timeOut.textContent = fmtTime(now);
    range.setAttribute('aria-valuetext', fmtTime(now));
    applyState(bound, model, s);
    renderTable(s);
    caption.textContent = t('pd.figureLive', { time: fmtTime(now) });
    host.dataset.time = String(now);
    onTime?.(now);
    // For other panels (charts, terminal) that want to follow the scrubber: a bubbling event with the time.
    host.dispatchEvent(new CustomEvent('pipeline-time', { detail: { timeMs: now }, bubbles: true }));
  };

  const stop = () => {
    if (playing !== undefined) clearInterval(playing);
    playing = undefined;
    play.textContent = t('pd.play');
  };

  range.addEventListener('input', () => {
    stop();
    setTime(Number(range.value));
  });
  play.addEventListener('click', () => {
    if (playing !== undefined) return stop();
    if (!timeline) return;
    if (now >= timeline.endMs) setTime(0);
    play.textContent = t('pd.pause');
    // 10 frames per wall second; each advances speed × 100 ms of simulated time.
    playing = window.setInterval(() => {
      if (!timeline || now >= timeline.endMs) return stop();
      setTime(now + Number(speed.value) * 100);
    }, 100);
  });
  const jump = (times: number[]) => {
    stop();
    // A run opens with the slider at its end, where nothing comes next: start from the beginning then.
    const from = timeline && now >= timeline.endMs ? -1 : now;
    const next = nextAfter(times, from);
    if (next === undefined) note.textContent = t('pd.noNext', { time: fmtTime(now) });
    else {
      note.textContent = '';
      setTime(next);
    }
  };
  nextFault.addEventListener('click', () => jump(faults));
  nextLoss.addEventListener('click', () => jump(losses));

  const showHop = (i: number) => {
    if (!path || !bound) return;
    hop = Math.max(0, Math.min(i, path.hops.length - 1));
    const current = path.hops[hop];
    if (current) setTime(current.timeMs);
    applyPath(bound, figure, path.elements, path.hops, hop);
    followBox.querySelectorAll('li').forEach((li, j) => (j === hop ? li.setAttribute('aria-current', 'step') : li.removeAttribute('aria-current')));
  };

  return {
    async showModel(m) {
      stop();
      timeline = undefined;
      for (const c of [range, play, speed, nextFault, nextLoss]) c.disabled = true;
      await draw(m);
      caption.textContent = t('pd.panel.before');
      table.replaceChildren();
    },
    async showRun(m, result) {
      stop();
      await draw(m);
      timeline = buildTimeline(m, result);
      faults = faultTimes(m);
      losses = lossTimes(timeline);
      range.max = String(timeline.endMs);
      for (const c of [range, play, speed, nextFault, nextLoss]) c.disabled = false;
      path = undefined;
      followBox.hidden = true;
      if (bound) applyPath(bound, figure, undefined, [], 0);
      setTime(timeline.endMs);
    },
    setTime,
    follow(story) {
      if (!model || !bound) return;
      stop();
      path = recordPath(model, story.steps);
      const clear = h('button', { type: 'button', class: 'ex-link-button' }, t('pd.follow.clear'));
      clear.addEventListener('click', () => {
        path = undefined;
        followBox.hidden = true;
        if (bound) applyPath(bound, figure, undefined, [], 0);
      });
      const items = path.hops.map((p, i) => {
        const b = h('button', { type: 'button', class: 'ex-link-button' }, `${fmtTime(p.timeMs)} ${p.where}`);
        b.addEventListener('click', () => showHop(i));
        return h('li', { class: `pd-hop--${p.kind}` }, b, ` ${p.what}`, p.fault ? h('strong', {}, ` — ${t('pd.follow.fault', { fault: faultText(p.fault) })}`) : null);
      });
      followBox.replaceChildren(
        h('h4', {}, t('pd.follow.title', { id: story.id })),
        items.length ? h('ol', {}, ...items) : h('p', {}, t('pd.follow.none', { id: story.id })),
        h('ul', {}, ...Object.entries(story.fate).map(([out, fate]) => h('li', {}, h('strong', {}, `${out}: `), fate))),
        clear,
      );
      followBox.hidden = false;
      // Hop by hop: the path grows one step at a time, then rests on the step that decided the fate.
      let fateAt = 0;
      path.hops.forEach((p, k) => (fateAt = p.kind !== 'hop' ? k : fateAt));
      const last = path.hops.length - 1;
      let i = 0;
      const stepper = window.setInterval(() => {
        showHop(i);
        if (i >= last) {
          clearInterval(stepper);
          showHop(path?.hops[fateAt]?.kind === 'hop' ? last : fateAt);
        }
        i++;
      }, 120);
    },
    time: () => now,
  };
}
