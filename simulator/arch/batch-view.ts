/**
 * The batch view: the job (filter, key, window, aggregate) applied to every record of the
 * master dataset at once (SEMANTICS §6: "query = function(all data)"). A batch job sees the
 * whole input, so it needs no watermark and drops nothing as late; a record is in a window
 * because its event time says so. Window assignment is the one the truth uses
 * (`windowStartsFor` in run/query.ts), so a correct job over complete data equals the truth.
 */
import type { Rec } from '../core/record.js';
import { readField, ridsOf } from '../core/record.js';
import type { JobSpec, WindowSpec } from '../spec/schema/job.js';
import { windowStartsFor, type WindowValue } from '../run/query.js';

export interface ViewRow extends WindowValue {
  /** rids counted into the value (a multiset: a rid stored twice in the dataset counts twice). */
  readonly lineage: readonly number[];
  /** Newest event time among the counted records. */
  readonly newestEventMs: number | null;
}

export interface ViewComputation {
  rows: ViewRow[];
  /** Records the job read (all of them: a batch job reads everything it covers). */
  read: number;
  /** Records the job's `where` or a missing key left out. */
  filtered: Rec[];
  /** Largest event time counted in some row, or null. */
  newestEventMs: number | null;
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

/**
 * Computes the view over `records` in the order given (the object listing order).
 * `keep` evaluates the job's `where`; `keyBy` is the job's `key-by` or the workload key.
 */
export function computeView(records: Iterable<Rec>, job: JobSpec, keyBy: string, keep: (rec: Rec) => boolean): ViewComputation {
  const window = job.window;
  const [aggKind, aggField] = job.aggregate.split(':') as [string, string | undefined];
  const cells = new Map<string, Cell>();
  const filtered: Rec[] = [];
  const seenIds = job.dedupe ? new Set<string>() : undefined;
  const sessions = new Map<string, { t: number; v: number; rids: readonly number[] }[]>();
  let read = 0;
  let newest: number | null = null;
  for (const rec of records) {
    read++;
    if (!keep(rec)) {
      filtered.push(rec);
      continue;
    }
    const keyValue = readField(rec.fields, keyBy);
    if (keyValue === undefined || keyValue === null || typeof keyValue === 'object') {
      filtered.push(rec);
      continue;
    }
    if (seenIds) {
      // A batch job sees all data at once, so its distinct() is exact: no TTL can expire an id.
      const id = readField(rec.fields, job.dedupe!.field);
      if (typeof id === 'string' || typeof id === 'number') {
        const s = String(id);
        if (seenIds.has(s)) continue;
        seenIds.add(s);
      }
    }
    const key = String(keyValue);
    const v = aggKind === 'count' ? 1 : Number(readField(rec.fields, aggField ?? '') ?? 0);
    const t = rec.eventTimeMs;
    if (!window) continue;
    if (window.type === 'session') {
      let list = sessions.get(key);
      if (!list) sessions.set(key, (list = []));
      list.push({ t, v, rids: ridsOf(rec) });
      continue;
    }
    for (const start of windowStartsFor(window, t)) {
      addTo(cells, key, start, start + window.size, v, ridsOf(rec), t);
    }
    if (newest === null || t > newest) newest = t;
  }
  if (window?.type === 'session') newest = mergeSessions(cells, sessions, window);
  const rows: ViewRow[] = [];
  for (const c of cells.values()) {
    rows.push({ key: c.key, windowStartMs: c.start, windowEndMs: c.end, value: aggKind === 'avg' ? c.sum / c.n : c.sum, lineage: c.lineage, newestEventMs: c.newest });
  }
  rows.sort((a, b) => a.windowStartMs - b.windowStartMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { rows, read, filtered, newestEventMs: newest };
}

function addTo(cells: Map<string, Cell>, key: string, start: number, end: number, v: number, rids: readonly number[], t: number): Cell {
  const id = `${key}\u0000${start}`;
  let c = cells.get(id);
  if (!c) cells.set(id, (c = { key, start, end, sum: 0, n: 0, lineage: [], newest: null }));
  add(c, v, rids, t);
  return c;
}

function add(c: Cell, v: number, rids: readonly number[], t: number): void {
  c.sum += v;
  c.n++;
  for (const rid of rids) c.lineage.push(rid);
  if (c.newest === null || t > c.newest) c.newest = t;
}

/** Session windows per key: sorted by event time, a gap of inactivity ≥ `gap` starts a new session. */
function mergeSessions(
  cells: Map<string, Cell>,
  sessions: Map<string, { t: number; v: number; rids: readonly number[] }[]>,
  window: Extract<WindowSpec, { type: 'session' }>,
): number | null {
  let newest: number | null = null;
  for (const [key, list] of sessions) {
    list.sort((a, b) => a.t - b.t);
    let cell: Cell | undefined;
    for (const e of list) {
      if (!cell || e.t >= cell.end) cell = addTo(cells, key, e.t, e.t + window.gap, e.v, e.rids, e.t);
      else add(cell, e.v, e.rids, e.t);
      cell.end = Math.max(cell.end, e.t + window.gap);
      if (newest === null || e.t > newest) newest = e.t;
    }
  }
  return newest;
}
