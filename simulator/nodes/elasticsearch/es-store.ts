/** The ElasticsearchStore readers use (serving views, the query, the terminal's `curl`). */
import type { WindowValue } from '../../run/query.js';
import type { FieldValue } from '../../core/record.js';
import type { ElasticsearchNode } from './node.js';
import type { ElasticsearchStore } from './store.js';

export function createStore(node: ElasticsearchNode): ElasticsearchStore {
  return {
    indices: () => [...node.indexes.keys()],
    documentCount: (index) => node.indexes.get(index)?.size ?? 0,
    newestEventMs: (index) => node.indexes.get(index)?.newestEventMs ?? null,
    getDocument: (index, id) => node.indexes.get(index)?.get(id),
    documents: (index, visit) => node.indexes.get(index)?.forEach(visit),
    windowValues: (index) => {
      // Summed over documents of the same (key, window): with auto ids a replayed window
      // result is a second document, and a reader summing them over-counts (SEMANTICS §8.11).
      const sums = new Map<string, WindowValue>();
      node.indexes.get(index)?.forEach((doc) => {
        const f = doc.record.fields;
        const w = f['window'];
        if (!isWindow(w) || typeof f['value'] !== 'number') return;
        const key = String(f['key']);
        const cell = `${key}\u0000${w.start}`;
        const prev = sums.get(cell);
        if (prev) prev.value += f['value'];
        else sums.set(cell, { key, windowStartMs: w.start, windowEndMs: w.end, value: f['value'] });
      });
      return [...sums.values()];
    },
  };
}

function isWindow(w: FieldValue | undefined): w is { start: number; end: number } {
  return w !== null && typeof w === 'object' && !Array.isArray(w) && typeof (w as { start?: unknown }).start === 'number' && typeof (w as { end?: unknown }).end === 'number';
}
