/**
 * Filebeat (SEMANTICS §1): harvesters → in-memory queue → batches → output, with a
 * registry that advances only on ACK. At-least-once to any acknowledging output.
 *
 * The queue (`queue.mem.events`) holds every event from read until ACK; a slot frees
 * only when the output acknowledges or drops the event, so a full queue stalls the
 * harvesters [FB3]. Batches of at most `bulk_max_size` go out, at most `pipelining`
 * at a time; a failed batch waits an exponential backoff (`backoff.init` doubling to
 * `backoff.max`) and is sent again forever [FB4]. A crash loses the queue, but not the
 * lines: they are still in the files and are read again from the flushed registry.
 *
 * The output may have several clients (`loadbalance: true` over several Logstash hosts, `worker`
 * connections each) [FB6]. Like libbeat's output workers, each client takes the next batch when
 * its own pipelining window has room and its own backoff is over, and a failed batch goes back to
 * one retry queue that every client reads, so it may be resent to another host. Here the free
 * clients take batches in turn (round robin); in libbeat whichever worker is free first wins.
 */
import type { Message, NodeContext, SimNode } from '../../core/node.js';
import { forEachRid } from '../../core/record.js';
import type { Workload } from '../../workload/workload.js';
import type { BeatsSpec } from '../../spec/schema/beats.js';
import { isoTimestamp } from '../../workload/clock.js';
import { Registry } from './registry.js';
import { Harvesters } from './harvesters.js';
import type { FileSegments } from './rotation.js';
import type { Batch, BeatsOutputClient, PublishOutcome } from './batch.js';
import type { ReadStamp, ShipSource } from './shipped-line.js';
import { PendingLines } from './pending-lines.js';

/** One output client (a connection, or a failover set of them) with its own window and backoff. */
interface OutputWorker {
  readonly client: BeatsOutputClient;
  /** Batches published through this client and not yet settled. */
  inflight: number;
  backoffMs: number;
  waitUntilMs: number;
}

/** Filebeat's log input re-checks a file this long after reaching its end (`backoff`, default 1s). */
const EOF_BACKOFF_MS = 1000;

export class FilebeatNode implements SimNode {
  private ctx!: NodeContext;
  private up = true;
  private workers: OutputWorker[] = [];
  /** The worker after the one that took the last batch: where the next search for a free worker starts. */
  private turn = 0;
  private readonly registry: Registry;
  private h!: Harvesters;
  /** Lines read but not yet in a batch, oldest first. */
  private readonly pending = new PendingLines();
  private readonly inflight = new Map<number, Batch>();
  private readonly retry: Batch[] = [];
  private queued = 0;
  private nextBatch = 0;
  private readTimerAt = Number.POSITIVE_INFINITY;
  /** Harvesters are blocked on a full queue (backpressure) and wait for an ACK, not a timer. */
  private stalled = false;
  /** What the events of the current read share: their `@timestamp` (when Filebeat read them) and the incarnation. */
  private readStamp!: ReadStamp;
  private readonly source: ShipSource;
  /** How many times this Filebeat has restarted: `add_id`'s per-process part (SEMANTICS-2 §3). */
  private incarnation = 0;
  private readonly counters = { eventsAcked: 0, eventsFailed: 0, batchesSent: 0, batchesResent: 0, eventsDropped: 0, connectionFailures: 0 };

  constructor(
    readonly address: string,
    private readonly spec: BeatsSpec,
    private readonly workload: Workload,
    private readonly segments: FileSegments,
    private readonly makeClients: (ctx: NodeContext) => BeatsOutputClient[],
  ) {
    this.registry = new Registry(workload.files);
    this.source = { workload, processors: spec.processors };
  }

  start(ctx: NodeContext): void {
    this.ctx = ctx;
    this.h = new Harvesters(this.workload, this.segments, ctx.ledger, this.address);
    this.h.onSkip = (f, from, to) => this.registry.skip(f, from, to);
    this.boot();
  }

