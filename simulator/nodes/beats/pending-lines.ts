/**
 * Filebeat's queue of lines read but not yet in a batch, kept as their rids and the read each came
 * from; a batch is cut from it as the same numbers (a ShippedBatch), and an event is made only when
 * something reads one. A queue that holds thousands of lines for a second of simulated time then
 * holds numbers the garbage collector does not trace, not objects it copies and tracks from the old
 * generation.
 */
import { ShippedBatch, type ReadStamp } from './shipped-line.js';
import { scratchInt32 } from '../../core/column-arena.js';

export class PendingLines {
  private rids: number[] = [];
  /** Read k's lines start at `runStarts[k]` in `rids`; one run per read, in order. */
  private runStarts: number[] = [];
  private runReads: ReadStamp[] = [];
  /** Lines before this one are in batches. */
  private head = 0;

  get available(): number {
    return this.rids.length - this.head;
  }

  push(rid: number, read: ReadStamp): void {
    if (this.runReads[this.runReads.length - 1] !== read) {
      this.runStarts.push(this.rids.length);
      this.runReads.push(read);
    }
    this.rids.push(rid);
  }

  /** The events of the next `n` lines, oldest first, each with the `@timestamp` and incarnation of its read. */
  take(n: number): ShippedBatch {
    const rids = scratchInt32(n);
    const runStarts: number[] = [];
    const runReads: ReadStamp[] = [];
    let k = this.runOf(this.head);
    for (let i = 0; i < n; i++) {
      const at = this.head + i;
      while (k + 1 < this.runStarts.length && this.runStarts[k + 1]! <= at) k++;
      rids[i] = this.rids[at]!;
      if (runReads[runReads.length - 1] !== this.runReads[k]) {
        runStarts.push(i);
        runReads.push(this.runReads[k]!);
      }
    }
    this.head += n;
    if (this.head > 4096 && this.head * 2 > this.rids.length) this.compact();
    return new ShippedBatch(rids, runStarts, runReads);
  }

  visit(visit: (rid: number) => void): void {
    for (let i = this.head; i < this.rids.length; i++) visit(this.rids[i]!);
  }

  clear(): void {
    this.rids = [];
    this.runStarts = [];
    this.runReads = [];
    this.head = 0;
  }

  /** The run holding line `at`. */
  private runOf(at: number): number {
    let k = this.runStarts.length - 1;
    while (k > 0 && this.runStarts[k]! > at) k--;
    return k;
  }

  /** Forgets the lines already in batches (and the reads only they came from). */
  private compact(): void {
    const first = this.runOf(this.head);
    this.runStarts = this.runStarts.slice(first).map((start) => Math.max(0, start - this.head));
    this.runReads = this.runReads.slice(first);
    this.rids = this.rids.slice(this.head);
    this.head = 0;
  }
}
