/**
 * The orders warehouse: an OLTP table in PostgreSQL, extracted by an Airflow DAG's Spark JDBC reads into a
 * fact table, and marts rebuilt from it. Each behaviour is checked with exact outcomes against the docs it follows:
 *
 * [PG-NOW] PostgreSQL docs, "Current Date/Time" (functions-datetime.html §9.9.5): now() / CURRENT_TIMESTAMP /
 *   transaction_timestamp() return the start time of the current transaction and do not change during it.
 * [PG-RC] PostgreSQL docs, "Read Committed Isolation Level" (transaction-iso.html §13.2.1): a query sees only
 *   data committed before the query began.
 * [SPARK-JDBC] Spark docs, "JDBC To Other Databases": `url` is required, and one of `dbtable` or `query`; without
 *   `partitionColumn` the table is read by one query.
 * [AF1][AF3] SEMANTICS-2 §4: a run per data interval created when the interval has ended; a failed try with tries
 *   left is retried `retry_delay` after it ended; a failed upstream leaves its downstream `upstream_failed`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAY_MS, type OrderVersion } from '../../simulator/warehouse/orders.js';
import { extractRows, Warehouse } from '../../simulator/warehouse/layers.js';
import { runWarehouse } from '../../simulator/warehouse/run.js';
import { traceOrder } from '../../simulator/warehouse/ledger.js';
import { compileWorkspace } from '../../simulator/config/workspace/index.js';
import { runSync } from '../../simulator/run/run.js';
import { runLine } from '../../simulator/shell/index.js';
import { checkWarehouseSql } from '../../simulator/config/spark/warehouse-sql.js';
import type { WarehouseSpec } from '../../simulator/spec/schema/warehouse.js';
import { validateWorkspaceFile } from '../../simulator/exercise/workspace-validate.js';

const v = (orderId: number, version: number, status: OrderVersion['status'], updatedAtMs: number, committedMs: number): OrderVersion => ({ orderId, version, customerId: 'c-001', amountCents: 1000, status, createdAtMs: version === 1 ? updatedAtMs : 0, updatedAtMs, committedMs });
const day = (n: number) => ({ startMs: n * DAY_MS, endMs: (n + 1) * DAY_MS });

describe('what a JDBC extract reads [PG-NOW][PG-RC]', () => {
  // Order 7's INSERT began at 23:59:58 on day 0 (updated_at = now() = that instant) and committed at 00:00:03 on day 1.
  const late = v(7, 1, 'paid', DAY_MS - 2_000, DAY_MS + 3_000);
  const onTime = v(8, 1, 'paid', DAY_MS - 60_000, DAY_MS - 59_990);
  const history = [onTime, late];

  it("the incremental extract of day 0, started at midnight, does not see the uncommitted row; day 1's interval does not hold its updated_at", () => {
    expect(extractRows(history, 'incremental', day(0), DAY_MS).map((r) => r.orderId)).toEqual([8]);
    expect(extractRows(history, 'incremental', day(1), 2 * DAY_MS).map((r) => r.orderId)).toEqual([]);
  });

  it('a full snapshot the next night reads it', () => {
    expect(extractRows(history, 'full', day(1), 2 * DAY_MS).map((r) => r.orderId)).toEqual([7, 8]);
  });

  it('the ledger blames both runs, each with its reason', () => {
    const spec: WarehouseSpec = {
      'dag-id': 'orders_dw', interval: DAY_MS, start: 0, catchup: false, 'max-active-runs': 16, extract: 'incremental',
      tasks: [{ id: 'extract_orders', role: 'extract', upstream: [], retries: 0, 'retry-delay': 300_000 }, { id: 'load_fact_orders', role: 'transform', upstream: ['extract_orders'], retries: 0, 'retry-delay': 300_000 }],
      orders: { 'per-day': 40, days: 3, 'update-share': 0.3, 'slow-share': 1, 'slow-max': 21_600_000 },
      'db-down': [], until: 3 * DAY_MS + 3_600_000,
    };
    // With every transaction slow (up to 6 hours open), some orders straddle a midnight: none of their versions is read.
    const run = runWarehouse(spec, 1);
    // Orders never updated, so no other version of theirs is read instead.
    const single = (id: number) => run.history.filter((x) => x.orderId === id).length === 1;
    const straddlers = run.history.filter((o) => single(o.orderId) && Math.floor(o.updatedAtMs / DAY_MS) < Math.floor(o.committedMs / DAY_MS) && o.committedMs < 3 * DAY_MS);
    expect(straddlers.length).toBeGreaterThan(0);
    for (const o of straddlers) {
      const t = traceOrder(run, o.orderId)!.versions.find((x) => x.version === o.version)!;
      expect(t.fate.kind).toBe('missed');
      if (t.fate.kind !== 'missed') continue;
      const reasons = new Map(t.fate.reasons.map((r) => [r.runId.slice(-25, -15), r.why]));
      const d = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
      const dayOf = Math.floor(o.updatedAtMs / DAY_MS);
      expect(reasons.get(d(dayOf))).toBe('not-committed');
      if (reasons.has(d(dayOf + 1))) expect(reasons.get(d(dayOf + 1))).toBe('outside-interval');
    }
  });
});

describe('ETL vs ELT on an order cancelled after it was loaded', () => {
  const paid = v(1, 1, 'paid', 1_000, 1_010);
  const cancelled = v(1, 2, 'cancelled', DAY_MS + 1_000, DAY_MS + 1_010);

  it('ETL drops cancelled rows before the MERGE: the paid row stays in fact_orders', () => {
    const w = new Warehouse('incremental');
    w.extractTransformLoad([paid], 'scheduled__2026-01-01T00:00:00+00:00');
    w.extractTransformLoad([cancelled], 'scheduled__2026-01-02T00:00:00+00:00');
    expect([...w.fact.values()].map((f) => [f.orderId, f.status, f.version])).toEqual([[1, 'paid', 1]]);
  });

  it('ELT stages both versions raw and applies the rule to the newest: no fact row', () => {
    const w = new Warehouse('incremental');
    w.stage([paid], 'scheduled__2026-01-01T00:00:00+00:00');
    w.transformInWarehouse();
    w.stage([cancelled], 'scheduled__2026-01-02T00:00:00+00:00');
    w.transformInWarehouse();
    expect(w.fact.size).toBe(0);
    expect(w.staging.length).toBe(2);
  });
});

const EXERCISE = 'lessons/01-what-is-a-pipeline/exercises/the-mart-that-missed-a-day';
function files(...dirs: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (root: string, dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(root, p);
      else out.set(relative(root, p), readFileSync(p, 'utf8'));
    }
  };
  for (const d of dirs) walk(d, d);
  return out;
}
const compiled = (f: Map<string, string>) => {
  const c = compileWorkspace(f);
  if (!c.ok) throw new Error(c.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
  return c.spec;
};

describe('the mart that missed a day (lesson 1 exercise) [AF1][AF3]', () => {
  const starter = runSync(compiled(files(`${EXERCISE}/starter`)), { seed: 1 });
  const solution = runSync(compiled(files(`${EXERCISE}/starter`, `${EXERCISE}/solution`)), { seed: 1 });

  it('compiles world.yaml, postgresql.conf, the DAG and its jobs into the warehouse spec; the crash of orders-db is an outage window', () => {
    expect(starter.spec.warehouse).toMatchObject({ 'dag-id': 'orders_dw', interval: DAY_MS, extract: 'incremental', catchup: false, 'db-down': [[2 * DAY_MS, 2 * DAY_MS + 3_600_000]], until: 3 * DAY_MS + 7_200_000 });
    expect(starter.spec.warehouse!.tasks.map((t) => `${t.id}:${t.role}:${t.upstream.join(',')}`)).toEqual(['extract_orders:extract:', 'load_fact_orders:transform:extract_orders', 'build_marts:marts:load_fact_orders']);
    expect(starter.spec.faults).toEqual([]);
  });

  it("starter: the 2026-01-02 run fails on its extract (connection refused, no retries); its marts task never runs; the next night's extract asks for 2026-01-03 only", () => {
    const w = starter.result.warehouse!;
    expect(w.dagRuns.map((r) => `${r.runId}:${r.state}`)).toEqual(['scheduled__2026-01-01T00:00:00+00:00:success', 'scheduled__2026-01-02T00:00:00+00:00:failed', 'scheduled__2026-01-03T00:00:00+00:00:success']);
    expect(w.dagRuns[1]!.tries).toEqual([{ tryNumber: 1, startMs: 2 * DAY_MS, endMs: 2 * DAY_MS + 10_000, outcome: 'failed' }]);
    expect(w.fact).toEqual({ rows: 85, missingOrders: 32, staleOrders: 7 });
    expect(w.marts.mart_daily_revenue).toEqual({ rows: 3, missingKeys: 0, wrongKeys: 1 });
    expect(w.tables.mart_daily_revenue.find((m) => m.key === '2026-01-02')).toEqual({ key: '2026-01-02', orders: 6, revenue: 611.9 });
  });

  it('solution: retries=2, retry_delay=30 min — try 2 at 00:30:10 still refused, try 3 at 01:00:20 reads the day; nothing missing', () => {
    const w = solution.result.warehouse!;
    expect(w.dagRuns[1]!.tries.filter((t) => t.outcome !== 'success' || t.startMs < 2 * DAY_MS + 4_000_000).slice(0, 3)).toEqual([
      { tryNumber: 1, startMs: 2 * DAY_MS, endMs: 2 * DAY_MS + 10_000, outcome: 'failed' },
      { tryNumber: 2, startMs: 2 * DAY_MS + 1_810_000, endMs: 2 * DAY_MS + 1_820_000, outcome: 'failed' },
      { tryNumber: 3, startMs: 2 * DAY_MS + 3_620_000, endMs: 2 * DAY_MS + 3_680_000, outcome: 'success' },
    ]);
    expect(w.fact).toEqual({ rows: 117, missingOrders: 0, staleOrders: 0 });
    expect(w.marts.mart_daily_revenue).toEqual({ rows: 3, missingKeys: 0, wrongKeys: 0 });
  });

  it('a full snapshot heals the hole the next night, reading the whole table every run', () => {
    const f = files(`${EXERCISE}/starter`);
    f.set('warehouse/jobs/extract_orders.sql', f.get('warehouse/jobs/extract_orders.sql')!.replace(/\nWHERE updated_at[^;]*;/, ';'));
    const full = runSync(compiled(f), { seed: 1 }).result.warehouse!;
    expect(full.fact).toEqual({ rows: 117, missingOrders: 0, staleOrders: 0 });
    expect(full.rowsRead).toBe(160);
    expect(solution.result.warehouse!.rowsRead).toBe(133);
  });

  it('the terminal: spark-sql over the marts, psql over the orders table, trace-order through both', () => {
    const sh = (line: string) => runLine({ handle: starter }, line);
    expect(sh('spark-sql -S -e "SELECT * FROM mart_daily_revenue ORDER BY dt"').text).toBe('2026-01-01\t40\t3247.28\n2026-01-02\t6\t611.9\n2026-01-03\t39\t4253.48');
    expect(sh('spark-sql -S -e "SELECT count(*) FROM fact_orders WHERE dt = \'2026-01-02\'"').text).toBe('6');
    const pg = sh('psql -h orders-db -d shop -c "SELECT count(*) FROM orders WHERE status <> \'cancelled\'"').text;
    expect(pg).toBe(' count\n-------\n   117\n(1 row)');
    expect(sh('airflow dags list-runs -d orders_dw -o plain').text.split('\n')[3]).toContain('scheduled__2026-01-02T00:00:00+00:00  failed');
    const missing = starter.result.warehouse!.tables.fact_orders;
    const id = [...Array(120).keys()].map((i) => i + 41).find((i) => !missing.some((f) => f.orderId === i))!;
    const trace = sh(`trace-order ${id}`).text;
    expect(trace).toContain('scheduled__2026-01-02T00:00:00+00:00 try 1: orders-db refused the connection; the try failed');
    expect(trace).toContain('fact_orders: no row');
  });
});

describe('the job files [SPARK-JDBC]', () => {
  it("the editor marks nothing in the exercise's files, each checked as the file it is (postgresql.conf is not a Logstash pipeline)", () => {
    const f = Object.fromEntries(files(`${EXERCISE}/starter`));
    for (const [path, text] of Object.entries(f)) expect([path, validateWorkspaceFile(undefined, text, path, f).errors]).toEqual([path, []]);
    const broken = validateWorkspaceFile(undefined, 'port = many\n', 'orders-db/postgresql.conf', f);
    expect(broken.errors.map((e) => e.message)).toEqual(['invalid value for parameter "port": "many"']);
  });

  it("a JDBC view without url fails as Spark's JDBCOptions does", () => {
    const r = checkWarehouseSql("CREATE TEMPORARY VIEW o USING jdbc OPTIONS (dbtable 'orders');\nINSERT INTO stg_orders SELECT * FROM o;", 'x.sql');
    expect(r.problems.list[0]!.message).toBe("IllegalArgumentException: requirement failed: Option 'url' is required.");
  });

  it("neither dbtable nor query: Spark's message", () => {
    const r = checkWarehouseSql("CREATE TEMPORARY VIEW o USING jdbc OPTIONS (url 'jdbc:postgresql://orders-db/shop');\nINSERT INTO stg_orders SELECT * FROM o;", 'x.sql');
    expect(r.problems.list[0]!.message).toBe("IllegalArgumentException: requirement failed: Option 'dbtable' or 'query' is required.");
  });

  it('an ETL MERGE without the interval is refused: a full snapshot MERGEd keeps rows it no longer has', () => {
    const r = checkWarehouseSql("CREATE TEMPORARY VIEW o USING jdbc OPTIONS (url 'jdbc:postgresql://orders-db/shop', dbtable 'orders');\nMERGE INTO fact_orders f USING (SELECT * FROM o WHERE status <> 'cancelled') s ON f.order_id = s.order_id WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *;", 'x.sql');
    expect(r.problems.list.map((p) => p.message)).toEqual(['a MERGE of a full snapshot keeps rows the snapshot no longer has as revenue']);
  });

  it('the port in the JDBC URL must be the one postgresql.conf listens on', () => {
    const f = files(`${EXERCISE}/starter`);
    f.set('orders-db/postgresql.conf', 'port = 5433\n');
    const c = compileWorkspace(f);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.errors.map((e) => e.message)).toContain('org.postgresql.util.PSQLException: Connection to orders-db:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.');
  });

  it('marts that do not wait for the load are an error at the task', () => {
    const f = files(`${EXERCISE}/starter`);
    f.set('warehouse/dags/orders_dw.py', f.get('warehouse/dags/orders_dw.py')!.replace('extract >> transform >> marts', 'extract >> transform'));
    const c = compileWorkspace(f);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.errors.map((e) => e.message)).toContain('`build_marts` does not wait for `load_fact_orders`: it would rebuild from tables the run has not loaded yet');
  });
});
