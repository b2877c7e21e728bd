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
 */
import type { Rec } from '../../core/record.js';

const INITIAL_CAPACITY = 1024;

export class QueueSlots {
  private recs = new Array<Rec | undefined>(INITIAL_CAPACITY).fill(undefined);
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
    if (this.next - this.first > this.mask) this.grow();
    const i = this.next & this.mask;
    this.recs[i] = rec;
    this.flags[i] = flags;
    return this.next++;
  }

  rec(slot: number): Rec {
    return this.recs[slot & this.mask]!;
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
    const recs = new Array<Rec | undefined>(this.recs.length).fill(undefined);
    const flags = new Uint8Array(this.flags.length);
    let next = this.next;
    for (let s = from; s < this.next; s++) {
      if (!keep(s)) continue;
      recs[next & this.mask] = this.recs[s & this.mask];
      flags[next & this.mask] = this.flags[s & this.mask]!;
      next++;
    }
    this.recs = recs;
    this.flags = flags;
    this.first = this.next;
    this.next = next;
  }

  private grow(): void {
    const capacity = this.recs.length * 2;
    const recs = new Array<Rec | undefined>(capacity).fill(undefined);
    const flags = new Uint8Array(capacity);
    for (let s = this.first; s < this.next; s++) {
      recs[s & (capacity - 1)] = this.recs[s & this.mask];
      flags[s & (capacity - 1)] = this.flags[s & this.mask]!;
    }
    this.recs = recs;
    this.flags = flags;
    this.mask = capacity - 1;
  }
}
