/** `type: kafka` — a cluster of brokers with replicated, retained topics (SEMANTICS §3). */
import { z } from 'zod';
import { duration, positiveInt, recordKey } from './common.js';

export const topicSchema = z
  .strictObject({
    partitions: positiveInt('Partitions; order holds only within one partition.').default(1),
    'replication.factor': positiveInt('Copies of each partition across brokers.').default(1),
    'retention.ms': duration('How long records are kept whether read or not (default 7d). Older records cannot be replayed.').default(604_800_000),
    'segment.ms': duration('Roll a new log segment once the active one is this old (default 7d, broker log.roll.hours=168). Retention deletes whole segments only.').default(604_800_000),
    'segment.bytes': positiveInt('Roll a new log segment before the active one would pass this size in bytes (default 1 GiB, broker log.segment.bytes).').default(1_073_741_824),
    'min.insync.replicas': positiveInt('Overrides the cluster value for this topic.').optional(),
    'cleanup.policy': z
      .enum(['delete', 'compact'])
      .default('delete')
      .describe('`delete`: records older than `retention.ms` are deleted. `compact`: nothing is deleted by age; Kafka keeps at least the latest value per key, offsets unchanged, order kept. The simulator keeps every record of a compacted topic (superseded values are not removed), which meets those guarantees.'),
  })
  .describe('A topic.');

export const kafkaSchema = z
  .strictObject({
    type: z.literal('kafka').describe('A Kafka cluster. Brokers are addressed `<id>/broker-1` … in faults.'),
    brokers: positiveInt('Number of brokers.').default(1),
    'min.insync.replicas': positiveInt('With `acks=all`, a write fails unless at least this many replicas are in sync (default 1).').default(1),
    'unclean.leader.election.enable': z.boolean().default(false).describe('Let an out-of-sync replica become leader: available, but acknowledged records can vanish.'),
    'replica.lag.time.max.ms': duration('A follower that has not caught up for this long leaves the ISR (default 30s).').default(30_000),
    'transaction.max.timeout.ms': duration('Largest `transaction.timeout.ms` a producer may ask for (default 15m).').default(900_000),
    'group.initial.rebalance.delay.ms': duration('How long the first rebalance of an empty group waits for more members to join (default 3s).').default(3000),
    'log.retention.check.interval.ms': duration('How often brokers look for segments past retention.ms (default 5m; the first check runs 30 s after a broker starts).').default(300_000),
    'offsets.retention.minutes': z.number().int().positive().default(10_080).describe('Committed group offsets expire after this many minutes without activity (default 7 days).'),
    topics: z.record(recordKey(), topicSchema).default({}).describe('Topic name → settings.'),
  })
  .describe('Kafka (SEMANTICS §3).');

/** Consumer settings shared by plain consumers and Flink's Kafka source. */
export const kafkaSourceSchema = z
  .strictObject({
    node: z.string().describe('The `kafka` node.'),
    topic: z.string().describe('Topic to read.'),
    'group.id': z.string().optional().describe('Consumer group; each partition is read by one member at a time.'),
    'isolation.level': z.enum(['read_uncommitted', 'read_committed']).default('read_uncommitted').describe('`read_committed` hides aborted transactions and stops at the last stable offset.'),
    'enable.auto.commit': z.boolean().default(true).describe('Commit the offsets `poll()` returned every `auto.commit.interval.ms`, processed or not.'),
    'auto.commit.interval.ms': duration('Auto-commit period (default 5s).').default(5000),
    'auto.offset.reset': z.enum(['earliest', 'latest', 'none']).default('latest').describe('Where to start without a valid committed offset (default latest).'),
    'max.poll.records': positiveInt('Most records one poll returns (default 500).').default(500),
    'max.poll.interval.ms': duration('A member that does not poll again within this is removed from the group (default 5m).').default(300_000),
    'session.timeout.ms': duration('A member not heard from for this long is considered dead (default 45s).').default(45_000),
    'partition.assignment.strategy': z.enum(['range', 'roundrobin']).default('range').describe('How the group shares partitions: `range` (contiguous blocks) or `roundrobin`.'),
    'starting-offsets': z.enum(['earliest', 'latest', 'committed']).default('earliest').describe('Flink only: where a job without a checkpoint starts (default earliest).'),
    idleness: duration('Flink only: a partition with no records for this long stops holding back the watermark.').optional(),
    'partition.discovery.interval.ms': duration('Flink only: how often the source looks for partitions added to the topic (KafkaSourceOptions; SQL `scan.topic-partition-discovery.interval`; default 5 min, 0 disables).').default(300_000),
  })
  .describe('Where a consumer reads.');

export type KafkaSpec = z.output<typeof kafkaSchema>;
export type TopicSpec = z.output<typeof topicSchema>;
export type KafkaSourceSpec = z.output<typeof kafkaSourceSchema>;
