/**
 * The cluster as other components see it (KafkaClusterHandle): brokers, the controller, the
 * transaction and group coordinators, and the clients' entry points. Clients read metadata
 * (who leads a partition, which broker coordinates a group) from here — a MetadataRequest in
 * the real protocol — and then talk to brokers over the network.
 */
import type { Simulation } from '../../core/simulation.js';
import type { NodeContext } from '../../core/node.js';
import { hashString } from '../../core/prng.js';
import type { KafkaSpec } from '../../spec/schema/kafka.js';
import type { ConsumerConfig, KafkaClusterDescription, KafkaClusterHandle, KafkaConsumerClient, KafkaProducerClient, ProducerConfig } from './client-api.js';
import { Controller } from './controller.js';
import { Broker } from './broker.js';
import { Replica } from './replica.js';
import { TransactionCoordinator } from './transactions.js';
import { GroupCoordinator } from './group-coordinator.js';
import { KafkaProducer } from './producer.js';
import { KafkaConsumer } from './consumer.js';
import { describeCluster } from './inspect.js';
import { tpKey } from './tp-key.js';
import { KAFKA_SEGMENT_DEFAULTS, type SegmentConfig } from './partition-log.js';
import type { WireCodec } from '../../core/event-codec.js';

export interface TopicInfo {
  readonly name: string;
  /** Grows when an operator adds partitions (kafka-topics.sh --alter --partitions); never shrinks. */
  partitions: number;
  readonly replicationFactor: number;
  readonly retentionMs: number;
  readonly minIsr: number;
  /** segment.bytes / segment.ms: how each replica cuts its log into segments (retention deletes whole ones). */
  readonly segments: SegmentConfig;
}

export class KafkaCluster implements KafkaClusterHandle {
  readonly brokers: Broker[] = [];
  readonly controller: Controller;
  readonly topics = new Map<string, TopicInfo>();
  readonly transactions: TransactionCoordinator;
  readonly groups: GroupCoordinator;
  readonly replicaLagMaxMs: number;
  readonly retentionCheckMs: number;
  readonly transactionMaxTimeoutMs: number;
  readonly initialRebalanceDelayMs: number;
  /** Topics some group or Flink source reads: their unread records are held by the readers, not the cluster. */
  readonly readTopics = new Set<string>();
  private nextProducerId = 1000;
  private clientSeq = 0;

  constructor(
    readonly id: string,
    readonly spec: KafkaSpec,
    readonly sim: Simulation,
  ) {
    this.replicaLagMaxMs = spec['replica.lag.time.max.ms'];
    this.transactionMaxTimeoutMs = spec['transaction.max.timeout.ms'];
    this.initialRebalanceDelayMs = spec['group.initial.rebalance.delay.ms'];
    this.retentionCheckMs = spec['log.retention.check.interval.ms'];
    this.controller = new Controller(sim, `${id}/controller`, spec['unclean.leader.election.enable'], (text) => sim.addLog('warn', `${id}/controller`, text));
    for (let b = 1; b <= spec.brokers; b++) {
      const broker = new Broker(this, b, this.brokerAddress(b));
      this.brokers.push(broker);
      this.controller.listeners.set(b, broker);
    }
    this.transactions = new TransactionCoordinator(this);
    this.groups = new GroupCoordinator(this);
    this.controller.onUncleanElection = (topic, partition, leader) => this.noteUncleanLoss(topic, partition, leader);
  }

  /**
   * An out-of-sync replica now leads: whatever other replicas hold past its log end is gone from
   * the partition (they will truncate it when they follow the new leader). Noted now, so the ledger
   * can say where a record went even if its replica never comes back within the run.
   */
  private noteUncleanLoss(topic: string, partition: number, leader: number): void {
    const key = tpKey(topic, partition);
    const end = this.brokers[leader - 1]?.replicas.get(key)?.log.logEndOffset;
    if (end === undefined) return;
    const why = `${key}: unclean leader election of broker ${leader}, which never had it`;
    for (const b of this.brokers) {
      if (b.brokerId === leader) continue;
      const r = b.replicas.get(key);
      if (!r || r.log.logEndOffset <= end) continue;
      // Copies an earlier unclean election already doomed are not counted again.
      r.log.visitFrom(end, (rid) => this.sim.ledger.noteLoss(rid, this.id, why), false, r.lossNotedFrom);
      r.lossNotedFrom = Math.min(r.lossNotedFrom, end);
    }
  }

