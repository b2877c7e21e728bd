/**
 * Logstash's elasticsearch output (SEMANTICS §2, §5 [LS9][LS4][LS10]).
 *
 * One bulk request per worker batch. Per item: 2xx done; 429 and 503 (and network
 * errors, timeouts) are retried forever with backoff (`retry_initial_interval` 2s doubling
 * to `retry_max_interval` 64s); 409 is not retried — the event is dropped with a warning;
 * 400/404 go to the dead letter queue when it is enabled, else are dropped. Only the
 * failed items are sent again. Without `document_id` Elasticsearch picks a new id for
 * every write, so a resend of a request whose response was lost duplicates documents.
 */
import type { Message, NodeContext } from '../../core/node.js';
import type { Rec } from '../../core/record.js';
import type { EsBulkItem, EsBulkRequest, EsBulkResponse } from '../elasticsearch/protocol.js';
import { isRetryableStatus } from '../elasticsearch/protocol.js';
import { sprintfRec } from './field-paths.js';
import { backoffMs, type LogstashOutput } from './output.js';
import type { DeadLetterQueue } from './dead-letter-queue.js';

const RETRY_INITIAL_MS = 2000;
const RETRY_MAX_MS = 64_000;
/** The plugin's HTTP `timeout` (default 60s). */
const REQUEST_TIMEOUT_MS = 60_000;

export interface EsOutputSettings {
  node: string;
  index: string;
  document_id?: string | undefined;
  action: 'index' | 'create';
}

interface Pending {
  items: EsBulkItem[];
  done: () => void;
  attempt: number;
  /** The previous attempt may have been written (timeout): a resend is a possible copy. */
  maybeWritten: boolean;
}

export class LogstashEsOutput implements LogstashOutput {
  readonly name = 'elasticsearch';
  private readonly inflight = new Map<number, Pending>();
  private readonly waiting = new Set<Pending>();
  private readonly counters = { bulkRequests: 0, retries: 0, conflicts409: 0, rejected400: 0, toDlq: 0 };

  constructor(
    private readonly ctx: NodeContext,
    private readonly where: string,
    private readonly settings: EsOutputSettings,
    private readonly dlq: DeadLetterQueue | undefined,
    /** Outlives restarts, so a response to the previous process's request is never mistaken for ours. */
    private readonly requestIds: { next: number },
  ) {}

  write(events: readonly Rec[], done: () => void): void {
    if (events.length === 0) {
      done();
      return;
    }
    const items = events.map((rec): EsBulkItem => {
      const index = sprintfRec(this.settings.index, rec);
      // An unresolved template stays literal, as in Logstash: every such event then shares that one id.
      const id = this.settings.document_id === undefined ? undefined : sprintfRec(this.settings.document_id, rec);
      return id === undefined ? { index, op: this.settings.action, record: rec } : { index, id, op: this.settings.action, record: rec };
    });
    this.send({ items, done, attempt: 0, maybeWritten: false });
  }

  private send(p: Pending): void {
    if (!this.ctx.isUp(this.settings.node)) {
      this.retryLater(p, false);
      return;
    }
    if (p.maybeWritten) for (const it of p.items) this.ctx.ledger.noteDuplicate(it.record.rid, this.where, 'bulk request resent after no response');
    const requestId = this.requestIds.next++;
    this.inflight.set(requestId, p);
    this.counters.bulkRequests++;
    const req: EsBulkRequest = { kind: 'es.bulk', requestId, items: p.items, records: p.items.map((i) => i.record) };
    this.ctx.send(this.settings.node, req);
    this.ctx.timer(REQUEST_TIMEOUT_MS, () => {
      if (this.inflight.get(requestId) !== p) return;
      this.inflight.delete(requestId);
      this.ctx.log('warn', `elasticsearch output: no bulk response within ${REQUEST_TIMEOUT_MS} ms, retrying`);
      this.retryLater(p, true);
    });
  }

  private retryLater(p: Pending, maybeWritten: boolean): void {
    this.counters.retries++;
    const next: Pending = { ...p, attempt: p.attempt + 1, maybeWritten };
    this.waiting.add(next);
    this.ctx.timer(backoffMs(p.attempt, RETRY_INITIAL_MS, RETRY_MAX_MS), () => {
      this.waiting.delete(next);
      this.send(next);
    });
  }

