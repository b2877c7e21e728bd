/**
 * The OLTP source: a PostgreSQL `orders` table written by a shop's application, generated from
 * (seed, order id) the way the workload generates log lines — any order can be computed alone, in any order.
 *
 *   CREATE TABLE orders (order_id bigint PRIMARY KEY, customer_id text, amount_cents bigint,
 *                        status text, created_at timestamptz DEFAULT now(), updated_at timestamptz DEFAULT now());
 *
 * Each order is one INSERT transaction and, for some, one later UPDATE (`status = 'shipped'` or
 * `'cancelled'`, `updated_at = now()`). Two PostgreSQL facts decide what an extract sees:
 *
 * - `now()` is the **start time of the current transaction** (PostgreSQL docs, "Current Date/Time",
 *   functions-datetime.html §9.9.5: now(), CURRENT_TIMESTAMP and transaction_timestamp() return the start
 *   of the transaction and do not change during it). So `updated_at` is stamped when the transaction
 *   began, not when it committed; a transaction that runs long commits rows whose `updated_at` is in the past.
 * - Under READ COMMITTED, PostgreSQL's default, a query sees only rows committed before the query began
 *   (docs, "Transaction Isolation", transaction-iso.html §13.2.1). A row version committed after an extract's
 *   query started is invisible to that query.
 *
 * The table keeps the current version of each row only (an UPDATE replaces it in place as far as any reader
 * is concerned): the history between two extracts is not in the database.
 */
import { hashUnit } from '../core/prng.js';

export const DAY_MS = 86_400_000;

export type OrderStatus = 'paid' | 'shipped' | 'cancelled';

/** One committed version of an order row. */
export interface OrderVersion {
  readonly orderId: number;
  /** 1 for the INSERT, 2 for the UPDATE. */
  readonly version: number;
  readonly customerId: string;
  readonly amountCents: number;
  readonly status: OrderStatus;
  /** `created_at`: the INSERT transaction's start (virtual ms; 0 is 2026-01-01T00:00Z). */
  readonly createdAtMs: number;
  /** `updated_at = now()`: this version's transaction start. */
  readonly updatedAtMs: number;
  /** When this version's transaction committed (it is visible to queries that start after this). */
  readonly committedMs: number;
}

export interface OrdersSettings {
  readonly seed: number;
  /** Orders created per day; order ids are 1, 2, … in creation order. */
  readonly perDay: number;
  readonly days: number;
  /** Share of orders updated later (shipped or cancelled). */
  readonly updateShare: number;
  /** Share of transactions that stay open long (a checkout waiting on a payment provider). */
  readonly slowShare: number;
  /** How long a slow transaction stays open at most (ms); a normal one commits within 50 ms. */
  readonly slowMaxMs: number;
}

export const DEFAULT_ORDERS: Omit<OrdersSettings, 'seed'> = { perDay: 40, days: 3, updateShare: 0.3, slowShare: 0.05, slowMaxMs: 120_000 };

const CUSTOMERS = 12;

/** Draw number `k` of order `id` in [0, 1). */
const draw = (s: OrdersSettings, id: number, k: number): number => hashUnit(s.seed, id, k);

function commitLag(s: OrdersSettings, id: number, k: number): number {
  if (draw(s, id, k) < s.slowShare) return 1_000 + Math.floor(draw(s, id, k + 1) * (s.slowMaxMs - 1_000));
  return 1 + Math.floor(draw(s, id, k + 1) * 50);
}

/** Every version of order `id`, in commit order. */
export function orderVersions(s: OrdersSettings, id: number): OrderVersion[] {
  const day = Math.floor((id - 1) / s.perDay);
  // Orders of a day arrive spread over the day; the draw keeps them in id order within the day.
  const slot = (id - 1) % s.perDay;
  const createdAtMs = day * DAY_MS + Math.floor(((slot + draw(s, id, 0)) / s.perDay) * DAY_MS);
  const customerId = `c-${String(1 + Math.floor(draw(s, id, 1) * CUSTOMERS)).padStart(3, '0')}`;
  const amountCents = 500 + Math.floor(draw(s, id, 2) * 19_500);
  const insert: OrderVersion = { orderId: id, version: 1, customerId, amountCents, status: 'paid', createdAtMs, updatedAtMs: createdAtMs, committedMs: createdAtMs + commitLag(s, id, 3) };
  if (draw(s, id, 5) >= s.updateShare) return [insert];
  const updatedAtMs = insert.committedMs + 60_000 + Math.floor(draw(s, id, 6) * DAY_MS);
  const status: OrderStatus = draw(s, id, 7) < 0.25 ? 'cancelled' : 'shipped';
  return [insert, { ...insert, version: 2, status, updatedAtMs, committedMs: updatedAtMs + commitLag(s, id, 8) }];
}

/** The whole history, every version of every order, in commit order (ties by order id). */
export function orderHistory(s: OrdersSettings): OrderVersion[] {
  const all: OrderVersion[] = [];
  for (let id = 1; id <= s.perDay * s.days; id++) all.push(...orderVersions(s, id));
  return all.sort((a, b) => a.committedMs - b.committedMs || a.orderId - b.orderId);
}

/**
 * What `SELECT … FROM orders` returns when its query starts at `atMs` (READ COMMITTED): the newest
 * committed version of every row, in primary-key order.
 */
export function snapshotAt(history: readonly OrderVersion[], atMs: number): OrderVersion[] {
  const rows = new Map<number, OrderVersion>();
  for (const v of history) if (v.committedMs < atMs) rows.set(v.orderId, v);
  return [...rows.values()].sort((a, b) => a.orderId - b.orderId);
}
