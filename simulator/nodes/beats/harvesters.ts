/**
 * One harvester per log file, reading line by line (SEMANTICS §1 [FB1]).
 *
 * A harvester reads whatever its file holds now, up to the free space of the queue
 * (backpressure: a full `queue.mem.events` stalls reading [FB3]). Reading follows the
 * file through rotation (FileSegments): it finishes the renamed file, then moves on to
 * the new live file once a scan has found it. Lines of a rotated file that was deleted
 * while no harvester had it open are lost — noted at the moment of deletion.
 */
import type { Ledger } from '../../ledger/ledger.js';
import type { Workload } from '../../workload/workload.js';
import type { FileSegments } from './rotation.js';
import type { Registry } from './registry.js';

export class Harvesters {
  /** Next line each harvester reads (volatile: rebuilt from the registry on restart). */
  readonly offset: number[];
  /** Segment each harvester has open, -1 when none (after a crash every handle is closed). */
  private readonly open: number[];
  /** Segments [0, deletedBelow) of each file no longer exist on disk. */
  private readonly deletedBelow: number[];
  /** Highest line ever handed to the queue, per file (ledger bookkeeping: a re-read below it is a copy). */
  readonly readHighWater: number[];
  /**
   * Per file, the line ranges [from, to) noted lost when their segment was deleted. A harvester that
   * later skips over them destroys no further copy, so they are not counted again.
   */
  private readonly notedGone: [number, number][][];
  lastStartMs = 0;
  linesRead = 0;
  linesLostToRotation = 0;

  constructor(
    private readonly workload: Workload,
    private readonly segments: FileSegments,
    private readonly ledger: Ledger,
    private readonly where: string,
  ) {
    const n = workload.files;
    this.offset = new Array<number>(n).fill(0);
    this.open = new Array<number>(n).fill(0);
    this.deletedBelow = new Array<number>(n).fill(0);
    this.readHighWater = new Array<number>(n).fill(0);
    this.notedGone = Array.from({ length: n }, () => []);
  }

  /**
   * Reads up to `budget` lines across files, sharing the budget so no file starves,
   * and hands each (file, line) to `emit`. Returns how many lines were read.
   */
  read(nowMs: number, budget: number, emit: (file: number, line: number, readBefore: boolean) => void): number {
    const files = this.workload.files;
    // A line below the high-water mark was read before a crash and may already have been shipped.
    const before = [...this.readHighWater];
    if (files === 1) return this.readAll(nowMs, budget, (f, l) => emit(f, l, l < before[f]!));
    // Harvesters run side by side; lines enter the queue in the order they were written.
    // rids are distinct integers: a typed-array sort orders them numerically without a comparator call per pair.
    // Int32, not Float64: a rid read from a Float64Array is a double, and one double stored in a record's
    // `rid` makes V8 keep that field boxed (a 16-byte heap number more) in every record from then on.
    // Sized by the budget (a queue's free slots) when that is finite, so no list grows and is copied.
    const got = Number.isInteger(budget) && budget >= 0 && budget <= 1 << 20 ? new Int32Array(budget) : null;
    const grown: number[] = [];
    let filled = 0;
    const n = this.readAll(nowMs, budget, (f, l) => {
      if (got) got[filled++] = this.workload.ridOf(f, l);
      else grown.push(this.workload.ridOf(f, l));
    });
    const rids = got ? got.subarray(0, filled).sort() : Int32Array.from(grown).sort();
    for (let i = 0; i < rids.length; i++) {
      const rid = rids[i]!;
      const f = this.workload.fileOf(rid);
      const l = this.workload.lineOf(rid);
      emit(f, l, l < before[f]!);
    }
    return n;
  }

  private readAll(nowMs: number, budget: number, emit: (file: number, line: number) => void): number {
    const files = this.workload.files;
    let total = 0;
    let progress = true;
    while (budget > 0 && progress) {
      progress = false;
      const share = Math.max(1, Math.ceil(budget / files));
      for (let f = 0; f < files && budget > 0; f++) {
        const n = this.readFile(f, nowMs, Math.min(share, budget), emit);
        if (n > 0) progress = true;
        budget -= n;
        total += n;
      }
    }
    this.linesRead += total;
    return total;
  }

  private readFile(f: number, nowMs: number, budget: number, emit: (file: number, line: number) => void): number {
    let read = 0;
    while (read < budget) {
      const line = this.offset[f]!;
      const written = this.workload.linesWrittenBy(f, nowMs);
      const seg = this.open[f]!;
      if (seg < 0 || line >= this.segments.firstLine(f, seg + 1) && this.segments.rotatedAtMs(seg) <= nowMs) {
        // Current file done (or no handle): open the segment that holds the next line.
        if (!this.openNext(f, nowMs)) break;
        continue;
      }
      const end = Math.min(written, this.segments.rotatedAtMs(seg) <= nowMs ? this.segments.firstLine(f, seg + 1) : written, line + (budget - read));
      for (let l = line; l < end; l++) emit(f, l);
      read += Math.max(0, end - line);
      this.offset[f] = Math.max(line, end);
      if (end > this.readHighWater[f]!) this.readHighWater[f] = end;
      if (end <= line) break;
    }
    return read;
  }

