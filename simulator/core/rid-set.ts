/**
 * A set of record ids (rids: small non-negative integers, generation order) as a bit map that
 * grows on demand. Outputs remember which rids have arrived, up to one per generated record:
 * a bit each is far cheaper than a hash set entry. Negative ids (aggregates) are never stored.
 */
import { withRoomFor } from './grow.js';

/** What the ledger asks of a set of rids: a `Set<number>` or a `RidSet`. */
export interface RidLookup {
  has(rid: number): boolean;
}

export class RidSet {
  private bits = new Uint8Array(1024);

  /** A set of the given rids (negative ones, aggregates, are left out). */
  static of(rids: Iterable<number>): RidSet {
    const set = new RidSet();
    for (const rid of rids) if (rid >= 0) set.add(rid);
    return set;
  }

  /** An independent copy: adding to it leaves this set as it is. */
  copy(): RidSet {
    const set = new RidSet();
    set.bits = this.bits.slice();
    return set;
  }

  has(rid: number): boolean {
    const byte = rid >>> 3;
    return rid >= 0 && byte < this.bits.length && (this.bits[byte]! & (1 << (rid & 7))) !== 0;
  }

  /** Adds `rid`; returns true when it was not there before. */
  add(rid: number): boolean {
    if (rid < 0) throw new Error(`RidSet holds record ids (≥ 0), not ${rid}`);
    const byte = rid >>> 3;
    this.bits = withRoomFor(this.bits, byte);
    const mask = 1 << (rid & 7);
    if ((this.bits[byte]! & mask) !== 0) return false;
    this.bits[byte]! |= mask;
    return true;
  }
}
