/**
 * A list of record ids that only grows at its end, kept in an Int32Array: a window's lineage
 * (flink/windows.ts) collects tens of thousands of rids. As a plain array each rid took 8 bytes
 * plus the slack of its growth, and every regrowth was a copy on the garbage collector's heap;
 * here a rid takes 4 bytes in a backing store the collector does not scan.
 *
 * `view(n)` gives the first n rids without copying. Appending never changes what an earlier view
 * holds (it writes past the view's end, or into a new, larger buffer), so a checkpoint or a
 * window's result can share the list instead of copying it.
 */
export class RidList {
  private rids: Int32Array;
  private size = 0;

  constructor(capacity = 16) {
    this.rids = new Int32Array(Math.max(1, capacity));
  }

  /** A list holding `rids` (a copy). */
  static of(rids: ArrayLike<number>): RidList {
    const list = new RidList(rids.length);
    for (let i = 0; i < rids.length; i++) list.push(rids[i]!);
    return list;
  }

  get length(): number {
    return this.size;
  }

  at(i: number): number {
    return this.rids[i]!;
  }

  push(rid: number): void {
    if (this.size === this.rids.length) {
      const grown = new Int32Array(this.rids.length * 2);
      grown.set(this.rids);
      this.rids = grown;
    }
    this.rids[this.size++] = rid;
  }

  /** The first `n` rids (all by default), sharing this list's buffer. */
  view(n = this.size): Int32Array {
    return this.rids.subarray(0, n);
  }

  /**
   * The rids for keeping after this list is done growing: the shared view when the buffer is
   * mostly used, else a copy of just the rids, so a kept lineage holds no more than a third spare.
   */
  final(): Int32Array {
    return this.size * 4 >= this.rids.length * 3 ? this.view() : this.rids.slice(0, this.size);
  }
}