  /** Opens the segment containing the next line, skipping deleted ones; false if it is not readable yet. */
  private openNext(f: number, nowMs: number): boolean {
    const line = this.offset[f]!;
    if (line >= this.workload.linesInFile(f) && this.workload.linesWrittenBy(f, nowMs) >= this.workload.linesInFile(f)) return false;
    let seg = this.segments.segmentOf(f, line);
    if (seg < this.deletedBelow[f]!) {
      this.loseUntil(f, this.segments.firstLine(f, this.deletedBelow[f]!), 'rotated away before read');
      seg = this.deletedBelow[f]!;
    }
    if (this.segments.discoveredAtMs(seg, this.lastStartMs) > nowMs) return false;
    if (seg === this.open[f]) return false;
    this.open[f] = seg;
    return true;
  }

  /** Lines [offset, to) will never be read: they are gone with their file. */
  private loseUntil(f: number, to: number, why: string): void {
    const from = this.offset[f]!;
    for (let l = from; l < to; l++) if (!this.wasNotedGone(f, l)) this.ledger.noteLoss(this.workload.ridOf(f, l), this.where, why);
    if (to > from) {
      this.linesLostToRotation += to - from;
      this.onSkip?.(f, from, to);
      this.offset[f] = to;
    }
  }

  /** Called for lines skipped for good (the registry jumps over them). */
  onSkip?: (file: number, from: number, to: number) => void;

  /**
   * Segment k of every file has just been deleted. Lines of it that no open harvester
   * can still read are gone: with the process down, from the flushed registry offset on.
   */
  segmentDeleted(k: number, up: boolean, registry: Registry): void {
    for (let f = 0; f < this.workload.files; f++) {
      this.deletedBelow[f] = Math.max(this.deletedBelow[f]!, k + 1);
      if (up && this.open[f] === k) continue;
      const start = up ? this.offset[f]! : registry.flushedOffset(f);
      const from = Math.max(start, this.segments.firstLine(f, k));
      const to = this.segments.firstLine(f, k + 1);
      // Each segment is deleted once, so none of these lines has been noted yet.
      for (let l = from; l < to; l++) this.ledger.noteLoss(this.workload.ridOf(f, l), this.where, 'rotated away before read');
      if (to > from) this.noteGone(f, from, to);
    }
  }

  private noteGone(f: number, from: number, to: number): void {
    const ranges = this.notedGone[f]!;
    const last = ranges[ranges.length - 1];
    // Segments go in order, so a new range usually continues the last one.
    if (last && last[1] === from) last[1] = to;
    else ranges.push([from, to]);
  }

  private wasNotedGone(f: number, line: number): boolean {
    for (const [from, to] of this.notedGone[f]!) if (line >= from && line < to) return true;
    return false;
  }

  /** Files a harvester holds open now (harvester.open_files). */
  openFiles(): number {
    let n = 0;
    for (const seg of this.open) if (seg >= 0) n++;
    return n;
  }

  /** After a crash: every handle is closed; reading resumes at the flushed registry offsets [FB1]. */
  restart(nowMs: number, registry: Registry): void {
    this.lastStartMs = nowMs;
    for (let f = 0; f < this.workload.files; f++) {
      this.offset[f] = registry.flushedOffset(f);
      this.open[f] = -1;
    }
  }

  crash(): void {
    this.open.fill(-1);
  }

  /** Lines still to be read that will be read: from `start` per file, minus deleted segments not held open. */
  visitUnread(up: boolean, registry: Registry, visit: (rid: number) => void): void {
    for (let f = 0; f < this.workload.files; f++) {
      let from = up ? this.offset[f]! : registry.flushedOffset(f);
      const end = this.workload.linesInFile(f);
      const liveFrom = this.segments.firstLine(f, this.deletedBelow[f]!);
      if (from < liveFrom) {
        const openSeg = up ? this.open[f]! : -1;
        const keepTo = openSeg >= 0 && openSeg < this.deletedBelow[f]! ? this.segments.firstLine(f, openSeg + 1) : from;
        for (let l = from; l < Math.min(keepTo, liveFrom); l++) visit(this.workload.ridOf(f, l));
        from = liveFrom;
      }
      for (let l = from; l < end; l++) visit(this.workload.ridOf(f, l));
    }
  }

  /** Whether every line of every file has been read. */
  allRead(): boolean {
    for (let f = 0; f < this.workload.files; f++) if (this.offset[f]! < this.workload.linesInFile(f)) return false;
    return true;
  }
}
