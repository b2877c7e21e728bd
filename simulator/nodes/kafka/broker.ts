/**
 * A Kafka broker (endpoint `<cluster>/broker-N`): hosts replicas of partitions, leads some and
 * follows others, and answers clients. Its logs are durable; its view of leadership, its
 * followers' progress, parked requests and the replica fetcher are volatile and die with it.
 * Coordinator requests (transactions, groups) are served from cluster-wide state that the real
 * system keeps in replicated internal topics (`__transaction_state`, `__consumer_offsets`).
 */
import type { Message, NodeContext, SimNode } from '../../core/node.js';
import type { PartitionState, MetadataListener } from './controller.js';
import type { KafkaCluster } from './cluster.js';
import { Replica } from './replica.js';
import { ReplicaFetcher, handleReplicaFetch, checkIsr, advanceHighWatermark } from './replication.js';
import { handleProduce, handleMarkers } from './produce-handler.js';
import { handleFetch, wakeParkedFetches, type ParkedFetch } from './fetch-handler.js';
import { applyRetention, RETENTION_INITIAL_DELAY_MS } from './retention.js';
import { tpKey } from './tp-key.js';

export class Broker implements SimNode, MetadataListener {
  ctx!: NodeContext;
  readonly replicas = new Map<string, Replica>();
  readonly fetcher: ReplicaFetcher;
  parked: ParkedFetch[] = [];
  /** Parked follower fetches: long polls answered when the leader appends (replica.fetch.wait.max.ms). */
  parkedReplicaFetches: { wake: () => boolean }[] = [];
  readonly counters = { produceRequests: 0, recordsAppended: 0, duplicatesDropped: 0, fetchRequests: 0, recordsTruncated: 0, recordsDeleted: 0 };
  /**
   * Totals behind the broker's JMX meters (simulator/metrics reads them): ISR changes this broker
   * made as leader, partition appends that failed (NOT_ENOUGH_REPLICAS, sequence errors — not
   * NOT_LEADER_OR_FOLLOWER, which Kafka does not count), and record value bytes in from producers
   * and out to consumers (replication traffic excluded, as in BytesInPerSec/BytesOutPerSec).
   */
  readonly meters = { isrShrinks: 0, isrExpands: 0, failedProduceRequests: 0, bytesIn: 0, bytesOut: 0 };

  constructor(
    readonly cluster: KafkaCluster,
    readonly brokerId: number,
    readonly address: string,
  ) {
    this.fetcher = new ReplicaFetcher(this);
  }

  start(ctx: NodeContext): void {
    this.ctx = ctx;
    this.armTimers();
  }

  private armTimers(): void {
    const isrEvery = Math.max(100, Math.min(5000, Math.floor(this.cluster.replicaLagMaxMs / 2)));
    const isrTick = () => {
      checkIsr(this);
      this.ctx.timer(isrEvery, isrTick);
    };
    this.ctx.timer(isrEvery, isrTick);
    const retentionEvery = this.cluster.retentionCheckMs;
    const retentionTick = () => {
      applyRetention(this);
      this.ctx.timer(retentionEvery, retentionTick);
    };
    this.ctx.timer(RETENTION_INITIAL_DELAY_MS, retentionTick);
  }

  receive(msg: Message, from: string): void {
    switch (msg.kind) {
      case 'kafka.produce':
        handleProduce(this, msg, from);
        return;
      case 'kafka.fetch':
        handleFetch(this, msg, from);
        return;
      case 'kafka.replica.fetch':
        handleReplicaFetch(this, msg, from);
        return;
      case 'kafka.replica.fetch.response':
        this.fetcher.onResponse(msg, from);
        return;
      case 'kafka.txn.markers':
        handleMarkers(this, msg, from);
        return;
      case 'kafka.txn.markers.response':
        this.cluster.transactions.onMarkersResponse(msg);
        return;
      default:
        if (msg.kind.startsWith('kafka.txn.') || msg.kind === 'kafka.init-pid') this.cluster.transactions.handle(this, msg, from);
        else if (msg.kind.startsWith('kafka.group.') || msg.kind.startsWith('kafka.offset.')) this.cluster.groups.handle(this, msg, from);
    }
  }

