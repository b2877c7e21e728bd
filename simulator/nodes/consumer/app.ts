/**
 * One instance of a consumer application (SEMANTICS §3, §8 scenario 10): poll → process each
 * record (`processing-time`) → write to the sink → commit.
 *
 * - `before-processing`: commits the polled offsets first (at-most-once): a crash part-way through
 *   the batch skips its unprocessed rest forever.
 * - `after-processing`: commits once the batch is written and acknowledged (at-least-once): a crash
 *   before the commit repeats the whole batch.
 * - `auto`: leaves it to enable.auto.commit, which commits what poll() returned.
 * Records are written in chunks of `bulk.size` as they are processed, so a crash interrupts a
 * batch part-way. The process state (client, current batch, unacknowledged writes) is volatile.
 *
 * `processing: worker` hands each polled batch to a worker thread and polls again at once (one
 * batch may wait for the worker). The client's auto-commit runs inside poll() and commits what
 * poll() returned, so the committed offset overtakes the work: a crash then skips the batches
 * still being processed or waiting, while the lag reads 0 (KafkaConsumer javadoc, MISCONCEPTIONS 1).
 */
import type { Message, NodeContext, SimNode } from '../../core/node.js';
import type { ConsumedRecord, KafkaConsumerClient } from '../kafka/client-api.js';
import type { KafkaCluster } from '../kafka/cluster.js';
import type { ConsumerSpec } from '../../spec/schema/consumer.js';
import { SinkWriter } from './sink-writer.js';
import type { GroupRewrites } from './rewrites.js';

export class ConsumerApp implements SimNode {
  private ctx!: NodeContext;
  private client: KafkaConsumerClient | null = null;
  private writer: SinkWriter | null = null;
  /** Records of the current batch not yet handed to the sink. */
  private unwritten: ConsumedRecord[] = [];
  /**
   * Records written to the sink whose offsets the group may not have committed yet, over batches:
   * auto-commit commits on its own interval, so several batches can be written past the committed
   * offset. A crash makes the next owner start at that offset and write them again. Trimmed
   * against the group's committed offsets after each commit and at each batch.
   */
  private writtenUncommitted: ConsumedRecord[] = [];
  /** Where this instance started each partition of its current assignment: the group's committed offset, or undefined (auto.offset.reset). */
  private resumedAt = new Map<number, number | undefined>();
  private generation = 0;
  /** `processing: worker`: polled batches waiting for the worker, whether it is busy, and a poll held back until it takes one. */
  private queued: ConsumedRecord[][] = [];
  private working = false;
  private pollPending = false;
  readonly counters = { polled: 0, processed: 0, commits: 0, commitsFailed: 0 };

  constructor(
    readonly address: string,
    private readonly appId: string,
    private readonly spec: ConsumerSpec,
    private readonly cluster: KafkaCluster,
    private readonly reportsLog: boolean,
    private readonly nextRequestId: () => number,
    private readonly rewrites: GroupRewrites,
  ) {}

  start(ctx: NodeContext): void {
    this.ctx = ctx;
    this.boot();
  }

  private boot(): void {
    const s = this.spec.source;
    const client = this.cluster.createConsumer(this.ctx, {
      'group.id': s['group.id'] ?? this.appId,
      'isolation.level': s['isolation.level'],
      'enable.auto.commit': s['enable.auto.commit'],
      'auto.commit.interval.ms': s['auto.commit.interval.ms'],
      'auto.offset.reset': s['auto.offset.reset'],
      'max.poll.records': s['max.poll.records'],
      'max.poll.interval.ms': s['max.poll.interval.ms'],
      'session.timeout.ms': s['session.timeout.ms'],
      'partition.assignment.strategy': s['partition.assignment.strategy'],
    });
    this.client = client;
    this.writer = new SinkWriter(this.ctx, this.appId, this.spec.output, this.nextRequestId);
    this.resumedAt = new Map();
    client.subscribe(s.topic, (partitions) => {
      this.resumedAt = new Map(partitions.map((p) => [p, client.position(p)]));
    });
    this.loop(++this.generation);
  }

