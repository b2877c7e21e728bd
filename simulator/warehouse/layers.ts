/**
 * The warehouse side: what each kind of extract reads from the OLTP `orders` table, how the rows are
 * loaded into the fact table (ETL or ELT), and the data marts rebuilt from the fact table.
 *
 * Extracts are Spark JDBC reads (Spark docs, "JDBC To Other Databases": the `dbtable`/`query` option is
 * sent to the database as one query; without `partitionColumn` one connection reads it):
 * - `incremental`: `WHERE updated_at >= '{{ data_interval_start }}' AND updated_at < '{{ data_interval_end }}'`.
 *   Cheap, but a row version committed after the query started while its `updated_at` (the transaction's
 *   start, orders.ts) falls in the interval is read by no run: this run did not see it, the next run's
 *   interval does not contain its `updated_at`.
 * - `full`: `SELECT * FROM orders`: every current row, whatever its timestamps; reads the whole table each run.
 *
 * Loading:
 * - `etl`: Spark transforms before the load — drop cancelled orders, cents to amount, `dt` = order date —
 *   and MERGEs the result into `fact_orders` by `order_id`. A row the transform dropped never reaches the
 *   warehouse, so an order loaded as paid and cancelled later keeps its paid row in the fact table.
 * - `elt`: the raw rows are loaded as they are into `stg_orders` (every extracted version, with the run that
 *   loaded it); `fact_orders` is rebuilt inside the warehouse from staging: newest version per order, then
 *   the same business rule (cancelled orders out).
 *
 * Marts (`INSERT OVERWRITE` of the whole mart from `fact_orders`, a full rebuild): `mart_daily_revenue`
 * (dt → orders, revenue) and `mart_customer_revenue` (customer → orders, revenue). A mart is only as
 * complete as the fact table it was rebuilt from.
 */
import { DAY_MS, snapshotAt, type OrderVersion } from './orders.js';
import type { DataInterval } from '../orchestrator/timetable.js';
import { EPOCH_MS } from '../workload/clock.js';

export type ExtractMode = 'incremental' | 'full';

/** A row of `fact_orders`. */
export interface FactRow {
  readonly orderId: number;
  readonly customerId: string;
  /** Amount in currency units (cents / 100). */
  readonly amount: number;
  readonly status: string;
  /** The order date, `YYYY-MM-DD` of `created_at` (UTC). */
  readonly dt: string;
  /** Which version of the OLTP row it came from, and the run that loaded it. */
  readonly version: number;
  readonly loadedBy: string;
}

export interface StagedRow {
  readonly row: OrderVersion;
  readonly runId: string;
}

export interface MartRow {
  readonly key: string;
  readonly orders: number;
  readonly revenue: number;
}

export function dtOf(virtualMs: number): string {
  const d = new Date(EPOCH_MS + Math.floor(virtualMs / DAY_MS) * DAY_MS);
  return d.toISOString().slice(0, 10);
}

/** The rows one extract query returns when it starts at `atMs`. */
export function extractRows(history: readonly OrderVersion[], mode: ExtractMode, interval: DataInterval, atMs: number): OrderVersion[] {
  const rows = snapshotAt(history, atMs);
  if (mode === 'full') return rows;
  return rows.filter((r) => r.updatedAtMs >= interval.startMs && r.updatedAtMs < interval.endMs);
}

const toFact = (r: OrderVersion, runId: string): FactRow => ({ orderId: r.orderId, customerId: r.customerId, amount: r.amountCents / 100, status: r.status, dt: dtOf(r.createdAtMs), version: r.version, loadedBy: runId });

/** The warehouse's tables, written by the DAG's tasks. */
export class Warehouse {
  readonly staging: StagedRow[] = [];
  readonly fact = new Map<number, FactRow>();
  dailyRevenue: MartRow[] = [];
  customerRevenue: MartRow[] = [];
  /** Rows read from the OLTP database, summed over every extract: what the extracts cost the source. */
  rowsRead = 0;

  constructor(readonly mode: ExtractMode) {}

  /**
   * ETL, one task: the business rule runs in Spark on the extracted rows, then the survivors are MERGEd
   * into the fact table by `order_id` (a full extract replaces the table: `INSERT OVERWRITE`).
   */
  extractTransformLoad(rows: readonly OrderVersion[], runId: string): void {
    this.rowsRead += rows.length;
    if (this.mode === 'full') this.fact.clear();
    for (const r of rows) if (r.status !== 'cancelled') this.fact.set(r.orderId, toFact(r, runId));
  }

  /** ELT, first task: the raw rows land in `stg_orders` as they are. */
  stage(rows: readonly OrderVersion[], runId: string): void {
    this.rowsRead += rows.length;
    for (const r of rows) this.staging.push({ row: r, runId });
  }

  /** ELT, second task, inside the warehouse: newest staged version per order, then the business rule. */
  transformInWarehouse(): void {
    const newest = new Map<number, StagedRow>();
    for (const s of this.staging) {
      const had = newest.get(s.row.orderId);
      // The newest version wins; of equal versions the later load (its run id is the one to show).
      if (!had || s.row.version >= had.row.version) newest.set(s.row.orderId, s);
    }
    this.fact.clear();
    for (const [id, s] of [...newest].sort((a, b) => a[0] - b[0])) if (s.row.status !== 'cancelled') this.fact.set(id, toFact(s.row, s.runId));
  }

  /** The marts task: both marts rebuilt from the fact table as it is now. */
  buildMarts(): void {
    this.dailyRevenue = groupRevenue([...this.fact.values()], (f) => f.dt);
    this.customerRevenue = groupRevenue([...this.fact.values()], (f) => f.customerId);
  }
}

export function groupRevenue(rows: readonly FactRow[], key: (f: FactRow) => string): MartRow[] {
  const out = new Map<string, { orders: number; cents: number }>();
  for (const f of rows) {
    const m = out.get(key(f)) ?? { orders: 0, cents: 0 };
    m.orders++;
    m.cents += Math.round(f.amount * 100);
    out.set(key(f), m);
  }
  return [...out].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, m]) => ({ key: k, orders: m.orders, revenue: m.cents / 100 }));
}
