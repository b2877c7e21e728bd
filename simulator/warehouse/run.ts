/**
 * One run of the orders warehouse: an Airflow DAG (`extract >> load >> marts`, SparkSqlOperator tasks)
 * scheduled by simulator/orchestrator's DagScheduler with Airflow's semantics (data intervals, catchup,
 * retries; SEMANTICS-2 §4), over the OLTP history of orders.ts.
 *
 * - The extract task's JDBC query starts when its try starts and reads the committed rows of that instant
 *   (layers.ts). While `orders-db` is down (a fault window) the connection is refused: the try fails
 *   (`org.postgresql.util.PSQLException: Connection refused`) after the driver's connect timeout and is
 *   retried if it has retries left.
 * - ETL loads in the extract's own task; ELT stages raw rows, and a transform task rebuilds the fact table in
 *   the warehouse. The marts task rebuilds both marts from the fact table.
 *
 * After the run, `truth` is what the marts would hold if every committed order had been loaded: the
 * OLTP table as of the newest run's data interval end (what that run is meant to reflect), cancelled orders out. The comparison is the lesson: which days and orders a mart
 * lacks, and which stale rows it still counts.
 */
import type { DagModel, DagTask } from '../orchestrator/dag-parse.js';
import { DagScheduler, runScheduler, type DagRun } from '../orchestrator/scheduler.js';
import type { WarehouseSpec } from '../spec/schema/warehouse.js';
import { orderHistory, snapshotAt, type OrderVersion, type OrdersSettings } from './orders.js';
import { extractRows, groupRevenue, Warehouse, dtOf, type FactRow, type MartRow } from './layers.js';

/**
 * What a task's SQL file does: `extract-load` (ETL: JDBC read, transform in Spark, MERGE into the fact table),
 * `extract` (ELT: JDBC read into `stg_orders` raw), `transform` (ELT: `stg_orders` → `fact_orders` in the
 * warehouse), `marts` (rebuild the marts from `fact_orders`).
 */
export type TaskRole = WarehouseSpec['tasks'][number]['role'];

/** What happened to one extract try, for the ledger. */
export interface ExtractTry {
  readonly runId: string;
  readonly tryNumber: number;
  readonly startMs: number;
  readonly ok: boolean;
  readonly rows: readonly OrderVersion[];
}

export interface WarehouseRun {
  readonly history: readonly OrderVersion[];
  readonly warehouse: Warehouse;
  readonly scheduler: DagScheduler;
  readonly extracts: readonly ExtractTry[];
  /** The marts as they would be had every committed order been loaded. */
  readonly truth: { readonly daily: readonly MartRow[]; readonly customers: readonly MartRow[]; readonly fact: ReadonlyMap<number, FactRow> };
}

/** The PostgreSQL JDBC driver's default connectTimeout is 10 s. */
const CONNECT_TIMEOUT_MS = 10_000;
/** A task's Spark job: a minute, the simulated cluster's time to start and run a small job. */
const JOB_MS = 60_000;

/** The orders settings of a spec, with the run's seed. */
export function ordersOf(w: WarehouseSpec, seed: number): OrdersSettings {
  const o = w.orders;
  return { seed, perDay: o['per-day'], days: o.days, updateShare: o['update-share'], slowShare: o['slow-share'], slowMaxMs: o['slow-max'] };
}

/** The DAG the spec describes, as the scheduler's model: its tasks with their retries, and `>>` edges. */
function dagOf(w: WarehouseSpec): DagModel {
  const tasks: DagTask[] = w.tasks.map((t, i) => ({ taskId: t.id, variable: t.id, operator: 'SparkSqlOperator', args: { retries: t.retries, retry_delay: { kind: 'timedelta', ms: t['retry-delay'] } }, line: i + 1, column: 1 }));
  const edges = w.tasks.flatMap((t) => t.upstream.map((u): [string, string] => [u, t.id]));
  return { dagId: w['dag-id'], args: {}, tasks, edges };
}

export function runWarehouse(w: WarehouseSpec, seed: number): WarehouseRun {
  const history = orderHistory(ordersOf(w, seed));
  const warehouse = new Warehouse(w.extract);
  const extracts: ExtractTry[] = [];
  const roles = new Map(w.tasks.map((t) => [t.id, t.role]));
  const down = (t: number) => w['db-down'].some(([a, b]) => t >= a && t < b);
  const execute = (task: DagTask, run: DagRun, tryNumber: number, startMs: number) => {
    const role = roles.get(task.taskId);
    if (role === 'extract' || role === 'extract-load') {
      if (down(startMs)) {
        extracts.push({ runId: run.runId, tryNumber, startMs, ok: false, rows: [] });
        return { durationMs: CONNECT_TIMEOUT_MS, ok: false };
      }
      const rows = extractRows(history, w.extract, run.interval, startMs);
      extracts.push({ runId: run.runId, tryNumber, startMs, ok: true, rows });
      if (role === 'extract') warehouse.stage(rows, run.runId);
      else warehouse.extractTransformLoad(rows, run.runId);
    } else if (role === 'transform') warehouse.transformInWarehouse();
    else if (role === 'marts') warehouse.buildMarts();
    return { durationMs: JOB_MS, ok: true };
  };
  const settings = { startDateMs: w.start, everyMs: w.interval, catchup: w.catchup, maxActiveRuns: w['max-active-runs'] };
  const scheduler = new DagScheduler(dagOf(w), settings, { execute, poke: () => true });
  runScheduler(scheduler, 0, w.until);
  // What the marts should show after the newest DAG run: the table as of that run's data interval end.
  const cutoff = Math.max(0, ...scheduler.runs.map((r) => r.interval.endMs));
  const end = snapshotAt(history, cutoff).filter((r) => r.status !== 'cancelled');
  const fact = new Map<number, FactRow>(end.map((r) => [r.orderId, { orderId: r.orderId, customerId: r.customerId, amount: r.amountCents / 100, status: r.status, dt: dtOf(r.createdAtMs), version: r.version, loadedBy: '' }]));
  return {
    history,
    warehouse,
    scheduler,
    extracts,
    truth: { daily: groupRevenue([...fact.values()], (f) => f.dt), customers: groupRevenue([...fact.values()], (f) => f.customerId), fact },
  };
}

/** How a mart differs from its truth: keys absent, keys whose numbers differ. */
export function martDiff(mart: readonly MartRow[], truth: readonly MartRow[]): { missing: string[]; wrong: string[] } {
  const have = new Map(mart.map((m) => [m.key, m]));
  const missing: string[] = [];
  const wrong: string[] = [];
  for (const t of truth) {
    const m = have.get(t.key);
    if (!m) missing.push(t.key);
    else if (m.orders !== t.orders || m.revenue !== t.revenue) wrong.push(t.key);
  }
  return { missing, wrong };
}
