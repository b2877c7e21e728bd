/**
 * Plain-data views of the cluster for the terminal (`kafka-topics --describe`,
 * `kafka-consumer-groups --describe`) and for tests.
 */
import type { KafkaClusterDescription, PartitionDescription } from './client-api.js';
import type { KafkaCluster } from './cluster.js';

export function describePartitions(cluster: KafkaCluster, topic: string): PartitionDescription[] {
  const info = cluster.topics.get(topic);
  const out: PartitionDescription[] = [];
  for (let p = 0; p < (info?.partitions ?? 0); p++) {
    const state = cluster.controller.partitions.get(`${topic}-${p}`)!;
    const log = cluster.bestReplica(topic, p)?.log;
    out.push({
      partition: p,
      leader: state.leader,
      leaderEpoch: state.leaderEpoch,
      replicas: [...state.replicas],
      isr: [...state.isr],
      logStartOffset: log?.logStartOffset ?? 0,
      logEndOffset: log?.logEndOffset ?? 0,
      highWatermark: log?.highWatermark ?? 0,
      lastStableOffset: log?.lastStableOffset() ?? 0,
    });
  }
  return out;
}

export function describeCluster(cluster: KafkaCluster): KafkaClusterDescription {
  return {
    brokers: cluster.brokers.map((b) => ({ id: b.brokerId, up: cluster.sim.isUp(b.address), fenced: cluster.controller.fenced.has(b.brokerId) })),
    topics: [...cluster.topics.keys()].map((topic) => ({ topic, partitions: describePartitions(cluster, topic) })),
    groups: cluster.groups.describe(),
    transactions: cluster.transactions.describe(),
  };
}
