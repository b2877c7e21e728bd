/**
 * Reads a speed-layer / stream-job output index back as view rows: window-result documents
 * (protocols: aggregate Recs with rid −1, `lineage`, fields { key, window: { start, end }, value })
 * summed per (key, window) as the ElasticsearchStore's `windowValues` does, but keeping the lineage
 * (for the architecture's ledger) and the newest event time counted (for freshness).
 */
import type { Lineage, Rec } from '../core/record.js';
import { readField } from '../core/record.js';
import type { ElasticsearchStore } from '../nodes/elasticsearch/store.js';
import type { WindowValue } from '../run/query.js';

export interface AnswerRow extends WindowValue {
  /** rids counted, as chunks (one per document) to avoid copying large lineages each sample. */
  readonly lineage: readonly Lineage[];
  /** Newest event time among the counted records, or null if none. */
  readonly newestEventMs: number | null;
}

/** Newest event time of a lineage, cached per document version (documents are immutable records). */
export class NewestCache {
  private readonly cache = new WeakMap<Rec, number | null>();
  constructor(private readonly eventTimeOf: (rid: number) => number) {}

  of(rec: Rec): number | null {
    let v = this.cache.get(rec);
    if (v === undefined) {
      v = null;
      for (const rid of rec.lineage ?? []) {
        const t = this.eventTimeOf(rid);
        if (v === null || t > v) v = t;
      }
      this.cache.set(rec, v);
    }
    return v;
  }
}

/** The window rows of `index` (empty if the store or index is missing). */
export function readAggregateIndex(store: ElasticsearchStore | undefined, index: string, newest: NewestCache): AnswerRow[] {
  if (!store) return [];
  const cells = new Map<string, { key: string; start: number; end: number; value: number; lineage: Lineage[]; newest: number | null }>();
  store.documents(index, (doc) => {
    const f = doc.record.fields;
    const key = readField(f, 'key');
    const start = readField(f, 'window.start');
    const end = readField(f, 'window.end');
    const value = readField(f, 'value');
    if (typeof start !== 'number' || typeof end !== 'number' || typeof value !== 'number' || key === undefined) return;
    const k = String(key);
    const id = `${k}\u0000${start}`;
    let c = cells.get(id);
    if (!c) cells.set(id, (c = { key: k, start, end, value: 0, lineage: [], newest: null }));
    c.value += value;
    if (doc.record.lineage) c.lineage.push(doc.record.lineage);
    const n = newest.of(doc.record);
    if (n !== null && (c.newest === null || n > c.newest)) c.newest = n;
  });
  const rows: AnswerRow[] = [];
  for (const c of cells.values()) rows.push({ key: c.key, windowStartMs: c.start, windowEndMs: c.end, value: c.value, lineage: c.lineage, newestEventMs: c.newest });
  return rows;
}

/** Remembers one value per simulation step (same time, no event processed since). */
export class StepMemo<T> {
  private at = -1;
  private events = -1;
  private value: T | undefined;

  get(sim: { readonly now: number; readonly events: number }, compute: () => T): T {
    if (this.value === undefined || sim.now !== this.at || sim.events !== this.events) {
      this.value = compute();
      this.at = sim.now;
      this.events = sim.events;
    }
    return this.value;
  }
}
