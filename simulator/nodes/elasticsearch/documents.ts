/**
 * The documents of one Elasticsearch index (SEMANTICS §5).
 *
 * A write with an explicit `_id` replaces the document of that id (`result: updated`,
 * `_version` + 1); `op_type: create` on an existing id fails with 409 instead. A write
 * without an id gets a fresh auto-generated id, so every retry or replay of the same
 * event becomes another document [ES2][LS10]. Documents are durable: Elasticsearch
 * acknowledges a write only after its translog entry is on disk, so a node crash
 * loses nothing it acknowledged.
 */
import type { Rec } from '../../core/record.js';
import type { EsDocument } from './store.js';

export type FieldType = 'keyword' | 'long' | 'double' | 'date' | 'text';

export interface WriteResult {
  status: number;
  id: string;
  version?: number;
  error?: string;
}

interface StoredDoc {
  id: string;
  version: number;
  record: Rec;
  writtenAtMs: number;
}

/** Generated ids are the index's prefix and a base-36 sequence number of this many digits. */
const AUTO_ID_DIGITS = 8;

export class IndexDocuments {
  /** Every document, in the order it was first written (the order searches and scans see). */
  private readonly docs: StoredDoc[] = [];
  /** Documents written with an explicit `_id`. */
  private readonly byId = new Map<string, StoredDoc>();
  /**
   * Documents with a generated id, by the sequence number the id encodes: an index fed without
   * ids holds one per event, and a hash map keyed by a million fresh strings cost more than the writes.
   */
  private readonly auto: StoredDoc[] = [];
  private autoSeq = 0;
  /** Writes that replaced an existing document (a duplicate absorbed by an explicit id). */
  overwrites = 0;
  newestEventMs: number | null = null;

  constructor(
    readonly name: string,
    private readonly mapping: Readonly<Record<string, FieldType>>,
    /** Prefix that makes auto ids unique across indices (they look like real 20-char ids only loosely). */
    private readonly autoIdPrefix: string,
  ) {}

  get size(): number {
    return this.docs.length;
  }

  write(op: 'index' | 'create', id: string | undefined, record: Rec, nowMs: number): WriteResult {
    const mappingError = this.checkMapping(record);
    const seq = id === undefined ? this.autoSeq++ : -1;
    const docId = id ?? this.autoIdPrefix + seq.toString(36).padStart(AUTO_ID_DIGITS, '0');
    if (mappingError) return { status: 400, id: docId, error: mappingError };
    const existing = id === undefined ? undefined : this.get(id);
    if (existing) {
      if (op === 'create') return { status: 409, id: docId, version: existing.version, error: 'version_conflict_engine_exception: document already exists' };
      existing.version++;
      existing.record = record;
      existing.writtenAtMs = nowMs;
      this.overwrites++;
      this.noteEventTime(record);
      return { status: 200, id: docId, version: existing.version };
    }
    const doc: StoredDoc = { id: docId, version: 1, record, writtenAtMs: nowMs };
    this.docs.push(doc);
    if (seq >= 0) this.auto[seq] = doc;
    else this.byId.set(docId, doc);
    this.noteEventTime(record);
    return { status: 201, id: docId, version: 1 };
  }

  get(id: string): StoredDoc | undefined {
    const explicit = this.byId.get(id);
    if (explicit !== undefined) return explicit;
    // A generated id (also when a client sends one back as an explicit `_id`).
    if (id.length !== this.autoIdPrefix.length + AUTO_ID_DIGITS || !id.startsWith(this.autoIdPrefix)) return undefined;
    const doc = this.auto[parseInt(id.slice(this.autoIdPrefix.length), 36)];
    return doc?.id === id ? doc : undefined;
  }

  forEach(visit: (doc: EsDocument) => void): void {
    for (const doc of this.docs) visit(doc);
  }

  /** Documents whose `_version` is above 1: each is a resend or replay the explicit id absorbed. */
  versionsAbove1(): number {
    let n = 0;
    for (const doc of this.docs) if (doc.version > 1) n++;
    return n;
  }

  private noteEventTime(record: Rec): void {
    const t = record.eventTimeMs;
    if (this.newestEventMs === null || t > this.newestEventMs) this.newestEventMs = t;
  }

  /**
   * A value that does not fit its mapped type is a `mapper_parsing_exception` (400).
   * Numeric strings are coerced into numeric fields, as Elasticsearch's `coerce` (on by default) does.
   */
  private checkMapping(record: Rec): string | undefined {
    for (const field in this.mapping) {
      const type = this.mapping[field]!;
      const value = record.fields[field];
      if (value === undefined || value === null) continue;
      if (!fits(type, value)) {
        return `mapper_parsing_exception: failed to parse field [${field}] of type [${type}] (value ${JSON.stringify(value)})`;
      }
    }
    return undefined;
  }
}

function fits(type: FieldType, value: unknown): boolean {
  switch (type) {
    case 'keyword':
    case 'text':
      return typeof value !== 'object' || Array.isArray(value);
    case 'long':
      return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value));
    case 'double':
      return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)));
    case 'date':
      return typeof value === 'number' || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value));
  }
}

