/**
 * The orders warehouse (simulator/warehouse): an OLTP `orders` table in PostgreSQL, extracted by an Airflow
 * DAG's Spark jobs into a fact table and rebuilt into data marts. A workspace compiles it from
 * `<host>/postgresql.conf`, the DAG file and its `.sql` jobs; world.yaml's `workload.orders` says how the shop
 * writes orders, and a `crash` of the database host becomes a window in `db-down`.
 */
import { z } from 'zod';
import { duration, positiveInt, probability } from './common.js';

const taskSchema = z.strictObject({
  id: z.string().describe('The task_id.'),
  role: z.enum(['extract-load', 'extract', 'transform', 'marts']).describe('What its SQL file does: ETL extract + transform + MERGE, ELT raw extract into stg_orders, ELT transform in the warehouse, or rebuilding the marts.'),
  upstream: z.array(z.string()).default([]).describe('task_ids it waits for (`a >> b`).'),
  retries: z.number().int().min(0).default(0).describe('`retries` (Airflow default 0).'),
  'retry-delay': duration('`retry_delay` (Airflow default 300 s).').default(300_000),
});

export const warehouseSchema = z
  .strictObject({
    'dag-id': z.string().describe("The DAG's dag_id."),
    interval: duration("The DAG's `schedule` (one run per data interval, created when it ends)."),
    start: duration("The DAG's `start_date` (virtual time; 0 is 2026-01-01T00:00Z).").default(0),
    catchup: z.boolean().default(false).describe('`catchup` (Airflow 3 default False).'),
    'max-active-runs': positiveInt('`max_active_runs` (Airflow default 16).').default(16),
    extract: z.enum(['incremental', 'full']).describe("`incremental`: WHERE updated_at in the run's data interval; `full`: the whole table every run."),
    tasks: z.array(taskSchema).min(1).describe('The DAG\'s SparkSqlOperator tasks.'),
    orders: z
      .strictObject({
        'per-day': positiveInt('Orders the shop creates per day.').default(40),
        days: positiveInt('Days the shop takes orders, from 2026-01-01.').default(3),
        'update-share': probability('Share of orders updated later (shipped or cancelled).').default(0.3),
        'slow-share': probability('Share of transactions that stay open long before they commit.').default(0.05),
        'slow-max': duration('How long a slow transaction stays open at most.').default(120_000),
      })
      .prefault({})
      .describe('How the shop writes orders (world.yaml `workload.orders`).'),
    'db-down': z.array(z.tuple([z.number(), z.number()])).default([]).describe('[from, to) windows (ms) when the database refuses connections.'),
    until: duration('Run the scheduler until this virtual time.'),
  })
  .describe('The OLTP orders database and the warehouse and marts its DAG builds.');

export type WarehouseSpec = z.output<typeof warehouseSchema>;
