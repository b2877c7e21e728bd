/**
 * What the ledger reads from Elasticsearch: every rid counts once per document whose
 * current version contains it (SEMANTICS §7: duplicates are extra documents; an overwrite
 * with the same `_id` is an absorbed duplicate, reported as `versionsAbove1`). For an
 * aggregate document each rid of its lineage counts, as often as the lineage lists it.
 */
import type { OutputNode } from '../../core/node.js';
import { ridsOf } from '../../core/record.js';
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

  countRecords(counts: Uint32Array): void {
    for (const idx of this.indexes()) {
      idx.forEach((doc) => {
        for (const rid of ridsOf(doc.record)) if (rid >= 0 && rid < counts.length) counts[rid]!++;
      });
    }
  }

  arrivalOrder(): Iterable<number> {
    if (this.index === undefined) return this.node.arrivals;
    // Per index: the first arrival order of the rids this index holds now.
    const here = new Set<number>();
    for (const idx of this.indexes()) idx.forEach((doc) => { for (const rid of ridsOf(doc.record)) here.add(rid); });
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
