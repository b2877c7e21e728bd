/**
 * Records a Kafka topic retains now (log end − log start, summed over partitions): what Kappa
 * stores as its raw history and what a replay from the earliest offset would read (SEMANTICS §3
 * retention, §6). Retention deletes whole segments from the log start; offsets never change.
 */
import type { KafkaClusterHandle } from '../nodes/kafka/client-api.js';

export function retainedRecords(cluster: KafkaClusterHandle | undefined, topic: string): number {
  if (!cluster) return 0;
  const starts = cluster.logStartOffsets(topic);
  const ends = cluster.logEndOffsets(topic);
  let n = 0;
  for (let p = 0; p < ends.length; p++) n += Math.max(0, (ends[p] ?? 0) - (starts[p] ?? 0));
  return n;
}

/** Records ever appended to a topic (Σ log end offsets): one pass over the log reads this many. */
export function appendedRecords(cluster: KafkaClusterHandle | undefined, topic: string): number {
  if (!cluster) return 0;
  let n = 0;
  for (const end of cluster.logEndOffsets(topic)) n += end;
  return n;
}
