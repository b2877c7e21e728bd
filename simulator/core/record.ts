/**
 * Records: what flows through a pipeline.
 *
 * Every generated line gets a `rid`, its index in generation order, which is the
 * ground-truth identity the ledger counts by. `id` is the same identity written
 * for people (`access-0.log:42`). Records are immutable: a stage that changes
 * a record makes a new object that keeps `rid`, so a copy made by a retry is
 * still recognisably the same record.
 *
 * An aggregate (a window count, a batch view row) is not one record but many: it
 * has `rid = -1` and lists the rids it was computed from in `lineage`. A rid that
 * appears twice in a lineage was counted twice: the ledger sees that as a duplicate.
 */
export type FieldValue = string | number | boolean | null | readonly string[] | FieldMap;
export interface FieldMap {
  readonly [name: string]: FieldValue | undefined;
}

export interface Rec {
  /** Generation index; -1 for aggregates. */
  readonly rid: number;
  /** Human-readable identity, e.g. `access-0.log:42`, or `count:200@10000` for an aggregate. */
  readonly id: string;
  /** Event time in virtual ms (what the record says happened when), used by event-time windows. */
  readonly eventTimeMs: number;
  /** The payload: `message` plus whatever parsing added; `@metadata` holds out-of-band fields like `_id`. */
  readonly fields: FieldMap;
  /** For aggregates: the rids counted into this value (a multiset). */
  readonly lineage?: readonly number[];
}

/** A record with some fields replaced; rid, id and lineage stay. */
export function withFields(rec: Rec, fields: FieldMap): Rec {
  return { rid: rec.rid, id: rec.id, eventTimeMs: rec.eventTimeMs, fields, lineage: rec.lineage };
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
export function ridsOf(rec: Rec): readonly number[] {
  return rec.rid >= 0 ? [rec.rid] : (rec.lineage ?? []);
}
