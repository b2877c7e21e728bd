/**
 * Filebeat's Elasticsearch output: one bulk request per batch (SEMANTICS §1, §5).
 * `@metadata._id` (from `add_id`/`fingerprint`) becomes the document `_id`, so a resend
 * overwrites instead of adding a document [FB5]. Items rejected with 429/5xx are retried,
 * a 409 means the document is already there, other 4xx are dropped (logged) as Filebeat does.
 */
import type { Message, NodeContext } from '../../core/node.js';
import { readField, type Rec } from '../../core/record.js';
import type { EsBulkItem, EsBulkRequest, EsBulkResponse } from '../elasticsearch/protocol.js';
import { isRetryableStatus } from '../elasticsearch/protocol.js';
import { outcome, type Batch, type BeatsOutputClient, type PublishOutcome } from './batch.js';

export class BeatsEsClient implements BeatsOutputClient {
  private readonly pending = new Map<number, { batch: Batch; events: readonly Rec[]; done: (o: PublishOutcome) => void }>();

  constructor(
    private readonly ctx: NodeContext,
    private readonly target: string,
    private readonly index: string,
    private readonly timeoutMs: number,
    /** Outlives restarts, so a response to the previous process's request is never mistaken for ours. */
    private readonly requestIds: { next: number },
  ) {}

  publish(batch: Batch, done: (o: PublishOutcome) => void): void {
    if (!this.ctx.isUp(this.target)) {
      this.ctx.timer(0, () => done(outcome({ retry: batch.events, connectionFailed: true })));
      return;
    }
    const requestId = this.requestIds.next++;
    // A bulk request holds its events as records: Elasticsearch keeps each one as a document.
    const events = [...batch.events];
    const items: EsBulkItem[] = events.map((e) => {
      const id = readField(e.fields, '@metadata._id');
      return typeof id === 'string' ? { index: this.index, id, op: 'index', record: e } : { index: this.index, op: 'index', record: e };
    });
    const req: EsBulkRequest = { kind: 'es.bulk', requestId, items, records: events };
    this.pending.set(requestId, { batch, events, done });
    this.ctx.send(this.target, req);
    this.ctx.timer(this.timeoutMs, () => {
      const entry = this.pending.get(requestId);
      if (!entry) return;
      this.pending.delete(requestId);
      entry.done(outcome({ retry: entry.batch.events, connectionFailed: true }));
    });
  }

  /** Elasticsearch died: its host reset the connections, so the bulk requests in flight fail now and are retried after the backoff. */
  peerDown(address: string): void {
    if (address !== this.target || this.pending.size === 0) return;
    this.ctx.log('warn', `connection to ${this.target} reset (the process went down): ${this.pending.size} bulk request(s) will be retried`);
    const failed = [...this.pending.values()];
    this.pending.clear();
    for (const f of failed) f.done(outcome({ retry: f.batch.events, connectionFailed: true }));
  }

  receive(msg: Message, from: string): boolean {
    if (msg.kind !== 'es.bulk.response' || from !== this.target) return false;
    const res = msg as EsBulkResponse;
    const entry = this.pending.get(res.requestId);
    if (!entry) return true;
    this.pending.delete(res.requestId);
    const acked: Rec[] = [];
    const retry: Rec[] = [];
    const o = outcome({ acked, retry });
    entry.events.forEach((event, i) => {
      const status = res.items[i]?.status ?? 500;
      if (status < 300 || status === 409) acked.push(event);
      else if (isRetryableStatus(status)) retry.push(event);
      else o.dropped.push({ event, why: `Elasticsearch rejected the event with ${status}: ${res.items[i]?.error ?? ''}` });
    });
    o.connectionFailed = retry.length > 0;
    entry.done(o);
    return true;
  }
}