  /**
   * Elasticsearch died: its host reset the connections, so the bulk requests in flight fail now and
   * are retried after the backoff. Elasticsearch may have applied them before it died: a retry may repeat them.
   */
  peerDown(address: string): void {
    if (address !== this.settings.node || this.inflight.size === 0) return;
    this.ctx.log('warn', `elasticsearch output: connection to ${address} reset (the process went down), retrying ${this.inflight.size} bulk request(s)`);
    const failed = [...this.inflight.values()];
    this.inflight.clear();
    for (const p of failed) this.retryLater(p, true);
  }

  receive(msg: Message, from: string): boolean {
    if (msg.kind !== 'es.bulk.response' || from !== this.settings.node) return false;
    const res = msg as EsBulkResponse;
    const p = this.inflight.get(res.requestId);
    if (!p) return true;
    this.inflight.delete(res.requestId);
    const retry: EsBulkItem[] = [];
    p.items.forEach((item, i) => {
      const r = res.items[i];
      const status = r?.status ?? 500;
      if (status < 300) return;
      if (isRetryableStatus(status)) retry.push(item);
      else if (status === 409) {
        this.counters.conflicts409++;
        this.ctx.log('warn', `elasticsearch output: 409 conflict for _id ${r?.id ?? '?'}, event dropped`);
        this.ctx.ledger.noteLoss(item.record.rid, this.where, `409 version conflict (action ${item.op}): dropped`);
      } else this.deadLetter(item, status, r?.error ?? '');
    });
    if (retry.length > 0) this.retryLater({ items: retry, done: p.done, attempt: p.attempt, maybeWritten: false }, false);
    else p.done();
    return true;
  }

  /** 400/404: the DLQ keeps the event for a later pipeline to fix and resend [LS4]; without it, it is gone. */
  private deadLetter(item: EsBulkItem, status: number, error: string): void {
    this.counters.rejected400++;
    if (this.dlq?.add(item.record, `${status}: ${error}`, this.ctx.now())) {
      this.counters.toDlq++;
      this.ctx.ledger.noteDeadLettered(item.record.rid, this.where, `Elasticsearch rejected it (${status}); written to the dead letter queue`);
    } else {
      // Without a DLQ writer the plugin logs each rejected event at warn (handle_dlq_response); a full DLQ drops it inside the writer instead.
      if (!this.dlq) this.ctx.log('warn', couldNotIndex(item, status, error));
      this.ctx.ledger.noteLoss(item.record.rid, this.where, `Elasticsearch rejected it (${status}) and ${this.dlq ? 'the dead letter queue is full' : 'no dead letter queue is enabled'}: dropped`);
    }
  }

  heldRecords(visit: (rid: number) => void): void {
    for (const p of this.inflight.values()) for (const it of p.items) visit(it.record.rid);
    for (const p of this.waiting) for (const it of p.items) visit(it.record.rid);
  }

  metrics(): Record<string, number> {
    return { ...this.counters };
  }

  inspect(): unknown {
    return { node: this.settings.node, index: this.settings.index, inflightRequests: this.inflight.size, waitingRetries: this.waiting.size, ...this.counters };
  }
}

/**
 * logstash-output-elasticsearch's warning for a document Elasticsearch refused (400/404) with no
 * DLQ: `Could not index event to Elasticsearch.` and the status, action and bulk item response,
 * as Ruby hashes print. Our error strings are `type: reason`.
 */
function couldNotIndex(item: EsBulkItem, status: number, error: string): string {
  const colon = error.indexOf(': ');
  const type = colon < 0 ? error : error.slice(0, colon);
  const reason = colon < 0 ? '' : error.slice(colon + 2);
  const id = item.id === undefined ? 'nil' : JSON.stringify(item.id);
  const action = `[${JSON.stringify(item.op)}, {:_id=>${id}, :_index=>${JSON.stringify(item.index)}, :routing=>nil}, #<LogStash::Event>]`;
  const response = `{${JSON.stringify(item.op)}=>{"_index"=>${JSON.stringify(item.index)}, "status"=>${status}, "error"=>{"type"=>${JSON.stringify(type)}, "reason"=>${JSON.stringify(reason)}}}}`;
  return `Could not index event to Elasticsearch. {:status=>${status}, :action=>${action}, :response=>${response}}`;
}
