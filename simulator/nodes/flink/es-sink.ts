/**
 * Flink's Elasticsearch sink (SEMANTICS §4, §5; [FL8]): buffers index requests and sends them
 * as bulk requests when `bulk.flush.max-actions` accumulate, every `bulk.flush.interval` if set,
 * and at every checkpoint barrier — where the checkpoint waits until every pending bulk request
 * has been answered. That makes it at-least-once: records written after the last completed
 * checkpoint are written again after a restore. With auto ids (no `document-id`) each replay
 * is a new document; with a deterministic id it overwrites (`_version` + 1).
 * Item failures: 429 is retried after a backoff; any other failure, or a request without an
 * answer within the request timeout, or one whose connection Elasticsearch reset by dying, fails
 * the job (the default failure handler rethrows).
 *
 * Ledger: after a restore from checkpoint N the window state of N emits again what it had not
 * emitted at N's barrier. Those of its records replayed from Kafka are noted by the job; the others
 * come out of the restored state, and if a bulk request sent after N's barrier already wrote them
 * (answered, or applied with its response lost), each new write with a generated id is a copy made
 * here. The sink hands those requests to RestoredRepeats, which says so.
 */
import type { Message } from '../../core/node.js';
import type { Lineage, Rec } from '../../core/record.js';
import type { FlinkSink, SinkHost } from './sink.js';
import { compileDocumentId, type DocumentId } from './document-id.js';
import { RestoredRepeats } from './restored-repeats.js';

interface BulkItem {
  index: string;
  id?: string;
  op: 'index' | 'create';
  record: Rec;
}
interface BulkResponse extends Message {
  requestId: number;
  items: { status: number; id: string; error?: string }[];
}

const REQUEST_TIMEOUT_MS = 30_000;
const RETRY_BACKOFF_MS = 1000;

export interface EsSinkConfig {
  node: string;
  index: string;
  documentId?: string;
  maxActions: number;
  flushInterval?: number;
}

export class EsSink implements FlinkSink {
  readonly kind = 'elasticsearch' as const;
  readonly node: string;
  readonly target: string;
  private readonly docId: DocumentId | undefined;
  private buffer: BulkItem[] = [];
  /** In-flight bulk requests, each tagged with the barrier wave its items were flushed in and the checkpoint they came after. */
  private readonly pending = new Map<number, { items: BulkItem[]; wave: number; after: number }>();
  /** Checkpoint acknowledgements waiting for every request of their wave (or earlier) to finish. */
  private waiting: { wave: number; done: () => void }[] = [];
  /** Items rejected with 429, waiting for their backoff. */
  private retrying: { items: BulkItem[]; wave: number; after: number }[] = [];
  /** Barriers seen so far: writes before barrier n belong to wave n. */
  private wave = 0;
  /** Id of the last checkpoint whose barrier passed here (or that the job restored): writes from now on come after it. */
  private afterCheckpoint = 0;
  /**
   * Bulk requests Elasticsearch applied (or may have: no response when the job failed) after a
   * checkpoint's barrier, and the copies a restored window state makes by writing them again. Only
   * with generated ids: a repeated write with a document id replaces the document.
   */
  private readonly repeats: RestoredRepeats<BulkItem>;
  private nextRequest = 1;
  /** Bumped on teardown so timers and responses of a cancelled attempt are ignored. */
  private generation = 0;
  written = 0;

  constructor(
    private readonly host: SinkHost,
    private readonly config: EsSinkConfig,
  ) {
    this.node = config.node;
    this.target = config.index;
    this.docId = config.documentId ? compileDocumentId(config.documentId) : undefined;
    this.repeats = new RestoredRepeats(host, (it) => it.record, { target: config.node, unanswered: 'the earlier bulk got no response and may have been applied' });
  }

  private scheduleIntervalFlush(): void {
    const every = this.config.flushInterval;
    if (every === undefined) return;
    const gen = this.generation;
    this.host.ctx.timer(every, () => {
      if (gen !== this.generation) return;
      this.flush();
      this.scheduleIntervalFlush();
    });
  }

  write(records: readonly Rec[]): void {
    for (const record of records) {
      const item: BulkItem = { index: this.target, op: 'index', record };
      if (this.docId) item.id = this.docId(record);
      this.buffer.push(item);
    }
    if (this.buffer.length >= this.config.maxActions) this.flush();
  }

  private flush(): void {
    while (this.buffer.length > 0) {
      const items = this.buffer.splice(0, this.config.maxActions);
      this.send(items, this.wave, this.afterCheckpoint);
    }
    this.settle();
  }

  private send(items: BulkItem[], wave: number, after: number): void {
    const requestId = this.nextRequest++;
    this.pending.set(requestId, { items, wave, after });
    if (this.repeats.owing) this.repeats.sending(items);
    const ctx = this.host.ctx;
    for (const it of items) if (it.record.rid >= 0 && ctx.ledger.isTraced(it.record.rid)) ctx.ledger.trace(it.record.rid, this.host.where, `bulk request ${requestId} to ${this.node}/${this.target}`);
    ctx.send(this.node, { kind: 'es.bulk', requestId, items, records: items.map((i) => i.record) } as Message);
    const gen = this.generation;
    ctx.timer(REQUEST_TIMEOUT_MS, () => {
      if (gen === this.generation && this.pending.has(requestId)) this.host.fail(`Elasticsearch bulk request ${requestId} got no response within ${REQUEST_TIMEOUT_MS / 1000}s`);
    });
  }

