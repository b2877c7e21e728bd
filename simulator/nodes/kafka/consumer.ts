/**
 * The Kafka consumer client embedded in a host node (SEMANTICS §3, KafkaConsumer javadoc [K4]).
 *
 * subscribe(): the client joins its group through the group coordinator and gets partitions; on a
 * rebalance it revokes everything (eager protocol) and restarts each partition from the group's
 * committed offset, so work done but not committed is repeated. poll() returns up to
 * max.poll.records and, with enable.auto.commit, first commits what earlier polls returned —
 * processed or not (MISCONCEPTIONS 1). A background heartbeat keeps the session alive; if poll()
 * is not called within max.poll.interval.ms the client leaves the group (MISCONCEPTIONS 14), and
 * a later commit fails (CommitFailedException). An offset outside the log (retention) falls back
 * to auto.offset.reset; "latest" skips the gap (MISCONCEPTIONS 5).
 *
 * assign(): manual assignment without group membership (Flink's source keeps offsets itself).
 */
import type { Message, NodeContext } from '../../core/node.js';
import type { ConsumedRecord, ConsumerConfig, KafkaConsumerClient } from './client-api.js';
import type { KafkaCluster } from './cluster.js';
import { EARLIEST, LATEST, type FetchRequest, type FetchResponse } from './fetch-handler.js';
import type { RecordColumn } from '../../core/record.js';
import { RunRecords, type PolledRecords, type PolledRun } from './polled-records.js';
import { ConsumerGroupMembership } from './consumer-group.js';
import { MetadataCache } from './metadata-cache.js';

const FETCH_MAX_WAIT_MS = 500;
const POLL_TIMEOUT_MS = 1000;
const RETRY_BACKOFF_MS = 100;

/**
 * Fetched records not yet polled: records `from` … `to` − 1 of one stored batch's column (offsets
 * `baseOffset + j`). The client makes a record when poll() hands it out; `from` moves as it does.
 */
interface BufferedRun {
  readonly topic: string;
  readonly partition: number;
  readonly records: RecordColumn;
  readonly baseOffset: number;
  from: number;
  readonly to: number;
}

/** The records of `runs`, one consumed record each, in order. */
function consumedRecordsOf(runs: readonly PolledRun[]): ConsumedRecord[] {
  let n = 0;
  for (const run of runs) n += run.to - run.from;
  // Sized up front (max.poll.records is a few thousand); past 64K it grows as it fills, as a huge
  // preallocation would be a slow dictionary.
  const out: ConsumedRecord[] = new Array<ConsumedRecord>(Math.min(n, 65_536));
  let made = 0;
  for (const run of runs) {
    for (let j = run.from; j < run.to; j++) out[made++] = { topic: run.topic, partition: run.partition, offset: run.baseOffset + j, record: run.records.at(j)! };
  }
  out.length = made;
  return out;
}

export class KafkaConsumer implements KafkaConsumerClient {
  topic = '';
  mode: 'none' | 'subscribe' | 'assign' = 'none';
  assigned: number[] = [];
  /** Consumed position per partition: the next offset poll() will return. */
  readonly positions = new Map<number, number>();
  /** Next offset to fetch (ahead of the position while records are buffered). */
  readonly fetchOffsets = new Map<number, number>();
  /** Fetched, not yet polled: runs in fetch order, none empty, and how many records they hold. */
  private buffer: BufferedRun[] = [];
  private buffered = 0;
  private readonly fetches = new Map<number, number>();
  /** The pending poll: it is handed the runs it takes and makes of them what its caller reads. */
  private pollCallback: ((runs: PolledRun[]) => void) | null = null;
  private pollSeq = 0;
  private readonly rpcs = new Map<number, (res: Record<string, unknown>) => void>();
  readonly group: ConsumerGroupMembership;
  /** The topic's partition count as of this client's last metadata fetch (metadata.max.age.ms). */
  readonly metadata: MetadataCache;
  closed = false;
  readonly stats = { polls: 0, recordsReturned: 0, commits: 0, commitsFailed: 0, rebalances: 0, offsetResets: 0 };
  /**
   * What the client's consumer-fetch-manager metrics are computed from (simulator/metrics): the
   * high watermark (or last stable offset under read_committed) each partition's last fetch
   * response reported, for records-lag-max; and commit round trips, for commit-latency-avg.
   */
  readonly fetchedEnds = new Map<number, number>();
  readonly meters = { commitLatencyTotalMs: 0, commitLatencyMaxMs: 0, commitsAnswered: 0 };

