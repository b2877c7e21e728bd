/**
 * The Logstash queue (SEMANTICS §2) keeps its events as columns addressed by slot number, in rings
 * that drop old slots without moving anything. These tests pin what a crash loses, what survives
 * and is replayed, and that slots stay right across wrap-around, growth and long runs — the last
 * against a model that keeps one plain object per event and never drops any.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LogstashQueue, type QueueSettings } from '../../../simulator/nodes/logstash/queue.js';
import type { Rec } from '../../../simulator/core/record.js';

const rec = (rid: number): Rec => ({ rid, eventTimeMs: 0, fields: {} });

function memoryQueue(capacity = 0): LogstashQueue {
  return new LogstashQueue({ type: 'memory', capacity, checkpointWrites: 1024, checkpointAcks: 1024 });
}

function persistedQueue(checkpointWrites: number, checkpointAcks: number, capacity = 0): LogstashQueue {
  return new LogstashQueue({ type: 'persisted', capacity, checkpointWrites, checkpointAcks });
}

/** Writes rids from..to-1 (sender ACKed or not), returning their slots. */
function writeAll(q: LogstashQueue, from: number, to: number, senderAcked = true): number[] {
  const slots: number[] = [];
  for (let rid = from; rid < to; rid++) slots.push(q.write(rec(rid), senderAcked));
  return slots;
}

function crashLost(q: LogstashQueue): { rid: number; senderAcked: boolean }[] {
  const lost: { rid: number; senderAcked: boolean }[] = [];
  q.crash((r, senderAcked) => lost.push({ rid: r.rid, senderAcked }));
  return lost;
}

function visited(q: LogstashQueue, includeTaken: boolean): number[] {
  const rids: number[] = [];
  q.visit((rid) => rids.push(rid), includeTaken);
  return rids;
}

function replayed(q: LogstashQueue): number[] {
  const rids: number[] = [];
  q.replayedCopies((r) => rids.push(r.rid));
  return rids;
}

