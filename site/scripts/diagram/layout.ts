/**
 * Diagram model → positions, with ELK's layered algorithm (left to right, orthogonal edges,
 * labels placed by ELK). Pure apart from the ELK instance it is given, so the same code runs at
 * build time in Node (the lesson diagram: elk.bundled) and in the page (ELK in its own worker).
 *
 * Kafka and Flink are drawn with their insides (brokers and partitions; the operator chain):
 * their boxes get a fixed size from `boxOf`, and `partBoxes` places the parts inside, so ELK
 * only arranges the pipeline and routes its edges.
 */
import type { ElkNode, ElkExtendedEdge } from 'elkjs/lib/elk-api.js';
import type { DiagramModel, DiagramNode, DiagramPart } from '../../../simulator/diagram/model.js';

export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidNode extends Box {
  id: string;
}

export interface LaidPart extends Box {
  id: string;
}

export interface LaidEdge {
  id: string;
  /** SVG path data of the routed edge. */
  path: string;
  labelX: number;
  labelY: number;
}

export interface DiagramLayout {
  width: number;
  height: number;
  nodes: LaidNode[];
  edges: LaidEdge[];
}

export const GEOMETRY = {
  charWidth: 7.6,
  header: 74,
  broker: { width: 84, height: 24, gap: 6 },
  partition: { width: 112, height: 38, gap: 6, perRow: 3 },
  operator: { width: 176, height: 22, gap: 4 },
  pad: 10,
  /** Line height of the gauge lines under a node's name. */
  line: 15,
  labelHeight: 16,
} as const;

/** Where each kind of system sits in a pipeline, left to right (DESIGN §1). */
const RANK: Record<DiagramNode['type'], number> = { beats: 0, logstash: 1, kafka: 2, kinesis: 2, consumer: 3, 'kinesis-consumer': 3, firehose: 3, flink: 3, elasticsearch: 4, s3: 4, batch: 5, serving: 6 };

/** Gauge lines each node type shows (so its box is tall enough). */
function gaugeLines(n: DiagramNode): number {
  switch (n.type) {
    case 'flink':
      return 3;
    case 'beats':
    case 'logstash':
    case 'consumer':
    case 'kafka':
      return 1;
    case 'elasticsearch':
    case 's3':
    case 'batch':
    case 'serving':
      return 0;
    default:
      return 0;
  }
}

function textWidth(s: string): number {
  return s.length * GEOMETRY.charWidth;
}

/** The box size of a node (before ELK places it). */
export function boxOf(n: DiagramNode): { width: number; height: number } {
  const g = GEOMETRY;
  const top = g.header + gaugeLines(n) * g.line;
  const base = Math.max(132, textWidth(n.id) + 40, ...n.settings.map((s) => textWidth(s) * 0.85 + 24));
  if (n.type === 'kafka') {
    const brokers = n.parts.filter((p) => p.kind === 'broker').length;
    const partitions = n.parts.filter((p) => p.kind === 'partition');
    const topics = new Set(partitions.map((p) => p.topic)).size;
    const rows = [...new Set(partitions.map((p) => p.topic))].reduce((sum, t) => sum + Math.ceil(partitions.filter((p) => p.topic === t).length / g.partition.perRow), 0);
    const width = Math.max(base, brokers * (g.broker.width + g.broker.gap) - g.broker.gap + 2 * g.pad, Math.min(g.partition.perRow, Math.max(1, partitions.length)) * (g.partition.width + g.partition.gap) - g.partition.gap + 2 * g.pad);
    return { width, height: top + g.broker.height + g.pad + topics * g.labelHeight + rows * (g.partition.height + g.partition.gap) + g.pad };
  }
  if (n.type === 'flink') {
    const ops = n.parts.length;
    return { width: Math.max(base, g.operator.width + 2 * g.pad), height: top + ops * (g.operator.height + g.operator.gap) + g.pad };
  }
  return { width: base, height: top + 6 };
}

