/**
 * Records: what flows through a pipeline.
 *
 * Every generated line gets a `rid`, its index in generation order, which is the
 * ground-truth identity the ledger counts by; the workload writes it for people
 * (`Workload.displayId`: `access-0.log:42`), so a record does not carry that text
 * (a million records in a Kafka log would keep a million copies of it). Records are
 * immutable: a stage that changes a record makes a new object that keeps `rid`, so a
 * copy made by a retry is still recognisably the same record.
 *
 * An aggregate (a window count, a batch view row) is not one record but many: it
 * has `rid = -1`, a name in `id`, and lists the rids it was computed from in `lineage`.
 * A rid that appears twice in a lineage was counted twice: the ledger sees that as a
 * duplicate.
 */
export type FieldValue = string | number | boolean | null | readonly string[] | FieldMap;
export interface FieldMap {
  readonly [name: string]: FieldValue | undefined;
}

/** The rids an aggregate counted: a list, or (a Flink window's) an Int32Array. */
export type Lineage = readonly number[] | Int32Array;

export interface Rec {
  /** Generation index; -1 for aggregates. */
  readonly rid: number;
  /** Event time in virtual ms (what the record says happened when), used by event-time windows. */
  readonly eventTimeMs: number;
  /** The payload: `message` plus whatever parsing added; `@metadata` holds out-of-band fields like `_id`. */
  readonly fields: FieldMap;
  /** For aggregates: a name for people, e.g. `count:200@10000`. */
  readonly id?: string;
  /** For aggregates: the rids counted into this value (a multiset). */
  readonly lineage?: Lineage;
}

/** A record with some fields replaced; everything else stays. */
export function withFields(rec: Rec, fields: FieldMap): Rec {
  return withEventTime(rec, rec.eventTimeMs, fields);
}

/**
 * A record with a new event time (and fields). A line record gets the same three slots as
 * every other line record (one object shape through the whole pipeline); only aggregates
 * carry `id` and `lineage`.
 */
export function withEventTime(rec: Rec, eventTimeMs: number, fields: FieldMap = rec.fields): Rec {
  if (rec.rid >= 0) return { rid: rec.rid, eventTimeMs, fields };
  return { rid: rec.rid, eventTimeMs, fields, id: rec.id, lineage: rec.lineage };
}

/** Reads a dotted or bracketed field path: `status`, `@metadata._id`, `[@metadata][_id]`. */
export function readField(fields: FieldMap, path: string): FieldValue | undefined {
  const parts = splitFieldPath(path);
  // Most paths are one top-level name (`status`, a job's key-by): read it straight.
  if (parts.length === 1) return fields[parts[0]!];
  let value: FieldValue | undefined = fields;
  for (const part of parts) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as FieldMap)[part];
  }
  return value;
}

export function splitFieldPath(path: string): readonly string[] {
  // Paths come from the spec (a handful per run) and are read for every record: split each once.
  let parts = pathCache.get(path);
  if (parts === undefined) {
    parts = path.startsWith('[') ? path.split(/[[\]]+/).filter((p) => p.length > 0) : path.split('.');
    if (pathCache.size >= PATH_CACHE_LIMIT) pathCache.clear();
    pathCache.set(path, parts);
  }
  return parts;
}

const PATH_CACHE_LIMIT = 4096;
const pathCache = new Map<string, readonly string[]>();

/** The rids a record stands for: itself, or the lineage of an aggregate. */
export function ridsOf(rec: Rec): Lineage {
  return rec.rid >= 0 ? [rec.rid] : (rec.lineage ?? []);
}

/**
 * A record that keeps only what identifies it (its rid, its event time, and what the stages it went
 * through decided per record) and computes its fields from (seed, rid) when something asks: a key,
 * a condition, a document id, a person reading it. A million records then cost a million small
 * objects, not a million field maps and their text. `fields` builds the same map, key for key and in
 * the same order, that the eager path builds; it is not kept, so each read builds it again.
 *
 * Hot paths ask for one field with `recField` (no map built) and for the size of `message` with
 * `messageLengthOf`. Anything else reads `fields`, as for any record.
 */
