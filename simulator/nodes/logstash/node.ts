/**
 * Logstash (SEMANTICS §2): input → queue → workers running filters and outputs.
 *
 * The beats input writes a received batch into the queue and ACKs the sender once all
 * its events are in [LS8][LS1]; when the queue is full it blocks (the sender waits,
 * kept alive by heartbeats). Each of `pipeline.workers` workers takes up to
 * `pipeline.batch.size` events, waiting at most `pipeline.batch.delay` for a full batch,
 * runs the filters, hands the batch to every output and ACKs it in the queue when all
 * are done. `tcp`/`udp` inputs have no ACK: their senders never learn of a loss.
 */
import type { Message, NodeContext, SimNode } from '../../core/node.js';
import { forEachRid, type Rec, type RecordColumn } from '../../core/record.js';
import type { LogstashSpec } from '../../spec/schema/logstash.js';
import { LogstashQueue } from './queue.js';
import type { FilterFn } from './filters.js';
import type { LogstashOutput } from './output.js';
import { DeadLetterQueue } from './dead-letter-queue.js';

/** How often the beats input tells a waiting client it is still working (keep-alive; interval chosen here). */
const KEEPALIVE_MS = 5000;

interface InputBatch {
  from: string;
  conn: unknown;
  seq: unknown;
  /** The events as sent: a Beats batch is a column (nodes/beats/shipped-line.ts ShippedBatch). */
  records: RecordColumn;
  written: number;
  /** The queue slot of its first written event (set when it is written): the written ones are the `written` slots from here on. */
  firstSlot: number;
}

/**
 * One of `pipeline.workers` workers. Made once and reused batch after batch, callbacks included,
 * so a batch costs no objects of its own beyond the array of events handed to the outputs.
 */
interface Worker {
  /** The batch it holds: the `count` queue slots from `first` on; count 0 when idle (a batch is never empty). */
  first: number;
  count: number;
  /** Outputs that have not yet finished the batch. */
  outputsLeft: number;
  /** Events of the batch the filters let through. */
  passed: number;
  /** A `pipeline.batch.delay` wait for a fuller batch is pending. */
  delayArmed: boolean;
  readonly filterAndOutput: () => void;
  /**
   * What each output calls, once, when it has finished the batch. The same function serves every
   * batch: the outputs of a crashed process never call it late, as a crash discards them and
   * their timers and replies die with it.
   */
  readonly outputDone: () => void;
}

export class LogstashNode implements SimNode {
  private ctx!: NodeContext;
  private up = true;
  readonly queue: LogstashQueue;
  readonly dlq: DeadLetterQueue | undefined;
  private outputs: LogstashOutput[] = [];
  private readonly blocked: InputBatch[] = [];
  private readonly workers: Worker[] = [];
  private keepaliveArmed = false;
  // eventsFiltered: dropped by a filter. eventsThroughFilters: what node stats calls events.filtered (finished the filter stage).
  private readonly counters = { eventsIn: 0, eventsOut: 0, eventsFiltered: 0, eventsThroughFilters: 0, batchesAcked: 0, lostOnCrash: 0, replayed: 0, udpDropped: 0 };

  constructor(
    readonly address: string,
    private readonly spec: LogstashSpec,
    private readonly filter: FilterFn,
    private readonly makeOutputs: (ctx: NodeContext, dlq: DeadLetterQueue | undefined) => LogstashOutput[],
    /** Durable state of outputs (the s3 output's temporary files) that must be visible while down. */
    private readonly durableHeld: (visit: (rid: number) => void) => void,
    nameOf: (rid: number) => string,
  ) {
    const workers = spec['pipeline.workers'];
    this.queue = new LogstashQueue({
      type: spec['queue.type'],
      capacity: spec['queue.type'] === 'memory' ? workers * spec['pipeline.batch.size'] : spec['queue.max_events'],
      checkpointWrites: spec['queue.checkpoint.writes'],
      checkpointAcks: spec['queue.checkpoint.acks'],
    });
    this.dlq = spec['dead_letter_queue.enable'] ? new DeadLetterQueue(spec['dead_letter_queue.max_bytes'], nameOf) : undefined;
    for (let w = 0; w < workers; w++) {
      const worker: Worker = {
        first: 0,
        count: 0,
        outputsLeft: 0,
        passed: 0,
        delayArmed: false,
        filterAndOutput: () => this.filterAndOutput(worker),
        outputDone: () => this.outputDone(worker),
      };
      this.workers.push(worker);
    }
  }

  start(ctx: NodeContext): void {
    this.ctx = ctx;
    this.boot();
  }