  /** Elasticsearch died with bulk requests in flight: the reset fails them, and the failure handler fails the job (as the timeout would, only sooner). */
  peerDown(address: string): void {
    if (address !== this.node || this.pending.size === 0) return;
    this.host.fail(`Elasticsearch bulk request failed: connection to ${this.node} reset (the process went down)`);
  }

  receive(msg: Message, from: string): boolean {
    if (msg.kind !== 'es.bulk.response' || from !== this.node) return false;
    const res = msg as BulkResponse;
    const entry = this.pending.get(res.requestId);
    if (!entry) return true;
    const items = entry.items;
    this.pending.delete(res.requestId);
    const retry: BulkItem[] = [];
    for (let i = 0; i < items.length; i++) {
      const status = res.items[i]?.status ?? 500;
      const item = items[i]!;
      if (isWritten(status)) this.written++;
      else if (status === 429) retry.push(item);
      else {
        // Elasticsearch applied the other items all the same (a bulk is not atomic): they stand after the restore.
        this.remember(entry.after, items.filter((_, j) => isWritten(res.items[j]?.status ?? 500)), false);
        this.host.fail(`Elasticsearch rejected a document with ${status}: ${res.items[i]?.error ?? 'error'} (the sink's failure handler fails the job)`);
        return true;
      }
    }
    // Items rejected with 429 were not written; their retry is a request of its own.
    const againSet = retry.length > 0 ? new Set(retry) : null;
    this.remember(entry.after, againSet ? items.filter((it) => !againSet.has(it)) : items, false);
    if (retry.length > 0) {
      const again = { items: retry, wave: entry.wave, after: entry.after };
      this.retrying.push(again);
      const gen = this.generation;
      this.host.ctx.log('warn', `${retry.length} bulk items rejected with 429; retrying in ${RETRY_BACKOFF_MS}ms`);
      this.host.ctx.timer(RETRY_BACKOFF_MS, () => {
        if (gen !== this.generation) return;
        const i = this.retrying.indexOf(again);
        if (i >= 0) this.retrying.splice(i, 1);
        this.send(retry, again.wave, again.after);
      });
    }
    this.settle();
    return true;
  }

  /** Runs the checkpoint acknowledgements once nothing is buffered or in flight. */
  private settle(): void {
    if (this.waiting.length === 0) return;
    let oldest = Number.POSITIVE_INFINITY;
    for (const p of this.pending.values()) oldest = Math.min(oldest, p.wave);
    for (const r of this.retrying) oldest = Math.min(oldest, r.wave);
    const ready = this.waiting.filter((w) => w.wave < oldest);
    if (ready.length === 0) return;
    this.waiting = this.waiting.filter((w) => w.wave >= oldest);
    for (const w of ready) w.done();
  }

  snapshot(id: number, done: (state: unknown) => void): void {
    // Everything written before this barrier goes out now; the acknowledgement waits for exactly those requests.
    this.flush();
    // Writes from here on come after this checkpoint; the repeats still owed are those its state has yet to write.
    this.afterCheckpoint = id;
    this.repeats.barrier(id);
    this.waiting.push({ wave: this.wave, done: () => done(undefined) });
    this.wave++;
    this.settle();
  }

  complete(id: number): void {
    // Nothing to commit: the writes are already visible (at-least-once).
    // A restore now starts from this checkpoint or a later one, whose state has emitted whatever was written before its barrier.
    this.repeats.completed(id);
  }

  restore(_state: unknown, restoredId: number): void {
    // Nothing stored in the checkpoint: replayed records are simply written again.
    // The periodic flush belongs to the new attempt (teardown cancelled the old one's timer).
    this.afterCheckpoint = restoredId;
    this.scheduleIntervalFlush();
  }

  restoredUnemitted(restoredId: number, unemitted: (visit: (rid: number) => void) => void): void {
    // With a document id the restored job's write replaces the earlier one: no copy.
    if (!this.docId) this.repeats.restored(restoredId, unemitted);
  }

  /** Keeps a request Elasticsearch applied, or may have, for a restore from checkpoint `after` or an earlier one. */
  private remember(after: number, items: readonly BulkItem[], responseLost: boolean): void {
    if (!this.docId) this.repeats.remember(after, items, responseLost);
  }

  teardown(): void {
    this.generation++;
    const ctx = this.host.ctx;
    for (const it of this.buffer) for (const rid of ridsOfItem(it)) ctx.ledger.noteLoss(rid, this.host.where, 'Elasticsearch sink buffer lost when the job failed');
    this.buffer = [];
    // Requests still unanswered may have been applied: a restore that writes their records again repeats them.
    for (const p of this.pending.values()) this.remember(p.after, p.items, true);
    this.repeats.failed();
    this.pending.clear();
    this.waiting = [];
    this.retrying = [];
  }

  heldRecords(visit: (rid: number) => void): void {
    for (const it of this.buffer) for (const rid of ridsOfItem(it)) visit(rid);
    for (const p of this.pending.values()) for (const it of p.items) for (const rid of ridsOfItem(it)) visit(rid);
    for (const r of this.retrying) for (const it of r.items) for (const rid of ridsOfItem(it)) visit(rid);
  }

  inspect(): unknown {
    return { kind: this.kind, node: this.node, index: this.target, buffered: this.buffer.length, pendingRequests: this.pending.size, written: this.written };
  }
}

function isWritten(status: number): boolean {
  return status >= 200 && status < 300;
}

function ridsOfItem(it: BulkItem): Lineage {
  return it.record.rid >= 0 ? [it.record.rid] : (it.record.lineage ?? []);
}