  constructor(
    readonly cluster: KafkaCluster,
    readonly host: NodeContext,
    readonly config: ConsumerConfig,
  ) {
    this.group = new ConsumerGroupMembership(this);
    this.metadata = new MetadataCache(cluster);
  }

  subscribe(topic: string, onAssigned?: (partitions: number[]) => void, onRevoked?: (partitions: number[]) => void): void {
    this.topic = topic;
    this.mode = 'subscribe';
    this.cluster.readTopics.add(topic);
    this.group.subscribe(onAssigned, onRevoked);
  }

  assign(topic: string, partitions: number[], startOffsets?: ReadonlyMap<number, number>): void {
    this.topic = topic;
    this.mode = 'assign';
    this.cluster.readTopics.add(topic);
    // As KafkaConsumer.assign: a partition that stays assigned keeps its fetch position; a new one starts
    // at the given offset, or at the reset policy.
    const kept = new Set(this.assigned);
    this.assigned = [...partitions];
    this.keepBuffered((r) => partitions.includes(r.partition));
    for (const p of partitions) {
      const start = startOffsets?.get(p);
      if (start === undefined && kept.has(p)) continue;
      this.startAt(p, start ?? this.resetOffset());
    }
  }

  resetOffset(): number {
    return this.config['auto.offset.reset'] === 'latest' ? LATEST : EARLIEST;
  }

  /** Sets where a newly assigned partition starts (an offset, or EARLIEST/LATEST to be resolved by the broker). */
  startAt(p: number, offset: number): void {
    this.fetchOffsets.set(p, offset);
    if (offset >= 0) this.positions.set(p, offset);
    else this.positions.delete(p);
  }

  /**
   * Starts `p` at the group's committed `offset`. Records written below it since `sinceMs` are
   * never read by this group: a log writes below a committed offset only after a truncation under
   * it (an unclean leader election), so those offsets now hold records the group has not seen.
   */
  resumeAt(p: number, offset: number, sinceMs: number): void {
    this.startAt(p, offset);
    const why = `resumed at its committed offset ${offset} of ${this.topic}-${p}: the log was truncated below it and wrote this record at an offset the group had already passed`;
    this.cluster.visitWrittenBelow(this.topic, p, offset, sinceMs, this.config['isolation.level'] === 'read_committed', (rid) => this.host.ledger.noteLoss(rid, this.host.group, why));
  }

  /** Drops everything about the current assignment (a rebalance revokes it). */
  clearAssignment(): void {
    this.assigned = [];
    this.fetchedEnds.clear();
    this.buffer = [];
    this.buffered = 0;
    this.positions.clear();
    this.fetchOffsets.clear();
    this.fetches.clear();
  }

  poll(callback: (records: ConsumedRecord[]) => void): void {
    this.startPoll((runs) => callback(consumedRecordsOf(runs)));
  }

  /** poll(), handing the records as runs of stored batches: no object is made per record (Flink's source). */
  pollRecords(callback: (records: PolledRecords) => void): void {
    this.startPoll((runs) => callback(new RunRecords(this.topic, runs)));
  }

  private startPoll(callback: (runs: PolledRun[]) => void): void {
    if (this.closed) return;
    this.stats.polls++;
    this.group.polled();
    this.pollCallback = callback;
    const seq = ++this.pollSeq;
    if (this.buffered > 0) {
      this.host.timer(0, () => this.deliver());
      return;
    }
    this.sendFetches();
    this.host.timer(POLL_TIMEOUT_MS, () => {
      if (this.pollSeq === seq) this.deliver();
    });
  }

  private deliver(): void {
    const cb = this.pollCallback;
    if (!cb) return;
    this.pollCallback = null;
    this.pollSeq++;
    const { runs, count } = this.takeBuffered(this.config['max.poll.records']);
    // The position of each partition is one past its last record here; records come grouped by
    // partition, so set it at the end of each run (same values, same key order as per record).
    for (const run of runs) this.positions.set(run.partition, run.baseOffset + run.to);
    // A partition whose buffer emptied is at its fetch offset (past markers and aborted records).
    for (const p of this.assigned) {
      if (!this.buffer.some((r) => r.partition === p)) {
        const f = this.fetchOffsets.get(p);
        if (f !== undefined && f >= 0) this.positions.set(p, f);
      }
    }
    this.stats.recordsReturned += count;
    cb(runs);
  }