  private loop(gen: number): void {
    if (gen !== this.generation || !this.client) return;
    this.client.poll((records) => this.onBatch(gen, records));
  }

  private onBatch(gen: number, records: ConsumedRecord[]): void {
    if (gen !== this.generation) return;
    if (records.length === 0) return this.loop(gen);
    this.counters.polled += records.length;
    if (this.spec.processing === 'worker') {
      this.queued.push(records);
      if (!this.working) this.startNext(gen);
      // Room in the hand-off: poll again now (auto-commit runs in that poll); else when the worker takes the waiting batch.
      if (this.queued.length === 0) this.loop(gen);
      else this.pollPending = true;
      return;
    }
    this.begin(gen, records);
  }

  /** Worker thread: takes the next waiting batch, and lets a held-back poll go ahead. */
  private startNext(gen: number): void {
    const next = this.queued.shift();
    this.working = next !== undefined;
    if (next) this.begin(gen, next);
    if (this.pollPending) {
      this.pollPending = false;
      this.loop(gen);
    }
  }

  /** The current batch is finished: the poll loop (or the worker) goes on. */
  private batchDone(gen: number): void {
    if (this.spec.processing === 'worker') this.startNext(gen);
    else this.loop(gen);
  }

  private begin(gen: number, records: ConsumedRecord[]): void {
    const offsets = new Map<number, number>();
    for (const r of records) offsets.set(r.partition, r.offset + 1);
    this.unwritten = records;
    this.trimCommitted();
    if (this.spec.commit === 'before-processing') {
      this.commit(gen, offsets, (ok, error) => {
        if (ok) this.process(gen, offsets);
        else {
          // The app gives the batch up (commitSync threw). If the partitions moved, the new owner starts at
          // the last committed offset and reads it again; if they did not (the coordinator timed out), this
          // member's position is already past it and nobody reads it again.
          const why = `skipped: the offset commit before processing failed (${error ?? 'CommitFailedException'}); only a rebalance back to the committed offset reads it again`;
          for (const r of this.unwritten) this.ctx.ledger.noteLoss(r.record.rid, this.appId, why);
          this.unwritten = [];
          this.batchDone(gen);
        }
      });
    } else this.process(gen, offsets);
  }

  private process(gen: number, offsets: Map<number, number>): void {
    const chunk = this.unwritten.slice(0, this.spec['bulk.size']);
    if (chunk.length === 0) {
      this.writer!.whenIdle(() => {
        if (gen !== this.generation) return;
        if (this.spec.commit === 'after-processing') this.commit(gen, offsets, () => this.batchDone(gen));
        else this.batchDone(gen);
      });
      return;
    }
    this.ctx.timer(chunk.length * this.spec['processing-time'], () => {
      if (gen !== this.generation) return;
      this.unwritten = this.unwritten.slice(chunk.length);
      this.counters.processed += chunk.length;
      for (const r of chunk) this.rewrites.wrote(r, (frontier) => this.whyAgain(r, frontier));
      this.writer!.write(chunk.map((r) => r.record));
      if (this.spec.commit !== 'before-processing') for (const r of chunk) this.writtenUncommitted.push(r);
      this.process(gen, offsets);
    });
  }

  private commit(gen: number, offsets: Map<number, number>, done: (ok: boolean, error?: string) => void): void {
    this.counters.commits++;
    this.client!.commit(offsets, (ok, error) => {
      if (gen !== this.generation) return;
      if (ok) this.trimCommitted();
      else {
        // CommitFailedException: the group moved the partitions on (max.poll.interval.ms or
        // session.timeout.ms exceeded); the new owner starts at the last committed offset and
        // writes what this member already wrote again (SEMANTICS §3, MISCONCEPTIONS 14).
        this.noteReprocessed(`written, but the offset commit failed (${error ?? 'CommitFailedException'}): the partition's next owner reprocesses it`);
        this.counters.commitsFailed++;
        this.ctx.log('warn', `commit failed: ${error ?? 'unknown'}`);
      }
      done(ok, error);
    });
  }

