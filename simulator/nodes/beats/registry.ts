/**
 * Filebeat's registry (SEMANTICS §1): per file, the offset up to which every event has
 * been acknowledged by the output. It advances only on ACK, only over a contiguous
 * prefix (an ACK for a later batch cannot move it past an earlier un-ACKed one), and it
 * reaches disk only every `filebeat.registry.flush` [FB2]. After a crash Filebeat resumes
 * from the flushed offsets, so whatever was ACKed after the last flush is sent again.
 */
import { RidSet } from '../../core/rid-set.js';

export class Registry {
  /** In memory: lines [0, acked) are ACKed. Volatile. */
  private readonly acked: number[];
  /**
   * ACKed lines beyond the prefix, waiting for the gap before them to close: a bit per line (a lossy
   * link ACKs a million lines out of order; a hash set entry each, added and deleted, was the cost).
   * Bits the prefix has passed are never read again; a reload from disk starts a fresh map.
   */
  private readonly ackedAhead: RidSet[];
  /** How many lines of `ackedAhead` the prefix has not reached yet. */
  private readonly aheadCount: number[];
  /** Lines that will never be read (their rotated file was deleted): the prefix jumps them. */
  private readonly skips: Map<number, number>[];
  /** On disk. Survives crashes. */
  private readonly flushed: number[];
  flushes = 0;

  constructor(files: number) {
    this.acked = new Array<number>(files).fill(0);
    this.flushed = new Array<number>(files).fill(0);
    this.ackedAhead = Array.from({ length: files }, () => new RidSet());
    this.aheadCount = new Array<number>(files).fill(0);
    this.skips = Array.from({ length: files }, () => new Map<number, number>());
  }

  ack(file: number, line: number): void {
    const prefix = this.acked[file]!;
    if (line < prefix) return;
    if (line === prefix) {
      // The usual case, ACKs in order: extend the prefix without a round trip through the set
      // (adding and deleting a million lines made the set rehash, and that was garbage).
      this.acked[file] = prefix + 1;
      if (this.aheadCount[file]! > 0 || this.skips[file]!.size > 0) this.advance(file);
      return;
    }
    if (this.ackedAhead[file]!.add(line)) this.aheadCount[file]!++;
    this.advance(file);
  }

  /** Lines [from, to) are gone; the offset may pass over them. */
  skip(file: number, from: number, to: number): void {
    const start = Math.max(from, this.acked[file]!);
    if (to <= start) return;
    this.skips[file]!.set(start, to);
    this.advance(file);
  }

  private advance(file: number): void {
    const ahead = this.ackedAhead[file]!;
    const skips = this.skips[file]!;
    let p = this.acked[file]!;
    for (;;) {
      if (ahead.has(p)) {
        p++;
        this.aheadCount[file]!--;
      } else if (skips.has(p)) {
        const to = skips.get(p)!;
        skips.delete(p);
        p = Math.max(p, to);
      } else break;
    }
    this.acked[file] = p;
  }

  ackedOffset(file: number): number {
    return this.acked[file]!;
  }

  flushedOffset(file: number): number {
    return this.flushed[file]!;
  }

  /** Writes the in-memory offsets to disk (the periodic registry flush). */
  flush(): void {
    for (let f = 0; f < this.acked.length; f++) this.flushed[f] = this.acked[f]!;
    this.flushes++;
  }

  /** After a crash: memory is rebuilt from disk. */
  reloadFromDisk(): void {
    for (let f = 0; f < this.acked.length; f++) {
      this.acked[f] = this.flushed[f]!;
      this.ackedAhead[f] = new RidSet();
      this.aheadCount[f] = 0;
      this.skips[f]!.clear();
    }
  }
}
