/**
 * Which Flink source subtask reads a Kafka partition.
 *
 * Reproduces KafkaSourceEnumerator.getSplitOwner (apache/flink-connector-kafka): partitions of
 * one topic go round-robin over the readers, starting at a subtask chosen from the topic name:
 *   start = ((topic.hashCode() * 31) & 0x7FFFFFFF) % numReaders
 *   owner = (start + partition) % numReaders
 * With more subtasks than partitions some subtasks own nothing: they emit no watermark, so
 * downstream event-time stalls until they are marked idle (`WatermarkStrategy.withIdleness`,
 * `table.exec.source.idle-timeout`).
 */
import { javaStringHashCode } from './key-groups.js';

export function splitOwner(topic: string, partition: number, numReaders: number): number {
  const start = (Math.imul(javaStringHashCode(topic), 31) & 0x7fffffff) % numReaders;
  return (start + partition) % numReaders;
}

/** Partitions each subtask owns, index = subtask; an empty list is an idle subtask. */
export function partitionsBySubtask(topic: string, partitions: number, numReaders: number): number[][] {
  const owned: number[][] = Array.from({ length: numReaders }, () => []);
  for (let p = 0; p < partitions; p++) owned[splitOwner(topic, p, numReaders)]!.push(p);
  return owned;
}
