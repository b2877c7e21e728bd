/**
 * The batch view: the job (filter, key, window, aggregate) applied to every record of the
 * master dataset at once (SEMANTICS §6: "query = function(all data)"). A batch job sees the
 * whole input, so it needs no watermark and drops nothing as late; a record is in a window
 * because its event time says so. Window assignment is the one the truth uses
 * (`windowStartsFor` in run/query.ts), so a correct job over complete data equals the truth.
 *
 * Tumbling and sliding windows are a function of each record alone, so the view is a merge of
 * per-object partial aggregates; master-dataset objects are immutable, so a partial computed for
 * one job version can be reused by later runs of that version (the simulated run still reads,
 * and is charged for, every record). Sessions and `dedupe` need all records together.
 */
import type { Lineage, Rec } from '../core/record.js';
import { recField, ridsOf } from '../core/record.js';
import type { JobSpec, WindowSpec } from '../spec/schema/job.js';
import { windowStartsFor, type WindowValue } from '../run/query.js';

export interface ViewRow extends WindowValue {
  /** rids counted into the value, in chunks (a multiset: a rid stored twice counts twice). */
  readonly lineage: readonly Lineage[];
  /** Newest event time among the counted records. */
  readonly newestEventMs: number | null;
}

export interface ViewComputation {
  rows: ViewRow[];
  /** Records the job's `where` or a missing key left out. */
  filtered: Rec[];
}

interface Cell {
  key: string;
  start: number;
  end: number;
  sum: number;
  n: number;
  lineage: number[];
  newest: number | null;
}

/** Aggregates of one object (or any slice of records). */
export interface PartialView {
  readonly cells: readonly Cell[];
  readonly filtered: readonly Rec[];
}

/** Whether the view is a merge of per-object partials (see the header). */
export function mergeable(job: JobSpec): boolean {
  return job.window?.type !== 'session' && !job.dedupe;
}

type Keep = (rec: Rec) => boolean;

class CellTable {
  private readonly byKey = new Map<string, Map<number, Cell>>();
  readonly order: Cell[] = [];
  add(key: string, start: number, end: number, v: number, rids: Lineage | number, t: number): Cell {
    let perKey = this.byKey.get(key);
    if (!perKey) this.byKey.set(key, (perKey = new Map()));
    let c = perKey.get(start);
    if (!c) {
      perKey.set(start, (c = { key, start, end, sum: 0, n: 0, lineage: [], newest: null }));
      this.order.push(c);
    }
    addTo(c, v, rids, t);
    return c;
  }
}

function addTo(c: Cell, v: number, rids: Lineage | number, t: number): void {
  c.sum += v;
  c.n++;
  if (typeof rids === 'number') c.lineage.push(rids);
  else for (const rid of rids) c.lineage.push(rid);
  if (c.newest === null || t > c.newest) c.newest = t;
}

/** Per-record pass shared by both paths: filter, key, value; `emit` places the record. */
function scan(records: Iterable<Rec>, job: JobSpec, keyBy: string, keep: Keep, emit: (key: string, v: number, rec: Rec) => void): Rec[] {
  // One field at a time: a lazy record computes that field alone, not its whole map (text included).
  const keyPath = job['key-by'] ?? keyBy;
  const [aggKind, aggField] = job.aggregate.split(':') as [string, string | undefined];
  const idPath = job.dedupe?.field;
  // A batch job sees all data at once, so its distinct() is exact: no TTL can expire an id.
  const seenIds = new Set<string>();
  const filtered: Rec[] = [];
  for (const rec of records) {
    const keyValue = recField(rec, keyPath);
    if (keyValue === undefined || keyValue === null || typeof keyValue === 'object' || !keep(rec)) {
      filtered.push(rec);
      continue;
    }
    if (idPath !== undefined) {
      const id = recField(rec, idPath);
      if (typeof id === 'string' || typeof id === 'number') {
        if (seenIds.has(String(id))) continue;
        seenIds.add(String(id));
      }
    }
    const v = aggKind === 'count' ? 1 : Number(recField(rec, aggField ?? '') ?? 0);
    emit(String(keyValue), Number.isFinite(v) ? v : 0, rec);
  }
  return filtered;
}