  private boot(): void {
    this.stalled = false;
    this.workers = this.makeClients(this.ctx).map((client) => ({ client, inflight: 0, backoffMs: this.spec['backoff.init'], waitUntilMs: 0 }));
    this.turn = 0;
    this.scheduleFlush();
    this.readTimerAt = Number.POSITIVE_INFINITY;
    this.readNow();
  }

  /** Called by the rotation schedule: segment k of every file was deleted now. */
  segmentDeleted(k: number): void {
    this.h.segmentDeleted(k, this.up, this.registry);
  }

  private get window(): number {
    return Math.max(1, this.spec.pipelining);
  }

  private readNow(): void {
    if (!this.up) return;
    const free = this.spec['queue.mem.events'] - this.queued;
    this.readStamp = { source: this.source, stamp: isoTimestamp(this.ctx.now()), incarnation: this.incarnation };
    if (free > 0) {
      this.h.read(this.ctx.now(), free, (file, line, readBefore) => this.enqueue(file, line, readBefore));
    }
    this.pump();
    this.scheduleRead();
  }

  /** Next look at the files: after the EOF backoff while lines remain, unless the queue is full (an ACK wakes us). */
  private scheduleRead(): void {
    if (this.h.allRead()) return;
    if (this.queued >= this.spec['queue.mem.events']) {
      this.stalled = true;
      return;
    }
    const at = this.ctx.now() + EOF_BACKOFF_MS;
    if (at >= this.readTimerAt && this.readTimerAt > this.ctx.now()) return;
    this.readTimerAt = at;
    this.ctx.timer(EOF_BACKOFF_MS, () => {
      this.readTimerAt = Number.POSITIVE_INFINITY;
      this.readNow();
    });
  }

  private enqueue(file: number, line: number, readBefore: boolean): void {
    const rid = this.workload.ridOf(file, line);
    if (readBefore) {
      this.ctx.ledger.noteDuplicate(rid, this.address, 'read again after a restart from the flushed registry offset');
    }
    if (this.ctx.ledger.isTraced(rid)) this.ctx.ledger.trace(rid, this.address, `harvested line ${line + 1} of ${this.workload.fileName(file)}`);
    // The event (the workload's fields plus what Filebeat adds) is made when a batch takes the line.
    this.pending.push(rid, this.readStamp);
    this.queued++;
  }

  /** A worker whose pipelining window has room and whose backoff is over, searching from `turn`. */
  private freeWorker(): OutputWorker | undefined {
    const n = this.workers.length;
    for (let i = 0; i < n; i++) {
      const w = this.workers[(this.turn + i) % n]!;
      if (w.inflight < this.window && this.ctx.now() >= w.waitUntilMs) {
        this.turn = (this.turn + i + 1) % n;
        return w;
      }
    }
    return undefined;
  }

  /** Sends batches while some worker's pipelining window has room and its backoff is over. */
  private pump(): void {
    if (!this.up) return;
    for (;;) {
      const w = this.freeWorker();
      if (!w) break;
      let batch = this.retry.shift();
      if (batch) {
        this.counters.batchesResent++;
        // A resend of events that may have arrived: the output can end up with two copies [FB5].
        if (batch.sent) forEachRid(batch.events, (rid) => this.ctx.ledger.noteDuplicate(rid, this.address, 'batch resent after a failed or unacknowledged send'));
      } else {
        const available = this.pending.available;
        if (available === 0) break;
        batch = { id: this.nextBatch++, events: this.pending.take(Math.min(available, this.spec.bulk_max_size)), sent: false };
      }
      this.counters.batchesSent++;
      this.inflight.set(batch.id, batch);
      w.inflight++;
      const b = batch;
      b.sent = true;
      w.client.publish(b, (o) => this.settle(w, b, o));
    }
  }

