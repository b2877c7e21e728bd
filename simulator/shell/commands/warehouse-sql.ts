/**
 * The two SQL clients of the orders warehouse, each answering the small SQL of warehouse/query.ts:
 *
 * - `spark-sql -S -e "<sql>"` over the warehouse (`fact_orders`, `mart_daily_revenue`, `mart_customer_revenue`
 *   as the run left them). Output as the Spark SQL CLI prints in silent mode (`-S`): one line per row, columns
 *   separated by tabs, no header.
 * - `psql -h <db host> -d <db> -c "<sql>"` over the OLTP `orders` table as it stands at the end of the run.
 *   Output in psql's default aligned format: a header, a rule, `|`-separated cells (numbers right-aligned),
 *   and `(N rows)`.
 *
 * Comparing the two is how a learner finds what the warehouse missed: `psql … -c "SELECT count(*) FROM orders
 * WHERE status <> 'cancelled'"` against `spark-sql -S -e "SELECT count(*) FROM fact_orders"`.
 * `trace-order <id>` follows one order through the extracts into the fact table and the marts.
 */
import { ok, fail, NO_RUN, type Command } from '../types.js';
import type { RunHandle } from '../../run/run.js';
import { runQuery, type Cell, type Table } from '../../warehouse/query.js';
import { orderHistory, snapshotAt } from '../../warehouse/orders.js';
import { ordersOf, runWarehouse } from '../../warehouse/run.js';
import { formatTrace, traceOrder } from '../../warehouse/ledger.js';
import { EPOCH_MS } from '../../workload/clock.js';

const NO_WAREHOUSE = 'this run has no warehouse: a workspace with <host>/postgresql.conf and a DAG whose jobs read it over JDBC';

function warehouseTables(handle: RunHandle): Map<string, Table> | undefined {
  const w = handle.result.warehouse;
  if (!w) return undefined;
  return new Map<string, Table>([
    ['fact_orders', { columns: ['order_id', 'customer_id', 'amount', 'status', 'dt', 'etl_run_id'], rows: w.tables.fact_orders.map((f) => ({ order_id: f.orderId, customer_id: f.customerId, amount: f.amount, status: f.status, dt: f.dt, etl_run_id: f.loadedBy })) }],
    ['mart_daily_revenue', { columns: ['dt', 'orders', 'revenue'], rows: w.tables.mart_daily_revenue.map((m) => ({ dt: m.key, orders: m.orders, revenue: m.revenue })) }],
    ['mart_customer_revenue', { columns: ['customer_id', 'orders', 'revenue'], rows: w.tables.mart_customer_revenue.map((m) => ({ customer_id: m.key, orders: m.orders, revenue: m.revenue })) }],
  ]);
}

/** timestamptz as psql prints it in UTC: `2026-01-02 13:45:12.345+00`. */
const pgTime = (virtualMs: number) => new Date(EPOCH_MS + virtualMs).toISOString().replace('T', ' ').replace('Z', '+00');

function ordersTable(handle: RunHandle): Map<string, Table> | undefined {
  const spec = handle.spec.warehouse;
  if (!spec) return undefined;
  const rows = snapshotAt(orderHistory(ordersOf(spec, handle.result.seed)), spec.until).map((o) => ({ order_id: o.orderId, customer_id: o.customerId, amount_cents: o.amountCents, status: o.status, created_at: pgTime(o.createdAtMs), updated_at: pgTime(o.updatedAtMs) }));
  return new Map([['orders', { columns: ['order_id', 'customer_id', 'amount_cents', 'status', 'created_at', 'updated_at'], rows }]]);
}

/** psql's aligned format: centred headers, numbers right-aligned, a row count. */
function psqlTable(columns: readonly string[], rows: readonly Cell[][]): string {
  const text = rows.map((r) => r.map(String));
  const widths = columns.map((c, i) => Math.max(c.length, ...text.map((r) => r[i]!.length)));
  const centre = (s: string, w: number) => ' '.repeat(Math.floor((w - s.length) / 2)) + s + ' '.repeat(Math.ceil((w - s.length) / 2));
  const line = (cells: string[]) => ` ${cells.join(' | ')}`.trimEnd();
  return [
    line(columns.map((c, i) => centre(c, widths[i]!))),
    widths.map((w) => '-'.repeat(w + 2)).join('+'),
    ...rows.map((r) => line(r.map((c, i) => (typeof c === 'number' ? String(c).padStart(widths[i]!) : String(c).padEnd(widths[i]!))))),
    `(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`,
  ].join('\n');
}

export const sparkSql: Command = {
  name: 'spark-sql',
  summary: 'the warehouse: `spark-sql -S -e "SELECT * FROM mart_daily_revenue"` queries fact_orders and the marts',
  usage: 'spark-sql [-S] -e "<sql>"',
  run(args, { handle }) {
    if (!handle) return fail(NO_RUN);
    const e = args.indexOf('-e');
    if (e < 0 || args[e + 1] === undefined) return fail(`usage: ${this.usage}`, 2);
    const tables = warehouseTables(handle);
    if (!tables) return fail(NO_WAREHOUSE);
    const answer = runQuery(args[e + 1]!, tables);
    if (!answer.ok) return fail(`Error in query: ${answer.error}`);
    return ok(answer.rows.map((r) => r.join('\t')).join('\n'));
  },
  complete: () => ['-S', '-e'],
};

export const psql: Command = {
  name: 'psql',
  summary: 'the orders database: `psql -h orders-db -d shop -c "SELECT count(*) FROM orders"`',
  usage: 'psql -h <host> -d <database> -c "<sql>"',
  run(args, { handle }) {
    if (!handle) return fail(NO_RUN);
    const opt = (flag: string) => {
      const i = args.indexOf(flag);
      return i < 0 ? undefined : args[i + 1];
    };
    const sql = opt('-c');
    if (sql === undefined) return fail(`usage: ${this.usage}`, 2);
    const tables = ordersTable(handle);
    if (!tables) return fail(NO_WAREHOUSE);
    const answer = runQuery(sql, tables);
    if (!answer.ok) return fail(`ERROR:  ${answer.error}`);
    return ok(psqlTable(answer.columns.map((c) => (c === 'count(1)' ? 'count' : c)), answer.rows));
  },
  complete: () => ['-h', '-d', '-c'],
};

export const traceOrderCommand: Command = {
  name: 'trace-order',
  summary: "the warehouse's ledger for one order: `trace-order 42` — each version, which extract read it or why none did, its fact row, the marts",
  usage: 'trace-order <order_id>',
  run(args, { handle }) {
    if (!handle) return fail(NO_RUN);
    const spec = handle.spec.warehouse;
    if (!spec) return fail(NO_WAREHOUSE);
    const id = Number(args[0]);
    if (!Number.isInteger(id)) return fail(`usage: ${this.usage}`, 2);
    // The warehouse is a pure function of its spec and the seed: run it again to follow the order.
    const t = traceOrder(runWarehouse(spec, handle.result.seed), id);
    return t ? ok(formatTrace(t)) : fail(`order ${id} does not exist`);
  },
};
