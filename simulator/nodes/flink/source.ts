/**
 * Flink's KafkaSource (SEMANTICS §4 "Kafka source", [FL3]): a consumer in `assign` mode (no
 * group membership; splits are assigned by the job), whose read positions live in Flink's
 * checkpointed state. Where a job without a checkpoint starts is `starting-offsets`
 * (earliest | latest | committed); a restore seeks every partition to the offsets stored in
 * the checkpoint. The group's committed offsets are written only when a checkpoint completes
 * (`commit.offsets.on.checkpoint`) and are never read back on restore — monitoring only.
 * Without checkpointing the consumer's own `enable.auto.commit` applies, as in Flink.
 *
 * Partition discovery (KafkaSourceEnumerator, [FL3] "Dynamic Partition Discovery"): the source reads the
 * partitions it found when the job started; the enumerator looks again every
 * `partition.discovery.interval.ms` (SQL: `scan.topic-partition-discovery.interval`, 5 min by default,
 * 0 never), counted from the job's start. Partitions added in between are read only from the next
 * look, and from their earliest offset whatever `starting-offsets` says (the enumerator's
 * newDiscoveryOffsetsInitializer is OffsetsInitializer.earliest()).
 */
import type { NodeContext } from '../../core/node.js';
import type { KafkaClusterHandle, KafkaConsumerClient } from '../kafka/client-api.js';
import { ArrayRecords, type PolledRecords } from '../kafka/polled-records.js';
import type { KafkaSourceSpec } from '../../spec/schema/kafka.js';
import type { Message } from '../../core/node.js';
import type { FlinkSourceReader, Offsets } from './source-reader.js';

/** Poll again at once while data flows; back off this long when a poll came back empty. */
const EMPTY_POLL_BACKOFF_MS = 100;

export type { Offsets } from './source-reader.js';

export class KafkaSourceReader implements FlinkSourceReader {
  readonly partitions: number[];
  private consumer: KafkaConsumerClient | null = null;
  /** Next offset per partition that the source will emit into the job. */
  readonly positions = new Map<number, number>();
  private generation = 0;
  private running = false;
  /** Set while the job cannot take more input (alignment or a busy operator): polling pauses. */
  paused = false;
  private pollScheduled = false;

  constructor(
    private readonly ctx: NodeContext,
    private readonly cluster: KafkaClusterHandle,
    private readonly spec: KafkaSourceSpec,
    private readonly checkpointing: boolean,
    private readonly onRecords: (records: PolledRecords) => void,
    private readonly startMode: KafkaSourceSpec['starting-offsets'] = spec['starting-offsets'],
  ) {
    this.partitions = [];
    this.discover();
  }

  get name(): string {
    return this.spec.topic;
  }

  get discoveryIntervalMs(): number {
    return this.spec['partition.discovery.interval.ms'];
  }

  get idlenessMs(): number | undefined {
    return this.spec.idleness;
  }

  readonly splitWords = { plural: 'partitions', discoveredFrom: 'their earliest offsets' };

  get startDescription(): string {
    return `starting-offsets ${this.startMode}`;
  }

  /**
   * Looks up the topic's partitions (the enumerator asks the admin client, which sees the controller's
   * count at once) and adds those not known yet; returns them. The caller assigns them to subtasks and
   * says where they start.
   */
  discover(): number[] {
    const found: number[] = [];
    for (let p = this.partitions.length; p < this.cluster.partitionsFor(this.spec.topic); p++) found.push(p);
    this.partitions.push(...found);
    return found;
  }

  /** Where newly discovered partitions start: their earliest offset (newDiscoveryOffsetsInitializer). */
  earliestOffsets(partitions: readonly number[]): Map<number, number> {
    const start = this.cluster.logStartOffsets(this.spec.topic);
    return new Map(partitions.map((p) => [p, start[p] ?? 0]));
  }

  /** Adds discovered splits to the running reader, each from its start offset (KafkaPartitionSplitReader.handleSplitsChanges). */
  addSplits(offsets: Offsets): void {
    if (!this.consumer) return;
    for (const [p, o] of offsets) this.positions.set(p, o);
    // The consumer keeps the positions of the partitions it already reads; only the new ones start here.
    this.consumer.assign(this.spec.topic, this.partitions, offsets);
    this.schedulePoll(0);
  }

  /** Where a job without a checkpoint starts, per `starting-offsets`. */
  initialOffsets(mode: KafkaSourceSpec['starting-offsets'] = this.startMode): Map<number, number> {
    const topic = this.spec.topic;
    const start = this.cluster.logStartOffsets(topic);
    const end = this.cluster.logEndOffsets(topic);
    const committed = mode === 'committed' && this.spec['group.id'] ? this.cluster.committedOffsets(this.spec['group.id'], topic) : new Map<number, number>();
    const out = new Map<number, number>();
    for (const p of this.partitions) {
      const earliest = start[p] ?? 0;
      const latest = end[p] ?? 0;
      if (mode === 'earliest') out.set(p, earliest);
      else if (mode === 'latest') out.set(p, latest);
      else out.set(p, committed.get(p) ?? (this.spec['auto.offset.reset'] === 'latest' ? latest : earliest));
    }
    return out;
  }

