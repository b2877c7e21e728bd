/**
 * The contract between Kafka clients and the nodes that embed them.
 *
 * Real Kafka clients are libraries inside another process: Logstash's kafka output,
 * Filebeat's kafka output and Flink's KafkaSink embed a producer; a consumer application
 * and Flink's KafkaSource embed a consumer. Here too: a host node creates a client with
 * its own NodeContext, forwards every message whose kind starts with `kafka.` to
 * `client.receive()`, and drops the client on crash (its state is volatile) and makes a
 * new one on restart — which is exactly why a restarted non-transactional producer gets a
 * new producer id (SEMANTICS §3).
 *
 * Requests and responses travel over the host's links to the broker endpoints
 * (`<cluster>/broker-N`), so link faults and partitions act on them.
 */
import type { Rec, RecordColumn } from '../../core/record.js';
import type { Message, NodeContext } from '../../core/node.js';
import type { WireCodec } from '../../core/event-codec.js';
import type { PolledRecords } from './polled-records.js';

export interface ProducerConfig {
  acks: '0' | '1' | 'all' | '-1';
  /** undefined = retry until delivery.timeout.ms */
  retries?: number;
  'enable.idempotence': boolean;
  'max.in.flight.requests.per.connection': number;
  'delivery.timeout.ms': number;
  'request.timeout.ms'?: number;
  'linger.ms'?: number;
  'batch.size'?: number;
  /** Largest serialized record send() accepts; larger fails at once with RECORD_TOO_LARGE. Unset: no check. */
  'max.request.size'?: number;
  'transactional.id'?: string;
  'transaction.timeout.ms'?: number;
}

/**
 * The outcome of one send: the record is `records.at(index)` (the batch it went out in). A callback
 * that needs the record asks for it; an acknowledgement makes no record object otherwise.
 */
export type SendCallback = (result: SendResult, records: RecordColumn, index: number) => void;

/** Outcome of one record's send, reported through the callback as the real client does. */
export interface SendResult {
  ok: boolean;
  /** partition and offset when ok (offset -1 with acks=0: the producer never learns it) */
  partition?: number;
  offset?: number;
  /** e.g. NOT_ENOUGH_REPLICAS, TIMEOUT, PRODUCER_FENCED */
  error?: string;
}

export interface KafkaProducerClient {
  /**
   * Buffers a record for `topic`; `key` picks the partition (null → sticky/round robin). The callback
   * fires once, with where to find the record it is about (so one callback can serve many sends).
   */
  send(topic: string, record: Rec, key: string | null, callback?: SendCallback): void;
  /** The process at `address` went down (see SimNode.peerDown): requests in flight to it fail now. */
  peerDown(address: string): void;
  /** Sends what is buffered now; `done` fires when every send so far has completed (ok or not). */
  flush(done: () => void): void;
  /** Transactions (only with transactional.id). initTransactions fences older instances with the same id. */
  initTransactions(done: (ok: boolean, error?: string) => void): void;
  beginTransaction(): void;
  commitTransaction(done: (ok: boolean, error?: string) => void): void;
  abortTransaction(done: (ok: boolean) => void): void;
  /**
   * The identity of the open transaction (producer id, epoch and the partitions it wrote), which a
   * two-phase-commit sink stores in its checkpoint so that it can finish the commit after a restart.
   */
  transactionHandle?(): TransactionHandle | null;
  /**
   * Takes over a transaction another instance pre-committed, without InitProducerId (which would
   * fence and abort it): Flink's FlinkKafkaInternalProducer.resumeTransaction. Then commitTransaction
   * finishes it; committing one that already committed succeeds again (the commit is idempotent).
   */
  resumeTransaction?(handle: TransactionHandle): void;
  /**
   * Adds a consumer group's offsets to the open transaction (exactly-once consume-transform-produce,
   * SEMANTICS §3): they are committed if and only if the transaction commits.
   */
  sendOffsetsToTransaction?(group: string, topic: string, offsets: ReadonlyMap<number, number>, done: (ok: boolean, error?: string) => void): void;
  /** Host forwards `kafka.*` messages here; returns true if it was for this client. */
  receive(msg: Message, from: string): boolean;
  /** Records sent but not yet acknowledged (for the ledger's in-flight). */
  heldRecords(visit: (rid: number) => void): void;
  /** Optional for hosts: call on crash so the records the client buffered are noted as lost there. */
  discard?(): void;
  inspect(): unknown;
}

export interface TransactionHandle {
  producerId: number;
  producerEpoch: number;
  /** `topic-partition` keys registered with the coordinator */
  partitions: string[];
}

