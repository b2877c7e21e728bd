/**
 * Puts a DiagramState onto the rendered SVG: status per node and broker, partition leaders and
 * ISRs, gauges, per-edge counters and the faults acting now, and every node's spoken description.
 * Elements are looked up once (`bindSvg`), so each scrubber step only sets attributes and text.
 */
import type { DiagramModel, FaultWindow } from '../../../simulator/diagram/model.js';
import type { DiagramState, NodeState } from '../../../simulator/diagram/state.js';
import type { PathHop } from '../../../simulator/diagram/path.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { staticDescription } from './render.js';

export const fmtTime = (ms: number) => `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
const fmtN = (n: number) => n.toLocaleString('en');

interface NodeEls {
  g: SVGGElement;
  status: SVGTextElement;
  notes: SVGTextElement;
  gauges: SVGTextElement[];
  parts: Map<string, SVGGElement>;
}

interface EdgeEls {
  g: SVGGElement;
  counts: SVGTextElement;
  fault: SVGTextElement;
}

export interface BoundSvg {
  svg: SVGSVGElement;
  nodes: Map<string, NodeEls>;
  edges: Map<string, EdgeEls>;
}

export function bindSvg(svg: SVGSVGElement): BoundSvg {
  const nodes = new Map<string, NodeEls>();
  for (const g of svg.querySelectorAll<SVGGElement>('.pd-node')) {
    nodes.set(g.dataset.node ?? '', {
      g,
      status: g.querySelector('.pd-node__status')!,
      notes: g.querySelector('.pd-node__notes')!,
      gauges: [...g.querySelectorAll<SVGTextElement>('.pd-node__gauge')],
      parts: new Map([...g.querySelectorAll<SVGGElement>('.pd-part')].map((p) => [p.dataset.part ?? '', p])),
    });
  }
  const edges = new Map<string, EdgeEls>();
  for (const g of svg.querySelectorAll<SVGGElement>('.pd-edge')) {
    edges.set(g.dataset.edge ?? '', { g, counts: g.querySelector('.pd-edge__counts')!, fault: g.querySelector('.pd-edge__fault')! });
  }
  return { svg, nodes, edges };
}

export function faultText(f: FaultWindow): string {
  if (f.kind === 'link') return t('pd.fault.link', { target: f.target, loss: f.loss ?? 0, duplicate: f.duplicate ?? 0, reorder: f.reorder ?? 0 });
  return t(f.kind === 'crash' ? 'pd.fault.crash' : 'pd.fault.partition', { target: f.target });
}

function gaugeLines(n: NodeState): string[] {
  const lines: string[] = [];
  if (n.queue !== undefined) lines.push(t('pd.gauge.queue', { n: fmtN(n.queue) }));
  if (n.lag !== undefined) lines.push(t('pd.gauge.lag', { n: fmtN(n.lag) }));
  if (n.log !== undefined) lines.push(t('pd.gauge.log', { n: fmtN(n.log) }));
  if (n.checkpoint) {
    lines.push(n.watermarkMs !== undefined ? t('pd.gauge.watermark', { time: fmtTime(n.watermarkMs) }) : t('pd.gauge.noWatermark'));
    lines.push(n.checkpoint.id > 0 ? t('pd.gauge.checkpoint', { id: n.checkpoint.id, time: fmtTime(n.checkpoint.atMs) }) : t('pd.gauge.noCheckpoint'));
  }
  return lines;
}

/** Everything a sighted learner reads off one node, in words. */
export function describeNode(model: DiagramModel, n: NodeState): string {
  const node = model.nodes.find((x) => x.id === n.id)!;
  const parts = [staticDescription(node).split('.')[0] + '.', t('pd.node.status', { status: t(`pd.status.${n.status}` as MessageKey) }), t('pd.node.notes', { ...n.notes })];
  if (n.queue !== undefined) parts.push(t('pd.node.queue', { n: fmtN(n.queue) }));
  if (n.lag !== undefined) parts.push(t('pd.node.lag', { n: fmtN(n.lag) }));
  if (n.log !== undefined) parts.push(t('pd.node.log', { n: fmtN(n.log) }));
  if (n.checkpoint) {
    parts.push(n.watermarkMs !== undefined ? t('pd.node.watermark', { time: fmtTime(n.watermarkMs) }) : t('pd.node.noWatermark'));
    parts.push(n.checkpoint.id > 0 ? t('pd.node.checkpoint', { id: n.checkpoint.id, time: fmtTime(n.checkpoint.atMs) }) : t('pd.node.noCheckpoint'));
  }
  const brokers = n.parts.filter((p) => p.status !== undefined);
  if (brokers.length) parts.push(t('pd.node.brokers', { list: brokers.map((b) => `${b.id.split('/')[1]} ${t(`pd.status.${b.status}` as MessageKey)}`).join(', ') }));
  const partitions = n.parts.filter((p) => p.leader !== undefined);
  if (partitions.length) {
    const list = partitions.map((p) => {
      const name = p.id.split(':')[1] ?? p.id;
      return p.leader ? t('pd.partition', { name, leader: p.leader, isr: p.isr?.join(',') ?? '', hw: fmtN(p.highWatermark ?? 0) }) : t('pd.partition.offline', { name });
    });
    parts.push(t('pd.node.partitions', { list: list.join('; ') }));
  }
  if (n.faults.length) parts.push(t('pd.node.faults', { faults: n.faults.map(faultText).join('; ') }));
  const outgoing = model.edges.filter((e) => e.from === n.id).map((e) => e.to);
  if (outgoing.length) parts.push(outgoing.map((to) => t('pd.edge', { from: n.id, to, via: '' })).join(' '));
  return parts.join(' ');
}

export function applyState(bound: BoundSvg, model: DiagramModel, state: DiagramState): void {
  for (const n of state.nodes) {
    const els = bound.nodes.get(n.id);
    if (!els) continue;
    els.g.dataset.status = n.status;
    els.status.textContent = t(`pd.status.${n.status}` as MessageKey);
    // Only what happened here, so the line stays short: "lost 225 · +3 copies".
    const notes = [
      n.notes.lost ? t('pd.gauge.lost', { n: fmtN(n.notes.lost) }) : '',
      n.notes.duplicated ? t('pd.gauge.copies', { n: fmtN(n.notes.duplicated) }) : '',
      n.notes.filtered ? t('pd.gauge.filtered', { n: fmtN(n.notes.filtered) }) : '',
      n.notes.late ? t('pd.gauge.late', { n: fmtN(n.notes.late) }) : '',
    ].filter(Boolean);
    els.notes.textContent = notes.length ? notes.join(' · ') : t('pd.gauge.clean');
    els.notes.toggleAttribute('data-bad', n.notes.lost > 0);
    const lines = gaugeLines(n);
    els.gauges.forEach((g, i) => (g.textContent = lines[i] ?? ''));
    for (const p of n.parts) {
      const g = els.parts.get(p.id);
      if (!g) continue;
      if (p.status) g.dataset.status = p.status;
      if (p.leader !== undefined) {
        g.toggleAttribute('data-offline', p.leader === 0);
        const st = g.querySelector('.pd-part__state');
        if (st) st.textContent = p.leader ? `${t('pd.leader', { id: p.leader })} · ${t('pd.isr', { list: p.isr?.join(',') ?? '' })} · hw ${fmtN(p.highWatermark ?? 0)}` : t('pd.partition.offline', { name: '' }).trim();
      }
    }
    els.g.setAttribute('aria-label', describeNode(model, n));
  }
  for (const e of state.edges) {
    const els = bound.edges.get(e.id);
    if (!els) continue;
    els.counts.textContent = t('pd.edge.label', { delivered: fmtN(e.delivered), lost: fmtN(e.lost), duplicated: fmtN(e.duplicated) });
    if (e.faults.length) els.g.dataset.fault = [...new Set(e.faults.map((f) => f.kind))].join(' ');
    else delete els.g.dataset.fault;
    els.fault.textContent = e.faults.map((f) => (f.kind === 'link' ? `loss ${f.loss ?? 0} dup ${f.duplicate ?? 0}${f.reorder ? ` reorder ${f.reorder}` : ''}` : f.kind)).join(' · ');
  }
}

/** Highlights the hops of a followed record up to `upTo` (index into hops); clears with no path. */
export function applyPath(bound: BoundSvg, figure: HTMLElement, elements: readonly string[] | undefined, hops: readonly PathHop[], upTo: number): void {
  const all = [...bound.nodes.values()].map((n) => n.g).concat([...bound.edges.values()].map((e) => e.g));
  for (const g of all) {
    g.removeAttribute('data-on-path');
    g.removeAttribute('data-hop-now');
    g.removeAttribute('data-hop-fate');
  }
  figure.toggleAttribute('data-following', !!elements);
  if (!elements) return;
  const visited = new Set<string>();
  hops.slice(0, upTo + 1).forEach((h) => {
    if (h.edge) {
      const e = h.edge.split('->');
      visited.add(h.edge);
      e.forEach((x) => visited.add(x));
    } else if (h.node) visited.add(h.node);
  });
  for (const id of elements) if (visited.has(id)) (bound.nodes.get(id)?.g ?? bound.edges.get(id)?.g)?.setAttribute('data-on-path', '');
  const now = hops[upTo];
  const g = now ? (now.edge ? bound.edges.get(now.edge)?.g : now.node ? bound.nodes.get(now.node)?.g : undefined) : undefined;
  if (g && now) {
    g.setAttribute('data-hop-now', '');
    g.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    if (now.kind === 'lost' || now.kind === 'copy') g.setAttribute('data-hop-fate', now.kind);
  }
}
