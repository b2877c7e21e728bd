/**
 * Which host (top-level folder of the workspace, service of compose.yaml) runs each node of an
 * internal spec. The workspace compiler fixes some ids — the Filebeats are node `filebeat`, the
 * Kafka cluster is node `kafka` with brokers `kafka-1`…, the object store is node `s3` — and names
 * every other node after its host, so the hosts here are the ones that compile back to the same ids.
 */
import type { PipelineSpec } from '../spec/schema/pipeline.js';

/** The one server whose Filebeat reads every generated log file. */
export const WEB_HOST = 'web1';

export interface HostNames {
  /** The host of a node id (for Kafka, the first broker). */
  of(node: string): string;
  /** Kafka's broker hosts, in broker order. */
  brokers(): string[];
  /** A fault target (node id or `kafka/broker-N`) → the host name world.yaml uses. */
  target(t: string): string;
  /** A `kinesis` node → its stream's name (`Name`, else the node id), which files name it by. */
  stream(node: string): string;
}

export function hostNames(spec: PipelineSpec): HostNames {
  const kafka = Object.entries(spec.nodes).find(([, n]) => n.type === 'kafka');
  const count = kafka && kafka[1].type === 'kafka' ? kafka[1].brokers : 0;
  const width = String(count).length;
  // Zero-padded when there are ten or more, so that name order is broker order (the compiler sorts hosts).
  const brokers = count === 1 ? ['kafka'] : Array.from({ length: count }, (_, i) => `kafka-${String(i + 1).padStart(width, '0')}`);
  const of = (node: string) => {
    const n = spec.nodes[node];
    if (n?.type === 'beats') return WEB_HOST;
    if (n?.type === 'kafka') return brokers[0] ?? node;
    return node;
  };
  return {
    of,
    brokers: () => brokers,
    target(t) {
      const m = /^(.+)\/broker-(\d+)$/.exec(t);
      if (m && spec.nodes[m[1]!]?.type === 'kafka') return brokers[Number(m[2]) - 1] ?? t;
      // A bare Kafka id crashes every broker: the compiler passes `kafka` through unchanged.
      if (spec.nodes[t]?.type === 'kafka' && count > 1) return t;
      return spec.nodes[t] ? of(t) : t;
    },
    stream(node) {
      const n = spec.nodes[node];
      return n?.type === 'kinesis' ? (n.Name ?? node) : node;
    },
  };
}
