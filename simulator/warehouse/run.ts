/**
 * One run of the orders warehouse: an Airflow DAG (`extract >> load >> marts`, SparkSqlOperator tasks)
 * scheduled by simulator/orchestrator's DagScheduler with Airflow's semantics (data intervals, catchup,
 * retries; SEMANTICS-2 §4), over the OLTP history of orders.ts.
 *
 * - The extract task's JDBC query starts when its try starts and reads the committed rows of that instant
 *   (layers.ts). While `orders-db` is down (a fault window) the connection is refused: the try fails
 *   (`org.postgresql.util.PSQLException: Connection refused`) after the driver's connect timeout and is
 *   retried if it has retries left.
 * - The load task loads that run's extract; the marts task rebuilds both marts from the fact table.
 *
 * After the run, `truth` is what the marts would hold if every committed order had been loaded: the
 * OLTP table at the end, cancelled orders out. The comparison is the lesson: which days and orders a mart
 * lacks, and which stale rows it still counts.
 */
import type { DagModel, DagTask } from '../orchestrator/dag-parse.js';
import { DagScheduler, dagSettings, runScheduler, type DagRun } from '../orchestrator/scheduler.js';
import { orderHistory, snapshotAt, type OrderVersion, type OrdersSettings } from './orders.js';
import { extractRows, groupRevenue, Warehouse, dtOf, type ExtractMode, type FactRow, type LoadStyle, type MartRow } from './layers.js';

export type TaskRole = 'extract' | 'load' | 'marts';

export interface WarehouseRunSpec {
  readonly orders: OrdersSettings;
  readonly dag: DagModel;
  /** task_id → what its SQL file does. */
  readonly roles: ReadonlyMap<string, TaskRole>;
  readonly extract: ExtractMode;
  readonly style: LoadStyle;
  /** `[from, to)` windows (virtual ms) when the orders database refuses connections. */
  readonly dbDown: readonly (readonly [number, number])[];
  /** Run the scheduler until this virtual time. */
  readonly untilMs: number;
}

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

export function runWarehouse(spec: WarehouseRunSpec): WarehouseRun {
  const history = orderHistory(spec.orders);
  const warehouse = new Warehouse(spec.style, spec.extract);
  const extracts: ExtractTry[] = [];
  const staged = new Map<string, readonly OrderVersion[]>();
  const down = (t: number) => spec.dbDown.some(([a, b]) => t >= a && t < b);
  const settings = dagSettings(spec.dag);
  if (settings instanceof Error) throw settings;
  const execute = (task: DagTask, run: DagRun, tryNumber: number, startMs: number) => {
    const role = spec.roles.get(task.taskId);
    if (role === 'extract') {
      if (down(startMs)) {
        extracts.push({ runId: run.runId, tryNumber, startMs, ok: false, rows: [] });
        return { durationMs: CONNECT_TIMEOUT_MS, ok: false };
      }
      const rows = extractRows(history, spec.extract, run.interval, startMs);
      extracts.push({ runId: run.runId, tryNumber, startMs, ok: true, rows });
      staged.set(run.runId, rows);
    } else if (role === 'load') warehouse.load(staged.get(run.runId) ?? [], run.runId);
    else if (role === 'marts') warehouse.buildMarts();
    return { durationMs: JOB_MS, ok: true };
  };
  const scheduler = new DagScheduler(spec.dag, settings, { execute, poke: () => true });
  runScheduler(scheduler, 0, spec.untilMs);
  const end = snapshotAt(history, spec.untilMs).filter((r) => r.status !== 'cancelled');
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