  private boot(): void {
    this.outputs = this.makeOutputs(this.ctx, this.dlq);
    if (this.spec['queue.type'] === 'persisted') this.scheduleCheckpoint();
    this.dispatch();
  }

  private scheduleCheckpoint(): void {
    this.ctx.timer(this.spec['queue.checkpoint.interval'], () => {
      this.queue.checkpoint();
      this.scheduleCheckpoint();
    });
  }

  receive(msg: Message, from: string): void {
    if (msg.kind === 'beats.batch') {
      const m = msg as Message & { conn: unknown; seq: unknown };
      // A Beats batch carries its events as a column (a ShippedBatch: rids and reads, nodes/beats/lumberjack-client.ts).
      const records: RecordColumn = msg.records ?? [];
      this.counters.eventsIn += records.length;
      const ledger = this.ctx.ledger;
      forEachRid(records, (rid) => {
        if (ledger.isTraced(rid)) ledger.trace(rid, this.address, `received by the ${this.spec.input} input`);
      });
      this.blocked.push({ from, conn: m.conn, seq: m.seq, records, written: 0, firstSlot: 0 });
      this.admit();
      return;
    }
    for (const o of this.outputs) if (o.receive(msg, from)) return;
  }

  peerDown(address: string): void {
    if (!this.up) return;
    for (const o of this.outputs) o.peerDown?.(address);
  }

  /** Writes waiting input batches into the queue as space allows; ACKs each once fully written. */
  private admit(): void {
    while (this.blocked.length > 0) {
      const b = this.blocked[0]!;
      const room = this.queue.free();
      const n = Math.min(room, b.records.length - b.written);
      // Without an application ACK (tcp/udp) the sender has already let go of every event.
      const noAck = this.spec.input !== 'beats';
      if (b.written === 0) b.firstSlot = this.queue.end;
      for (let i = 0; i < n; i++) this.queue.writeFrom(b.records, b.written + i, noAck);
      b.written += n;
      if (b.written < b.records.length) {
        if (this.spec.input === 'udp') {
          // A datagram that finds no room is simply gone; nobody will resend it.
          for (let i = b.written; i < b.records.length; i++) this.ctx.ledger.noteLoss(b.records.at(i)!.rid, this.address, 'udp input: queue full, datagram dropped');
          this.counters.udpDropped += b.records.length - b.written;
          this.blocked.shift();
          continue;
        }
        this.armKeepalive();
        break;
      }
      this.blocked.shift();
      this.queue.markSenderAcked(b.firstSlot, b.written);
      if (this.spec.input === 'beats') this.ctx.send(b.from, { kind: 'beats.ack', conn: b.conn, seq: b.seq } as Message);
    }
    this.dispatch();
  }

  private armKeepalive(): void {
    if (this.keepaliveArmed || this.spec.input !== 'beats') return;
    this.keepaliveArmed = true;
    this.ctx.timer(KEEPALIVE_MS, () => {
      this.keepaliveArmed = false;
      const head = this.blocked[0];
      if (!head) return;
      this.ctx.send(head.from, { kind: 'beats.keepalive', conn: head.conn, seq: head.seq } as Message);
      this.armKeepalive();
    });
  }

  /** Gives idle workers a batch: at once when a full one is there, else after `pipeline.batch.delay`. */
  private dispatch(): void {
    if (!this.up) return;
    const size = this.spec['pipeline.batch.size'];
    for (const worker of this.workers) {
      if (worker.count !== 0 || this.queue.unread === 0) continue;
      if (this.queue.unread >= size) this.runWorker(worker, size);
      else if (!worker.delayArmed) {
        worker.delayArmed = true;
        this.ctx.timer(this.spec['pipeline.batch.delay'], () => {
          worker.delayArmed = false;
          if (worker.count === 0 && this.queue.unread > 0) this.runWorker(worker, size);
          this.dispatch();
        });
      }
    }
  }

  /** The worker takes up to `size` unread events (there is at least one). */
  private runWorker(worker: Worker, size: number): void {
    const count = Math.min(size, this.queue.unread);
    worker.first = this.queue.take(count);
    worker.count = count;
    // Taking events out of a memory queue frees room for blocked input.
    if (this.spec['queue.type'] === 'memory' && this.blocked.length > 0) this.admit();
    const filterMs = count * this.spec['processing-time'];
    this.ctx.timer(filterMs, worker.filterAndOutput);
  }

