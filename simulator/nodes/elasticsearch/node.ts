/**
 * The Elasticsearch endpoint: answers `es.bulk` requests item by item (SEMANTICS §5).
 *
 * The Bulk API is not atomic: each item gets its own status and `errors: true` only says
 * that at least one failed while the others stand [ES1]. Injected 429 rejections (the
 * write thread pool's queue is full) and 400 mapping conflicts are per item too, so a
 * client must retry exactly the failed items — which is what Logstash does [LS9].
 */
import { RidList } from '../../core/rid-list.js';
import { RidSet } from '../../core/rid-set.js';
import type { Message, NodeContext, SimNode } from '../../core/node.js';
import type { Lineage, Rec } from '../../core/record.js';
import type { ElasticsearchSpec } from '../../spec/schema/sinks.js';
import { IndexDocuments, type FieldType, type WriteResult } from './documents.js';
import type { EsBulkRequest, EsBulkResponse } from './protocol.js';
import { searchableAtMs, type VisibilityRecorder } from '../../cost/visibility.js';

function indexedWhy(index: string, result: WriteResult): string {
  return `indexed into ${index} as _id ${result.id} (_version ${result.version ?? 1})`;
}

export class ElasticsearchNode implements SimNode {
  private ctx!: NodeContext;
  readonly indexes = new Map<string, IndexDocuments>();
  /**
   * rids in the order their first copy was indexed (reorder detection): a run indexes up to a
   * million of them, 4 bytes each in an Int32Array the garbage collector does not scan.
   */
  private readonly arrivalList = new RidList(1024);
  /** rids seen so far (a bit each): arrival order keeps first arrivals only. */
  private readonly arrived = new RidSet();
  /** When each index was created (its refresh schedule starts there), for end-to-end latency. */
  private readonly indexCreatedMs = new Map<string, number>();
  /** End-to-end latency to a search (cost/visibility.ts); set by the factory. */
  visibility: VisibilityRecorder | null = null;
  private readonly counters = { bulkRequests: 0, itemsIndexed: 0, itemsUpdated: 0, rejected429: 0, rejected400: 0, conflicts409: 0 };

  constructor(
    readonly address: string,
    private readonly spec: ElasticsearchSpec,
  ) {}

  /** rids in the order their first copy was indexed. */
  get arrivals(): Int32Array {
    return this.arrivalList.view();
  }

  private noteArrival(rid: number): void {
    this.arrivalList.push(rid);
  }

  start(ctx: NodeContext): void {
    this.ctx = ctx;
  }

  /** The index, created on first write as Elasticsearch does with dynamic index creation. */
  index(name: string): IndexDocuments {
    let idx = this.indexes.get(name);
    if (!idx) {
      const mapping = (this.spec.mappings[name] ?? {}) as Record<string, FieldType>;
      idx = new IndexDocuments(name, mapping, `${name.slice(0, 4)}-`);
      this.indexes.set(name, idx);
      this.indexCreatedMs.set(name, this.ctx.now());
    }
    return idx;
  }

  receive(msg: Message, from: string): void {
    if (msg.kind !== 'es.bulk') return;
    const req = msg as EsBulkRequest;
    this.counters.bulkRequests++;
    const rejectP = this.spec.rejections?.[429] ?? 0;
    const results: WriteResult[] = [];
    let errors = false;
    for (const item of req.items) {
      if (rejectP > 0 && this.ctx.rng.chance(rejectP)) {
        // es_rejected_execution_exception: the write queue is full; nothing was written.
        this.counters.rejected429++;
        results.push({ status: 429, id: item.id ?? '', error: 'es_rejected_execution_exception' });
        errors = true;
        continue;
      }
      const docs = this.index(item.index);
      // An aggregate (a window's result) may replace one that counted other records: looked up only then.
      const replaced = item.record.rid < 0 && item.id !== undefined ? docs.get(item.id)?.record : undefined;
      const result = docs.write(item.op, item.id, item.record, this.ctx.now());
      if (replaced && result.status === 200) this.noteUncounted(replaced, item.record, item.index, result.id);
      results.push(result);
      if (result.status === 201 || result.status === 200) {
        if (result.status === 201) this.counters.itemsIndexed++;
        else this.counters.itemsUpdated++;
        // A search sees the document after the next refresh of its index (index.refresh_interval).
        const searchable = this.visibility ? searchableAtMs(this.ctx.now(), this.indexCreatedMs.get(item.index) ?? 0) : 0;
        const rec = item.record;
        if (rec.rid >= 0) this.noteIndexed(rec.rid, searchable, item.index, result);
        else if (rec.lineage) this.noteIndexedLineage(rec.lineage, searchable, item.index, result);
      } else {
        errors = true;
        if (result.status === 400) this.counters.rejected400++;
        if (result.status === 409) this.counters.conflicts409++;
      }
    }
    const response: EsBulkResponse = { kind: 'es.bulk.response', requestId: req.requestId, errors, items: results };
    this.ctx.send(from, response);
  }

