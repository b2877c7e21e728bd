/**
 * Athena's statements over the lake, at an instant of the run:
 *
 * - `SELECT …` over a Glue table: its rows are the JSON lines of the objects under the partitions it
 *   sees (partitions.ts), the table's columns first and then the partition keys, as Athena lists them.
 *   The SELECT itself is the terminal's small SQL (warehouse/query.ts), shared with spark-sql and psql.
 * - `MSCK REPAIR TABLE t`: registers every Hive-style partition folder under the table's location that
 *   the catalog lacks (Athena SQL reference, "MSCK REPAIR TABLE").
 * - `ALTER TABLE t ADD [IF NOT EXISTS] PARTITION (k = 'v', …) [LOCATION 's3://…/']`: registers one
 *   partition; without LOCATION at the Hive-style path under the table's location ("ALTER TABLE ADD
 *   PARTITION"). An existing partition without IF NOT EXISTS fails with AlreadyExistsException.
 * - `SHOW PARTITIONS t`: the partitions the catalog holds (not the projected ones: Athena answers
 *   SHOW PARTITIONS from the catalog even for a projected table).
 */
import type { S3Store } from '../nodes/s3/store.js';
import type { CatalogSpec, CatalogTableSpec } from '../spec/schema/catalog.js';
import { runQuery, type Cell, type Row, type Table } from '../warehouse/query.js';
import { lakePartitions, partitionName, register, visiblePartitions, type Partition, type Registration } from './partitions.js';

export interface AthenaState {
  readonly catalog: CatalogSpec;
  readonly store: S3Store;
  /** `database.table` → the catalog's partitions for it (this function adds to them). */
  readonly registrations: Map<string, Registration[]>;
  readonly atMs: number;
  readonly database: string;
}

export type StatementResult = { ok: true; columns: string[]; rows: Cell[][]; ddl?: boolean } | { ok: false; code: string; error: string };

/** A Glue table's rows as Athena reads them: every line of every object under the given partitions. */
export function tableRows(t: CatalogTableSpec, partitions: readonly Partition[], store: S3Store, atMs: number): Table {
  const rows: Row[] = [];
  for (const p of partitions) {
    for (const o of store.listObjects(p.location)) {
      if (o.writtenAtMs > atMs) continue;
      for (const r of o.records) {
        const row: Row = {};
        for (const c of t.columns) {
          const v = r.fields[c];
          row[c] = typeof v === 'number' ? v : v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
        }
        t['partition-keys'].forEach((k, i) => (row[k] = p.values[i]!));
        rows.push(row);
      }
    }
  }
  return { columns: [...t.columns, ...t['partition-keys']], rows };
}

function findTable(s: AthenaState, ref: string): CatalogTableSpec | StatementResult {
  const [db, name] = ref.includes('.') ? ref.split('.', 2) as [string, string] : [s.database, ref];
  const t = s.catalog.tables.find((x) => x.database === db && x.name === name.toLowerCase());
  return t ?? { ok: false, code: 'SEMANTIC_ERROR', error: `line 1:1: Table 'awsdatacatalog.${db}.${name}' does not exist` };
}

const regsOf = (s: AthenaState, t: CatalogTableSpec) => s.registrations.get(`${t.database}.${t.name}`)!;

export function runStatement(sql: string, s: AthenaState): StatementResult {
  const text = sql.trim().replace(/;\s*$/, '');
  const msck = /^MSCK\s+REPAIR\s+TABLE\s+([\w.]+)$/i.exec(text);
  if (msck) {
    const t = findTable(s, msck[1]!);
    if ('ok' in t) return t;
    const added = register(regsOf(s, t), lakePartitions(t, s.store, s.atMs), s.atMs, 'MSCK REPAIR TABLE');
    // Athena's MSCK output: one "Repair: Added partition to metastore" line per partition added.
    return { ok: true, columns: [], rows: added.map((p) => [`Repair: Added partition to metastore ${t.name}:${partitionName(t, p.values)}`]), ddl: true };
  }
  const alter = /^ALTER\s+TABLE\s+([\w.]+)\s+ADD\s+(IF\s+NOT\s+EXISTS\s+)?PARTITION\s*\(([^)]*)\)(?:\s+LOCATION\s+'([^']*)')?$/i.exec(text);
  if (alter) {
    const t = findTable(s, alter[1]!);
    if ('ok' in t) return t;
    const given = new Map<string, string>();
    for (const pair of alter[3]!.split(',')) {
      const m = /^\s*(\w+)\s*=\s*'([^']*)'\s*$/.exec(pair);
      if (!m) return { ok: false, code: 'SYNTAX_ERROR', error: `PARTITION (${alter[3]}): write each key as key = 'value'` };
      given.set(m[1]!.toLowerCase(), m[2]!);
    }
    const keys = t['partition-keys'];
    if (keys.length !== given.size || keys.some((k) => !given.has(k))) return { ok: false, code: 'SEMANTIC_ERROR', error: `Partition spec (${[...given.keys()].join(', ')}) doesn't match the table's partition keys (${keys.join(', ')})` };
    const values = keys.map((k) => given.get(k)!);
    const location = alter[4] !== undefined ? alter[4].replace(/^s3:\/\/[^/]+\//, '') : `${t.location}${partitionName(t, values)}/`;
    const added = register(regsOf(s, t), [{ values, location }], s.atMs, 'ALTER TABLE ADD PARTITION');
    if (added.length === 0 && !alter[2]) return { ok: false, code: 'AlreadyExistsException', error: `Partition already exists: ${partitionName(t, values)}` };
    return { ok: true, columns: [], rows: [], ddl: true };
  }
  const show = /^SHOW\s+PARTITIONS\s+([\w.]+)$/i.exec(text);
  if (show) {
    const t = findTable(s, show[1]!);
    if ('ok' in t) return t;
    return { ok: true, columns: ['partition'], rows: regsOf(s, t).filter((r) => r.atMs <= s.atMs).map((r) => [partitionName(t, r.values)]).sort() };
  }
  const from = /\bFROM\s+([\w.]+)/i.exec(text);
  const tables = new Map<string, Table>();
  if (from) {
    const t = findTable(s, from[1]!);
    if ('ok' in t) return t;
    tables.set(t.name, tableRows(t, visiblePartitions(t, regsOf(s, t), s.store, s.atMs), s.store, s.atMs));
  }
  const answer = runQuery(text, tables);
  return answer.ok ? { ok: true, columns: answer.columns.map((c) => (c === 'count(1)' ? '_col0' : c)), rows: answer.rows } : { ok: false, code: 'SYNTAX_ERROR', error: answer.error };
}
