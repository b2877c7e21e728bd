/**
 * One reader per kind of node: it names the node's raw totals and gauges as the real system's
 * metrics (catalog.ts) and computes the gauges the real system derives from its state
 * (UnderReplicatedPartitions from the ISRs, records-lag-max from the fetch positions).
 * Readers only read: sampling never changes the run.
 */
import type { Simulation } from '../core/simulation.js';
import { Broker } from '../nodes/kafka/broker.js';
import { KafkaCluster } from '../nodes/kafka/cluster.js';
import type { KafkaConsumer } from '../nodes/kafka/consumer.js';
import type { KafkaProducer } from '../nodes/kafka/producer.js';
import { FlinkNode } from '../nodes/flink/flink-node.js';
import { LogstashNode } from '../nodes/logstash/node.js';
import { FilebeatNode } from '../nodes/beats/node.js';
import { ElasticsearchNode } from '../nodes/elasticsearch/node.js';
import { KinesisStreamNode } from '../nodes/kinesis/stream.js';

export interface MetricSink {
  gauge(name: string, value: number): void;
  /** A running total: stored as is for a `counter`, as a per-second rate for a `rate`. */
  total(name: string, total: number): void;
  /** Running sum and count of what an `average` averages. */
  average(name: string, sum: number, count: number): void;
}

export type MetricReader = (sink: MetricSink, up: boolean) => void;

/** Every node's reader, in a fixed order (node order, then clusters' controllers and clients). */
export function readersFor(sim: Simulation, components: ReadonlyMap<string, unknown>): { address: string; read: MetricReader; up: () => boolean }[] {
  const out: { address: string; read: MetricReader; up: () => boolean }[] = [];
  const clusters = [...components.values()].filter((c): c is KafkaCluster => c instanceof KafkaCluster);
  for (const node of sim.nodes()) {
    const read = readerOf(node);
    const address = node.address;
    const clientRead = clientReader(clusters, address);
    if (!read && !clientRead) continue;
    out.push({
      address,
      up: () => sim.isUp(address),
      read: (sink, up) => {
        read?.(sink, up);
        clientRead?.(sink, up);
      },
    });
  }
  for (const cluster of clusters) out.push({ address: cluster.controller.address, up: () => true, read: controllerReader(cluster) });
  return out;
}

function readerOf(node: unknown): MetricReader | undefined {
  if (node instanceof Broker) return brokerReader(node);
  if (node instanceof FlinkNode) return flinkReader(node);
  if (node instanceof LogstashNode) return logstashReader(node);
  if (node instanceof FilebeatNode) return filebeatReader(node);
  if (node instanceof ElasticsearchNode) return elasticsearchReader(node);
  if (node instanceof KinesisStreamNode) return kinesisReader(node);
  return undefined;
}

/**
 * ReplicaManager gauges count the partitions this broker leads: under-replicated when the ISR is
 * smaller than the replica set, under min ISR when smaller than min.insync.replicas. A broker
 * reads its own (possibly stale) view of leadership, as the real one does.
 */
function brokerReader(b: Broker): MetricReader {
  return (sink) => {
    let under = 0;
    let underMin = 0;
    let leads = 0;
    for (const r of b.replicas.values()) {
      if (r.leader !== b.brokerId) continue;
      leads++;
      const replicas = b.cluster.controller.partitions.get(r.key)?.replicas.length ?? r.isr.length;
      if (r.isr.length < replicas) under++;
      if (r.isr.length < r.minIsr) underMin++;
    }
    sink.gauge('UnderReplicatedPartitions', under);
    sink.gauge('UnderMinIsrPartitionCount', underMin);
    sink.gauge('LeaderCount', leads);
    sink.total('IsrShrinksPerSec', b.meters.isrShrinks);
    sink.total('IsrExpandsPerSec', b.meters.isrExpands);
    sink.total('FailedProduceRequestsPerSec', b.meters.failedProduceRequests);
    sink.total('BytesInPerSec', b.meters.bytesIn);
    sink.total('BytesOutPerSec', b.meters.bytesOut);
  };
}

/** The active controller's view: partitions with no leader, and elections so far. */
function controllerReader(cluster: KafkaCluster): MetricReader {
  return (sink) => {
    let offline = 0;
    for (const p of cluster.controller.partitions.values()) if (p.leader === null) offline++;
    sink.gauge('OfflinePartitionsCount', offline);
    sink.total('LeaderElectionRateAndTimeMs', cluster.controller.elections);
    sink.total('UncleanLeaderElectionsPerSec', cluster.controller.uncleanElections);
  };
}