/** Where each part sits inside its node (relative to the node's top-left corner). */
export function partBoxes(n: DiagramNode, width: number): (LaidPart & { part: DiagramPart; topicLabel?: { text: string; x: number; y: number } })[] {
  const g = GEOMETRY;
  const top = g.header + gaugeLines(n) * g.line;
  const out: (LaidPart & { part: DiagramPart; topicLabel?: { text: string; x: number; y: number } })[] = [];
  if (n.type === 'kafka') {
    const brokers = n.parts.filter((p) => p.kind === 'broker');
    const rowWidth = brokers.length * (g.broker.width + g.broker.gap) - g.broker.gap;
    brokers.forEach((p, i) => out.push({ id: p.id, part: p, x: (width - rowWidth) / 2 + i * (g.broker.width + g.broker.gap), y: top, width: g.broker.width, height: g.broker.height }));
    let y = top + g.broker.height + g.pad;
    const partitions = n.parts.filter((p) => p.kind === 'partition');
    for (const topic of new Set(partitions.map((p) => p.topic))) {
      const mine = partitions.filter((p) => p.topic === topic);
      const perRow = Math.min(g.partition.perRow, mine.length);
      const rw = perRow * (g.partition.width + g.partition.gap) - g.partition.gap;
      y += g.labelHeight;
      mine.forEach((p, i) => {
        const row = Math.floor(i / g.partition.perRow);
        const col = i % g.partition.perRow;
        out.push({
          id: p.id,
          part: p,
          x: (width - rw) / 2 + col * (g.partition.width + g.partition.gap),
          y: y + row * (g.partition.height + g.partition.gap),
          width: g.partition.width,
          height: g.partition.height,
          ...(i === 0 ? { topicLabel: { text: topic ?? '', x: (width - rw) / 2, y: y - 4 } } : {}),
        });
      });
      y += Math.ceil(mine.length / g.partition.perRow) * (g.partition.height + g.partition.gap);
    }
  } else if (n.type === 'flink') {
    n.parts.forEach((p, i) => out.push({ id: p.id, part: p, x: (width - g.operator.width) / 2, y: top + i * (g.operator.height + g.operator.gap), width: g.operator.width, height: g.operator.height }));
  }
  return out;
}

function pathOf(e: ElkExtendedEdge): string {
  return (e.sections ?? [])
    .map((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p, i) => `${i === 0 ? 'M' : 'L'}${Math.round(p.x)} ${Math.round(p.y)}`).join(' '))
    .join(' ');
}

export async function layoutDiagram(model: DiagramModel, elk: ElkLike): Promise<DiagramLayout> {
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.nodeNode': '28',
      'elk.spacing.edgeLabel': '4',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.padding': '[top=16,left=16,bottom=16,right=16]',
      'elk.edgeLabels.inline': 'false',
      // Nodes go in pipeline order (RANK), and an edge against that order (a Flink job writing
      // back into Kafka) is the one reversed, so data still reads left to right.
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: [...model.nodes].sort((a, b) => RANK[a.type] - RANK[b.type]).map((n) => ({ id: n.id, ...boxOf(n) })),
    edges: model.edges.map((e) => ({
      id: e.id,
      sources: [e.from],
      targets: [e.to],
      // Room for the live counters under the topic name.
      labels: [{ id: `${e.id}#label`, text: e.via || '·', width: Math.max(textWidth(e.via), 118), height: 30 }],
    })),
  };
  const laid = await elk.layout(graph);
  const edges = (laid.edges ?? []) as ElkExtendedEdge[];
  return {
    width: Math.ceil(laid.width ?? 0),
    height: Math.ceil(laid.height ?? 0),
    nodes: (laid.children ?? []).map((c) => ({ id: c.id, x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 })),
    edges: edges.map((e) => {
      const label = e.labels?.[0];
      return { id: e.id, path: pathOf(e), labelX: (label?.x ?? 0) + (label?.width ?? 0) / 2, labelY: (label?.y ?? 0) + 11 };
    }),
  };
}