/** Partial aggregates of `records` for a mergeable job (tumbling or sliding, no dedupe). */
export function partialView(records: Iterable<Rec>, job: JobSpec, keyBy: string, keep: Keep): PartialView {
  const table = new CellTable();
  const window = job.window;
  const filtered = scan(records, job, keyBy, keep, (key, v, rec) => {
    const t = rec.eventTimeMs;
    const rids = rec.rid >= 0 ? rec.rid : ridsOf(rec);
    if (!window || window.type === 'session') return;
    if (window.type === 'tumbling') {
      const start = t - (t % window.size);
      table.add(key, start, start + window.size, v, rids, t);
      return;
    }
    for (const start of windowStartsFor(window, t)) table.add(key, start, start + window.size, v, rids, t);
  });
  return { cells: table.order, filtered };
}

/** Merges partials into view rows (chunks of lineage are shared, not copied). */
export function mergeView(partials: Iterable<PartialView>, aggregate: string): ViewComputation {
  const avg = aggregate.startsWith('avg:');
  const rows = new Map<string, Map<number, { key: string; start: number; end: number; sum: number; n: number; lineage: number[][]; newest: number | null }>>();
  const filtered: Rec[] = [];
  for (const p of partials) {
    for (const rec of p.filtered) filtered.push(rec);
    for (const c of p.cells) {
      let perKey = rows.get(c.key);
      if (!perKey) rows.set(c.key, (perKey = new Map()));
      let r = perKey.get(c.start);
      if (!r) perKey.set(c.start, (r = { key: c.key, start: c.start, end: c.end, sum: 0, n: 0, lineage: [], newest: null }));
      r.sum += c.sum;
      r.n += c.n;
      r.end = Math.max(r.end, c.end);
      r.lineage.push(c.lineage);
      if (c.newest !== null && (r.newest === null || c.newest > r.newest)) r.newest = c.newest;
    }
  }
  const out: ViewRow[] = [];
  for (const perKey of rows.values()) {
    for (const r of perKey.values()) out.push({ key: r.key, windowStartMs: r.start, windowEndMs: r.end, value: avg ? r.sum / r.n : r.sum, lineage: r.lineage, newestEventMs: r.newest });
  }
  out.sort((a, b) => a.windowStartMs - b.windowStartMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { rows: out, filtered };
}

/** The whole view over `records` in one pass (any window type, `dedupe` included). */
export function computeView(records: Iterable<Rec>, job: JobSpec, keyBy: string, keep: Keep): ViewComputation {
  if (mergeable(job)) return mergeView([partialView(records, job, keyBy, keep)], job.aggregate);
  const window = job.window;
  const table = new CellTable();
  const sessions = new Map<string, { t: number; v: number; rids: Lineage }[]>();
  const filtered = scan(records, job, keyBy, keep, (key, v, rec) => {
    const t = rec.eventTimeMs;
    if (!window) return;
    if (window.type !== 'session') {
      for (const start of windowStartsFor(window, t)) table.add(key, start, start + window.size, v, ridsOf(rec), t);
      return;
    }
    let list = sessions.get(key);
    if (!list) sessions.set(key, (list = []));
    list.push({ t, v, rids: ridsOf(rec) });
  });
  if (window?.type === 'session') mergeSessions(table, sessions, window);
  return mergeView([{ cells: table.order, filtered }], job.aggregate);
}

/** Session windows per key: sorted by event time, a gap of inactivity ≥ `gap` starts a new session. */
function mergeSessions(table: CellTable, sessions: Map<string, { t: number; v: number; rids: Lineage }[]>, window: Extract<WindowSpec, { type: 'session' }>): void {
  for (const [key, list] of sessions) {
    list.sort((a, b) => a.t - b.t);
    let cell: Cell | undefined;
    for (const e of list) {
      if (!cell || e.t >= cell.end) cell = table.add(key, e.t, e.t + window.gap, e.v, e.rids, e.t);
      else addTo(cell, e.v, e.rids, e.t);
      cell.end = Math.max(cell.end, e.t + window.gap);
    }
  }
}
