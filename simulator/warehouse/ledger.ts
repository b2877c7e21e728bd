/**
 * The warehouse's ledger for one order: each committed version of its row in the OLTP table, which
 * extract try read it (or why each one did not), where it stands in `fact_orders`, and which marts count it.
 * As the log ledger blames a hop, this names the run and the reason — "committed after the extract's query
 * started", "updated_at outside the run's interval", "orders-db refused the connection".
 */
import { isoAirflow } from '../orchestrator/timetable.js';
import type { MartRow } from './layers.js';
import type { WarehouseRun } from './run.js';

export type VersionFate =
  | { kind: 'read'; runId: string; tryNumber: number }
  | { kind: 'missed'; reasons: { runId: string; tryNumber: number; why: 'not-committed' | 'outside-interval' | 'db-down' | 'superseded' }[] };

export interface OrderTrace {
  readonly orderId: number;
  readonly versions: readonly { version: number; status: string; updatedAt: string; committed: string; fate: VersionFate }[];
  /** The fact row, if any: which version and which run loaded it. */
  readonly fact: { version: number; status: string; loadedBy: string } | null;
  /** Whether the OLTP truth counts the order (not cancelled) and which version. */
  readonly truth: { version: number; status: string } | null;
  /** The mart rows that count it. */
  readonly marts: readonly string[];
}

export function traceOrder(run: WarehouseRun, orderId: number): OrderTrace | undefined {
  const versions = run.history.filter((v) => v.orderId === orderId);
  if (versions.length === 0) return undefined;
  const out: OrderTrace['versions'][number][] = [];
  for (const v of versions) {
    const reader = run.extracts.find((e) => e.rows.some((r) => r.orderId === orderId && r.version === v.version));
    let fate: VersionFate;
    if (reader) fate = { kind: 'read', runId: reader.runId, tryNumber: reader.tryNumber };
    else {
      const reasons = run.extracts.map((e) => {
        const interval = run.scheduler.runs.find((r) => r.runId === e.runId)!.interval;
        const why: 'not-committed' | 'outside-interval' | 'db-down' | 'superseded' = !e.ok
          ? 'db-down'
          : v.committedMs >= e.startMs
            ? 'not-committed'
            : e.rows.some((r) => r.orderId === orderId)
              ? 'superseded'
              : v.updatedAtMs < interval.startMs || v.updatedAtMs >= interval.endMs
                ? 'outside-interval'
                : 'superseded';
        return { runId: e.runId, tryNumber: e.tryNumber, why };
      });
      fate = { kind: 'missed', reasons };
    }
    out.push({ version: v.version, status: v.status, updatedAt: isoAirflow(v.updatedAtMs), committed: isoAirflow(v.committedMs), fate });
  }
  const f = run.warehouse.fact.get(orderId);
  const t = run.truth.fact.get(orderId);
  const marts: string[] = [];
  const counts = (mart: readonly MartRow[], key: string) => mart.some((m) => m.key === key);
  if (f && counts(run.warehouse.dailyRevenue, f.dt)) marts.push(`mart_daily_revenue dt=${f.dt}`);
  if (f && counts(run.warehouse.customerRevenue, f.customerId)) marts.push(`mart_customer_revenue customer_id=${f.customerId}`);
  return {
    orderId,
    versions: out,
    fact: f ? { version: f.version, status: f.status, loadedBy: f.loadedBy } : null,
    truth: t ? { version: t.version, status: t.status } : null,
    marts,
  };
}

/** The trace as text, for the terminal. */
export function formatTrace(t: OrderTrace): string {
  const lines = [`order ${t.orderId}`];
  for (const v of t.versions) {
    lines.push(`  v${v.version} ${v.status}: updated_at ${v.updatedAt}, committed ${v.committed}`);
    if (v.fate.kind === 'read') lines.push(`    read by ${v.fate.runId} extract try ${v.fate.tryNumber}`);
    else {
      lines.push('    read by no extract:');
      for (const r of v.fate.reasons) lines.push(`      ${r.runId} try ${r.tryNumber}: ${REASONS[r.why]}`);
    }
  }
  lines.push(t.fact ? `  fact_orders: v${t.fact.version} ${t.fact.status}, loaded by ${t.fact.loadedBy}` : '  fact_orders: no row');
  lines.push(t.truth ? `  orders-db now: v${t.truth.version} ${t.truth.status} (counts in revenue)` : '  orders-db now: cancelled or not committed (counts nowhere)');
  lines.push(t.marts.length > 0 ? `  counted in: ${t.marts.join(', ')}` : '  counted in no mart');
  return lines.join('\n');
}

const REASONS = {
  'not-committed': 'its transaction had not committed when the query started (invisible under READ COMMITTED)',
  'outside-interval': "updated_at is outside the run's data interval",
  'db-down': 'orders-db refused the connection; the try failed',
  superseded: 'the query saw another version of the row',
} as const;