export interface ConsumerConfig {
  'group.id'?: string;
  'isolation.level': 'read_uncommitted' | 'read_committed';
  'enable.auto.commit': boolean;
  'auto.commit.interval.ms': number;
  'auto.offset.reset': 'earliest' | 'latest' | 'none';
  'max.poll.records': number;
  'max.poll.interval.ms': number;
  'session.timeout.ms': number;
  /** range (default) or roundrobin; deterministic by member id. */
  'partition.assignment.strategy'?: 'range' | 'roundrobin';
}

/** A consumed record with its position. */
export interface ConsumedRecord {
  topic: string;
  partition: number;
  offset: number;
  record: Rec;
}

export interface KafkaConsumerClient {
  /** Joins the group and subscribes (partitions assigned by the group coordinator; rebalances as members come and go). */
  subscribe(topic: string, onAssigned?: (partitions: number[]) => void, onRevoked?: (partitions: number[]) => void): void;
  /** Manual assignment without a group (Flink's source): read these partitions from the given offsets (or the reset policy). */
  assign(topic: string, partitions: number[], startOffsets?: ReadonlyMap<number, number>): void;
  /** Fetches up to max.poll.records; calls back with what came (possibly nothing). Also drives auto-commit and liveness. */
  poll(callback: (records: ConsumedRecord[]) => void): void;
  /** poll(), the records read by index and made only when asked (polled-records.ts); Flink's source uses it when the client has it. */
  pollRecords?(callback: (records: PolledRecords) => void): void;
  /** Moves the next fetch position of a partition. */
  seek(partition: number, offset: number): void;
  /** Next offset to read per assigned partition. */
  position(partition: number): number | undefined;
  /** Commits the given offsets (next offset to read) for the group; `done(false)` on CommitFailed (rebalanced). */
  commit(offsets: ReadonlyMap<number, number>, done?: (ok: boolean, error?: string) => void): void;
  /** Partitions currently assigned. */
  assignment(): number[];
  /** Number of partitions of the topic (metadata). */
  partitionsFor(topic: string): number;
  /** Leaves the group cleanly (not on crash: a crashed member is noticed by session timeout). */
  close(): void;
  receive(msg: Message, from: string): boolean;
  /** The process at `address` went down (see SimNode.peerDown): a fetch in flight to it is given up now. */
  peerDown(address: string): void;
  inspect(): unknown;
}

/** What the cluster component (registered with ctx.provide(kafkaId, …)) offers to clients. */
export interface KafkaClusterHandle {
  readonly id: string;
  /**
   * `codec`: how the client's serializer writes a record's value, when that is not the record itself (a
   * Logstash kafka output's codec, core/event-codec.ts); readers of the log see what it wrote.
   */
  createProducer(host: NodeContext, config: ProducerConfig, codec?: WireCodec): KafkaProducerClient;
  createConsumer(host: NodeContext, config: ConsumerConfig): KafkaConsumerClient;
  partitionsFor(topic: string): number;
  /**
   * Visits the rid of every record of a partition from `offset` (inclusive) to the log end, as the
   * partition's current leader holds them (or, while it is offline, the fullest in-sync copy).
   * Readers report what they have yet to consume through this (the ledger's in-flight).
   * `readCommitted`: leave out records of aborted transactions (a read_committed reader never gets them).
   */
  recordsFrom(topic: string, partition: number, offset: number, visit: (rid: number) => void, readCommitted?: boolean): void;
  /** Log start (oldest retained offset) per partition. */
  logStartOffsets(topic: string): number[];
  /** Log end offset per partition (next offset to be written, on the leader). */
  logEndOffsets(topic: string): number[];
  /** High watermark per partition: readers only ever see offsets below it (SEMANTICS §3). */
  highWatermarks(topic: string): number[];
  /** Committed offsets of a group for a topic (partition → next offset to read). */
  committedOffsets(group: string, topic: string): ReadonlyMap<number, number>;
  /** Plain-data description of topics, groups and transactions (kafka-topics / kafka-consumer-groups). */
  describe(): KafkaClusterDescription;
}

export interface PartitionDescription {
  partition: number;
  leader: number | null;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  lastStableOffset: number;
}

export interface GroupDescription {
  group: string;
  topic: string;
  generation: number;
  members: { memberId: string; host: string; partitions: number[] }[];
  committed: { partition: number; offset: number | null; logEndOffset: number; lag: number }[];
}

export interface TransactionDescription {
  transactionalId: string;
  producerId: number;
  producerEpoch: number;
  state: string;
  partitions: string[];
  startedAtMs: number | null;
}

export interface KafkaClusterDescription {
  brokers: { id: number; up: boolean; fenced: boolean }[];
  topics: { topic: string; partitions: PartitionDescription[] }[];
  groups: GroupDescription[];
  transactions: TransactionDescription[];
}