  brokerAddress(brokerId: number): string {
    return `${this.id}/broker-${brokerId}`;
  }

  brokerIdOf(address: string): number {
    return Number(address.slice(address.lastIndexOf('-') + 1));
  }

  /** Creates a topic: replicas spread round robin over brokers, first replica the preferred leader. */
  addTopic(name: string, partitions: number, replicationFactor: number, retentionMs: number, minIsr: number, segments: SegmentConfig = KAFKA_SEGMENT_DEFAULTS): void {
    if (this.topics.has(name)) return;
    const n = this.spec.brokers;
    const rf = Math.min(replicationFactor, n);
    const shift = this.topics.size;
    this.topics.set(name, { name, partitions, replicationFactor: rf, retentionMs, minIsr, segments });
    for (let p = 0; p < partitions; p++) {
      const replicas: number[] = [];
      for (let i = 0; i < rf; i++) replicas.push(((p + shift + i) % n) + 1);
      this.controller.partitions.set(`${name}-${p}`, { topic: name, partition: p, replicas, leader: replicas[0]!, leaderEpoch: 0, isr: [...replicas] });
      for (const b of replicas) this.brokers[b - 1]!.replicas.set(`${name}-${p}`, new Replica(name, p, replicas, minIsr, retentionMs, segments));
    }
  }

  /**
   * `kafka-topics.sh --alter --partitions n` (the CreatePartitions request): partitions
   * `old … n-1` are created empty, replicas placed as for the topic's first ones. Kafka only
   * increases a count; the error text is the controller's (ReplicationControlManager).
   */
  addPartitions(name: string, count: number): string | null {
    const t = this.topics.get(name);
    if (!t) return `Topic '${name}' does not exist as expected`;
    if (count === t.partitions) return `Topic already has ${t.partitions} partition(s).`;
    if (count < t.partitions) return `The topic ${name} currently has ${t.partitions} partition(s); ${count} would not be an increase.`;
    const n = this.spec.brokers;
    const shift = [...this.topics.keys()].indexOf(name);
    for (let p = t.partitions; p < count; p++) {
      const replicas: number[] = [];
      for (let i = 0; i < t.replicationFactor; i++) replicas.push(((p + shift + i) % n) + 1);
      this.controller.partitions.set(`${name}-${p}`, { topic: name, partition: p, replicas, leader: replicas[0]!, leaderEpoch: 0, isr: [...replicas] });
      for (const b of replicas) this.brokers[b - 1]!.replicas.set(`${name}-${p}`, new Replica(name, p, replicas, t.minIsr, t.retentionMs));
    }
    t.partitions = count;
    this.controller.changed();
    return null;
  }

  start(): void {
    this.controller.start();
    this.controller.changed();
    this.transactions.start();
    this.groups.start();
  }

  private requestSeq = 0;

  /** Request ids unique across all clients, so several clients in one host never confuse responses. */
  nextRequestId(): number {
    return ++this.requestSeq;
  }

  /** Visits rids of data records in [from, to) of the partition's best copy. */
  visitRange(topic: string, partition: number, from: number, to: number, visit: (rid: number) => void): void {
    const r = this.bestReplica(topic, partition);
    if (!r) return;
    const { entries } = r.log.read(Math.max(from, r.log.logStartOffset), to, Number.MAX_SAFE_INTEGER, false);
    for (const e of entries) visit(e.record.rid);
  }

  /** Visits the records of `topic`-`partition` below `offset` that were written after `sinceMs` (aborted ones too unless `skipAborted`). */
  visitWrittenBelow(topic: string, partition: number, offset: number, sinceMs: number, skipAborted: boolean, visit: (rid: number) => void): void {
    this.bestReplica(topic, partition)?.log.visitWrittenBelow(offset, sinceMs, skipAborted, visit);
  }

