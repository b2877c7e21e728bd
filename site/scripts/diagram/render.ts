/**
 * The diagram as SVG markup (a string, so Astro can inline it at build time and the page can
 * insert it): nodes with their parts, routed edges with labels, and slots for the live gauges
 * and counters that `live.ts` fills in. Every node is focusable and carries its description.
 */
import type { DiagramModel, DiagramNode, DiagramPart } from '../../../simulator/diagram/model.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { GEOMETRY, partBoxes, type DiagramLayout } from './layout.js';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const typeLabel = (type: DiagramNode['type']) => t(`diagram.type.${type}` as MessageKey);

/** The description of a node without run data (the lesson diagram). */
export function staticDescription(n: DiagramNode): string {
  const parts = [t('pd.node', { id: n.id, type: typeLabel(n.type) })];
  if (n.settings.length) parts.push(t('pd.node.settings', { settings: n.settings.join(', ') }));
  const brokers = n.parts.filter((p) => p.kind === 'broker').map((p) => p.label);
  if (brokers.length) parts.push(t('pd.node.brokers', { list: brokers.join(', ') }));
  const partitions = n.parts.filter((p) => p.kind === 'partition').map((p) => `${p.label} (replicas ${p.replicas?.join(', ')})`);
  if (partitions.length) parts.push(t('pd.node.partitions', { list: partitions.join('; ') }));
  const ops = n.parts.filter((p) => p.kind === 'operator').map((p) => p.label);
  if (ops.length) parts.push(t('pd.node.operators', { list: ops.join(' → ') }));
  const subtasks = n.parts.filter((p) => p.kind === 'subtask').map(subtaskDescription);
  if (subtasks.length) parts.push(t('pd.node.subtasks', { list: subtasks.join('; ') }));
  return parts.join(' ');
}

const partitionList = (reads: readonly number[]) => reads.map((p) => `p${p}`).join(',');

/** "subtask 1 reads p0, p2; key groups 64–127" (or: reads no partition). */
function subtaskDescription(p: DiagramPart): string {
  const reads = p.reads ?? [];
  return t(reads.length ? 'pd.subtask' : 'pd.subtask.idle', { n: p.subtask ?? 0, partitions: partitionList(reads), start: p.keyGroups?.[0] ?? 0, end: p.keyGroups?.[1] ?? 0 });
}

/** The short label inside a subtask's box: "#1 ← p0,p2 · kg 64–127". */
function subtaskLabel(p: DiagramPart): string {
  const reads = p.reads ?? [];
  return t('pd.subtask.label', { n: p.subtask ?? 0, partitions: reads.length ? partitionList(reads) : t('pd.subtask.none'), start: p.keyGroups?.[0] ?? 0, end: p.keyGroups?.[1] ?? 0 });
}

function partLabel(p: DiagramPart): string {
  if (p.kind === 'partition') return `${p.label} · r${p.replicas?.join(',') ?? ''}`;
  if (p.kind === 'subtask') return subtaskLabel(p);
  return p.label;
}

/** Whether an edge's route ends left of where it starts (drawn against the flow). */
function runsBack(path: string): boolean {
  const nums = path.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
  return nums.length >= 4 && nums[nums.length - 2]! <= nums[0]!;
}

/**
 * `interactive`: nodes are focusable, each with its own label (the live diagram); otherwise the
 * picture is one image described by the element `describedBy` names (the lesson diagram).
 */