describe('memory queue', () => {
  it('a crash wipes the buffer; the batches workers hold stay readable for them to report', () => {
    const q = memoryQueue(10);
    writeAll(q, 0, 6, false);
    const first = q.take(4);
    q.markSenderAcked(0, 6);
    writeAll(q, 6, 8, false);
    expect(q.depth).toBe(4);
    expect(q.free()).toBe(6);
    expect(visited(q, false)).toEqual([4, 5, 6, 7]);
    expect(crashLost(q)).toEqual([
      { rid: 4, senderAcked: true },
      { rid: 5, senderAcked: true },
      { rid: 6, senderAcked: false },
      { rid: 7, senderAcked: false },
    ]);
    // The worker's batch: slots first … first + 3, ACKed to the sender, not to the queue.
    expect([0, 1, 2, 3].map((i) => [q.rec(first + i).rid, q.senderAcked(first + i), q.acked(first + i)])).toEqual([
      [0, true, false],
      [1, true, false],
      [2, true, false],
      [3, true, false],
    ]);
    expect(q.depth).toBe(0);
    expect(q.unread).toBe(0);
    expect(replayed(q)).toEqual([]);
    // After the restart the queue starts empty and hands out fresh slots.
    writeAll(q, 100, 103);
    expect(visited(q, false)).toEqual([100, 101, 102]);
    expect(q.rec(q.take(3)).rid).toBe(100);
  });

  it('a worker holding an old batch keeps its slots while thousands pass and the rings grow', () => {
    const q = memoryQueue();
    writeAll(q, 0, 10);
    const held = q.take(10);
    for (let rid = 10; rid < 20_000; rid += 100) {
      writeAll(q, rid, rid + 100);
      const first = q.take(100);
      q.markProcessed(first, 100);
      q.ack(first, 100);
    }
    expect(Array.from({ length: 10 }, (_, i) => q.rec(held + i).rid)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    q.ack(held, 10);
    writeAll(q, 20_000, 20_003);
    expect(visited(q, false)).toEqual([20_000, 20_001, 20_002]);
    expect(q.rec(q.take(3) + 2).rid).toBe(20_002);
  });
});

describe('persisted queue', () => {
  it('loses what was written after the last checkpoint, replays what was processed but not durably ACKed', () => {
    // Checkpoint every 4 writes; ACKs become durable only at a checkpoint.
    const q = persistedQueue(4, 1000);
    writeAll(q, 0, 8); // two checkpoints: slots of rids 0-7 durable
    const a = q.take(3); // rids 0-2
    q.markProcessed(a, 3);
    q.ack(a, 3);
    const b = q.take(3); // rids 3-5, processed, not ACKed
    q.markProcessed(b, 3);
    q.checkpoint(); // ACKs of 0-2 durable
    const c = q.take(2); // rids 6-7, processed and ACKed after the checkpoint
    q.markProcessed(c, 2);
    q.ack(c, 2);
    writeAll(q, 8, 10, true); // after the last checkpoint
    writeAll(q, 10, 11, false); // … and its sender was never ACKed
    const d = q.take(1); // rid 8 taken, not ACKed
    q.markProcessed(d, 1);
    const e = q.take(1); // rid 9 ACKed after the last checkpoint: done, not lost
    q.markProcessed(e, 1);
    q.ack(e, 1);
    expect(q.depth).toBe(5); // 3, 4, 5, 8, 10
    expect(visited(q, true)).toEqual([3, 4, 5, 8, 10]);
    expect(visited(q, false)).toEqual([10]);

    expect(crashLost(q)).toEqual([
      { rid: 8, senderAcked: true },
      { rid: 10, senderAcked: false },
    ]);
    // Survivors: written before the checkpoint and not durably ACKed, rewound to unread.
    expect(visited(q, true)).toEqual([3, 4, 5, 6, 7]);
    expect(q.unread).toBe(5);
    expect(q.depth).toBe(5);
    expect(replayed(q)).toEqual([3, 4, 5, 6, 7]);

    // After the restart: read again, and the survivors are durable, so a second crash keeps them.
    const f = q.take(5);
    expect(Array.from({ length: 5 }, (_, i) => q.rec(f + i).rid)).toEqual([3, 4, 5, 6, 7]);
    writeAll(q, 11, 13);
    expect(crashLost(q)).toEqual([
      { rid: 11, senderAcked: true },
      { rid: 12, senderAcked: true },
    ]);
    expect(visited(q, true)).toEqual([3, 4, 5, 6, 7]);
    expect(replayed(q)).toEqual([3, 4, 5, 6, 7]);
  });

  it('checkpoints after queue.checkpoint.acks ACKs; ACKed twice counts once', () => {
    const q = persistedQueue(1000, 3);
    writeAll(q, 0, 6);
    q.checkpoint();
    expect(q.checkpoints).toBe(1);
    const a = q.take(2);
    q.ack(a, 2);
    q.ack(a, 2);
    expect(q.checkpoints).toBe(1);
    const b = q.take(1);
    q.ack(b, 1);
    expect(q.checkpoints).toBe(2);
    expect(q.depth).toBe(3);
    // 0-2 are durably ACKed: a crash keeps only 3-5.
    expect(crashLost(q)).toEqual([]);
    expect(visited(q, true)).toEqual([3, 4, 5]);
  });

  it('a bounded queue counts unACKed events, taken or not', () => {
    const q = persistedQueue(1000, 1000, 5);
    writeAll(q, 0, 5);
    expect(q.free()).toBe(0);
    const a = q.take(3);
    expect(q.free()).toBe(0);
    q.ack(a, 3);
    expect(q.free()).toBe(3);
  });
});

/** The queue as one plain object per event, none ever dropped: slow and obviously right. */
class ModelQueue {
  readonly events: { rid: number; durable: boolean; taken: boolean; acked: boolean; ackedDurable: boolean; processed: boolean; senderAcked: boolean }[] = [];
  private pendingWrites = 0;
  private pendingAcks: number[] = [];
  checkpoints = 0;

  constructor(readonly settings: QueueSettings) {}

  write(rid: number, senderAcked: boolean): number {
    this.events.push({ rid, durable: false, taken: false, acked: false, ackedDurable: false, processed: false, senderAcked });
    if (this.settings.type === 'persisted' && ++this.pendingWrites >= this.settings.checkpointWrites) this.checkpoint();
    return this.events.length - 1;
  }

  unreadIndexes(): number[] {
    return this.events.flatMap((e, i) => (e.taken ? [] : [i]));
  }

  take(count: number): number[] {
    const taken = this.unreadIndexes().slice(0, count);
    for (const i of taken) this.events[i]!.taken = true;
    return taken;
  }

  ack(indexes: number[]): void {
    for (const i of indexes) {
      const e = this.events[i]!;
      if (e.acked) continue;
      e.acked = true;
      this.pendingAcks.push(i);
    }
    if (this.settings.type === 'persisted' && this.pendingAcks.length >= this.settings.checkpointAcks) this.checkpoint();
  }

  checkpoint(): void {
    if (this.settings.type !== 'persisted') return;
    for (const e of this.events) e.durable = true;
    for (const i of this.pendingAcks) this.events[i]!.ackedDurable = true;
    this.pendingAcks = [];
    this.pendingWrites = 0;
    this.checkpoints++;
  }

  crash(): { rid: number; senderAcked: boolean }[] {
    let lost: typeof this.events;
    if (this.settings.type === 'memory') {
      lost = this.events.filter((e) => !e.taken);
      this.events.length = 0;
    } else {
      lost = this.events.filter((e) => !e.durable && !e.acked);
      const kept = this.events.filter((e) => e.durable && !e.ackedDurable);
      for (const e of kept) e.taken = e.acked = false;
      this.events.splice(0, this.events.length, ...kept);
    }
    this.pendingAcks = [];
    this.pendingWrites = 0;
    return lost.map((e) => ({ rid: e.rid, senderAcked: e.senderAcked }));
  }

  depth(): number {
    return this.settings.type === 'memory' ? this.unreadIndexes().length : this.events.filter((e) => !e.acked).length;
  }
}

type Op = { kind: 'write'; n: number; senderAcked: boolean } | { kind: 'take'; n: number } | { kind: 'ack'; which: number } | { kind: 'checkpoint' } | { kind: 'crash' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('write' as const), n: fc.integer({ min: 1, max: 900 }), senderAcked: fc.boolean() }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('take' as const), n: fc.integer({ min: 1, max: 700 }) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('ack' as const), which: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'checkpoint' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'crash' as const }) },
);

