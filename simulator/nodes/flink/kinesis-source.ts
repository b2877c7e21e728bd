/**
 * Flink's Kinesis source (flink-connector-aws 5.x `KinesisStreamsSource`, SQL `'connector' = 'kinesis'`),
 * reading a `type: kinesis` stream through its `GetRecords` API (nodes/kinesis/protocol.ts). Sources:
 * apache/flink-connector-aws v5.1.0, docs/content/docs/connectors/datastream/kinesis.md and
 * KinesisStreamsSourceEnumerator / KinesisSourceConfigOptions.
 *
 * - Each shard is a split; its position is the sequence number read up to. Checkpoints store the
 *   positions ("periodically checkpoint each shard's progress"); a restore resumes there and ignores
 *   `source.init.position` ("Fault Tolerance for Exactly-Once User-Defined State Update Semantics").
 * - A job without a checkpoint starts every shard at `source.init.position`: LATEST (the default) is
 *   turned into AT_TIMESTAMP of the moment the job starts (getInitialStartingPosition), TRIM_HORIZON
 *   is the oldest record kept, AT_TIMESTAMP the first record that arrived at or after
 *   `source.init.timestamp`. A restart without a checkpoint therefore starts again there.
 * - A stale checkpoint (records past retention) does not fail the job: reading resumes at the oldest
 *   record kept ("effectively a TRIM_HORIZON"); what retention deleted is gone (the stream notes it).
 * - Resharding ("Record ordering"): a shard is read only once its parents are read to their end. The
 *   enumerator lists the shards every `source.shard.discovery.interval` (10 s); a child is handed out
 *   when it has been discovered and its parents are finished, and read from its first record
 *   (discovered splits start at StartingPosition.fromStart()).
 * - Polling reader: `GetRecords` of up to `source.shard.get-records.max-record-count` records per call,
 *   again at once while records come, after `source.reader.empty-records-fetch-interval` (250 ms) when
 *   a call returned none or was throttled (the shard's 5 reads/s limit, shard.ts).
 */
import type { Message, NodeContext } from '../../core/node.js';
import type { ConsumedRecord } from '../kafka/client-api.js';
import { ArrayRecords, type PolledRecords } from '../kafka/polled-records.js';
import type { FlinkKinesisSourceSpec } from '../../spec/schema/flink.js';
import type { KinesisStreamNode } from '../kinesis/stream.js';
import type { GetRecordsRequest, GetRecordsResponse } from '../kinesis/protocol.js';
import type { FlinkSourceReader, Offsets } from './source-reader.js';

/** No answer to a `GetRecords` call (an outage, a lost message) within this long: call again. */
const REQUEST_TIMEOUT_MS = 10_000;

export type KinesisStartPosition = FlinkKinesisSourceSpec['source.init.position'];

export class KinesisSourceReader implements FlinkSourceReader {
  readonly partitions: number[] = [];
  readonly positions = new Map<number, number>();
  paused = false;
  private running = false;
  private generation = 0;
  /** Shards handed to the reader: discovered, and their parents read to their end. */
  private readonly assigned = new Set<number>();
  /** Per shard, the earliest time of its next call (after an empty or throttled one). */
  private readonly notBefore = new Map<number, number>();
  /** One `GetRecords` call at a time: the subtask's single fetch thread. */
  private inFlight = false;
  private loopScheduled = false;
  private turn = 0;
  private readonly requests = new Map<number, number>();
  private nextRequestId = 0;
  private readonly counters = { getRecords: 0, throttled: 0, finishedShards: 0 };

  constructor(
    private readonly ctx: NodeContext,
    /** The Flink node: the stream answers here. */
    private readonly address: string,
    private readonly stream: KinesisStreamNode,
    private readonly spec: FlinkKinesisSourceSpec,
    private readonly onRecords: (records: PolledRecords) => void,
    private readonly startPosition: KinesisStartPosition = spec['source.init.position'],
  ) {
    this.discover();
  }

  get name(): string {
    return this.stream.streamName;
  }

  get discoveryIntervalMs(): number {
    return this.spec['source.shard.discovery.interval'];
  }