export function svgMarkup(model: DiagramModel, layout: DiagramLayout, uid: string, options: { interactive: boolean; describedBy?: string }): string {
  const g = GEOMETRY;
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  const role = options.interactive ? 'role="group"' : `role="img"${options.describedBy ? ` aria-describedby="${options.describedBy}"` : ''}`;
  out.push(
    `<svg class="pd-svg" xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" ${role} aria-labelledby="${uid}-title">`,
    `<title id="${uid}-title">${esc(t('pd.figure', { nodes: model.nodes.length, edges: model.edges.length }))}</title>`,
    `<defs><marker id="${uid}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="pd-arrow" d="M0 0 L10 5 L0 10 Z"/></marker></defs>`,
  );
  for (const e of layout.edges) {
    const edge = model.edges.find((x) => x.id === e.id);
    if (!edge) continue;
    out.push(
      `<g class="pd-edge" data-edge="${esc(e.id)}" aria-hidden="true">`,
      `<path class="pd-edge__halo" d="${e.path}"/><path class="pd-edge__line diagram__edge${runsBack(e.path) ? ' diagram__edge--back' : ''}" d="${e.path}" marker-end="url(#${uid}-arrow)"/>`,
      `<text class="pd-edge__via" x="${e.labelX}" y="${e.labelY}" text-anchor="middle">${esc(edge.via)}</text>`,
      `<text class="pd-edge__counts" x="${e.labelX}" y="${e.labelY + 14}" text-anchor="middle"></text>`,
      `<text class="pd-edge__fault" x="${e.labelX}" y="${e.labelY - 14}" text-anchor="middle"></text>`,
      `</g>`,
    );
  }
  for (const laid of layout.nodes) {
    const n = byId.get(laid.id);
    if (!n) continue;
    const w = laid.width;
    out.push(
      `<g class="pd-node diagram__node" data-node="${esc(n.id)}" data-type="${n.type}" data-status="up" transform="translate(${laid.x} ${laid.y})"${options.interactive ? ` tabindex="0" role="img" aria-roledescription="${esc(typeLabel(n.type))}" aria-label="${esc(staticDescription(n))}"` : ''}>`,
      `<rect class="pd-node__box" width="${w}" height="${laid.height}" rx="8"/>`,
      `<rect class="pd-node__stripe" width="6" height="${laid.height}" rx="3"/>`,
      `<text class="pd-node__id" x="16" y="20">${esc(n.id)}</text>`,
      `<text class="pd-node__type" x="16" y="36">${esc(typeLabel(n.type))}</text>`,
      `<text class="pd-node__status" x="${w - 10}" y="36" text-anchor="end"></text>`,
      `<text class="pd-node__settings" x="16" y="52">${esc(n.settings.join(' · '))}</text>`,
    );
    for (let i = 0; i < 3; i++) out.push(`<text class="pd-node__gauge" data-line="${i}" x="16" y="${g.header + 9 + i * g.line}"></text>`);
    out.push(`<text class="pd-node__notes" x="16" y="66"></text>`);
    for (const p of partBoxes(n, w)) {
      if (p.topicLabel) out.push(`<text class="pd-part__topic" x="${p.topicLabel.x}" y="${p.topicLabel.y}">${esc(p.topicLabel.text)}</text>`);
      out.push(
        `<g class="pd-part pd-part--${p.part.kind}" data-part="${esc(p.id)}"${p.part.kind === 'subtask' && !p.part.reads?.length ? ' data-idle=""' : ''} transform="translate(${p.x} ${p.y})">`,
        `<rect width="${p.width}" height="${p.height}" rx="4"/>`,
        `<text class="pd-part__label" x="${p.width / 2}" y="${p.part.kind === 'partition' ? 15 : p.height / 2 + 4}" text-anchor="middle">${esc(partLabel(p.part))}</text>`,
        p.part.kind === 'partition' ? `<text class="pd-part__state" x="${p.width / 2}" y="31" text-anchor="middle">${esc(t('pd.leader', { id: p.part.replicas?.[0] ?? '?' }))} · ${esc(t('pd.isr', { list: p.part.replicas?.join(',') ?? '' }))}</text>` : '',
        `</g>`,
      );
    }
    out.push(`</g>`);
  }
  out.push('</svg>');
  return out.join('');
}

/**
 * Arrow keys move focus between nodes: left/right to the nearest node in that direction,
 * up/down likewise; Home/End to the first/last. Only one node is in the tab order at a time
 * (roving tabindex), so Tab leaves the diagram instead of visiting every node.
 */
export function enableKeyboard(svg: SVGSVGElement): void {
  const nodes = [...svg.querySelectorAll<SVGGElement>('.pd-node')];
  const centre = (el: SVGGElement) => {
    const m = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(el.getAttribute('transform') ?? '');
    const box = el.querySelector('rect')!;
    return { x: Number(m?.[1] ?? 0) + Number(box.getAttribute('width')) / 2, y: Number(m?.[2] ?? 0) + Number(box.getAttribute('height')) / 2 };
  };
  const order = [...nodes].sort((a, b) => centre(a).x - centre(b).x || centre(a).y - centre(b).y);
  order.forEach((n, i) => n.setAttribute('tabindex', i === 0 ? '0' : '-1'));
  const focus = (el: SVGGElement | undefined) => {
    if (!el) return;
    for (const n of nodes) n.setAttribute('tabindex', n === el ? '0' : '-1');
    el.focus();
  };
  for (const el of nodes) {
    el.addEventListener('keydown', (e) => {
      const c = centre(el);
      const dir = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] }[e.key];
      if (e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        focus(e.key === 'Home' ? order[0] : order[order.length - 1]);
        return;
      }
      if (!dir) return;
      e.preventDefault();
      const [dx, dy] = dir as [number, number];
      let best: SVGGElement | undefined;
      let bestScore = Infinity;
      for (const other of nodes) {
        if (other === el) continue;
        const o = centre(other);
        const along = (o.x - c.x) * dx + (o.y - c.y) * dy;
        if (along <= 0) continue;
        const across = Math.abs((o.x - c.x) * dy) + Math.abs((o.y - c.y) * dx);
        const score = along + 2 * across;
        if (score < bestScore) {
          bestScore = score;
          best = other;
        }
      }
      // Nothing further that way: step through the reading order instead, so every node is reachable.
      focus(best ?? order[(order.indexOf(el) + (dx + dy > 0 ? 1 : order.length - 1)) % order.length]);
    });
  }
}
