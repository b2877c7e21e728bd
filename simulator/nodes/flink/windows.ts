/**
 * Keyed event-time windows (SEMANTICS §4 "Event time", Flink's WindowOperator).
 *
 * - Assignment: tumbling [t − t mod size, +size); sliding: every window of `size` starting on a
 *   multiple of `slide` that contains t; session: [t, t + gap), merged with every session of the
 *   key it intersects (TimeWindow.intersects: start ≤ other.end and end ≥ other.start).
 * - A window fires when the watermark reaches end − 1 (EventTimeTrigger) and its state is purged
 *   when the watermark reaches end − 1 + allowed-lateness. A record for a window that already
 *   fired but is not purged re-fires it (an update downstream). A record whose windows are all
 *   purged is late: dropped (counted as numLateRecordsDropped) or sent to the side output.
 * - Results are aggregate records: rid −1, lineage = the rids counted, fields { key, window, value }.
 *   `emitted` says how many of a cell's lineage went out with its last firing, so a re-firing can
 *   tell which records it repeats (kept first in the lineage, also across session merges).
 */
import type { Rec } from '../../core/record.js';
import { RidList } from '../../core/rid-list.js';
import type { WindowSpec } from '../../spec/schema/job.js';

export interface WindowCell {
  key: string;
  start: number;
  end: number;
  sum: number;
  n: number;
  lineage: RidList;
  fired: boolean;
  /** lineage[0 … emitted) were in the result of an earlier firing: a new result repeats them. */
  emitted: number;
}

/**
 * A window cell as a checkpoint keeps it: the cell's values, and its lineage as it was then. A live
 * cell only ever appends to its lineage (a session merge makes a new list), so the snapshot is a
 * view of the live list's first rids (RidList.view), not a copy of tens of thousands of rids per
 * window at every checkpoint.
 */
export interface StoredWindowCell {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly sum: number;
  readonly n: number;
  readonly lineage: Int32Array;
  readonly fired: boolean;
  readonly emitted: number;
}

/** Visits the rids a stored cell held when it was stored. */
export function visitStoredLineage(cell: StoredWindowCell, visit: (rid: number) => void): void {
  const lineage = cell.lineage;
  for (let i = 0; i < lineage.length; i++) visit(lineage[i]!);
}

export type Aggregate = { kind: 'count' } | { kind: 'sum' | 'avg'; field: string };

export function parseAggregate(text: string): Aggregate {
  if (text === 'count') return { kind: 'count' };
  const [kind, field] = text.split(':') as [string, string];
  return { kind: kind === 'avg' ? 'avg' : 'sum', field };
}