  get idlenessMs(): number | undefined {
    return this.spec.idleness;
  }

  readonly splitWords = { plural: 'shards', discoveredFrom: 'their first record (TRIM_HORIZON)' };

  get startDescription(): string {
    return `source.init.position ${this.startPosition}`;
  }

  get active(): boolean {
    return this.running;
  }

  /** ListShards: shards not known yet become splits; those whose parents are finished are handed out. */
  discover(): number[] {
    const found: number[] = [];
    for (let i = this.partitions.length; i < this.stream.shards.length; i++) found.push(i);
    this.partitions.push(...found);
    return found;
  }

  /** Discovered shards start at their first record (StartingPosition.fromStart()). */
  earliestOffsets(partitions: readonly number[]): Map<number, number> {
    return new Map(partitions.map((p) => [p, 0]));
  }

  addSplits(offsets: Offsets): void {
    for (const [p, o] of offsets) if (!this.positions.has(p)) this.positions.set(p, o);
    this.assignReady();
  }

  /** Where every shard starts without a checkpoint, per `source.init.position`. */
  initialOffsets(): Map<number, number> {
    const at = this.startPosition === 'LATEST' ? this.ctx.now() : this.startPosition === 'AT_TIMESTAMP' ? (this.spec['source.init.timestamp'] ?? 0) : undefined;
    return new Map(this.partitions.map((p) => [p, at === undefined ? 0 : this.positionBefore(p, at)]));
  }

  /** AT_TIMESTAMP: the position just before the first record that arrived at or after `ms`. */
  private positionBefore(shardIndex: number, ms: number): number {
    const shard = this.stream.shards[shardIndex]!;
    let before = -1;
    let oldest = -1;
    shard.forEachKept((r) => {
      if (oldest < 0) oldest = r.seq;
      if (r.arrivalMs < ms) before = r.seq;
    });
    if (before >= 0) return before;
    return oldest >= 0 ? oldest - 1 : shard.latestSeq();
  }

  start(offsets: Offsets): void {
    this.stop();
    this.positions.clear();
    for (const [p, o] of offsets) this.positions.set(p, o);
    this.running = true;
    this.paused = false;
    this.assignReady();
  }

  /** A closed shard whose position reached its last record is read to its end. */
  private finished(shardIndex: number): boolean {
    const shard = this.stream.shards[shardIndex];
    return shard !== undefined && shard.endingSeq !== null && (this.positions.get(shardIndex) ?? -1) >= shard.endingSeq;
  }

  /** Hands out every known shard whose parents are read to their end (parents before children). */
  private assignReady(): void {
    if (!this.running) return;
    for (const p of this.partitions) {
      if (this.assigned.has(p) || !this.positions.has(p) || this.finished(p)) continue;
      const shard = this.stream.shards[p]!;
      if (!shard.parents.every((parent) => this.finished(parent.index))) continue;
      this.assigned.add(p);
      if (shard.parents.length > 0) this.ctx.log('info', `Kinesis source: ${shard.shardId} assigned; its parent shard(s) ${shard.parents.map((s) => s.shardId).join(', ')} are read to their end`);
    }
    this.kick(0);
  }

  stop(): void {
    this.generation++;
    this.running = false;
    this.assigned.clear();
    this.notBefore.clear();
    this.requests.clear();
    this.inFlight = false;
    this.loopScheduled = false;
  }

  resume(delay = 0): void {
    this.paused = false;
    this.kick(delay);
  }

  /** Runs the reader's fetch loop after `delay`, unless a call is out or the loop is already due. */
  private kick(delay: number): void {
    if (!this.running || this.loopScheduled || this.inFlight) return;
    this.loopScheduled = true;
    const gen = this.generation;
    this.ctx.timer(delay, () => {
      if (gen !== this.generation) return;
      this.loopScheduled = false;
      this.pollNext();
    });
  }