export abstract class LazyRec implements Rec {
  abstract readonly rid: number;
  abstract readonly eventTimeMs: number;
  abstract get fields(): FieldMap;
  /** The top-level field `name`, computed alone; the same value `fields[name]` holds. */
  protected abstract top(name: string): FieldValue | undefined;
  /** `message.length` (0 when `message` is not a string), without building the text when possible. */
  abstract messageLength(): number;

  /**
   * `JSON.stringify(fields).length`, less the `@metadata` member (and the comma before it) when
   * `withMetadata` is false, worked out without building the fields; -1 when only the fields tell
   * (cost/wire-bytes.ts `documentBytes` then writes them). Sizes every event a Beats client ships.
   */
  jsonLength(withMetadata: boolean): number {
    void withMetadata;
    return -1;
  }

  /**
   * The record a grok filter applying only `%{COMBINEDAPACHELOG}` to `message` makes of this one, when
   * that is known without writing and parsing the text; null sends the filter down its general path.
   */
  combinedApacheParse(): Rec | null {
    return null;
  }

  /** What `readField(this.fields, path)` gives, without building the map. */
  field(path: string): FieldValue | undefined {
    const parts = splitFieldPath(path);
    return below(this.top(parts[0]!), parts);
  }
}

/** The value at `parts[1…]` under `top`, the value of the top-level field `parts[0]`, as readField walks it. */
export function below(top: FieldValue | undefined, parts: readonly string[]): FieldValue | undefined {
  let value = top;
  for (let i = 1; i < parts.length; i++) {
    if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as FieldMap)[parts[i]!];
  }
  return value;
}

/** `readField(rec.fields, path)`, computing only that field of a lazy record. */
export function recField(rec: Rec, path: string): FieldValue | undefined {
  return rec instanceof LazyRec ? rec.field(path) : readField(rec.fields, path);
}

/** Length of the record's `message` text, 0 when it has none: what the Kafka client and brokers count as its value's bytes. */
export function messageLengthOf(rec: Rec): number {
  if (rec instanceof LazyRec) return rec.messageLength();
  const message = rec.fields['message'];
  return typeof message === 'string' ? message.length : 0;
}

/**
 * The records of a stored batch (a Kafka log batch): a plain array of records, or a column that keeps
 * lazy records as ids and makes the record when it is read (simulator/nodes/beats/shipped-line.ts
 * `packLines`). `at(j)` of a column makes a new object each time: equal, not identical, records.
 */
export interface RecordColumn extends Iterable<Rec> {
  readonly length: number;
  at(index: number): Rec | undefined;
  /** The sum of every record's `messageLengthOf`, when the column knows it without making the records. */
  messageBytes?(): number;
  /** The sum of `documentBytes(record, withMetadata)` (cost/wire-bytes.ts) over the records, when the column knows it without making them. */
  documentBytesSum?(withMetadata: boolean): number;
  /** Visits `ridsOf` of every record in order, when the column knows them without making the records. */
  visitRids?(visit: (rid: number) => void): void;
  /** `recField(at(j), path)` and `at(j).eventTimeMs`, when the column knows them without making the record. */
  fieldAt?(j: number, path: string): FieldValue | undefined;
  eventTimeAt?(j: number): number;
}

/** Visits the rids the records stand for (a line's own, an aggregate's lineage), in order. */
export function forEachRid(records: RecordColumn, visit: (rid: number) => void): void {
  if (records.visitRids) {
    records.visitRids(visit);
    return;
  }
  for (const r of records) {
    if (r.rid >= 0) visit(r.rid);
    else for (const rid of r.lineage ?? []) visit(rid);
  }
}