/** What a record adds to a window: 1 for count, the numeric field otherwise. */
export function contribution(agg: Aggregate, value: unknown): number {
  if (agg.kind === 'count') return 1;
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

/**
 * The result record of a firing. Its lineage is a view of the cell's (appending later does not
 * change it). `last`: the cell is purged as it fires and gets no more records, so the lineage is
 * trimmed for keeping (RidList.final).
 */
export function windowResult(agg: Aggregate, cell: WindowCell, last = false): Rec {
  const value = agg.kind === 'avg' ? (cell.n > 0 ? cell.sum / cell.n : 0) : cell.sum;
  return {
    rid: -1,
    id: `${agg.kind}:${cell.key}@${cell.start}`,
    eventTimeMs: cell.end - 1,
    fields: { key: cell.key, window: { start: cell.start, end: cell.end }, value },
    lineage: last ? cell.lineage.final() : cell.lineage.view(),
  };
}

/** Outcome of adding one record: the number of windows it was added to (0: late; above 1: overlapping sliding windows). */
export type AddOutcome = number;

export class KeyedWindows {
  /** key → its windows; tumbling/sliding keep one cell per start, sessions a merged list. */
  private byKey = new Map<string, WindowCell[]>();
  private readonly gap: number;

  constructor(
    private readonly window: WindowSpec,
    private readonly lateness: number,
  ) {
    this.gap = window.type === 'session' ? window.gap : 0;
  }

  /** Number of open window cells (the "window state size" in inspection). */
  size(): number {
    let n = 0;
    for (const cells of this.byKey.values()) n += cells.length;
    return n;
  }

  /** The key of every open cell, once per cell (the per-subtask state view). */
  *cellKeys(): Generator<string> {
    for (const [key, cells] of this.byKey) for (let i = 0; i < cells.length; i++) yield key;
  }

  private isWindowLate(end: number, watermark: number): boolean {
    return end - 1 + this.lateness <= watermark;
  }

  /**
   * Adds a record (value already computed) at event time t. Windows the watermark has passed
   * re-fire at once through `fire` (allowed lateness); a record with only purged windows is late.
   */
  add(key: string, t: number, rid: number, v: number, watermark: number, fire: (cell: WindowCell) => void): AddOutcome {
    let cells = this.byKey.get(key);
    if (!cells) this.byKey.set(key, (cells = []));
    if (this.window.type === 'session') return this.addSession(cells, key, t, rid, v, watermark, fire);
    const size = this.window.size;
    const slide = this.window.type === 'sliding' ? this.window.slide : size;
    let added = 0;
    const last = t - (((t % slide) + slide) % slide);
    for (let start = last; start > t - size; start -= slide) {
      if (start < 0) break;
      const end = start + size;
      if (this.isWindowLate(end, watermark)) continue;
      let cell = cellAt(cells, start);
      if (!cell) {
        cell = { key, start, end, sum: 0, n: 0, lineage: new RidList(), fired: false, emitted: 0 };
        cells.push(cell);
      }
      cell.sum += v;
      cell.n++;
      cell.lineage.push(rid);
      added++;
      // EventTimeTrigger.onElement: a window already behind the watermark fires now, and registers
      // no timer, so the watermark's next advance does not fire it again.
      if (end - 1 <= watermark) {
        cell.fired = true;
        fire(cell);
      }
      // Below the watermark the EventTimeTrigger registers a timer at the window's end again, so a
      // window that already fired fires once more when the watermark passes it. That happens after a
      // restore: timers come back with the state, but the watermark starts over from the beginning.
      else cell.fired = false;
    }
    return added;
  }

  private addSession(cells: WindowCell[], key: string, t: number, rid: number, v: number, watermark: number, fire: (cell: WindowCell) => void): AddOutcome {
    let start = t;
    let end = t + this.gap;
    const merged: WindowCell[] = [];
    for (const c of cells) if (c.start <= end && c.end >= start) merged.push(c);
    for (const c of merged) {
      start = Math.min(start, c.start);
      end = Math.max(end, c.end);
    }
    if (this.isWindowLate(end, watermark)) {
      if (cells.length === 0) this.byKey.delete(key);
      return 0;
    }
    // The merged session's lineage keeps the records earlier firings emitted first, then the rest.
    const cell: WindowCell = { key, start, end, sum: v, n: 1, lineage: new RidList(), fired: false, emitted: 0 };
    for (const c of merged) {
      cell.sum += c.sum;
      cell.n += c.n;
      for (let i = 0; i < c.emitted; i++) cell.lineage.push(c.lineage.at(i));
      cell.emitted += c.emitted;
    }
    for (const c of merged) for (let i = c.emitted; i < c.lineage.length; i++) cell.lineage.push(c.lineage.at(i));
    cell.lineage.push(rid);
    const kept = cells.filter((c) => !merged.includes(c));
    kept.push(cell);
    kept.sort((a, b) => a.start - b.start);
    this.byKey.set(key, kept);
    // MergingWindowSet: the merged window gets the trigger's timer at its own end. Behind the
    // watermark it fires now; else when the watermark gets there, even if a merged part had fired.
    if (end - 1 <= watermark) {
      cell.fired = true;
      fire(cell);
    }
    return 1;
  }

  /**
   * The watermark advanced: fire windows that reached end − 1, purge those past their lateness.
   * `fire` is told when the cell it fires is purged at once (no allowed lateness left): its last firing.
   */
  advance(watermark: number, fire: (cell: WindowCell, last: boolean) => void): void {
    for (const [key, cells] of this.byKey) {
      let purge = false;
      for (const c of cells) {
        const late = this.isWindowLate(c.end, watermark);
        if (!c.fired && c.end - 1 <= watermark) {
          c.fired = true;
          fire(c, late);
        }
        if (late) purge = true;
      }
      if (purge) {
        const kept = cells.filter((c) => !this.isWindowLate(c.end, watermark));
        if (kept.length === 0) this.byKey.delete(key);
        else this.byKey.set(key, kept);
      }
    }
  }

  /** Records still to be emitted: those in windows that have not fired yet. */
  heldRecords(visit: (rid: number) => void): void {
    for (const cells of this.byKey.values()) for (const c of cells) if (!c.fired) for (let i = 0; i < c.lineage.length; i++) visit(c.lineage.at(i));
  }

  /**
   * Every rid a window holds but has not emitted yet (lineage past `emitted`), once per window that
   * holds it: after a restore, what the restored state is still to write (see FlinkSink.restoredUnemitted).
   */
  unemitted(visit: (rid: number) => void): void {
    for (const cells of this.byKey.values()) for (const c of cells) for (let i = c.emitted; i < c.lineage.length; i++) visit(c.lineage.at(i));
  }

  /** Every rid in window state (fired or not): what a crash wipes. */
  allRecords(visit: (rid: number) => void): void {
    for (const cells of this.byKey.values()) for (const c of cells) for (let i = 0; i < c.lineage.length; i++) visit(c.lineage.at(i));
  }

  snapshot(): StoredWindowCell[] {
    const out: StoredWindowCell[] = [];
    for (const cells of this.byKey.values()) {
      for (const c of cells) out.push({ key: c.key, start: c.start, end: c.end, sum: c.sum, n: c.n, lineage: c.lineage.view(), fired: c.fired, emitted: c.emitted });
    }
    return out;
  }

  /** Live cells again from stored ones, each with a lineage of its own (the stored one may be restored again). */
  restore(cells: readonly StoredWindowCell[]): void {
    this.byKey = new Map();
    for (const c of cells) {
      let list = this.byKey.get(c.key);
      if (!list) this.byKey.set(c.key, (list = []));
      list.push({ key: c.key, start: c.start, end: c.end, sum: c.sum, n: c.n, lineage: RidList.of(c.lineage), fired: c.fired, emitted: c.emitted });
    }
  }
}

/** The key's window starting at `start` (a plain loop: this runs once per record and window). */
function cellAt(cells: readonly WindowCell[], start: number): WindowCell | undefined {
  for (const c of cells) if (c.start === start) return c;
  return undefined;
}
