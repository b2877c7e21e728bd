/**
 * The Logstash queue's events as two parallel columns, a Rec and a byte of flags per event,
 * instead of an object per event: a busy queue holds tens of thousands of events for seconds of
 * simulated time, and a million-event run would otherwise make a million objects for the garbage
 * collector to copy.
 *
 * Each event is named by its slot number, which stays the same while the event is in the queue
 * and is never given to another event. The columns are rings: slot s lives at index
 * `s mod capacity`, so dropping the oldest slots moves nothing, and the rings double (the only
 * copy) when the slots held no longer fit.
 *
 * An event Filebeat shipped (a ShippedLine: its rid, and the read that gives its `@timestamp` and
 * incarnation) is kept as its rid and its read, and made again when a worker takes it: the ring
 * then holds no young object for each scavenge to trace from the old generation.
 */
import type { Rec, RecordColumn } from '../../core/record.js';
import { isReadStamp, ShippedBatch, ShippedLine, type ReadStamp } from '../beats/shipped-line.js';

/** What a slot holds: the event, or the read of a shipped line whose rid is in `rids`. */
type Held = Rec | ReadStamp | undefined;

const INITIAL_CAPACITY = 1024;

export class QueueSlots {
  private recs = new Array<Held>(INITIAL_CAPACITY).fill(undefined);
  private rids = new Int32Array(INITIAL_CAPACITY);
  /** A shipped line's message length, and its JSON string's, if the Beats client already measured them (else -1): not measured twice. */
  private lengths = new Int32Array(INITIAL_CAPACITY);
  private jsonLengths = new Int32Array(INITIAL_CAPACITY);
  private flags = new Uint8Array(INITIAL_CAPACITY);
  /** capacity - 1 (the capacity is a power of two). */
  private mask = INITIAL_CAPACITY - 1;
  /** The first slot still held. */
  private first = 0;
  /** The slot the next append gets. */
  private next = 0;

  get start(): number {
    return this.first;
  }

  get end(): number {
    return this.next;
  }

  append(rec: Rec, flags: number): number {
    if (rec instanceof ShippedLine && rec.rid <= 0x7fffffff) return this.appendLine(rec.rid, rec.read, rec.knownMessageLength(), rec.knownMessageJsonLength(), flags);
    if (this.next - this.first > this.mask) this.grow();
    const i = this.next & this.mask;
    this.recs[i] = rec;
    this.flags[i] = flags;
    return this.next++;
  }

  /** Appends event j of `records`: a Filebeat batch's line as its rid, read and length, without making the event. */
  appendFrom(records: RecordColumn, j: number, flags: number): number {
    if (records instanceof ShippedBatch && records.ridAt(j) <= 0x7fffffff) return this.appendLine(records.ridAt(j), records.readAt(j), records.knownLengthAt(j), records.knownJsonLengthAt(j), flags);
    return this.append(records.at(j)!, flags);
  }

  private appendLine(rid: number, read: ReadStamp, messageLength: number, messageJsonLength: number, flags: number): number {
    if (this.next - this.first > this.mask) this.grow();
    const i = this.next & this.mask;
    this.recs[i] = read;
    this.rids[i] = rid;
    this.lengths[i] = messageLength;
    this.jsonLengths[i] = messageJsonLength;
    this.flags[i] = flags;
    return this.next++;
  }

  /** The event in `slot`; a shipped line is made again (equal, not identical). */
  rec(slot: number): Rec {
    const i = slot & this.mask;
    const held = this.recs[i]!;
    if (!isReadStamp(held)) return held;
    const rid = this.rids[i]!;
    return new ShippedLine(rid, held.source.workload.eventTimeMs(rid), held, this.lengths[i]!, this.jsonLengths[i]!);
  }

  /** `rec(slot).rid`, without making the event. */
  rid(slot: number): number {
    const i = slot & this.mask;
    const held = this.recs[i]!;
    return isReadStamp(held) ? this.rids[i]! : held.rid;
  }

  has(slot: number, flag: number): boolean {
    return (this.flags[slot & this.mask]! & flag) !== 0;
  }

  mark(slot: number, flag: number): void {
    this.flags[slot & this.mask]! |= flag;
  }

  unmark(slot: number, flag: number): void {
    this.flags[slot & this.mask]! &= ~flag;
  }

  /** Forgets the slots before `slot`. */
  dropBefore(slot: number): void {
    for (; this.first < slot; this.first++) this.recs[this.first & this.mask] = undefined;
  }

  /** Forgets the slots from `slot` on: the next append gets `slot` again. */
  truncate(slot: number): void {
    for (let s = slot; s < this.next; s++) this.recs[s & this.mask] = undefined;
    this.next = slot;
  }

  /**
   * Keeps, in order, the slots from `from` on that `keep` accepts, and forgets all others. The kept
   * events get new slot numbers from the old `end` on, so a slot number from before is never
   * mistaken for one of them.
   */
  rebuild(from: number, keep: (slot: number) => boolean): void {
    const recs = new Array<Held>(this.recs.length).fill(undefined);
    const rids = new Int32Array(this.rids.length);
    const lengths = new Int32Array(this.lengths.length);
    const jsonLengths = new Int32Array(this.jsonLengths.length);
    const flags = new Uint8Array(this.flags.length);
    let next = this.next;
    for (let s = from; s < this.next; s++) {
      if (!keep(s)) continue;
      recs[next & this.mask] = this.recs[s & this.mask];
      rids[next & this.mask] = this.rids[s & this.mask]!;
      lengths[next & this.mask] = this.lengths[s & this.mask]!;
      jsonLengths[next & this.mask] = this.jsonLengths[s & this.mask]!;
      flags[next & this.mask] = this.flags[s & this.mask]!;
      next++;
    }
    this.recs = recs;
    this.rids = rids;
    this.lengths = lengths;
    this.jsonLengths = jsonLengths;
    this.flags = flags;
    this.first = this.next;
    this.next = next;
  }

  private grow(): void {
    const capacity = this.recs.length * 2;
    const recs = new Array<Held>(capacity).fill(undefined);
    const rids = new Int32Array(capacity);
    const lengths = new Int32Array(capacity);
    const jsonLengths = new Int32Array(capacity);
    const flags = new Uint8Array(capacity);
    for (let s = this.first; s < this.next; s++) {
      recs[s & (capacity - 1)] = this.recs[s & this.mask];
      rids[s & (capacity - 1)] = this.rids[s & this.mask]!;
      lengths[s & (capacity - 1)] = this.lengths[s & this.mask]!;
      jsonLengths[s & (capacity - 1)] = this.jsonLengths[s & this.mask]!;
      flags[s & (capacity - 1)] = this.flags[s & this.mask]!;
    }
    this.recs = recs;
    this.rids = rids;
    this.lengths = lengths;
    this.jsonLengths = jsonLengths;
    this.flags = flags;
    this.mask = capacity - 1;
  }
}
