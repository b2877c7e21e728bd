/**
 * `athena` in the RunResult (runs whose workspace declares Glue tables): per table, what
 * `SELECT count(*) FROM <table>` returns at the end of the run against what the lake holds under the
 * table's location, so an exercise can grade "Athena sees today's data".
 */
import type { S3Store } from '../nodes/s3/store.js';
import type { CatalogSpec } from '../spec/schema/catalog.js';
import { catalogRegistrations, lakePartitions, visiblePartitions } from './partitions.js';
import { tableRows } from './query.js';

export interface AthenaTableResult {
  /** Rows `SELECT count(*)` returns at the end of the run. */
  rows: number;
  /** Rows in every Hive-style partition folder under the table's location (all partitions registered). */
  lakeRows: number;
  /** Partitions holding data that the query reads. */
  partitions: number;
  /** Partition folders under the location. */
  lakePartitions: number;
}

export interface AthenaResult {
  tables: Record<string, AthenaTableResult>;
}

export function summarizeAthena(catalog: CatalogSpec, store: S3Store, endMs: number, seed: number): AthenaResult {
  const registrations = catalogRegistrations(catalog, store, endMs, seed);
  const tables: Record<string, AthenaTableResult> = Object.create(null) as Record<string, AthenaTableResult>;
  for (const t of catalog.tables) {
    const seen = visiblePartitions(t, registrations.get(`${t.database}.${t.name}`)!, store, endMs);
    const all = lakePartitions(t, store, endMs);
    tables[t.name] = {
      rows: tableRows(t, seen, store, endMs).rows.length,
      lakeRows: tableRows(t, all, store, endMs).rows.length,
      partitions: seen.filter((p) => store.listObjects(p.location).length > 0).length,
      lakePartitions: all.length,
    };
  }
  return { tables };
}
