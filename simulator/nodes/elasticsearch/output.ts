/**
 * What the ledger reads from Elasticsearch: every rid counts once per document whose
 * current version contains it (SEMANTICS §7: duplicates are extra documents; an overwrite
 * with the same `_id` is an absorbed duplicate, reported as `versionsAbove1`). For an
 * aggregate document each rid of its lineage counts, as often as the lineage lists it.
 */
import type { OutputNode } from '../../core/node.js';
import { RidSet } from '../../core/rid-set.js';
import type { ElasticsearchNode } from './node.js';
import type { IndexDocuments } from './documents.js';

export class EsOutput implements OutputNode {
  constructor(
    private readonly node: ElasticsearchNode,
    /** One index, or undefined for all of them together. */
    private readonly index: string | undefined,
  ) {}

  private indexes(): IndexDocuments[] {
    if (this.index === undefined) return [...this.node.indexes.values()];
    const idx = this.node.indexes.get(this.index);
    return idx ? [idx] : [];
  }

  /**
   * For one index: how many times each rid counts in it. For the whole node: the most any one
   * index counts it. Two indices answering different questions from the same records (raw lines
   * and window counts, or Kappa's old and rebuilt index) each hold a record once — that is not a
   * duplicate; a record twice in any one index is. The per-index outputs give the detail.
   */
  countRecords(counts: Uint32Array): void {
    const indexes = this.indexes();
    if (indexes.length === 1 || this.index !== undefined) {
      for (const idx of indexes) countInto(idx, counts);
      return;
    }
    const one = new Uint32Array(counts.length);
    for (const idx of indexes) {
      one.fill(0);
      countInto(idx, one);
      for (let rid = 0; rid < counts.length; rid++) if (one[rid]! > counts[rid]!) counts[rid] = one[rid]!;
    }
  }

  /** End-to-end latency to a search of any index (the node's output only: one recorder per node). */
  latency() {
    return this.index === undefined ? this.node.visibility?.summary() : undefined;
  }

  arrivalOrder(): Iterable<number> {
    if (this.index === undefined) return this.node.arrivals;
    // Per index: the first arrival order of the rids this index holds now.
    const here = new RidSet();
    for (const idx of this.indexes()) {
      idx.forEachSourceRid((rid) => {
        if (rid >= 0) here.add(rid);
      });
    }
    return this.node.arrivals.filter((rid) => here.has(rid));
  }

  outputStats(): Record<string, number> {
    let documents = 0;
    let versionsAbove1 = 0;
    for (const idx of this.indexes()) {
      documents += idx.size;
      versionsAbove1 += idx.versionsAbove1();
    }
    return { documents, versionsAbove1 };
  }
}

function countInto(idx: IndexDocuments, counts: Uint32Array): void {
  idx.forEachSourceRid((rid) => {
    if (rid >= 0 && rid < counts.length) counts[rid]!++;
  });
}
