/**
 * A worker of a KCL application (`type: kinesis-consumer`), one process each [KDS7]
 * (https://docs.aws.amazon.com/streams/latest/dev/kcl-concepts.html):
 * - it renews its leases every `failoverTimeMillis`/3 and takes leases nobody renewed for
 *   `failoverTimeMillis` (and, when it holds fewer than its share, one from the busiest worker);
 * - for each shard it holds it calls `GetRecords` after its position, hands the records to the
 *   record processor (`processRecords`), which writes them to the sink, and checkpoints — after the
 *   write (`after-processing`, at-least-once: a crash repeats the records since the checkpoint
 *   [KDS4]) or before it (`before-processing`, at-most-once: a crash skips the unwritten rest);
 * - a worker that finds its lease taken stops processing that shard and cannot checkpoint it;
 * - after a reshard, a parent shard read to its end is checkpointed `SHARD_END`; a child shard's
 *   lease is taken like any other, but its records are read (from the child's first record,
 *   TRIM_HORIZON) only once all its parents are at `SHARD_END` — until then the worker looks again
 *   every `parentShardPollIntervalMillis` (KCL's BlockOnParentShardTask).
 * Each process lifetime has a new worker id (KCL's default identifier is unique per process), so a
 * restarted worker waits for its old leases to expire like any other worker would.
 */
import type { Message, NodeContext, SimNode } from '../../core/node.js';
import type { Rec } from '../../core/record.js';
import type { KinesisConsumerSpec } from '../../spec/schema/kinesis.js';
import { SinkWriter } from '../consumer/sink-writer.js';
import type { KinesisStreamNode } from './stream.js';
import type { Lease, LeaseTable } from './lease-table.js';
import type { GetRecordsRequest, GetRecordsResponse } from './protocol.js';

interface ShardWork {
  readonly lease: Lease;
  /** In-memory read position (records after it come next). */
  position: number;
  /** Records being processed now (volatile). */
  batch: Rec[] | null;
  batchEndSeq: number;
  stopped: boolean;
}

export class KclWorker implements SimNode {
  private ctx!: NodeContext;
  private incarnation = 0;
  private workerId = '';
  private sink!: SinkWriter;
  private readonly work = new Map<number, ShardWork>();
  private readonly requests = new Map<number, number>();
  private readonly counters = { getRecords: 0, throttledReads: 0, processed: 0, checkpoints: 0, leasesTaken: 0, leasesLost: 0 };

  constructor(
    readonly address: string,
    private readonly appId: string,
    private readonly spec: KinesisConsumerSpec,
    private readonly stream: KinesisStreamNode,
    private readonly table: LeaseTable,
    private readonly nextRequestId: () => number,
    /** The first worker reports the application's unread stream records as in flight. */
    private readonly reportsStream: boolean,
  ) {}

  start(ctx: NodeContext): void {
    this.ctx = ctx;
    this.boot();
  }

  private boot(): void {
    this.incarnation++;
    this.workerId = `${this.address}#${this.incarnation}`;
    this.sink = new SinkWriter(this.ctx, this.appId, this.spec.output, this.nextRequestId);
    this.leaseLoop();
  }

  private get failoverMs(): number {
    return this.spec.source.failoverTimeMillis;
  }

  private leaseLoop(): void {
    this.renewAndTake();
    this.ctx.timer(Math.max(1, Math.floor(this.failoverMs / 3)), () => this.leaseLoop());
  }

