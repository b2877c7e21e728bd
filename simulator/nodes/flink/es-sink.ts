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
 * here. The sink keeps those requests (not sink state: bookkeeping that outlives a failure) to say so.
 */
import type { Message } from '../../core/node.js';
import type { Rec } from '../../core/record.js';
import type { FlinkSink, SinkHost } from './sink.js';
import { compileDocumentId, type DocumentId } from './document-id.js';

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
   * Bulk requests Elasticsearch applied (or may have: no response when the job failed), sent after
   * the barrier of a checkpoint a restore could still start from. Kept by reference, one entry per
   * request, from the first barrier on, and only with generated ids (a repeated write with a
   * document id replaces the document).
   */
  private sentAfter: { after: number; items: readonly BulkItem[]; responseLost: boolean }[] = [];
  /**
   * After a restore: rid → repeats the restored state still has to write, as count × 2, plus 1 when
   * every earlier write known got no response (which reason to give). Null when nothing is owed.
   */
  private owed: Map<number, number> | null = null;
  /** `owed` at each barrier since the latest completed checkpoint: repeats the state taken there has yet to write. */
  private owedAt: { id: number; owed: Map<number, number> }[] = [];
  /** The two reasons of the current restore, built once (a template per record would be a new string each time). */
  private owedWhy = { written: '', responseLost: '' };
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
    if (this.owed !== null) this.noteRewrites(items);
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
    if (this.owed !== null) this.owedAt.push({ id, owed: new Map(this.owed) });
    this.waiting.push({ wave: this.wave, done: () => done(undefined) });
    this.wave++;
    this.settle();
  }

  complete(id: number): void {
    // Nothing to commit: the writes are already visible (at-least-once).
    // A restore now starts from this checkpoint or a later one, whose state has emitted whatever was written before its barrier.
    if (this.sentAfter.length > 0) this.sentAfter = this.sentAfter.filter((e) => e.after >= id);
    if (this.owedAt.length > 0) this.owedAt = this.owedAt.filter((o) => o.id >= id);
  }

  restore(_state: unknown, restoredId: number): void {
    // Nothing stored in the checkpoint: replayed records are simply written again.
    // The periodic flush belongs to the new attempt (teardown cancelled the old one's timer).
    this.afterCheckpoint = restoredId;
    this.scheduleIntervalFlush();
  }

  restoredUnemitted(restoredId: number, unemitted: (visit: (rid: number) => void) => void): void {
    // With a document id the restored job's write replaces the earlier one: no copy.
    if (this.docId) return;
    // How many windows of the restored state will emit each record: at most that many of its writes repeat one.
    const windows = new Map<number, number>();
    unemitted((rid) => windows.set(rid, (windows.get(rid) ?? 0) + 1));
    if (windows.size === 0) return;
    const owed = new Map<number, number>();
    const add = (rid: number, writes: number, responseLost: number): void => {
      const most = windows.get(rid);
      if (most === undefined) return; // not in the restored state: a replay from Kafka, noted by the job
      const before = owed.get(rid);
      // One answered write is enough to say it was written; otherwise its earlier bulk only may have been applied.
      const unanswered = before === undefined ? responseLost : before & responseLost;
      owed.set(rid, Math.min(most, ((before ?? 0) >> 1) + writes) * 2 + unanswered);
    };
    // Repeats owed when this checkpoint was taken (written by an attempt before the one that took it) …
    const atBarrier = this.owedAt.find((o) => o.id === restoredId)?.owed;
    if (atBarrier) for (const [rid, v] of atBarrier) add(rid, v >> 1, v & 1);
    // … and every write after its barrier that stands in Elasticsearch, in any attempt since.
    for (const e of this.sentAfter) {
      if (e.after < restoredId) continue;
      const lost = e.responseLost ? 1 : 0;
      for (const it of e.items) {
        if (it.record.rid >= 0) add(it.record.rid, 1, lost);
        else for (const rid of it.record.lineage ?? []) add(rid, 1, lost);
      }
    }
    if (owed.size === 0) return;
    this.owed = owed;
    const again = `re-emitted after restore from checkpoint ${restoredId}`;
    this.owedWhy = {
      written: `${again}; already written to ${this.node}, but the checkpoint's window state had not emitted it yet`,
      responseLost: `${again}; the earlier bulk got no response and may have been applied`,
    };
  }

  /** A bulk request goes out with records the restored state owed: each repeat of an earlier write is a copy made here. */
  private noteRewrites(items: readonly BulkItem[]): void {
    const owed = this.owed!;
    const ledger = this.host.ctx.ledger;
    for (const it of items) {
      // Only window results (rid −1, their records in lineage) come out of restored window state.
      const lineage = it.record.lineage;
      if (it.record.rid >= 0 || !lineage) continue;
      for (const rid of lineage) {
        const v = owed.get(rid);
        if (v === undefined) continue;
        ledger.noteDuplicate(rid, this.host.where, (v & 1) === 1 ? this.owedWhy.responseLost : this.owedWhy.written);
        if (v >= 4) owed.set(rid, v - 2);
        else owed.delete(rid);
      }
    }
    if (owed.size === 0) this.owed = null;
  }

  /** Keeps a request Elasticsearch applied, or may have, for a restore from checkpoint `after` or an earlier one. */
  private remember(after: number, items: readonly BulkItem[], responseLost: boolean): void {
    if (after > 0 && !this.docId && items.length > 0) this.sentAfter.push({ after, items, responseLost });
  }

  teardown(): void {
    this.generation++;
    const ctx = this.host.ctx;
    for (const it of this.buffer) for (const rid of ridsOfItem(it)) ctx.ledger.noteLoss(rid, this.host.where, 'Elasticsearch sink buffer lost when the job failed');
    this.buffer = [];
    // Requests still unanswered may have been applied: a restore that writes their records again repeats them.
    for (const p of this.pending.values()) this.remember(p.after, p.items, true);
    // What the state owed is worked out again at the restore, from the checkpoint it restores.
    this.owed = null;
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

function ridsOfItem(it: BulkItem): readonly number[] {
  return it.record.rid >= 0 ? [it.record.rid] : (it.record.lineage ?? []);
}
