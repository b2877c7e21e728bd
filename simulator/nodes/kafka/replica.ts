/**
 * A broker's copy of one partition: the durable log plus the broker's volatile view of the
 * partition's leadership (what the controller last told it) and, while it leads, what it knows
 * of its followers (SEMANTICS §3: ISR, high watermark).
 */
import { KAFKA_SEGMENT_DEFAULTS, PartitionLog, type SegmentConfig } from './partition-log.js';

export interface FollowerState {
  /** The follower's log end offset, as its last fetch reported it. */
  leo: number;
  /** Last time the follower had fetched up to the leader's log end (replica.lag.time.max.ms counts from here). */
  lastCaughtUpMs: number;
  /** Leader's log end when it answered this follower's previous fetch (caught up = fetched at least that far). */
  lastFetchLeaderLeo: number;
  lastFetchMs?: number;
}

export interface DelayedProduce {
  /** The offset the HW must pass before an acks=all write is answered. */
  readonly endOffset: number;
  readonly deadlineMs: number;
  readonly complete: (error: string | null) => void;
}

export class Replica {
  readonly log: PartitionLog;
  leader: number | null = null;
  leaderEpoch = -1;
  isr: number[] = [];
  readonly followers = new Map<number, FollowerState>();
  delayed: DelayedProduce[] = [];
  /**
   * Records at or above this offset were already noted lost when an unclean election doomed them
   * (see KafkaCluster.noteUncleanLoss); truncating them later destroys the same copies, not new ones.
   */
  lossNotedFrom = Number.POSITIVE_INFINITY;

  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly replicas: readonly number[],
    readonly minIsr: number,
    readonly retentionMs: number,
    segments: SegmentConfig = KAFKA_SEGMENT_DEFAULTS,
  ) {
    this.log = new PartitionLog(topic, partition, segments);
  }

  get key(): string {
    return `${this.topic}-${this.partition}`;
  }

  /** Drops the volatile view (broker crash). The log stays. */
  forgetView(): void {
    this.leader = null;
    this.leaderEpoch = -1;
    this.isr = [];
    this.followers.clear();
    this.delayed = [];
  }
}