  private settle(w: OutputWorker, batch: Batch, o: PublishOutcome): void {
    if (!this.up || this.inflight.get(batch.id) !== batch) return;
    this.inflight.delete(batch.id);
    w.inflight--;
    forEachRid(o.acked, this.releaseRid);
    for (const { event, why } of o.dropped) {
      this.ctx.ledger.noteLoss(event.rid, this.address, why);
      this.counters.eventsDropped++;
      this.release(event.rid);
    }
    this.counters.eventsAcked += o.acked.length;
    // libbeat.output.events.failed: events of a publish attempt that did not go through (they are retried).
    this.counters.eventsFailed += o.retry.length;
    if (o.retry.length > 0) {
      this.retry.push({ id: this.nextBatch++, events: o.retry, sent: true });
    }
    if (o.connectionFailed) {
      // Only this connection backs off (libbeat wraps each client in its own backoff): the others go on.
      this.counters.connectionFailures++;
      w.waitUntilMs = this.ctx.now() + w.backoffMs;
      this.ctx.timer(w.backoffMs, () => this.pump());
      w.backoffMs = Math.min(w.backoffMs * 2, this.spec['backoff.max']);
    } else if (o.acked.length > 0) {
      w.backoffMs = this.spec['backoff.init'];
    }
    if (this.spec['filebeat.registry.flush'] === 0) this.registry.flush();
    this.pump();
    // A harvester blocked on a full queue resumes as soon as a slot frees.
    if (this.stalled && o.acked.length + o.dropped.length > 0) {
      this.stalled = false;
      this.readNow();
    }
  }

  private release(rid: number): void {
    this.queued--;
    this.registry.ack(this.workload.fileOf(rid), this.workload.lineOf(rid));
  }

  /** `release` as one function for every ACKed event of every batch (not a closure per settle). */
  private readonly releaseRid = (rid: number): void => this.release(rid);

  private scheduleFlush(): void {
    const every = this.spec['filebeat.registry.flush'];
    if (every <= 0) return;
    this.ctx.timer(every, () => {
      this.registry.flush();
      this.scheduleFlush();
    });
  }

  receive(msg: Message, from: string): void {
    for (const w of this.workers) if (w.client.receive(msg, from)) return;
  }

  peerDown(address: string): void {
    if (this.up) for (const w of this.workers) w.client.peerDown?.(address);
  }

  crash(): void {
    this.up = false;
    this.h.crash();
    this.pending.clear();
    this.inflight.clear();
    this.retry.length = 0;
    this.queued = 0;
  }

  restart(): void {
    this.up = true;
    this.incarnation++;
    this.registry.reloadFromDisk();
    this.h.restart(this.ctx.now(), this.registry);
    this.boot();
  }

  heldRecords(visit: (rid: number) => void): void {
    if (this.up) {
      this.pending.visit(visit);
      for (const b of this.inflight.values()) forEachRid(b.events, visit);
      for (const b of this.retry) forEachRid(b.events, visit);
      for (const w of this.workers) w.client.heldRecords?.(visit);
    }
    this.h.visitUnread(this.up, this.registry, visit);
  }

  metrics(): Record<string, number> {
    let flushed = 0;
    for (let f = 0; f < this.workload.files; f++) flushed += this.registry.flushedOffset(f);
    return {
      queueFill: this.queued,
      inflightBatches: this.inflight.size,
      linesRead: this.h.linesRead,
      registryFlushedLines: flushed,
      linesLostToRotation: this.h.linesLostToRotation,
      openFiles: this.up ? this.h.openFiles() : 0,
      registryWrites: this.registry.flushes,
      ...this.counters,
    };
  }

  inspect(): unknown {
    const files = [];
    for (let f = 0; f < this.workload.files; f++) {
      files.push({
        file: `/var/log/app/${this.workload.fileName(f)}`,
        readOffset: this.h.offset[f],
        ackedOffset: this.registry.ackedOffset(f),
        registryOffset: this.registry.flushedOffset(f),
        linesWritten: this.workload.linesWrittenBy(f, this.ctx.now()),
      });
    }
    return {
      up: this.up,
      queue: { events: this.queued, capacity: this.spec['queue.mem.events'] },
      inflightBatches: this.inflight.size,
      backoffMs: this.workers[0]?.backoffMs ?? this.spec['backoff.init'],
      registry: files,
      ...this.counters,
    };
  }
}
