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
import type { Rec } from '../../core/record.js';
import type { LogstashSpec } from '../../spec/schema/logstash.js';
import { LogstashQueue, type QueueEntry } from './queue.js';
import type { FilterFn } from './filters.js';
import type { LogstashOutput } from './output.js';
import { DeadLetterQueue } from './dead-letter-queue.js';

/** How often the beats input tells a waiting client it is still working (keep-alive; interval chosen here). */
const KEEPALIVE_MS = 5000;

interface InputBatch {
  from: string;
  conn: unknown;
  seq: unknown;
  records: readonly Rec[];
  written: number;
  entries: QueueEntry[];
}

export class LogstashNode implements SimNode {
  private ctx!: NodeContext;
  private up = true;
  readonly queue: LogstashQueue;
  readonly dlq: DeadLetterQueue | undefined;
  private outputs: LogstashOutput[] = [];
  private readonly blocked: InputBatch[] = [];
  private readonly workerBatches: (QueueEntry[] | null)[];
  private readonly delayArmed: boolean[];
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
    this.workerBatches = new Array<QueueEntry[] | null>(workers).fill(null);
    this.delayArmed = new Array<boolean>(workers).fill(false);
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
      // A Beats batch carries its events as a list (nodes/beats/lumberjack-client.ts).
      const records = (msg.records ?? []) as readonly Rec[];
      this.counters.eventsIn += records.length;
      for (const r of records) if (this.ctx.ledger.isTraced(r.rid)) this.ctx.ledger.trace(r.rid, this.address, `received by the ${this.spec.input} input`);
      this.blocked.push({ from, conn: m.conn, seq: m.seq, records, written: 0, entries: [] });
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
      for (let i = 0; i < n; i++) b.entries.push(this.queue.write(b.records[b.written + i]!, noAck));
      b.written += n;
      if (b.written < b.records.length) {
        if (this.spec.input === 'udp') {
          // A datagram that finds no room is simply gone; nobody will resend it.
          for (let i = b.written; i < b.records.length; i++) this.ctx.ledger.noteLoss(b.records[i]!.rid, this.address, 'udp input: queue full, datagram dropped');
          this.counters.udpDropped += b.records.length - b.written;
          this.blocked.shift();
          continue;
        }
        this.armKeepalive();
        break;
      }
      this.blocked.shift();
      for (const e of b.entries) e.senderAcked = true;
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
    for (let w = 0; w < this.workerBatches.length; w++) {
      if (this.workerBatches[w] !== null || this.queue.unread === 0) continue;
      if (this.queue.unread >= size) this.runWorker(w, this.queue.take(size));
      else if (!this.delayArmed[w]) {
        this.delayArmed[w] = true;
        const worker = w;
        this.ctx.timer(this.spec['pipeline.batch.delay'], () => {
          this.delayArmed[worker] = false;
          if (this.workerBatches[worker] === null && this.queue.unread > 0) this.runWorker(worker, this.queue.take(size));
          this.dispatch();
        });
      }
    }
  }

  private runWorker(w: number, batch: QueueEntry[]): void {
    this.workerBatches[w] = batch;
    // Taking events out of a memory queue frees room for blocked input.
    if (this.spec['queue.type'] === 'memory' && this.blocked.length > 0) this.admit();
    const filterMs = batch.length * this.spec['processing-time'];
    this.ctx.timer(filterMs, () => this.filterAndOutput(w, batch));
  }

  private filterAndOutput(w: number, batch: QueueEntry[]): void {
    const out: Rec[] = [];
    const now = this.ctx.now();
    for (const e of batch) {
      e.processedOnce = true;
      const r = this.filter(e.rec, now);
      if (r === null) {
        this.ctx.ledger.noteFiltered(e.rec.rid, this.address, 'dropped by a drop filter');
        this.counters.eventsFiltered++;
      } else out.push(r);
    }
    this.counters.eventsThroughFilters += batch.length;
    let left = this.outputs.length;
    const finish = () => {
      if (--left > 0) return;
      this.queue.ack(batch);
      this.counters.eventsOut += out.length;
      this.counters.batchesAcked++;
      this.workerBatches[w] = null;
      if (this.blocked.length > 0) this.admit();
      else this.dispatch();
    };
    if (left === 0) {
      left = 1;
      finish();
      return;
    }
    for (const o of this.outputs) o.write(out, finish);
  }

  crash(): void {
    this.up = false;
    // Events of a batch not yet ACKed to its sender will be resent: only ACKed ones are really gone.
    const lost = this.queue.crash().filter((e) => e.senderAcked);
    const why = this.spec['queue.type'] === 'memory' ? 'memory queue wiped by a crash (already ACKed to the sender)' : 'written to the persisted queue after its last checkpoint (queue.checkpoint.writes)';
    for (const e of lost) this.ctx.ledger.noteLoss(e.rec.rid, this.address, why);
    this.counters.lostOnCrash += lost.length;
    if (this.spec['queue.type'] === 'memory') {
      // Batches in the workers' hands die with the process; their senders already have their ACK.
      for (const b of this.workerBatches) {
        for (const e of b ?? []) {
          if (e.acked || !e.senderAcked) continue;
          this.ctx.ledger.noteLoss(e.rec.rid, this.address, 'in a worker batch when the process died (memory queue)');
          this.counters.lostOnCrash++;
        }
      }
    }
    this.workerBatches.fill(null);
    this.delayArmed.fill(false);
    this.blocked.length = 0;
    this.keepaliveArmed = false;
    for (const o of this.outputs) o.crash?.();
    this.outputs = [];
  }

  restart(): void {
    this.up = true;
    const replay = this.queue.replayedCopies();
    for (const e of replay) this.ctx.ledger.noteDuplicate(e.rec.rid, this.address, 'replayed from the persisted queue after a restart');
    this.counters.replayed += replay.length;
    this.boot();
  }

  heldRecords(visit: (rid: number) => void): void {
    if (this.up) {
      // A memory queue forgets what workers took; those batches are the workers' to report.
      this.queue.visit(visit, this.spec['queue.type'] === 'persisted');
      if (this.spec['queue.type'] === 'memory') for (const b of this.workerBatches) for (const e of b ?? []) if (!e.acked) visit(e.rec.rid);
      for (const b of this.blocked) for (let i = b.written; i < b.records.length; i++) visit(b.records[i]!.rid);
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
      workers: this.workerBatches.map((b) => (b ? b.length : 0)),
      inputBlocked: this.blocked.length,
      deadLetterQueue: this.dlq?.inspect() ?? null,
      outputs: Object.fromEntries(this.outputs.map((o) => [o.name, o.inspect()])),
      ...this.counters,
    };
  }
}