  private filterAndOutput(worker: Worker): void {
    const { first, count } = worker;
    // Sized for the whole batch and cut to what the filters let through: one allocation, no regrowth.
    // A new array for each batch, as an output may keep it until it is done.
    const out = new Array<Rec>(count);
    let passed = 0;
    const now = this.ctx.now();
    this.queue.markProcessed(first, count);
    for (let s = first; s < first + count; s++) {
      const rec = this.queue.rec(s);
      const r = this.filter(rec, now);
      if (r === null) {
        this.ctx.ledger.noteFiltered(rec.rid, this.address, 'dropped by a drop filter');
        this.counters.eventsFiltered++;
      } else out[passed++] = r;
    }
    out.length = passed;
    this.counters.eventsThroughFilters += count;
    worker.passed = passed;
    if (this.outputs.length === 0) {
      worker.outputsLeft = 1;
      this.outputDone(worker);
      return;
    }
    worker.outputsLeft = this.outputs.length;
    for (const o of this.outputs) o.write(out, worker.outputDone);
  }

  /** One output has finished the worker's batch; the last one ACKs it in the queue. */
  private outputDone(worker: Worker): void {
    if (--worker.outputsLeft > 0) return;
    this.queue.ack(worker.first, worker.count);
    this.counters.eventsOut += worker.passed;
    this.counters.batchesAcked++;
    worker.count = 0;
    if (this.blocked.length > 0) this.admit();
    else this.dispatch();
  }

  /** Visits the events of the workers' batches that are not yet ACKed, worker by worker. */
  private visitWorkerBatches(visit: (slot: number) => void): void {
    for (const worker of this.workers) {
      for (let s = worker.first; s < worker.first + worker.count; s++) if (!this.queue.acked(s)) visit(s);
    }
  }

  crash(): void {
    this.up = false;
    // Events of a batch not yet ACKed to its sender will be resent: only ACKed ones are really gone.
    const why = this.spec['queue.type'] === 'memory' ? 'memory queue wiped by a crash (already ACKed to the sender)' : 'written to the persisted queue after its last checkpoint (queue.checkpoint.writes)';
    this.queue.crash((rec, senderAcked) => {
      if (!senderAcked) return;
      this.ctx.ledger.noteLoss(rec.rid, this.address, why);
      this.counters.lostOnCrash++;
    });
    if (this.spec['queue.type'] === 'memory') {
      // Batches in the workers' hands die with the process; their senders already have their ACK.
      this.visitWorkerBatches((s) => {
        if (!this.queue.senderAcked(s)) return;
        this.ctx.ledger.noteLoss(this.queue.rid(s), this.address, 'in a worker batch when the process died (memory queue)');
        this.counters.lostOnCrash++;
      });
    }
    for (const worker of this.workers) {
      worker.count = 0;
      worker.delayArmed = false;
    }
    this.blocked.length = 0;
    this.keepaliveArmed = false;
    for (const o of this.outputs) o.crash?.();
    this.outputs = [];
  }

  restart(): void {
    this.up = true;
    this.queue.replayedCopies((rec) => {
      this.ctx.ledger.noteDuplicate(rec.rid, this.address, 'replayed from the persisted queue after a restart');
      this.counters.replayed++;
    });
    this.boot();
  }

  heldRecords(visit: (rid: number) => void): void {
    if (this.up) {
      // A memory queue forgets what workers took; those batches are the workers' to report.
      this.queue.visit(visit, this.spec['queue.type'] === 'persisted');
      if (this.spec['queue.type'] === 'memory') this.visitWorkerBatches((s) => visit(this.queue.rid(s)));
      for (const b of this.blocked) for (let i = b.written; i < b.records.length; i++) visit(b.records.at(i)!.rid);
      for (const o of this.outputs) o.heldRecords?.(visit);
    } else if (this.spec['queue.type'] === 'persisted') {
      this.queue.visit(visit, true);
    }
    this.durableHeld(visit);
  }

  metrics(): Record<string, number> {
    const m: Record<string, number> = { queueDepth: this.queue.depth, inputBlocked: this.blocked.length, dlqEntries: this.dlq?.entries.length ?? 0, ...this.counters };
    for (const o of this.outputs) for (const [k, v] of Object.entries(o.metrics())) m[`${o.name}.${k}`] = v;
    return m;
  }

  inspect(): unknown {
    return {
      up: this.up,
      queue: { type: this.spec['queue.type'], depth: this.queue.depth, unread: this.queue.unread, checkpoints: this.queue.checkpoints },
      workers: this.workers.map((worker) => worker.count),
      inputBlocked: this.blocked.length,
      deadLetterQueue: this.dlq?.inspect() ?? null,
      outputs: Object.fromEntries(this.outputs.map((o) => [o.name, o.inspect()])),
      ...this.counters,
    };
  }
}
