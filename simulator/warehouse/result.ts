/**
 * The warehouse part of a RunResult: what checks read (`warehouse.fact.missingOrders`,
 * `warehouse.marts.mart_daily_revenue.missingKeys`, …) and the tables the terminal's SQL client queries.
 * Every count compares the warehouse with the OLTP truth at the end of the run (run.ts `truth`).
 */
import type { FactRow, MartRow } from './layers.js';
import { martDiff, type WarehouseRun } from './run.js';

export interface MartSummary {
  /** Rows in the mart. */
  rows: number;
  /** Keys (days, customers) the truth has and the mart lacks. */
  missingKeys: number;
  /** Keys whose orders or revenue differ from the truth. */
  wrongKeys: number;
}

export interface WarehouseResult {
  runs: { success: number; failed: number; running: number };
  /** Rows read from the orders database, over every extract. */
  rowsRead: number;
  fact: {
    rows: number;
    /** Orders that count as revenue in the database and have no fact row. */
    missingOrders: number;
    /** Fact rows that disagree with the database: an older version, or an order cancelled since. */
    staleOrders: number;
  };
  marts: Record<'mart_daily_revenue' | 'mart_customer_revenue', MartSummary>;
  /** The DAG's runs, as `airflow dags list-runs` shows them: every try of every task, in start order. */
  dagRuns: { dagId: string; runId: string; state: string; tries: { tryNumber: number; startMs: number; endMs: number; outcome: string | null }[] }[];
  /** The tables themselves, for the terminal (small: a few hundred rows). */
  tables: {
    fact_orders: FactRow[];
    mart_daily_revenue: MartRow[];
    mart_customer_revenue: MartRow[];
  };
}

const summary = (mart: readonly MartRow[], truth: readonly MartRow[]): MartSummary => {
  const d = martDiff(mart, truth);
  return { rows: mart.length, missingKeys: d.missing.length, wrongKeys: d.wrong.length };
};

export function summarizeWarehouse(run: WarehouseRun): WarehouseResult {
  const w = run.warehouse;
  const states = run.scheduler.runs.map((r) => r.state);
  const fact = [...w.fact.values()].sort((a, b) => a.orderId - b.orderId);
  let missing = 0;
  for (const id of run.truth.fact.keys()) if (!w.fact.has(id)) missing++;
  let stale = 0;
  for (const f of fact) {
    const t = run.truth.fact.get(f.orderId);
    if (!t || t.version !== f.version) stale++;
  }
  return {
    runs: { success: states.filter((s) => s === 'success').length, failed: states.filter((s) => s === 'failed').length, running: states.filter((s) => s === 'queued' || s === 'running').length },
    rowsRead: w.rowsRead,
    fact: { rows: fact.length, missingOrders: missing, staleOrders: stale },
    marts: { mart_daily_revenue: summary(w.dailyRevenue, run.truth.daily), mart_customer_revenue: summary(w.customerRevenue, run.truth.customers) },
    dagRuns: run.scheduler.runs.map((r) => ({
      dagId: run.scheduler.dag.dagId,
      runId: r.runId,
      state: r.state,
      tries: [...r.tis.values()].flatMap((ti) => ti.tries.map((t) => ({ tryNumber: t.tryNumber, startMs: t.startMs, endMs: t.endMs, outcome: t.outcome }))).sort((a, b) => a.startMs - b.startMs),
    })),
    tables: { fact_orders: fact, mart_daily_revenue: [...w.dailyRevenue], mart_customer_revenue: [...w.customerRevenue] },
  };
}
