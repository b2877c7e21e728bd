/**
 * A pipeline spec → a left-to-right picture: which node sits in which column and row, and
 * where each connection runs. Pure data (no DOM, no Astro), so it is unit-tested and the
 * Diagram component only turns the result into SVG.
 *
 * Columns follow the data: a node sits one column right of the furthest node that feeds it.
 * Edges that run against the usual flow (a Flink job writing back into Kafka) are drawn as
 * loops underneath and do not move anything, so the picture stays readable and acyclic.
 */
import type { NodeType, PipelineSpec } from '../../simulator/spec/index.js';
import { orderRows } from './topology-order.js';

export { countCrossings } from './topology-order.js';

/** Where each kind of system usually sits in a pipeline, left to right (DESIGN §1). */
export const TYPE_RANK: Readonly<Record<NodeType, number>> = {
  beats: 0,
  logstash: 1,
  kafka: 2,
  consumer: 3,
  flink: 3,
  elasticsearch: 4,
  s3: 4,
  batch: 5,
  serving: 6,
};

export interface TopologyEdge {
  from: string;
  to: string;
  /** What travels on it: a topic, an index, an object prefix (empty when nothing names it). */
  via: string;
}

export interface PlacedNode {
  id: string;
  type: NodeType;
  column: number;
  row: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge extends TopologyEdge {
  /** True when the edge runs right to left (drawn as a loop below the nodes). */
  back: boolean;
  /** SVG path data. */
  path: string;
  labelX: number;
  labelY: number;
}

export interface TopologyLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export const GEOMETRY = {
  nodeHeight: 56,
  minNodeWidth: 112,
  charWidth: 8,
  /** Gap between columns: at least this, more when an edge label between them needs it. */
  minColumnGap: 56,
  labelCharWidth: 7,
  rowGap: 28,
  margin: 16,
  backLoopDepth: 44,
} as const;

/** Every connection the spec's `output`, `source`, `sink`, `batch` and `speed` references make, in spec order. */
export function edgesOf(spec: Pick<PipelineSpec, 'nodes'>): TopologyEdge[] {
  const edges: TopologyEdge[] = [];
  const add = (from: string, to: string, via = '') => {
    const same = edges.find((e) => e.from === from && e.to === to);
    if (!same) edges.push({ from, to, via });
    else if (via && !same.via.split(', ').includes(via)) same.via = same.via ? `${same.via}, ${via}` : via;
  };
  for (const [id, node] of Object.entries(spec.nodes)) {
    switch (node.type) {
      case 'beats':
        add(id, node.output, node.topic ?? node.index ?? '');
        break;
      case 'logstash':
        if (node.output.kafka) add(id, node.output.kafka.node, node.output.kafka.topic_id);
        if (node.output.elasticsearch) add(id, node.output.elasticsearch.node, node.output.elasticsearch.index);
        if (node.output.s3) add(id, node.output.s3.node, node.output.s3.prefix);
        break;
      case 'consumer':
        add(node.source.node, id, node.source.topic);
        if (node.output.elasticsearch) add(id, node.output.elasticsearch.node, node.output.elasticsearch.index);
        if (node.output.s3) add(id, node.output.s3.node, node.output.s3.prefix);
        break;
      case 'flink':
        add(node.source.node, id, node.source.topic);
        if (node.sink.kafka) add(id, node.sink.kafka.node, node.sink.kafka.topic);
        if (node.sink.elasticsearch) add(id, node.sink.elasticsearch.node, node.sink.elasticsearch.index);
        if (node.sink.filesystem) add(id, node.sink.filesystem.node, node.sink.filesystem.path);
        break;
      case 'batch':
        add(node.source.node, id, node.source.prefix);
        break;
      case 'serving':
        if (node.batch) add(node.batch, id);
        if (node.speed) add(node.speed, id);
        break;
      default:
        break;
    }
  }
  // A reference to a node that does not exist is the parser's business; the picture just leaves it out.
  return edges.filter((e) => e.from in spec.nodes && e.to in spec.nodes && e.from !== e.to);
}

function nodeWidth(id: string, type: string): number {
  const longest = Math.max(id.length, type.length + 2);
  return Math.max(GEOMETRY.minNodeWidth, longest * GEOMETRY.charWidth + 32);
}

/**
 * Places every node. `typeLabel` gives the text drawn under the id (its width is reserved),
 * so the caller can pass translated names.
 */
export function layoutTopology(spec: Pick<PipelineSpec, 'nodes'>, typeLabel: (type: NodeType) => string = (t) => t): TopologyLayout {
  const ids = Object.keys(spec.nodes);
  const typeOf = (id: string): NodeType => spec.nodes[id]!.type;
  const edges = edgesOf(spec);
  const forward = edges.filter((e) => TYPE_RANK[typeOf(e.from)] < TYPE_RANK[typeOf(e.to)]);

  // Longest path over forward edges. Ranks strictly increase along them, so visiting nodes by
  // rank (spec order within a rank) visits every predecessor first.
  const byRank = [...ids].sort((a, b) => TYPE_RANK[typeOf(a)] - TYPE_RANK[typeOf(b)] || ids.indexOf(a) - ids.indexOf(b));
  const column = new Map<string, number>();
  for (const id of byRank) {
    const preds = forward.filter((e) => e.to === id).map((e) => column.get(e.from) ?? 0);
    column.set(id, preds.length ? Math.max(...preds) + 1 : 0);
  }
  // A branch no log shipper feeds (a bucket the batch job reads, filled before the run) would
  // otherwise start at the far left; pull it right, next to what it feeds.
  const fedFromStart = new Set(byRank.filter((id) => !forward.some((e) => e.to === id) && TYPE_RANK[typeOf(id)] === 0));
  for (const id of byRank) if (forward.some((e) => e.to === id && fedFromStart.has(e.from))) fedFromStart.add(id);
  for (const id of [...byRank].reverse()) {
    if (fedFromStart.has(id) || fedFromStart.size === 0) continue;
    const next = forward.filter((e) => e.from === id).map((e) => column.get(e.to)!);
    if (next.length) column.set(id, Math.max(column.get(id)!, Math.min(...next) - 1));
  }

  const columnCount = Math.max(0, ...column.values()) + 1;
  const columns = orderRows(
    Array.from({ length: columnCount }, (_, c) => byRank.filter((id) => column.get(id) === c)),
    forward,
  );

  const { nodeHeight, rowGap, margin, backLoopDepth } = GEOMETRY;
  // Nodes of one column share a width, so the column reads as a tidy stack.
  const columnWidth = columns.map((members) => Math.max(0, ...members.map((id) => nodeWidth(id, typeLabel(typeOf(id))))));
  const gapAfter = columns.map((_, c) => {
    const labels = forward.filter((e) => column.get(e.from) === c).map((e) => e.via.length);
    return Math.max(GEOMETRY.minColumnGap, Math.max(0, ...labels) * GEOMETRY.labelCharWidth + 32);
  });
  const tallest = Math.max(0, ...columns.map((m) => m.length));
  const bandHeight = tallest * nodeHeight + Math.max(0, tallest - 1) * rowGap;

  const nodes: PlacedNode[] = [];
  let x = margin;
  columns.forEach((members, c) => {
    const colHeight = members.length * nodeHeight + Math.max(0, members.length - 1) * rowGap;
    const top = margin + (bandHeight - colHeight) / 2;
    const cw = columnWidth[c] ?? 0;
    members.forEach((id, row) => {
      nodes.push({ id, type: typeOf(id), column: c, row, x, y: top + row * (nodeHeight + rowGap), width: cw, height: nodeHeight });
    });
    x += cw + (gapAfter[c] ?? 0);
  });

  const placed = new Map(nodes.map((n) => [n.id, n]));
  const bottom = margin + bandHeight;
  let backCount = 0;
  // Several edges leaving (or entering) one node get their own spots along its side, in the
  // order of the nodes at their other ends, so they fan out instead of starting on one point.
  const forwardPlaced = edges.filter((e) => placed.get(e.to)!.column > placed.get(e.from)!.column);
  const byOtherEnd = (end: 'from' | 'to') => (x: TopologyEdge, y: TopologyEdge) => {
    const a = placed.get(x[end])!;
    const b = placed.get(y[end])!;
    return a.y - b.y || a.x - b.x;
  };
  const outgoing = new Map(nodes.map((n) => [n.id, forwardPlaced.filter((e) => e.from === n.id).sort(byOtherEnd('to'))]));
  const incoming = new Map(nodes.map((n) => [n.id, forwardPlaced.filter((e) => e.to === n.id).sort(byOtherEnd('from'))]));
  const portY = (n: PlacedNode, side: TopologyEdge[], e: TopologyEdge) => {
    const k = side.indexOf(e);
    const step = Math.min(12, (n.height * 0.6) / Math.max(1, side.length - 1));
    return n.y + n.height / 2 + (k - (side.length - 1) / 2) * step;
  };
  const placedEdges: PlacedEdge[] = edges.map((e) => {
    const a = placed.get(e.from)!;
    const b = placed.get(e.to)!;
    if (b.column > a.column) {
      const x1 = a.x + a.width;
      const y1 = portY(a, outgoing.get(a.id)!, e);
      const x2 = b.x;
      const y2 = portY(b, incoming.get(b.id)!, e);
      const dx = (x2 - x1) / 2;
      return { ...e, back: false, path: `M${x1} ${y1} C${x1 + dx} ${y1} ${x2 - dx} ${y2} ${x2} ${y2}`, labelX: (x1 + x2) / 2, labelY: (y1 + y2) / 2 };
    }
    // Right-to-left (or same column): leave from the bottom, loop under everything, come back up.
    backCount++;
    const x1 = a.x + a.width / 2;
    const y1 = a.y + a.height;
    const x2 = b.x + b.width / 2;
    const y2 = b.y + b.height;
    const loop = bottom + backLoopDepth * backCount;
    return { ...e, back: true, path: `M${x1} ${y1} C${x1} ${loop} ${x2} ${loop} ${x2} ${y2}`, labelX: (x1 + x2) / 2, labelY: (y1 + y2) / 8 + 0.75 * loop };
  });

  const width = Math.max(0, x - (gapAfter[columnCount - 1] ?? 0)) + margin;
  const height = bottom + margin + (backCount > 0 ? backLoopDepth * backCount : 0);
  return { nodes, edges: placedEdges, width: Math.max(width, 2 * margin), height };
}