describe('against a model with an object per event', () => {
  it('same losses, replays, held events and depth over long random runs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<QueueSettings['type']>('memory', 'persisted'),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.array(opArb, { minLength: 20, maxLength: 120 }),
        (type, checkpointWrites, checkpointAcks, ops) => {
          const settings: QueueSettings = { type, capacity: 0, checkpointWrites, checkpointAcks };
          const q = new LogstashQueue(settings);
          const m = new ModelQueue(settings);
          // Batches workers hold: queue slots and model indexes side by side.
          let held: { first: number; count: number; model: number[] }[] = [];
          let rid = 0;
          for (const op of ops) {
            if (op.kind === 'write') {
              for (let i = 0; i < op.n; i++, rid++) {
                q.write(rec(rid), op.senderAcked);
                m.write(rid, op.senderAcked);
              }
            } else if (op.kind === 'take') {
              const n = Math.min(op.n, q.unread);
              if (n === 0) continue;
              const first = q.take(n);
              q.markProcessed(first, n);
              const model = m.take(n);
              for (const i of model) m.events[i]!.processed = true;
              held.push({ first, count: n, model });
              expect(Array.from({ length: n }, (_, i) => q.rec(first + i).rid)).toEqual(model.map((i) => m.events[i]!.rid));
            } else if (op.kind === 'ack') {
              if (held.length === 0) continue;
              const [batch] = held.splice(op.which % held.length, 1);
              q.ack(batch!.first, batch!.count);
              m.ack(batch!.model);
            } else if (op.kind === 'checkpoint') {
              q.checkpoint();
              m.checkpoint();
            } else {
              expect(crashLost(q)).toEqual(m.crash());
              held = [];
              expect(replayed(q)).toEqual(m.events.filter((e) => e.processed).map((e) => e.rid));
            }
            expect(q.depth).toBe(m.depth());
            expect(q.unread).toBe(m.unreadIndexes().length);
            expect(q.checkpoints).toBe(m.checkpoints);
            expect(visited(q, false)).toEqual(m.unreadIndexes().map((i) => m.events[i]!.rid));
            if (type === 'persisted') expect(visited(q, true)).toEqual(m.events.filter((e) => !e.acked).map((e) => e.rid));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