  newProducerId(): number {
    return this.nextProducerId++;
  }

  newClientId(host: string): string {
    return `${host}#${++this.clientSeq}`;
  }

  leaderOf(topic: string, partition: number): number | null {
    return this.controller.partitions.get(tpKey(topic, partition))?.leader ?? null;
  }

  /** The broker coordinating a group or transactional id: the live broker its hash points at, or the next live one. */
  coordinatorFor(key: string): number | null {
    const n = this.spec.brokers;
    const start = hashString(key) % n;
    for (let i = 0; i < n; i++) {
      const b = ((start + i) % n) + 1;
      if (!this.controller.fenced.has(b)) return b;
    }
    return null;
  }

  createProducer(host: NodeContext, config: ProducerConfig, codec?: WireCodec): KafkaProducerClient {
    const producer = new KafkaProducer(this, host, config, codec ?? null);
    this.clientsOf(host.address).producer = producer;
    return producer;
  }

  createConsumer(host: NodeContext, config: ConsumerConfig): KafkaConsumerClient {
    const consumer = new KafkaConsumer(this, host, config);
    this.clientsOf(host.address).consumer = consumer;
    return consumer;
  }

  /**
   * The newest producer and consumer each host process made, for the client metrics
   * (simulator/metrics): a restarted process builds new clients, whose metrics start from zero
   * as a real client's do.
   */
  readonly clients = new Map<string, { producer?: KafkaProducer; consumer?: KafkaConsumer }>();

  private clientsOf(address: string): { producer?: KafkaProducer; consumer?: KafkaConsumer } {
    let c = this.clients.get(address);
    if (!c) this.clients.set(address, (c = {}));
    return c;
  }

  partitionsFor(topic: string): number {
    return this.topics.get(topic)?.partitions ?? 0;
  }

  /** The replica whose log readers will get: the leader's, or while offline the fullest in-sync copy. */
  bestReplica(topic: string, partition: number): Replica | undefined {
    const state = this.controller.partitions.get(tpKey(topic, partition));
    if (!state) return undefined;
    const key = tpKey(topic, partition);
    if (state.leader !== null) return this.brokers[state.leader - 1]!.replicas.get(key);
    let best: Replica | undefined;
    for (const b of state.isr.length > 0 ? state.isr : state.replicas) {
      const r = this.brokers[b - 1]!.replicas.get(key);
      if (r && (!best || r.log.logEndOffset > best.log.logEndOffset)) best = r;
    }
    return best;
  }

  recordsFrom(topic: string, partition: number, offset: number, visit: (rid: number) => void, readCommitted = false): void {
    this.bestReplica(topic, partition)?.log.visitFrom(offset, visit, readCommitted);
  }

  private perPartition(topic: string, f: (r: Replica | undefined) => number): number[] {
    const out: number[] = [];
    for (let p = 0; p < this.partitionsFor(topic); p++) out.push(f(this.bestReplica(topic, p)));
    return out;
  }

  logStartOffsets(topic: string): number[] {
    return this.perPartition(topic, (r) => r?.log.logStartOffset ?? 0);
  }

  logEndOffsets(topic: string): number[] {
    return this.perPartition(topic, (r) => r?.log.logEndOffset ?? 0);
  }

  highWatermarks(topic: string): number[] {
    return this.perPartition(topic, (r) => r?.log.highWatermark ?? 0);
  }

  committedOffsets(group: string, topic: string): ReadonlyMap<number, number> {
    return this.groups.committedOffsets(group, topic);
  }

  describe(): KafkaClusterDescription {
    return describeCluster(this);
  }

  /** Output topics (nobody reads them): records not yet visible to read_committed readers are still in flight. */
  visitPendingOutputRecords(visit: (rid: number) => void): void {
    for (const t of this.topics.values()) {
      if (this.readTopics.has(t.name)) continue;
      for (let p = 0; p < t.partitions; p++) this.bestReplica(t.name, p)?.log.visitCommitted(() => {}, (rec) => visit(rec.rid));
    }
  }
}
