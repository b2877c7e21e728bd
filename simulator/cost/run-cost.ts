/**
 * The price of a guarantee (issue 29): what a run cost, in real units, computed from the modelled
 * mechanisms when the run ends. Checks read it as `cost.*` (exercise/check-paths.ts), the Lab
 * sweeps it (lab/metrics.ts), the verdict shows it next to the reference solution's.
 */
import type { Simulation } from '../core/simulation.js';
import type { OutputNode } from '../core/node.js';
import type { ArchitectureSeries } from '../run/result.js';
import { KafkaCluster } from '../nodes/kafka/cluster.js';
import { FlinkNode } from '../nodes/flink/flink-node.js';
import { ElasticsearchNode } from '../nodes/elasticsearch/node.js';
import { clusterLogCosts } from './kafka-log-costs.js';
import type { LatencySummary } from './visibility.js';
import type { StateHeld } from './state-held.js';

/** Writes beyond one per record that the guarantee (or its absence) made. */
export interface ExtraWrites {
  /** Records a Kafka producer sent again after a failed or timed-out request (`record-retry-rate`'s total). */
  retries: number;
  /** COMMIT/ABORT transaction markers written to topic partitions (one offset each). */
  markers: number;
  /** Records written inside transactions that were aborted: stored, skipped by read_committed readers. */
  aborted: number;
  /** Elasticsearch writes that replaced a document with the same `_id` (an upsert absorbing a copy). */
  overwrites: number;
  /** Copies refused or dropped as already seen: Elasticsearch `create` conflicts (409) and Flink dedupe drops. */
  deduplicated: number;
  total: number;
}

export interface LinkBytes {
  /** Record-value bytes into and out of the Kafka brokers (`BytesInPerSec`/`BytesOutPerSec` totals). */
  kafkaIn: number;
  kafkaOut: number;
  /** Link id (`filebeat->logstash`) → payload bytes sent over it, resends included (wire-bytes.ts); links that carried none are left out. */
  links: Record<string, number>;
  /** All links together. */
  total: number;
}

export interface RunCost {
  /** Per output with a reader model (Elasticsearch search, read_committed topic reader, S3 listing). */
  latency: Record<string, LatencySummary>;
  extraWrites: ExtraWrites;
  bytes: LinkBytes;
  state: StateHeld;
  /** Age of the newest record in the served answer, the stalest architecture's (Lambda/Kappa runs; 0 without). */
  freshness: { p50: number; p95: number };
  /** Records processed again by batch recomputation and replays, over every architecture. */
  recompute: { records: number };
}

/** The network's per-link byte counters, in the order the links were first used. */
function linkBytes(sim: Simulation): LinkBytes {
  const links: Record<string, number> = Object.create(null) as Record<string, number>;
  let total = 0;
  for (const [id, stats] of sim.linkStats) {
    if (stats.bytes === 0) continue;
    links[id] = stats.bytes;
    total += stats.bytes;
  }
  return { kafkaIn: 0, kafkaOut: 0, links, total };
}

export function collectCost(sim: Simulation, components: ReadonlyMap<string, unknown>, outputs: ReadonlyMap<string, OutputNode>, state: StateHeld, architectures: Record<string, ArchitectureSeries> | undefined): RunCost {
  const latency: Record<string, LatencySummary> = Object.create(null) as Record<string, LatencySummary>;
  for (const [id, out] of outputs) {
    const l = out.latency?.();
    if (l && l.records > 0) latency[id] = l;
  }
  const writes: ExtraWrites = { retries: 0, markers: 0, aborted: 0, overwrites: 0, deduplicated: 0, total: 0 };
  const bytes = linkBytes(sim);
  for (const c of components.values()) {
    if (!(c instanceof KafkaCluster)) continue;
    for (const clients of c.clients.values()) writes.retries += clients.producer?.meters.recordRetries ?? 0;
    const log = clusterLogCosts(c);
    writes.markers += log.markers;
    writes.aborted += log.abortedRecords;
    for (const b of c.brokers) {
      bytes.kafkaIn += b.meters.bytesIn;
      bytes.kafkaOut += b.meters.bytesOut;
    }
  }
  for (const node of sim.nodes()) {
    if (node instanceof ElasticsearchNode) {
      const m = node.metrics();
      writes.overwrites += m['itemsUpdated'] ?? 0;
      writes.deduplicated += m['conflicts409'] ?? 0;
    } else if (node instanceof FlinkNode) {
      for (const inst of node.instances) writes.deduplicated += inst.dedupeDropped();
    }
  }
  writes.total = writes.retries + writes.markers + writes.aborted + writes.overwrites + writes.deduplicated;
  let recomputed = 0;
  const freshness = { p50: 0, p95: 0 };
  for (const a of Object.values(architectures ?? {})) {
    recomputed += a.summary.cost.reprocessed;
    freshness.p50 = Math.max(freshness.p50, a.summary.freshness.p50);
    freshness.p95 = Math.max(freshness.p95, a.summary.freshness.p95);
  }
  return { latency, extraWrites: writes, bytes, state: { ...state }, freshness, recompute: { records: recomputed } };
}
