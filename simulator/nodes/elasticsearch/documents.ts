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
import { recField, type Rec } from '../../core/record.js';
import type { EsDocument } from './store.js';
import { withRoomFor } from '../../core/grow.js';
import { LineStore } from '../beats/shipped-line.js';

export type FieldType = 'keyword' | 'long' | 'double' | 'date' | 'text';

export interface WriteResult {
  status: number;
  id: string;
  version?: number;
  error?: string;
}

/** Generated ids are the index's prefix and a base-36 sequence number of this many digits. */
const AUTO_ID_DIGITS = 8;

/**
 * The documents as columns, by document number (the order of first writes, which searches and
 * scans see): an index fed without ids holds one document per event, and an object and an id
 * string each, kept for the whole run, were what the garbage collector copied and walked.
 * A generated id is kept as its sequence number and written out when asked for.
 */
export class IndexDocuments {
  /** The current source of each document (shipped and parsed lines as numbers). */
  private readonly records = new LineStore();
  /** Per document: its explicit `_id`, or the sequence number its generated id encodes. */
  private readonly keys: (string | number)[] = [];
  private versions = new Uint32Array(1024);
  private writtenAt = new Float64Array(1024);
  /** Document number by explicit `_id`. */
  private readonly byId = new Map<string, number>();
  /** Document number by generated-id sequence number (-1: that write was refused, no document). */
  private byAutoSeq = new Int32Array(1024);
  private autoSeq = 0;
  /** Documents whose `_version` is above 1. */
  private overwritten = 0;
  /** Writes that replaced an existing document (a duplicate absorbed by an explicit id). */
  overwrites = 0;
  newestEventMs: number | null = null;
  /** The mapping's fields and types, listed once: a write checks each (none, for most indices). */
  private readonly mapped: readonly (readonly [string, FieldType])[];

  constructor(
    readonly name: string,
    mapping: Readonly<Record<string, FieldType>>,
    /** Prefix that makes auto ids unique across indices (they look like real 20-char ids only loosely). */
    private readonly autoIdPrefix: string,
  ) {
    this.mapped = Object.entries(mapping);
  }

  get size(): number {
    return this.records.length;
  }

  write(op: 'index' | 'create', id: string | undefined, record: Rec, nowMs: number): WriteResult {
    const mappingError = this.mapped.length === 0 ? undefined : this.checkMapping(record);
    const seq = id === undefined ? this.autoSeq++ : -1;
    if (seq >= 0) {
      this.byAutoSeq = withRoomFor(this.byAutoSeq, seq);
      this.byAutoSeq[seq] = -1;
    }
    if (mappingError) return { status: 400, id: id ?? this.autoId(seq), error: mappingError };
    if (seq >= 0) {
      const n = this.append(record, seq, nowMs);
      this.byAutoSeq[seq] = n;
      return new GeneratedIdWrite(this, seq);
    }
    const docId = id!;
    const existing = id === undefined ? -1 : this.numberOf(id);
    if (existing >= 0) {
      const version = this.versions[existing]!;
      if (op === 'create') return { status: 409, id: docId, version, error: 'version_conflict_engine_exception: document already exists' };
      if (version === 1) this.overwritten++;
      this.versions[existing] = version + 1;
      this.records.set(existing, record);
      this.writtenAt[existing] = nowMs;
      this.overwrites++;
      this.noteEventTime(record);
      return { status: 200, id: docId, version: version + 1 };
    }
    this.byId.set(docId, this.append(record, docId, nowMs));
    return { status: 201, id: docId, version: 1 };
  }

  /** A new document: its source, its key (explicit id, or generated-id sequence number), version 1. */
  private append(record: Rec, key: string | number, nowMs: number): number {
    const n = this.records.length;
    this.records.push(record);
    this.keys.push(key);
    this.versions = withRoomFor(this.versions, n);
    this.writtenAt = withRoomFor(this.writtenAt, n);
    this.versions[n] = 1;
    this.writtenAt[n] = nowMs;
    this.noteEventTime(record);
    return n;
  }

  get(id: string): EsDocument | undefined {
    const n = this.numberOf(id);
    return n < 0 ? undefined : this.document(n);
  }

  /** Visits every document in creation order (each a fresh object: a reader may keep it). */
  forEach(visit: (doc: EsDocument) => void): void {
    for (let n = 0; n < this.records.length; n++) visit(this.document(n));
  }

  /** Visits the current source of every document in creation order, making no document objects. */
  forEachRecord(visit: (record: Rec) => void): void {
    for (let n = 0; n < this.records.length; n++) visit(this.records.at(n));
  }

  /** Visits the rids every document's source stands for (a line's own, an aggregate's lineage), making no records. */
  forEachSourceRid(visit: (rid: number) => void): void {
    for (let n = 0; n < this.records.length; n++) this.records.visitRids(n, visit);
  }

  /** Documents whose `_version` is above 1: each is a resend or replay the explicit id absorbed. */
  versionsAbove1(): number {
    return this.overwritten;
  }

  private document(n: number): EsDocument {
    const key = this.keys[n]!;
    return { id: typeof key === 'number' ? this.autoId(key) : key, version: this.versions[n]!, record: this.records.at(n), writtenAtMs: this.writtenAt[n]! };
  }

  /** The generated id of sequence number `seq`. */
  autoId(seq: number): string {
    return this.autoIdPrefix + seq.toString(36).padStart(AUTO_ID_DIGITS, '0');
  }

  /** The document number of an id, or -1. */
  private numberOf(id: string): number {
    const explicit = this.byId.get(id);
    if (explicit !== undefined) return explicit;
    // A generated id (also when a client sends one back as an explicit `_id`).
    if (id.length !== this.autoIdPrefix.length + AUTO_ID_DIGITS || !id.startsWith(this.autoIdPrefix)) return -1;
    const seq = parseInt(id.slice(this.autoIdPrefix.length), 36);
    if (!(seq >= 0 && seq < this.autoSeq)) return -1;
    const n = this.byAutoSeq[seq]!;
    return n >= 0 && this.autoId(seq) === id ? n : -1;
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
    for (const [field, type] of this.mapped) {
      // A mapped name is a top-level key of the source (a lazy record computes that one field alone).
      const value = field.includes('.') || field.includes('[') ? record.fields[field] : recField(record, field);
      if (value === undefined || value === null) continue;
      if (!fits(type, value)) {
        return `mapper_parsing_exception: failed to parse field [${field}] of type [${type}] (value ${JSON.stringify(value)})`;
      }
    }
    return undefined;
  }
}

/**
 * A new document under a generated id: the id is written out when something reads it (a trace, a
 * 409 warning), not for each of the millions of events an index fed without ids takes.
 */
class GeneratedIdWrite implements WriteResult {
  readonly status = 201;
  readonly version = 1;

  constructor(
    private readonly docs: IndexDocuments,
    private readonly seq: number,
  ) {}

  get id(): string {
    return this.docs.autoId(this.seq);
  }

  toJSON(): { status: number; id: string; version: number } {
    return { status: this.status, id: this.id, version: this.version };
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

