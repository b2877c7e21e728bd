/**
 * The pipeline as a picture's data (no DOM, no layout): the spec's nodes with the parts worth
 * seeing inside them (Kafka brokers and partitions with their replicas, Flink's operator chain),
 * the data-flow edges, and every fault window the spec schedules, resolved to the edges and
 * nodes it touches. The lesson diagram (static) and the live diagram (with a run) both draw this.
 */
import { isKinesisSource } from '../spec/schema/flink.js';
import type { PipelineSpec, NodeType, NodeSpecOf } from '../spec/schema/pipeline.js';
import { edgesOf } from '../spec/references.js';
import { partitionsBySubtask } from '../nodes/flink/split-owner.js';
import { keyGroupRangeForSubtask } from '../nodes/flink/key-groups.js';
import { maxParallelismFor } from '../nodes/flink/subtasks.js';

export type PartKind = 'broker' | 'partition' | 'operator' | 'subtask';

export interface DiagramPart {
  /** Unique in the model: `kafka/broker-1`, `kafka:logs-0`, `flink#window`. */
  id: string;
  kind: PartKind;
  label: string;
  /** The simulator endpoint this part is (brokers). */
  address?: string;
  /** Partitions: topic, number and replica broker ids in assignment order (first = preferred leader). */
  topic?: string;
  partition?: number;
  replicas?: number[];
  /** Flink subtasks: the index, the source partitions it reads (empty: idle) and its key groups. */
  subtask?: number;
  reads?: number[];
  keyGroups?: [number, number];
}

export interface DiagramNode {
  id: string;
  type: NodeType;
  /** Simulator endpoints of this node (a Kafka cluster has one per broker). */
  addresses: string[];
  parts: DiagramPart[];
  /** The settings that decide its guarantees, as `key: value` text (shown small under the name). */
  settings: string[];
}

export interface DiagramEdge {
  /** The link id the simulator and the ledger use: `from->to`. */
  id: string;
  from: string;
  to: string;
  /** What travels on it: topic, index or prefix ('' when nothing names it). */
  via: string;
}

export interface FaultWindow {
  /** Index in spec.faults. */
  index: number;
  kind: 'link' | 'crash' | 'partition';
  /** The spec's own words for the target: `filebeat->logstash`, `flink`, `kafka/broker-2`, `kafka/broker-1,kafka/broker-2`. */
  target: string;
  fromMs: number;
  /** null: never ends (a crash without restart-after, an open-ended window). */
  toMs: number | null;
  /** Edge ids it acts on (link faults both ways; partitions: edges crossing the cut). */
  edges: string[];
  /** Node ids it acts on (crash, partition members). */
  nodes: string[];
  /** Endpoint addresses it acts on (crash, partition members), for broker parts. */
  addresses: string[];
  loss?: number;
  duplicate?: number;
  reorder?: number;
  delayMs?: number;
}

export interface DiagramModel {
  name?: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  faults: FaultWindow[];
}

function groupOf(address: string): string {
  const slash = address.indexOf('/');
  return slash < 0 ? address : address.slice(0, slash);
}

function viaOf(spec: PipelineSpec, from: string, to: string): string {
  const a = spec.nodes[from];
  const b = spec.nodes[to];
  if (!a || !b) return '';
  switch (a.type) {
    case 'beats':
      return a.topic ?? a.index ?? '';
    case 'logstash':
      if (b.type === 'kafka') return a.output.kafka?.topic_id ?? '';
      if (b.type === 'elasticsearch') return a.output.elasticsearch?.index ?? '';
      return a.output.s3?.prefix ?? '';
    case 'consumer':
      return b.type === 'elasticsearch' ? (a.output.elasticsearch?.index ?? '') : (a.output.s3?.prefix ?? '');
    case 'flink':
      if (b.type === 'kafka') return a.sink.kafka?.topic ?? '';
      if (b.type === 'elasticsearch') return a.sink.elasticsearch?.index ?? '';
      return a.sink.filesystem?.path ?? '';
    case 'kafka':
      return b.type === 'consumer' || (b.type === 'flink' && !isKinesisSource(b.source)) ? (b.source as { topic: string }).topic : '';
    case 's3':
      return b.type === 'batch' ? b.source.prefix : '';
    default:
      return '';
  }
}

