/**
 * One optional string per record id — where a record was lost, why, where its first extra copy
 * was made — drawn from a small vocabulary of places and reasons. Stored as an index into that
 * vocabulary in a typed array indexed by rid: a run can note hundreds of thousands of records
 * (a replay re-reads a whole log), and a hash map entry per note cost more than the note.
 */
import { withRoomFor } from '../core/grow.js';

export class NoteColumn {
  /** 0 = no note; otherwise 1 + the value's index in `values`. */
  private readonly slots = new SlotColumn();
  private readonly values: string[] = [];
  private readonly indexOf = new Map<string, number>();

  get(rid: number): string | undefined {
    const slot = this.slots.get(rid);
    return slot === 0 ? undefined : this.values[slot - 1];
  }

  /** 0 for no note, else 1 + the index of the value: for tallying many records without a string lookup each. */
  slotOf(rid: number): number {
    return this.slots.get(rid);
  }

  /** How many slots `slotOf` can return (0 included). */
  get slotCount(): number {
    return this.values.length + 1;
  }

  /** The value of a slot, or `fallback` for slot 0. */
  valueOfSlot(slot: number, fallback: string): string {
    return slot === 0 ? fallback : this.values[slot - 1]!;
  }

  has(rid: number): boolean {
    return this.slots.get(rid) !== 0;
  }

  set(rid: number, value: string): void {
    this.slots.set(rid, this.slotFor(value));
  }

  /** The slot `value` has (given one now if it has none): for a caller noting many records with few values. */
  slotFor(value: string): number {
    let i = this.indexOf.get(value);
    if (i === undefined) {
      i = this.values.push(value) - 1;
      this.indexOf.set(value, i);
    }
    return i + 1;
  }

  /** Notes the value of `slot` (from `slotFor`) for `rid`, without looking the value up again. */
  setSlot(rid: number, slot: number): void {
    this.slots.set(rid, slot);
  }
}

/** A number per record id (0 when unset), growing on demand: slots of another column, kept beside it. */
export class SlotColumn {
  private values = new Uint32Array(1024);

  get(rid: number): number {
    return rid >= 0 && rid < this.values.length ? this.values[rid]! : 0;
  }

  set(rid: number, value: number): void {
    if (rid < 0) return;
    this.values = withRoomFor(this.values, rid);
    this.values[rid] = value;
  }
}
