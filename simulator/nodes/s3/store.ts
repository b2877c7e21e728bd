/**
 * What the S3 node offers to other components (protocols.md, "S3"): the Lambda batch
 * layer reads the master dataset through this. Registered with `ctx.provide(s3Id, store)`.
 * Only completed objects are listed: a multipart upload never completed is invisible,
 * as in S3 itself.
 */
import type { RecordColumn } from '../../core/record.js';

export interface S3Object {
  readonly key: string;
  /** The lines as a column (rids and lengths, made into records when read) when they are parsed access lines, else the records. */
  readonly records: RecordColumn;
  readonly writtenAtMs: number;
}

export interface S3Store {
  /** Completed objects whose key starts with `prefix`, in key order (S3 lists lexicographically). */
  listObjects(prefix: string): S3Object[];
  /**
   * ListObjectsV2 with a delimiter: the distinct key prefixes under `prefix` up to and including the next
   * `delimiter` (S3's CommonPrefixes), in key order — how a reader finds the partitions of a lake
   * (`raw/` → `raw/dt=2026-01-01/`, …).
   */
  listCommonPrefixes(prefix: string, delimiter?: string): string[];
  /** Number of completed objects. */
  objectCount(): number;
}