  /** The first `max` buffered records as runs, in fetch order (records of one partition come together). */
  private takeBuffered(max: number): { runs: PolledRun[]; count: number } {
    const n = Math.min(max, this.buffered);
    const runs: PolledRun[] = [];
    let taken = 0;
    let used = 0;
    while (taken < n) {
      const run = this.buffer[used]!;
      const end = Math.min(run.to, run.from + (n - taken));
      runs.push({ topic: run.topic, partition: run.partition, records: run.records, baseOffset: run.baseOffset, from: run.from, to: end });
      taken += end - run.from;
      run.from = end;
      if (end === run.to) used++;
    }
    if (used > 0) this.buffer = this.buffer.slice(used);
    this.buffered -= n;
    return { runs, count: n };
  }

  /** Drops buffered runs whose partition fails `keep` (reassignment, seek). */
  private keepBuffered(keep: (run: BufferedRun) => boolean): void {
    this.buffer = this.buffer.filter(keep);
    this.buffered = 0;
    for (const run of this.buffer) this.buffered += run.to - run.from;
  }

  /** A broker died: its reset ends our fetch to it, so the next poll may fetch again (from the new leader, once elected). */
  peerDown(address: string): void {
    const broker = this.cluster.brokerIdOf(address);
    if (broker !== undefined) this.fetches.delete(broker);
  }

  sendFetches(): void {
    if (this.assigned.length === 0) return;
    const byLeader = new Map<number, { topic: string; partition: number; offset: number }[]>();
    for (const p of this.assigned) {
      const offset = this.fetchOffsets.get(p);
      if (offset === undefined) continue;
      const leader = this.cluster.leaderOf(this.topic, p);
      if (leader === null || this.fetches.has(leader)) continue;
      // A leader whose process is down refuses the connection: the next poll tries again (by then, maybe a new leader).
      if (!this.host.isUp(this.cluster.brokerAddress(leader))) continue;
      if (this.buffer.some((r) => r.partition === p)) continue;
      let list = byLeader.get(leader);
      if (!list) byLeader.set(leader, (list = []));
      list.push({ topic: this.topic, partition: p, offset });
    }
    for (const [leader, partitions] of byLeader) {
      const requestId = this.cluster.nextRequestId();
      this.fetches.set(leader, requestId);
      const req: FetchRequest = {
        kind: 'kafka.fetch',
        requestId,
        readCommitted: this.config['isolation.level'] === 'read_committed',
        maxRecords: this.config['max.poll.records'],
        maxWaitMs: FETCH_MAX_WAIT_MS,
        partitions,
      };
      this.host.send(this.cluster.brokerAddress(leader), req);
      this.host.timer(FETCH_MAX_WAIT_MS + 30_000, () => {
        if (this.fetches.get(leader) === requestId) this.fetches.delete(leader);
      });
    }
  }

  private onFetch(res: FetchResponse, from: string): void {
    const leader = this.cluster.brokerIdOf(from);
    this.fetches.delete(leader);
    let retryLater = false;
    for (const r of res.results) {
      if (r.topic !== this.topic || !this.assigned.includes(r.partition)) continue;
      const asked = this.fetchOffsets.get(r.partition);
      if (asked === undefined || (asked >= 0 && asked !== r.fetchOffset)) continue;
      if (r.error === 'OFFSET_OUT_OF_RANGE') {
        this.outOfRange(r.partition, r.fetchOffset, r);
        continue;
      }
      if (r.error) {
        retryLater = true;
        continue;
      }
      if (asked < 0) {
        this.positions.set(r.partition, r.fetchOffset);
        // No committed offset and auto.offset.reset=latest: what the log held before is never read by this group.
        if (asked === LATEST && r.fetchOffset > r.logStartOffset) {
          this.cluster.visitRange(this.topic, r.partition, r.logStartOffset, r.fetchOffset, (rid) =>
            this.host.ledger.noteLoss(rid, this.host.group, 'auto.offset.reset=latest: the group started at the log end and never reads earlier records'),
          );
        }
      }
      for (const run of r.runs) this.buffer.push({ topic: r.topic, partition: r.partition, records: run.records, baseOffset: run.baseOffset, from: run.from, to: run.to });
      this.buffered += r.count;
      this.fetchOffsets.set(r.partition, r.nextOffset);
      this.fetchedEnds.set(r.partition, this.config['isolation.level'] === 'read_committed' ? r.lastStableOffset : r.highWatermark);
    }
    if (this.pollCallback && this.buffered > 0) this.deliver();
    else if (this.pollCallback) {
      if (retryLater) this.host.timer(RETRY_BACKOFF_MS, () => this.sendFetches());
      else this.sendFetches();
    }
  }