/** The Kafka clients a host process made (Logstash's output, a consumer app, Flink's source). */
function clientReader(clusters: readonly KafkaCluster[], address: string): MetricReader | undefined {
  // Clients are made as hosts start (and again after a restart): looked up at each sample.
  if (clusters.length === 0) return undefined;
  return (sink) => {
    for (const c of clusters) {
      const clients = c.clients.get(address);
      if (clients?.producer) producerMetrics(clients.producer, sink);
      if (clients?.consumer) consumerMetrics(clients.consumer, sink);
    }
  };
}

function producerMetrics(p: KafkaProducer, sink: MetricSink): void {
  sink.total('record-send-rate', p.meters.recordsSent);
  sink.total('record-retry-rate', p.meters.recordRetries);
  sink.total('record-error-rate', p.stats.failed);
  sink.average('request-latency-avg', p.meters.requestLatencyTotalMs, p.meters.responses);
}

/**
 * records-lag-max: the largest lag over the assigned partitions, each the high watermark (LSO
 * under read_committed) its last fetch response reported minus the consumer's position — where
 * the client is, not what the group committed (kafka-consumer-groups' LAG uses the commit). The
 * Java client takes the max over a 30 s window; here it is the value at the sample.
 */
function consumerMetrics(c: KafkaConsumer, sink: MetricSink): void {
  if (c.closed) return;
  let lagMax = 0;
  for (const p of c.assigned) {
    const end = c.fetchedEnds.get(p);
    const position = c.positions.get(p);
    if (end !== undefined && position !== undefined) lagMax = Math.max(lagMax, end - position);
  }
  sink.gauge('records-lag-max', lagMax);
  sink.total('records-consumed-rate', c.stats.recordsReturned);
  sink.average('commit-latency-avg', c.meters.commitLatencyTotalMs, c.meters.commitsAnswered);
  sink.total('rebalance-total', c.stats.rebalances);
}

/** The serving job's metrics (the one a dashboard would show). */
function flinkReader(f: FlinkNode): MetricReader {
  return (sink) => {
    const live = f.instances[f.serving];
    if (!live) return;
    const ops = live.operators;
    sink.total('numRecordsInPerSec', live.processed);
    const wm = ops.watermarks.watermark;
    // Before the first watermark Flink reports Long.MIN_VALUE; the series shows a gap instead.
    if (Number.isFinite(wm)) sink.gauge('currentInputWatermark', wm);
    sink.total('numLateRecordsDropped', ops.lateDropped);
    const last = [...live.history.rows].reverse().find((r) => r.status === 'completed');
    if (last) sink.gauge('lastCheckpointDuration', last.durationMs);
    sink.total('numberOfCompletedCheckpoints', live.history.completed);
    sink.total('numberOfFailedCheckpoints', live.history.failed);
    sink.total('numRestarts', live.restarts);
  };
}

function logstashReader(n: LogstashNode): MetricReader {
  return (sink) => {
    const m = n.metrics();
    sink.total('events.in', m['eventsIn'] ?? 0);
    sink.total('events.filtered', m['eventsThroughFilters'] ?? 0);
    sink.total('events.out', m['eventsOut'] ?? 0);
    sink.gauge('queue.events_count', m['queueDepth'] ?? 0);
    sink.gauge('dead_letter_queue.entries', m['dlqEntries'] ?? 0);
  };
}

function filebeatReader(n: FilebeatNode): MetricReader {
  return (sink) => {
    const m = n.metrics();
    sink.total('libbeat.output.events.acked', m['eventsAcked'] ?? 0);
    sink.total('libbeat.output.events.failed', m['eventsFailed'] ?? 0);
    sink.gauge('harvester.open_files', m['openFiles'] ?? 0);
    sink.total('registrar.writes.success', m['registryWrites'] ?? 0);
  };
}

function elasticsearchReader(n: ElasticsearchNode): MetricReader {
  return (sink) => {
    const m = n.metrics();
    sink.gauge('docs.count', m['documents'] ?? 0);
    sink.total('thread_pool.write.rejected', m['rejected429'] ?? 0);
    sink.total('bulk item errors', (m['rejected429'] ?? 0) + (m['rejected400'] ?? 0) + (m['conflicts409'] ?? 0));
  };
}

/** A Kinesis stream's CloudWatch totals: records stored, and records refused because their shard's second was full. */
function kinesisReader(n: KinesisStreamNode): MetricReader {
  return (sink) => {
    let written = 0;
    let throttled = 0;
    for (const shard of n.shards) {
      written += shard.counters.written;
      throttled += shard.counters.throttledWrites;
    }
    sink.total('IncomingRecords', written);
    sink.total('WriteProvisionedThroughputExceeded', throttled);
  };
}