  /**
   * What an out-of-range position falls back to. Flink's OffsetsInitializer carries its own
   * reset strategy: earliest() resets to EARLIEST, latest() to LATEST; only committedOffsets()
   * follows the consumer's auto.offset.reset [FL3]. So a replay that races retention restarts
   * at the new log start instead of skipping to the end.
   */
  private resetStrategy(): 'earliest' | 'latest' | 'none' {
    const mode = this.spec['starting-offsets'];
    return mode === 'committed' ? this.spec['auto.offset.reset'] : mode;
  }

  start(offsets: Offsets): void {
    this.stop();
    this.consumer = this.cluster.createConsumer(this.ctx, {
      ...(this.spec['group.id'] !== undefined ? { 'group.id': this.spec['group.id'] } : {}),
      'isolation.level': this.spec['isolation.level'],
      'enable.auto.commit': this.checkpointing ? false : this.spec['enable.auto.commit'],
      'auto.commit.interval.ms': this.spec['auto.commit.interval.ms'],
      'auto.offset.reset': this.resetStrategy(),
      'max.poll.records': this.spec['max.poll.records'],
      'max.poll.interval.ms': this.spec['max.poll.interval.ms'],
      'session.timeout.ms': this.spec['session.timeout.ms'],
    });
    this.positions.clear();
    for (const [p, o] of offsets) this.positions.set(p, o);
    this.consumer.assign(this.spec.topic, this.partitions, offsets);
    for (const [p, o] of offsets) this.consumer.seek(p, o);
    this.running = true;
    this.paused = false;
    this.schedulePoll(0);
  }

  /**
   * A restart without a checkpoint runs the offsets initializer again: with `latest` (or
   * `committed` ahead of where the job was) the records between the old position and the new
   * start are never read by this job. Notes them lost here, so the ledger can say where.
   */
  noteSkipped(from: ReadonlyMap<number, number>, to: ReadonlyMap<number, number>, note: (rid: number) => void): void {
    for (const [p, start] of from) {
      const end = to.get(p) ?? start;
      let left = end - start;
      if (left <= 0) continue;
      this.cluster.recordsFrom(this.spec.topic, p, start, (rid) => {
        if (left-- > 0) note(rid);
      });
    }
  }

  stop(): void {
    this.generation++;
    this.running = false;
    this.pollScheduled = false;
    this.consumer = null;
  }

  get active(): boolean {
    return this.running;
  }

  private schedulePoll(delay: number): void {
    if (this.pollScheduled || !this.running) return;
    this.pollScheduled = true;
    const gen = this.generation;
    this.ctx.timer(delay, () => {
      if (gen !== this.generation) return;
      this.pollScheduled = false;
      this.poll();
    });
  }

  /** Resumes polling after a pause. */
  resume(delay = 0): void {
    this.paused = false;
    this.schedulePoll(delay);
  }

  private poll(): void {
    const consumer = this.consumer;
    if (!consumer || this.paused) return;
    const gen = this.generation;
    const polled = (records: PolledRecords) => {
      if (gen !== this.generation) return;
      for (let i = 0; i < records.length; i++) {
        // One position per run of a partition's records: one past the run's last offset.
        if (i + 1 === records.length || records.partitionAt(i + 1) !== records.partitionAt(i)) this.positions.set(records.partitionAt(i), records.offsetAt(i) + 1);
      }
      if (records.length > 0) this.onRecords(records);
      if (!this.paused) this.schedulePoll(records.length > 0 ? 0 : EMPTY_POLL_BACKOFF_MS);
    };
    // The client's index-read poll when it has one (no object per record), else its array.
    if (consumer.pollRecords) consumer.pollRecords(polled);
    else consumer.poll((records) => polled(new ArrayRecords(this.spec.topic, records)));
  }

  /** Group offsets for monitoring (`commit.offsets.on.checkpoint`), after a checkpoint completed. */
  commitForMonitoring(offsets: Offsets): void {
    if (this.spec['group.id'] === undefined || !this.consumer) return;
    this.consumer.commit(offsets);
  }

  receive(msg: Message, from: string): boolean {
    if (!msg.kind.startsWith('kafka.')) return false;
    return this.consumer?.receive(msg as Parameters<KafkaConsumerClient['receive']>[0], from) ?? false;
  }

  peerDown(address: string): void {
    this.consumer?.peerDown(address);
  }

  /**
   * Records in the topic from `offsets` on: what the job has yet to read (in flight, held by Kafka for us).
   * A partition without an offset (not discovered yet) waits from its earliest offset.
   */
  visitUnread(offsets: Offsets, visit: (rid: number) => void): void {
    const readCommitted = this.spec['isolation.level'] === 'read_committed';
    const start = this.cluster.logStartOffsets(this.spec.topic);
    for (let p = 0; p < start.length; p++) this.cluster.recordsFrom(this.spec.topic, p, offsets.get(p) ?? start[p]!, visit, readCommitted);
  }

  /** Records readable (below the high watermark) beyond the positions, undiscovered partitions included: the consumer lag. */
  lag(offsets: Offsets = this.positions): number {
    const hw = this.cluster.highWatermarks(this.spec.topic);
    const start = this.cluster.logStartOffsets(this.spec.topic);
    let lag = 0;
    for (let p = 0; p < hw.length; p++) lag += Math.max(0, hw[p]! - (offsets.get(p) ?? start[p] ?? 0));
    return lag;
  }

  inspectConsumer(): unknown {
    return this.consumer?.inspect();
  }
}
