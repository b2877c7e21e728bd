/**
 * How a consumer application writes processed records to its sink, over the pinned protocols:
 * Elasticsearch bulk (per-item results; 429 items retried, 400 items dropped) or S3 puts. A
 * request without an answer within the timeout is sent again — the first copy may have landed,
 * so with auto ids the retry can be a second document (SEMANTICS §5).
 */
import type { Message, NodeContext } from '../../core/node.js';
import { readField, type Rec } from '../../core/record.js';
import type { ConsumerSpec } from '../../spec/schema/consumer.js';

const REQUEST_TIMEOUT_MS = 30_000;
const RETRY_MS = 1000;

interface Pending {
  records: Rec[];
  attempt: number;
}

/** Resolves a Logstash-style `%{[a][b]}` / `%{field}` template against a record; null if a field is missing. */
export function resolveTemplate(template: string, rec: Rec): string | null {
  let missing = false;
  const out = template.replace(/%\{([^}]+)\}/g, (_m, path: string) => {
    const v = readField(rec.fields, path);
    if (v === undefined || v === null || typeof v === 'object') {
      missing = true;
      return '';
    }
    return String(v);
  });
  return missing ? null : out;
}

export class SinkWriter {
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private idleWaiters: (() => void)[] = [];
  written = 0;

  constructor(
    private readonly ctx: NodeContext,
    private readonly where: string,
    private readonly output: ConsumerSpec['output'],
    private readonly nextId: () => number,
  ) {}

  write(records: Rec[]): void {
    if (records.length === 0) return;
    this.sendRequest(this.nextId(), { records, attempt: 0 });
  }

  private sendRequest(requestId: number, p: Pending): void {
    this.pending.set(requestId, p);
    const es = this.output.elasticsearch;
    const s3 = this.output.s3;
    if (es) {
      const template = es.document_id;
      const items = p.records.map((record) => {
        const id = template === undefined ? undefined : resolveTemplate(template, record);
        return id === undefined || id === null ? { index: es.index, op: 'index' as const, record } : { index: es.index, id, op: 'index' as const, record };
      });
      this.ctx.send(es.node, { kind: 'es.bulk', requestId, items, records: p.records } as Message);
    } else if (s3) {
      this.ctx.send(s3.node, { kind: 's3.put', requestId, key: `${s3.prefix}${this.where}/${this.ctx.address.replace(/\//g, '-')}-${++this.seq}`, records: p.records } as Message);
    }
    this.ctx.timer(REQUEST_TIMEOUT_MS, () => {
      if (this.pending.get(requestId) !== p) return;
      this.pending.delete(requestId);
      this.retry(p.records, p.attempt + 1, true);
    });
  }

  private retry(records: Rec[], attempt: number, maybeWritten: boolean): void {
    if (maybeWritten) for (const r of records) this.ctx.ledger.noteDuplicate(r.rid, this.where, 'sink write resent after no answer');
    const p: Pending = { records, attempt };
    const requestId = this.nextId();
    this.pending.set(requestId, p);
    this.ctx.timer(RETRY_MS, () => {
      if (this.pending.get(requestId) === p) this.sendRequest(requestId, p);
    });
  }

  receive(msg: Message): boolean {
    const m = msg as Message & { requestId?: number; ok?: boolean; items?: { status: number; error?: string }[] };
    if (m.requestId === undefined || (m.kind !== 'es.bulk.response' && m.kind !== 's3.put.response')) return false;
    const p = this.pending.get(m.requestId);
    if (!p) return true;
    this.pending.delete(m.requestId);
    if (m.kind === 's3.put.response') {
      if (m.ok) this.written += p.records.length;
      else this.retry(p.records, p.attempt + 1, false);
    } else {
      const again: Rec[] = [];
      (m.items ?? []).forEach((item, i) => {
        const rec = p.records[i];
        if (!rec) return;
        if (item.status === 429 || item.status >= 500) again.push(rec);
        else if (item.status >= 400 && item.status !== 409) this.ctx.ledger.noteLoss(rec.rid, this.where, `Elasticsearch rejected the document (${item.status}${item.error ? `: ${item.error}` : ''})`);
        else this.written++;
      });
      if (again.length > 0) this.retry(again, p.attempt + 1, false);
    }
    this.checkIdle();
    return true;
  }

  /** Calls `done` once every write so far is acknowledged. */
  whenIdle(done: () => void): void {
    this.idleWaiters.push(done);
    this.checkIdle();
  }

  private checkIdle(): void {
    if (this.pending.size > 0 || this.idleWaiters.length === 0) return;
    const w = this.idleWaiters;
    this.idleWaiters = [];
    for (const f of w) f();
  }

  heldRecords(visit: (rid: number) => void): void {
    for (const p of this.pending.values()) for (const r of p.records) visit(r.rid);
  }

  /** The process died: unacknowledged writes are gone from memory. */
  discard(): void {
    for (const p of this.pending.values()) for (const r of p.records) this.ctx.ledger.noteLoss(r.rid, this.where, 'consumer crashed before the sink acknowledged the write');
    this.pending.clear();
    this.idleWaiters = [];
  }
}