  private renewAndTake(): void {
    const now = this.ctx.now();
    for (const [shardIndex, w] of this.work) {
      if (w.lease.owner === this.workerId) w.lease.lastRenewMs = now;
      else {
        // Taken by another worker: this one shuts its record processor down and cannot checkpoint.
        w.stopped = true;
        this.work.delete(shardIndex);
        this.counters.leasesLost++;
        this.ctx.log('warn', `lease ${w.lease.leaseKey} taken by ${w.lease.owner ?? 'nobody'}: record processor shut down (ZOMBIE)`);
      }
    }
    const live = this.table.liveWorkers(this.workerId, now, this.failoverMs);
    const active = this.table.active();
    const share = Math.ceil(active.length / live.size);
    let held = this.table.heldBy(this.workerId).length;
    for (const lease of active) {
      if (held >= share) break;
      if (lease.owner !== this.workerId && this.table.expired(lease, now, this.failoverMs)) {
        this.takeLease(lease, now);
        held++;
      }
    }
    if (held < share) {
      // Steal one lease from the worker with the most, if it has more than its share.
      const byOwner = new Map<string, Lease[]>();
      for (const l of active) if (l.owner !== null && l.owner !== this.workerId && !this.table.expired(l, now, this.failoverMs)) byOwner.set(l.owner, [...(byOwner.get(l.owner) ?? []), l]);
      const busiest = [...byOwner.values()].sort((a, b) => b.length - a.length)[0];
      if (busiest && busiest.length > share) this.takeLease(busiest[busiest.length - 1]!, now);
    }
  }

  private takeLease(lease: Lease, now: number): void {
    this.table.take(lease, this.workerId, now);
    this.counters.leasesTaken++;
    const w: ShardWork = { lease, position: lease.checkpoint ?? 0, batch: null, batchEndSeq: 0, stopped: false };
    this.work.set(lease.shardIndex, w);
    this.ctx.log('info', `took lease ${lease.leaseKey}; resuming ${lease.checkpoint === null ? `at ${this.spec.source.initialPositionInStream}` : `after checkpoint ${lease.checkpoint}`}`);
    // A child shard is read from its first record: its parents held everything written before it.
    this.getRecords(w, lease.checkpoint === null && lease.parents.length === 0 && this.spec.source.initialPositionInStream === 'LATEST');
  }

  private getRecords(w: ShardWork, latest: boolean): void {
    if (w.stopped) return;
    if (!this.table.parentsDone(w.lease)) {
      this.ctx.timer(this.spec.source.parentShardPollIntervalMillis, () => this.getRecords(w, latest));
      return;
    }
    const requestId = this.nextRequestId();
    this.requests.set(requestId, w.lease.shardIndex);
    this.counters.getRecords++;
    const req: GetRecordsRequest = { kind: 'kinesis.get-records', requestId, reader: this.appId, shardIndex: w.lease.shardIndex, afterSeq: w.position, latest, limit: this.spec.source.maxRecords };
    this.ctx.send(this.stream.address, req);
    // No answer (an outage, a lost response): ask again after the next pause.
    this.ctx.timer(this.spec.source.idleTimeBetweenReadsInMillis + 10_000, () => {
      if (this.requests.delete(requestId)) this.getRecords(w, latest);
    });
  }

  receive(msg: Message): void {
    if (this.sink.receive(msg)) return;
    if (msg.kind !== 'kinesis.get-records.response') return;
    const res = msg as GetRecordsResponse;
    const shardIndex = this.requests.get(res.requestId);
    if (shardIndex === undefined) return;
    this.requests.delete(res.requestId);
    const w = this.work.get(shardIndex);
    if (!w || w.stopped) return;
    const pause = this.spec.source.idleTimeBetweenReadsInMillis;
    if (res.error) {
      this.counters.throttledReads++;
      this.ctx.timer(pause, () => this.getRecords(w, false));
      return;
    }
    if (res.childShards) {
      this.shardEnded(w, res.childShards);
      return;
    }
    if (w.lease.checkpoint === null && w.position === 0 && res.entries.length === 0 && res.nextSeq > 0) this.startLatest(w, res.nextSeq);
    if (res.entries.length === 0) {
      this.ctx.timer(pause, () => this.getRecords(w, false));
      return;
    }
    this.processRecords(w, res);
  }

  /**
   * `shardEnded()`: the closed shard is processed to its end; checkpointing `SHARD_END` lets its
   * children be processed. The worker lets go of the lease.
   */
  private shardEnded(w: ShardWork, children: readonly number[]): void {
    if (w.lease.owner !== this.workerId) return;
    w.lease.checkpoint = w.position;
    w.lease.shardEnd = true;
    w.lease.owner = null;
    this.counters.checkpoints++;
    this.work.delete(w.lease.shardIndex);
    const ids = children.map((i) => this.stream.shards[i]?.shardId ?? String(i)).join(', ');
    this.ctx.log('info', `${w.lease.leaseKey} reached its end: checkpointed SHARD_END; child shard(s) ${ids} may be processed now`);
    this.renewAndTake();
  }