  /** Forgets written records the group has committed past: a restart will not read them again. */
  private trimCommitted(): void {
    if (this.writtenUncommitted.length === 0) return;
    const committed = this.cluster.committedOffsets(this.spec.source['group.id'] ?? this.appId, this.spec.source.topic);
    this.writtenUncommitted = this.writtenUncommitted.filter((r) => r.offset >= (committed.get(r.partition) ?? 0));
  }

  /** The records written past the committed offsets will be written again by whoever reads on from there: a copy each, made here. */
  private noteReprocessed(why: string): void {
    this.trimCommitted();
    for (const r of this.writtenUncommitted) this.rewrites.foresee(r.record.rid, why);
    this.writtenUncommitted = [];
  }

  /** Why writing `r` repeats a record the group wrote before (it had written `topic-partition` up to `frontier`). */
  private whyAgain(r: ConsumedRecord, frontier: number): string {
    const tp = `${this.spec.source.topic}-${r.partition}`;
    if (!this.client?.assignment().includes(r.partition) || !this.resumedAt.has(r.partition)) {
      return `processed after this member had lost ${tp} (removed from the group, or rebalanced): the group's committed offset is below it, so the partition's next owner processes it too`;
    }
    const resumed = this.resumedAt.get(r.partition);
    if (resumed === undefined) return `processed again: with no committed offset for ${tp}, the group started over at auto.offset.reset (${this.spec.source['auto.offset.reset']}), below the ${frontier} it had already processed`;
    return `processed again: the group resumed ${tp} at its committed offset ${resumed}, older than the ${frontier} it had already processed (that work was written but never committed)`;
  }

  peerDown(address: string): void {
    this.client?.peerDown(address);
  }

  receive(msg: Message, from: string): void {
    if (msg.kind.startsWith('kafka.')) this.client?.receive(msg, from);
    else this.writer?.receive(msg);
  }

  crash(): void {
    this.generation++;
    // Written but not committed: the partition's next owner starts before them and writes them again.
    this.noteReprocessed('written, but the offset was not committed before the crash: reprocessed');
    for (const r of this.unwritten) this.ctx.ledger.noteLoss(r.record.rid, this.appId, 'consumer crashed before processing it');
    for (const b of this.queued) for (const r of b) this.ctx.ledger.noteLoss(r.record.rid, this.appId, 'consumer crashed with the batch waiting for its worker');
    this.unwritten = [];
    this.queued = [];
    this.working = false;
    this.pollPending = false;
    this.writer?.discard();
    this.writer = null;
    this.client = null;
  }

  restart(): void {
    this.boot();
  }

  heldRecords(visit: (rid: number) => void): void {
    for (const r of this.unwritten) visit(r.record.rid);
    for (const b of this.queued) for (const r of b) visit(r.record.rid);
    this.writer?.heldRecords(visit);
    if (!this.reportsLog) return;
    // Records of the topic the group has yet to read (from its committed offsets) are in flight.
    const topic = this.spec.source.topic;
    const committed = this.cluster.committedOffsets(this.spec.source['group.id'] ?? this.appId, topic);
    // A read_committed reader never gets aborted records: they are not in flight towards it.
    const readCommitted = this.spec.source['isolation.level'] === 'read_committed';
    for (let p = 0; p < this.cluster.partitionsFor(topic); p++) this.cluster.recordsFrom(topic, p, committed.get(p) ?? 0, visit, readCommitted);
  }

  inspect(): unknown {
    return { ...this.counters, client: this.client?.inspect() ?? null, processing: this.unwritten.length, waitingForWorker: this.queued.reduce((n, b) => n + b.length, 0) };
  }

  metrics(): Record<string, number> {
    // Consumer lag as kafka-consumer-groups reports it: high watermark minus the group's committed offset, summed.
    const topic = this.spec.source.topic;
    const committed = this.cluster.committedOffsets(this.spec.source['group.id'] ?? this.appId, topic);
    let lag = 0;
    this.cluster.highWatermarks(topic).forEach((hw, p) => (lag += Math.max(0, hw - (committed.get(p) ?? 0))));
    return { ...this.counters, written: this.writer?.written ?? 0, lag };
  }
}