  /** The first arrival, the latency and the trace of one indexed record. */
  private noteIndexed(rid: number, searchable: number, index: string, result: WriteResult): void {
    if (this.arrived.add(rid)) this.noteArrival(rid);
    this.visibility?.observe(rid, searchable);
    if (this.ctx.ledger.isTraced(rid)) this.ctx.ledger.trace(rid, this.address, indexedWhy(index, result));
  }

  /**
   * `noteIndexed` for every rid of an aggregate's lineage: a window's document counts tens of thousands of
   * records and a run sends a few dozen such documents, so this loop runs long and rarely; it reads the
   * node's fields once and calls nothing it does not need per rid.
   */
  private noteIndexedLineage(lineage: Lineage, searchable: number, index: string, result: WriteResult): void {
    const arrived = this.arrived;
    const visibility = this.visibility;
    const ledger = this.ctx.ledger;
    for (let i = 0; i < lineage.length; i++) {
      const rid = lineage[i]!;
      if (arrived.add(rid)) this.noteArrival(rid);
      if (visibility !== null) visibility.observe(rid, searchable);
      if (ledger.isTraced(rid)) ledger.trace(rid, this.address, indexedWhy(index, result));
    }
  }

  /**
   * A window's document was overwritten by a result that no longer counts some of its records (a
   * window recomputed after a restore from fewer records, the watermark having started over): those
   * records' copies in the index are gone, destroyed here.
   */
  private noteUncounted(before: Rec, after: Rec, index: string, id: string): void {
    const was = before.lineage ?? [];
    const now = after.lineage ?? [];
    // A window that fired again with more records keeps the ones it counted before first (windows.ts):
    // nothing is uncounted, and no set of tens of thousands of rids needs building.
    if (startsWith(now, was)) return;
    // A bit map, not a hash set: a window's lineage is tens of thousands of rids.
    const still = new RidSet();
    for (let i = 0; i < now.length; i++) still.add(now[i]!);
    for (let i = 0; i < was.length; i++) {
      const rid = was[i]!;
      if (!still.add(rid)) continue; // counted by the new result, or a rid listed twice: noted once
      this.ctx.ledger.noteLoss(rid, this.address, `document ${id} in ${index} overwritten by a result of its window that does not count it`);
    }
  }

  /** Documents survive a crash: a bulk item is acknowledged only once it is in the translog. */
  crash(): void {}

  restart(): void {}

  metrics(): Record<string, number> {
    let documents = 0;
    for (const idx of this.indexes.values()) documents += idx.size;
    return { documents, ...this.counters };
  }

  inspect(): unknown {
    const indices: Record<string, { docsCount: number; versionsAbove1: number; newestEventMs: number | null }> = {};
    for (const [name, idx] of this.indexes) {
      indices[name] = { docsCount: idx.size, versionsAbove1: idx.versionsAbove1(), newestEventMs: idx.newestEventMs };
    }
    return { indices, ...this.counters };
  }
}

/** Whether `list` begins with every element of `prefix`, in order. */
function startsWith(list: Lineage, prefix: Lineage): boolean {
  if (prefix.length > list.length) return false;
  for (let i = 0; i < prefix.length; i++) if (list[i] !== prefix[i]) return false;
  return true;
}