  /** A LATEST start skips what the shard already holds: this application never reads those records. */
  private startLatest(w: ShardWork, afterSeq: number): void {
    w.position = afterSeq;
    w.lease.startedAfter = afterSeq;
    const shard = this.stream.shards[w.lease.shardIndex];
    shard?.forEachKept((r) => {
      if (r.seq <= afterSeq) this.ctx.ledger.noteLoss(r.record.rid, this.appId, `written before ${this.appId} first read ${shard.shardId} with initialPositionInStream=LATEST`);
    });
  }

  private processRecords(w: ShardWork, res: GetRecordsResponse): void {
    const records = res.entries.map((e) => e.record);
    for (const e of res.entries) {
      if (e.seq <= w.lease.writtenUpTo) this.ctx.ledger.noteDuplicate(e.record.rid, this.appId, `processed again after the lease of ${w.lease.leaseKey} moved: resumed after checkpoint ${w.lease.checkpoint ?? 'none'}`);
    }
    w.batch = records;
    w.batchEndSeq = res.nextSeq;
    if (this.spec.checkpoint === 'before-processing') this.checkpoint(w, res.nextSeq);
    this.ctx.timer(records.length * this.spec['processing-time'], () => {
      // A record processor whose lease was taken meanwhile still finishes its batch (a copy), but cannot checkpoint.
      this.sink.write(records);
      // From here a copy may be in the sink even if no answer ever comes back.
      w.lease.writtenUpTo = Math.max(w.lease.writtenUpTo, res.nextSeq);
      this.counters.processed += records.length;
      this.sink.whenIdle(() => {
        w.batch = null;
        if (this.spec.checkpoint === 'after-processing') this.checkpoint(w, res.nextSeq);
        w.position = res.nextSeq;
        this.ctx.timer(this.spec.source.idleTimeBetweenReadsInMillis, () => this.getRecords(w, false));
      });
    });
  }

  /** `checkpointer.checkpoint()`: only the lease owner may write it (a stolen lease throws ShutdownException). */
  private checkpoint(w: ShardWork, seq: number): void {
    if (w.lease.owner !== this.workerId) return;
    w.lease.checkpoint = seq;
    this.counters.checkpoints++;
  }

  crash(): void {
    for (const w of this.work.values()) {
      w.stopped = true;
      if (w.batch && this.spec.checkpoint === 'before-processing' && w.lease.checkpoint !== null && w.lease.checkpoint >= w.batchEndSeq) {
        for (const r of w.batch) this.ctx.ledger.noteLoss(r.rid, this.appId, `checkpointed before processing (checkpoint ${w.batchEndSeq}); the worker died before writing it, and the next owner resumes after the checkpoint`);
      }
    }
    this.sink.discard();
    this.work.clear();
    this.requests.clear();
  }

  restart(): void {
    this.boot();
  }

  heldRecords(visit: (rid: number) => void): void {
    for (const w of this.work.values()) for (const r of w.batch ?? []) visit(r.rid);
    this.sink.heldRecords(visit);
    if (!this.reportsStream) return;
    for (const shard of this.stream.shards) shard.forEachAfter(this.table.position(shard.index), (r) => visit(r.record.rid));
  }

  metrics(): Record<string, number> {
    return { ...this.counters, leasesHeld: this.work.size, written: this.sink.written };
  }

  inspect(): unknown {
    return {
      workerId: this.workerId,
      applicationName: this.table.applicationName,
      leases: this.table.leases.map((l) => ({
        leaseKey: l.leaseKey,
        leaseOwner: l.owner,
        leaseCounter: l.leaseCounter,
        checkpoint: l.shardEnd ? 'SHARD_END' : l.checkpoint === null ? null : String(l.checkpoint),
        ...(l.parents.length > 0 ? { parentShardIds: l.parents.map((p) => this.table.leases[p]?.leaseKey ?? String(p)) } : {}),
      })),
      ...this.counters,
    };
  }
}