function kafkaParts(id: string, node: NodeSpecOf<'kafka'>): DiagramPart[] {
  const parts: DiagramPart[] = [];
  for (let b = 1; b <= node.brokers; b++) parts.push({ id: `${id}/broker-${b}`, kind: 'broker', label: `broker-${b}`, address: `${id}/broker-${b}` });
  // Replica assignment as the cluster makes it (nodes/kafka/cluster.ts addTopic): round robin,
  // shifted by topic creation order, first replica the preferred leader.
  Object.entries(node.topics).forEach(([topic, t], shift) => {
    const rf = Math.min(t['replication.factor'], node.brokers);
    for (let p = 0; p < t.partitions; p++) {
      const replicas: number[] = [];
      for (let i = 0; i < rf; i++) replicas.push(((p + shift + i) % node.brokers) + 1);
      parts.push({ id: `${id}:${topic}-${p}`, kind: 'partition', label: `${topic}-${p}`, topic, partition: p, replicas });
    }
  });
  return parts;
}

/**
 * A parallel job's subtasks (parallelism above 1): which partitions each source subtask reads
 * (KafkaSourceEnumerator's split owner) and which key groups each keyed subtask owns.
 */
function subtaskParts(id: string, node: NodeSpecOf<'flink'>, spec: PipelineSpec): DiagramPart[] {
  const parallelism = node['parallelism.default'] ?? 1;
  if (parallelism <= 1) return [];
  if (isKinesisSource(node.source)) return [];
  const kafka = spec.nodes[node.source.node];
  const partitions = kafka?.type === 'kafka' ? (kafka.topics[node.source.topic]?.partitions ?? 0) : 0;
  const reads = partitionsBySubtask(node.source.topic, partitions, parallelism);
  const max = maxParallelismFor(node['pipeline.max-parallelism'], parallelism);
  if (max < parallelism) return [];
  return reads.map((owned, s) => {
    const range = keyGroupRangeForSubtask(max, parallelism, s);
    return { id: `${id}~subtask-${s}`, kind: 'subtask', label: `subtask ${s}`, subtask: s, reads: owned, keyGroups: [range.start, range.end] };
  });
}

function flinkParts(id: string, node: NodeSpecOf<'flink'>): DiagramPart[] {
  const job = node.job;
  const ops: [string, string][] = [['source', `source: ${isKinesisSource(node.source) ? `Kinesis ${node.source.node}` : node.source.topic}`]];
  if (job?.where) ops.push(['filter', 'filter']);
  if (job?.['key-by']) ops.push(['key-by', `keyBy(${job['key-by']})`]);
  if (job?.window) ops.push(['window', `${job.window.type} window → ${job.aggregate}`]);
  const sink = node.sink.elasticsearch ? 'elasticsearch' : node.sink.kafka ? 'kafka' : 'filesystem';
  ops.push(['sink', `sink: ${sink}`]);
  return ops.map(([op, label]) => ({ id: `${id}#${op}`, kind: 'operator', label }));
}

function settingsOf(node: PipelineSpec['nodes'][string]): string[] {
  switch (node.type) {
    case 'logstash':
      return [`queue.type: ${node['queue.type']}`];
    case 'kafka':
      return [`min.insync.replicas: ${node['min.insync.replicas']}`];
    case 'consumer':
      return [`commit: ${node.commit}`];
    case 'flink':
      // The parallelism shows as one subtask row each (subtaskParts): the settings line has no room for it.
      return [node['execution.checkpointing.interval'] !== undefined ? `checkpoints: ${node['execution.checkpointing.mode']}` : 'checkpoints: off'];
    default:
      return [];
  }
}

