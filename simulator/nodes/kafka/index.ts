/**
 * `type: kafka` factory: the brokers (`<id>/broker-1 … N`), the topics, and the topics nobody
 * reads registered as outputs (SEMANTICS §3). Other factories reach the cluster through
 * `ctx.lookup<KafkaClusterHandle>(id)`.
 */
import { isKinesisSource } from '../../spec/schema/flink.js';
import { topicLatency } from '../../cost/kafka-log-costs.js';
import type { Workload } from '../../workload/workload.js';
import type { BuildContext } from '../build-context.js';
import type { NodeSpecOf, PipelineSpec } from '../../spec/schema/pipeline.js';
import type { OutputNode } from '../../core/node.js';
import { ridsOf } from '../../core/record.js';
import { KafkaCluster } from './cluster.js';

/** Topics other nodes write to or read from this cluster, from the spec. */
export function referencedTopics(id: string, spec: Pick<PipelineSpec, 'nodes'>): { written: string[]; read: string[] } {
  const written: string[] = [];
  const read: string[] = [];
  for (const node of Object.values(spec.nodes)) {
    if (node.type === 'logstash' && node.output.kafka?.node === id) written.push(node.output.kafka.topic_id);
    if (node.type === 'beats' && node.output === id) written.push(node.topic ?? 'logs');
    if (node.type === 'flink') {
      if (node.sink.kafka?.node === id) written.push(node.sink.kafka.topic);
      if (node.source.node === id && !isKinesisSource(node.source)) read.push(node.source.topic);
    }
    if (node.type === 'consumer' && node.source.node === id) read.push(node.source.topic);
  }
  return { written, read };
}

export function createKafka(id: string, spec: NodeSpecOf<'kafka'>, ctx: BuildContext): void {
  const cluster = new KafkaCluster(id, spec, ctx.sim);
  for (const [name, t] of Object.entries(spec.topics)) {
    // cleanup.policy=compact (without ",delete") never deletes by age; compaction keeps at least the
    // latest value per key, so keeping every record honours its guarantees (SEMANTICS §3 "Log compaction").
    const retentionMs = t['cleanup.policy'] === 'compact' ? Number.POSITIVE_INFINITY : t['retention.ms'];
    cluster.addTopic(name, t.partitions, t['replication.factor'], retentionMs, t['min.insync.replicas'] ?? spec['min.insync.replicas'], { bytes: t['segment.bytes'], ms: t['segment.ms'] });
  }
  const { written, read } = referencedTopics(id, ctx.spec);
  // auto.create.topics.enable: a topic first named by a client gets num.partitions=1 and
  // default.replication.factor=1 — the broker defaults.
  for (const name of [...written, ...read]) cluster.addTopic(name, 1, 1, 604_800_000, spec['min.insync.replicas']);
  for (const name of read) cluster.readTopics.add(name);
  for (const b of cluster.brokers) ctx.sim.addNode(b);
  ctx.sim.at(0, () => cluster.start());
  ctx.provide(id, cluster);

  for (const topic of cluster.topics.values()) {
    if (cluster.readTopics.has(topic.name)) continue;
    const output: OutputNode = {
      // What a read_committed reader of the topic would get: committed, below the LSO, aborted skipped.
      countRecords(counts) {
        for (let p = 0; p < cluster.partitionsFor(topic.name); p++) {
          cluster.bestReplica(topic.name, p)?.log.visitCommitted(
            (rec) => {
              for (const rid of ridsOf(rec)) if (rid < counts.length) counts[rid]!++;
            },
            () => {},
          );
        }
      },
      // Read by a read_committed consumer: a transaction's records become readable at its commit marker.
      latency: () => {
        const workload = ctx.workload as Workload | undefined;
        return workload ? topicLatency(cluster, topic.name, topic.partitions, (rid) => workload.writeTimeMs(rid)).summary() : undefined;
      },
      outputStats() {
        const ends = cluster.logEndOffsets(topic.name);
        const hws = cluster.highWatermarks(topic.name);
        return { partitions: cluster.partitionsFor(topic.name), logEndOffset: ends.reduce((a, b) => a + b, 0), highWatermark: hws.reduce((a, b) => a + b, 0) };
      },
    };
    if (topic.partitions === 1) {
      output.arrivalOrder = function* () {
        const order: number[] = [];
        cluster.bestReplica(topic.name, 0)?.log.visitCommitted(
          (rec) => {
            for (const rid of ridsOf(rec)) order.push(rid);
          },
          () => {},
        );
        yield* order;
      };
    }
    ctx.addOutput(`${id}/${topic.name}`, output);
  }
}