  applyPartition(state: Readonly<PartitionState>): void {
    const r = this.replicas.get(tpKey(state.topic, state.partition));
    if (!r) return;
    const me = this.brokerId;
    if (state.leader === me) {
      if (r.leader !== me || r.leaderEpoch !== state.leaderEpoch) {
        // Becoming leader: a new epoch starts at our log end; followers' progress is unknown until they fetch.
        r.log.startEpoch(state.leaderEpoch);
        r.followers.clear();
        for (const b of state.replicas) if (b !== me) r.followers.set(b, { leo: 0, lastCaughtUpMs: this.ctx.now(), lastFetchLeaderLeo: 0 });
      }
      r.leader = me;
      r.leaderEpoch = state.leaderEpoch;
      r.isr = [...state.isr];
      advanceHighWatermark(this, r);
    } else {
      if (r.leader === me) {
        for (const d of r.delayed) d.complete('NOT_LEADER_OR_FOLLOWER');
        r.delayed = [];
      }
      r.leader = state.leader;
      r.leaderEpoch = state.leaderEpoch;
      r.isr = [...state.isr];
    }
    this.fetcher.update();
  }

  /** The leader appended to `r`: answer parked follower and consumer long polls. */
  appended(r: Replica): void {
    if (this.parkedReplicaFetches.length > 0) this.parkedReplicaFetches = this.parkedReplicaFetches.filter((p) => !p.wake());
    advanceHighWatermark(this, r);
  }

  highWatermarkMoved(r: Replica): void {
    if (this.parked.length > 0) wakeParkedFetches(this, r.key);
  }

  crash(): void {
    for (const r of this.replicas.values()) r.forgetView();
    this.parked = [];
    this.parkedReplicaFetches = [];
    this.fetcher.reset();
  }

  restart(): void {
    this.armTimers();
    this.cluster.controller.forget(this.brokerId);
    this.cluster.controller.register(this.brokerId);
  }

  inspect(): unknown {
    return {
      broker: this.brokerId,
      partitions: [...this.replicas.values()].map((r) => ({
        partition: r.key,
        role: r.leader === this.brokerId ? 'leader' : 'follower',
        leaderEpoch: r.leaderEpoch,
        logStartOffset: r.log.logStartOffset,
        logEndOffset: r.log.logEndOffset,
        highWatermark: r.log.highWatermark,
        isr: r.leader === this.brokerId ? [...r.isr] : undefined,
      })),
    };
  }

  metrics(): Record<string, number> {
    let leaderOf = 0;
    for (const r of this.replicas.values()) if (r.leader === this.brokerId) leaderOf++;
    const m: Record<string, number> = { ...this.counters, leaderOf };
    // Broker 1 reports the controller's view of every partition for the whole cluster (as it does
    // for heldRecords): leader (0 = offline), ISR as a bit mask of broker ids, log end and high watermark.
    if (this.brokerId === 1) {
      for (const [key, p] of this.cluster.controller.partitions) {
        const best = this.cluster.bestReplica(p.topic, p.partition);
        m[`partition:${key}:leader`] = p.leader ?? 0;
        m[`partition:${key}:isr`] = p.isr.reduce((mask, b) => mask | (1 << (b - 1)), 0);
        m[`partition:${key}:end`] = best?.log.logEndOffset ?? 0;
        m[`partition:${key}:hw`] = best?.log.highWatermark ?? 0;
      }
    }
    return m;
  }

  heldRecords(visit: (rid: number) => void): void {
    // The first broker reports, for the whole cluster, output-topic records not yet visible to a
    // read_committed reader (beyond the HW, or in an open transaction): they may still become visible.
    if (this.brokerId === 1) this.cluster.visitPendingOutputRecords(visit);
  }
}