function faultWindows(spec: PipelineSpec, edges: readonly DiagramEdge[], addressesOf: (name: string) => string[]): FaultWindow[] {
  return spec.faults.map((f, index): FaultWindow => {
    if ('link' in f) {
      const [a, b] = f.link.split('->').map(groupOf) as [string, string];
      const on = edges.filter((e) => (e.from === a && e.to === b) || (e.from === b && e.to === a)).map((e) => e.id);
      return { index, kind: 'link', target: f.link, fromMs: f.from, toMs: f.to ?? null, edges: on, nodes: [], addresses: [], loss: f.loss, duplicate: f.duplicate, reorder: f.reorder, delayMs: f.delay };
    }
    if ('crash' in f) {
      const restart = f['restart-after'];
      return { index, kind: 'crash', target: f.crash, fromMs: f.at, toMs: restart === undefined ? null : f.at + restart, edges: [], nodes: [groupOf(f.crash)], addresses: addressesOf(f.crash) };
    }
    const members = new Set(f.partition.map(groupOf));
    // An edge is cut when exactly one end is inside (a single broker cut off cuts its cluster's edges in part).
    const crossing = edges.filter((e) => members.has(e.from) !== members.has(e.to));
    return { index, kind: 'partition', target: f.partition.join(','), fromMs: f.from, toMs: f.to ?? null, edges: crossing.map((e) => e.id), nodes: [...members], addresses: f.partition.flatMap(addressesOf) };
  });
}

/**
 * The simulator endpoints a node is: one per Kafka broker, one per consumer instance
 * (nodes/consumer/index.ts names them `<id>/instance-N` when there are several), else the node id.
 * Metrics are sampled per endpoint, so a node shows the sum over these.
 */
function addressesOfNode(id: string, node: PipelineSpec['nodes'][string]): string[] {
  if (node.type === 'kafka') return Array.from({ length: node.brokers }, (_, b) => `${id}/broker-${b + 1}`);
  if (node.type === 'consumer' && node.instances > 1) return Array.from({ length: node.instances }, (_, i) => `${id}/instance-${i + 1}`);
  return [id];
}

/** The diagram model of a parsed spec. Pure and cheap: the lesson page builds it at build time. */
export function diagramOf(spec: PipelineSpec): DiagramModel {
  const nodes: DiagramNode[] = Object.entries(spec.nodes).map(([id, node]) => ({
    id,
    type: node.type,
    addresses: addressesOfNode(id, node),
    parts: node.type === 'kafka' ? kafkaParts(id, node) : node.type === 'flink' ? [...flinkParts(id, node), ...subtaskParts(id, node, spec)] : [],
    settings: settingsOf(node),
  }));
  const seen = new Set<string>();
  const edges: DiagramEdge[] = [];
  for (const [from, to] of edgesOf(spec)) {
    const id = `${from}->${to}`;
    if (seen.has(id) || from === to || !(from in spec.nodes) || !(to in spec.nodes)) continue;
    seen.add(id);
    edges.push({ id, from, to, via: viaOf(spec, from, to) });
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const addressesOf = (name: string) => (byId.get(name)?.addresses ?? (byId.has(groupOf(name)) ? [name] : []));
  return { ...(spec.name !== undefined ? { name: spec.name } : {}), nodes, edges, faults: faultWindows(spec, edges, addressesOf) };
}

/** The model element a ledger `where` names: an edge id, a node id, or the node owning a broker address. */
export function elementOf(model: DiagramModel, where: string): { edge?: string; node?: string; part?: string } {
  if (model.edges.some((e) => e.id === where)) return { edge: where };
  if (where.includes('->')) {
    const [a, b] = where.split('->').map(groupOf) as [string, string];
    const reverse = `${b}->${a}`;
    if (model.edges.some((e) => e.id === reverse)) return { edge: reverse };
    return { node: a };
  }
  const node = groupOf(where);
  if (!model.nodes.some((n) => n.id === node)) return {};
  return where === node ? { node } : { node, part: where };
}
