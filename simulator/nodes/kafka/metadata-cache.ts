/**
 * A client's cached topic metadata: how many partitions it believes a topic has. The Java clients
 * fetch metadata when they first use a topic and then again once it is `metadata.max.age.ms` old
 * (default 300000, "even if we haven't seen any partition leadership changes to proactively
 * discover any new brokers or partitions"), or at once after an error that says a leader moved.
 * So partitions added with `kafka-topics.sh --alter` are invisible to a client until its next
 * refresh: a producer keeps hashing keys over the old count, a group keeps the old assignment.
 */
import type { KafkaCluster } from './cluster.js';

/** metadata.max.age.ms's default (ProducerConfig / ConsumerConfig, Apache Kafka 4.0). */
export const METADATA_MAX_AGE_MS = 300_000;

export class MetadataCache {
  private readonly topics = new Map<string, { partitions: number; fetchedAtMs: number }>();

  constructor(
    private readonly cluster: KafkaCluster,
    private readonly maxAgeMs = METADATA_MAX_AGE_MS,
  ) {}

  /** The partition count as of the client's last metadata fetch, fetching again if that is too old. */
  partitionsFor(topic: string): number {
    const now = this.cluster.sim.now;
    const known = this.topics.get(topic);
    if (known && now - known.fetchedAtMs < this.maxAgeMs) return known.partitions;
    const partitions = this.cluster.partitionsFor(topic);
    this.topics.set(topic, { partitions, fetchedAtMs: now });
    return partitions;
  }

  /** An error named a stale leader: the client requests a metadata update before its next send. */
  invalidate(topic: string): void {
    this.topics.delete(topic);
  }
}