  /** auto.offset.reset after OFFSET_OUT_OF_RANGE: records between the old and the new position are never read by this group. */
  private outOfRange(p: number, offset: number, r: { logStartOffset: number; highWatermark: number; lastStableOffset: number }): void {
    const policy = this.config['auto.offset.reset'];
    this.stats.offsetResets++;
    if (policy === 'none') {
      this.host.log('error', `kafka consumer: offset ${offset} of ${this.topic}-${p} is out of range and auto.offset.reset=none (NoOffsetForPartitionException)`);
      this.fetchOffsets.delete(p);
      return;
    }
    const target = policy === 'earliest' ? r.logStartOffset : this.config['isolation.level'] === 'read_committed' ? r.lastStableOffset : r.highWatermark;
    if (target > offset) {
      let skipped = 0;
      const why = `auto.offset.reset=${policy} skipped it (offset ${offset} out of range)`;
      this.cluster.visitRange(this.topic, p, offset, target, (rid) => {
        skipped++;
        this.host.ledger.noteLoss(rid, this.host.group, why);
      });
      this.host.log('warn', `kafka consumer: offset ${offset} of ${this.topic}-${p} out of range (log start ${r.logStartOffset}); auto.offset.reset=${policy} → ${target}${skipped > 0 ? `, skipping ${skipped} records` : ''}`);
    }
    this.startAt(p, target);
  }

  seek(partition: number, offset: number): void {
    this.keepBuffered((r) => r.partition !== partition);
    this.startAt(partition, offset);
  }

  position(partition: number): number | undefined {
    return this.positions.get(partition);
  }

  commit(offsets: ReadonlyMap<number, number>, done?: (ok: boolean, error?: string) => void): void {
    this.stats.commits++;
    const startedMs = this.host.now();
    this.group.commit(offsets, (ok, error) => {
      const latencyMs = this.host.now() - startedMs;
      this.meters.commitsAnswered++;
      this.meters.commitLatencyTotalMs += latencyMs;
      this.meters.commitLatencyMaxMs = Math.max(this.meters.commitLatencyMaxMs, latencyMs);
      if (!ok) this.stats.commitsFailed++;
      done?.(ok, error);
    });
  }

  assignment(): number[] {
    return [...this.assigned];
  }

  partitionsFor(topic: string): number {
    return this.cluster.partitionsFor(topic);
  }

  close(): void {
    this.group.leave();
    this.closed = true;
  }

  /** A request to the group coordinator; `done` gets the response or a timeout error. */
  rpc(kind: string, body: Record<string, unknown>, timeoutMs: number, done: (res: Record<string, unknown>) => void): void {
    const group = this.config['group.id'] ?? '';
    const coordinator = this.cluster.coordinatorFor(group);
    if (coordinator === null) {
      this.host.timer(RETRY_BACKOFF_MS, () => done({ error: 'COORDINATOR_NOT_AVAILABLE' }));
      return;
    }
    const requestId = this.cluster.nextRequestId();
    this.rpcs.set(requestId, done);
    this.host.send(this.cluster.brokerAddress(coordinator), { kind, requestId, group, topic: this.topic, ...body } as Message);
    this.host.timer(timeoutMs, () => {
      const handler = this.rpcs.get(requestId);
      if (!handler) return;
      this.rpcs.delete(requestId);
      handler({ error: 'REQUEST_TIMED_OUT' });
    });
  }

  receive(msg: Message, from: string): boolean {
    const id = (msg as Message & { requestId?: number }).requestId;
    if (id === undefined || this.closed) return false;
    if (msg.kind === 'kafka.fetch.response') {
      if (this.fetches.get(this.cluster.brokerIdOf(from)) !== id) return false;
      this.onFetch(msg as FetchResponse, from);
      return true;
    }
    const handler = this.rpcs.get(id);
    if (!handler) return false;
    this.rpcs.delete(id);
    handler(msg as unknown as Record<string, unknown>);
    return true;
  }

  inspect(): unknown {
    return { topic: this.topic, mode: this.mode, memberId: this.group.memberId, generation: this.group.generation, assignment: [...this.assigned], positions: Object.fromEntries(this.positions), buffered: this.buffered, ...this.stats };
  }
}