  /**
   * One fetch thread per subtask polls its shards in turn (docs, "Polling (default) Split Reader"):
   * the next shard that may be called now gets one `GetRecords`; when none may, the loop waits.
   */
  private pollNext(): void {
    if (!this.running || this.paused || this.inFlight) return;
    const shards = [...this.assigned];
    if (shards.length === 0) return;
    const now = this.ctx.now();
    let shardIndex: number | undefined;
    let wait = Number.POSITIVE_INFINITY;
    for (let k = 0; k < shards.length; k++) {
      const p = shards[(this.turn + k) % shards.length]!;
      const due = this.notBefore.get(p) ?? 0;
      if (due <= now) {
        shardIndex = p;
        this.turn = (this.turn + k + 1) % shards.length;
        break;
      }
      wait = Math.min(wait, due - now);
    }
    if (shardIndex === undefined) return this.kick(wait);
    const requestId = ++this.nextRequestId;
    this.requests.set(requestId, shardIndex);
    this.inFlight = true;
    this.counters.getRecords++;
    const req: GetRecordsRequest = { kind: 'kinesis.get-records', requestId, reader: this.address, shardIndex, afterSeq: this.positions.get(shardIndex) ?? 0, latest: false, limit: this.spec['source.shard.get-records.max-record-count'] };
    this.ctx.send(this.stream.address, req);
    const gen = this.generation;
    this.ctx.timer(REQUEST_TIMEOUT_MS, () => {
      if (gen !== this.generation || !this.requests.delete(requestId)) return;
      this.inFlight = false;
      this.kick(0);
    });
  }

  receive(msg: Message): boolean {
    if (msg.kind !== 'kinesis.get-records.response') return false;
    const res = msg as GetRecordsResponse;
    const shardIndex = this.requests.get(res.requestId);
    if (shardIndex === undefined) return false;
    this.requests.delete(res.requestId);
    this.inFlight = false;
    if (!this.running) return true;
    const pause = this.spec['source.reader.empty-records-fetch-interval'];
    if (res.error) {
      this.counters.throttled++;
      this.notBefore.set(shardIndex, this.ctx.now() + pause);
    } else if (res.childShards) {
      // Read to its end: the split is finished (SplitsFinishedEvent), and its children may be handed out.
      this.assigned.delete(shardIndex);
      this.counters.finishedShards++;
      this.ctx.log('info', `Kinesis source: ${this.stream.shards[shardIndex]!.shardId} read to its end (EndingSequenceNumber reached)`);
      this.assignReady();
    } else if (res.entries.length === 0) {
      this.notBefore.set(shardIndex, this.ctx.now() + pause);
    } else {
      const topic = this.stream.streamName;
      const records: ConsumedRecord[] = res.entries.map((e) => ({ topic, partition: shardIndex, offset: e.seq, record: e.record }));
      this.positions.set(shardIndex, res.nextSeq);
      this.onRecords(new ArrayRecords(topic, records));
    }
    this.kick(0);
    return true;
  }

  peerDown(): void {}

  /** Nothing to commit: the Kinesis source keeps its progress only in Flink's checkpoints. */
  commitForMonitoring(): void {}

  noteSkipped(from: Offsets, to: Offsets, note: (rid: number) => void): void {
    for (const [p, start] of from) {
      const end = to.get(p) ?? start;
      if (end <= start) continue;
      this.stream.shards[p]?.forEachAfter(start, (r) => {
        if (r.seq <= end) note(r.record.rid);
      });
    }
  }

  visitUnread(offsets: Offsets, visit: (rid: number) => void): void {
    for (const shard of this.stream.shards) shard.forEachAfter(offsets.get(shard.index) ?? 0, (r) => visit(r.record.rid));
  }

  lag(offsets: Offsets = this.positions): number {
    let lag = 0;
    for (const shard of this.stream.shards) {
      const oldest = shard.oldest();
      if (!oldest) continue;
      lag += Math.max(0, shard.latestSeq() - Math.max(offsets.get(shard.index) ?? 0, oldest.seq - 1));
    }
    return lag;
  }

  inspect(): unknown {
    return { stream: this.stream.streamName, positions: Object.fromEntries(this.positions), assigned: [...this.assigned], ...this.counters };
  }
}
