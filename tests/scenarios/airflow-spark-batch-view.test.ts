/**
 * The batch layer as real files — an Airflow DAG whose SparkSqlOperator runs a Spark SQL job over the
 * day's partition of the lake — under a task retry and a backfill, with `INSERT OVERWRITE … PARTITION`
 * (dynamic partition overwrite) and `INSERT INTO` (append). Counts are worked out by hand:
 *
 * World: 100 requests/s for 10 s → 1,000 lines, all in the lake (`raw/dt=2026-01-01/`) long before 60 s
 * (Logstash rotates its s3 file every 6 s). The DAG: `schedule=timedelta(minutes=1)`, start 2026-01-01
 * (virtual 0), `max_active_runs=1`; one executor core reads 100 records/s, so a run over the day takes 10 s.
 * Beside the batch layer run the speed layer and a Lambda serving layer (files of the lesson's first exercise),
 * so the run goes on to its deadline: simulated time ends at 210 s (10 s + 200 s drain): intervals [0,60), [60,120), [120,180) end at 60, 120,
 * 180 s — three scheduled runs (Airflow creates a run once its data interval has ended [AF1][AF2]).
 *
 * Every run reads the whole day's partition (1,000 lines) and writes the day's partition of the view:
 * - INSERT OVERWRITE replaces it: after any number of runs the view counts each line once [SP1];
 * - INSERT INTO appends: every committed run adds the day again — 3 runs → each line counted 3 times [SP2].
 * A try killed before its Spark job commits writes nothing (all-or-nothing job commit [HD1]): a retry
 * after it does not double anything by itself. A backfill by `catchup=True` after the scheduler was down
 * runs every missed interval, and with INSERT INTO each one appends the day once more [AF1].
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWorkspace } from '../../simulator/config/workspace/index.js';
import { runSync } from '../../simulator/run/run.js';
import type { BatchLayerHandle } from '../../simulator/arch/batch-handle.js';

const WORLD = (faults: string) => `name: dag-scenario
duration: 10s
drain: 200s
workload:
  generator: access-log
  rate: 100/s
  key: status
  logs:
    web1: [/var/log/apache2/access.log]
${faults}`;

const DAG = (catchup: boolean, retries: number) => `from datetime import datetime, timedelta
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_sql import SparkSqlOperator

with DAG(dag_id="daily_view", schedule=timedelta(minutes=1), start_date=datetime(2026, 1, 1),
         catchup=${catchup ? 'True' : 'False'}, max_active_runs=1, template_searchpath="/opt/airflow/jobs") as dag:
    view = SparkSqlOperator(task_id="view", sql="view.sql", num_executors=1, executor_cores=1,
                            retries=${retries}, retry_delay=timedelta(seconds=30))
`;

const SQL = (insert: 'INSERT OVERWRITE TABLE' | 'INSERT INTO') => `CREATE TABLE IF NOT EXISTS raw_logs (status STRING, \`@timestamp\` TIMESTAMP, dt STRING)
USING json PARTITIONED BY (dt) LOCATION 's3a://lake/raw/';
CREATE TABLE IF NOT EXISTS batch_view (window_start TIMESTAMP, window_end TIMESTAMP, status STRING, requests BIGINT, dt STRING)
USING parquet PARTITIONED BY (dt) LOCATION 's3a://lake/views/batch_view/';
${insert} batch_view PARTITION (dt = '{{ ds }}')
SELECT window.start, window.end, status, count(*) FROM raw_logs
WHERE dt = '{{ ds }}'
GROUP BY window(\`@timestamp\`, '10 seconds'), status;
`;

/** Filebeat, Logstash (→ Kafka and the lake), Kafka, the speed layer, Elasticsearch and the Lambda serving layer. */
const LESSON = join(import.meta.dirname, '../../lessons/06-lambda/exercises/batch-heals-the-speed-layer/starter');
const SHARED = ['web1/filebeat.yml', 'logstash/logstash.yml', 'logstash/pipeline/main.conf', 'kafka/server.properties', 'kafka/topics.sh', 'speed/config.yaml', 'speed/job.sql', 'es/elasticsearch.yml', 'lambda/serving.yaml'];
const shared = () => SHARED.map((f) => [f, readFileSync(join(LESSON, f), 'utf8')] as [string, string]);

interface Case {
  insert: 'INSERT OVERWRITE TABLE' | 'INSERT INTO';
  catchup?: boolean;
  retries?: number;
  faults?: string;
}

function run(c: Case) {
  const files = new Map<string, string>([
    ['world.yaml', WORLD(c.faults ?? '')],
    ...shared(),
    ['batch/dags/daily_view.py', DAG(c.catchup ?? false, c.retries ?? 0)],
    ['batch/jobs/view.sql', SQL(c.insert)],
  ]);
  const compiled = compileWorkspace(files);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  const { result, components } = runSync(compiled.spec);
  const view = (components.get('batch') as BatchLayerHandle).view()!;
  const state = result.state['batch'] as { dagRuns: { runId: string; state: string; tries: { tryNumber: number; startMs: number; endMs: number; outcome: string | null }[] }[] };
  return { counted: view.rows.reduce((n, r) => n + r.value, 0), dagRuns: state.dagRuns };
}

const scheduled = (start: string) => `scheduled__2026-01-01T00:${start}:00+00:00`;

describe('the DAG runs one Spark job per data interval', () => {
  it('compiles to a batch node that follows the DAG: interval 60 s, start 0, no catchup, one active run', () => {
    const files = new Map([
      ['world.yaml', WORLD('')],
      ...shared(),
      ['batch/dags/daily_view.py', DAG(false, 2)],
      ['batch/jobs/view.sql', SQL('INSERT INTO')],
    ]);
    const out = compileWorkspace(files);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.spec.nodes['batch']).toMatchObject({
      type: 'batch',
      source: { node: 's3', prefix: 'raw/dt={{ ds }}/' },
      schedule: { 'dag-id': 'daily_view', interval: 60_000, start: 0, catchup: false, 'max-active-runs': 1, retries: 2, 'retry-delay': 30_000 },
      write: { mode: 'append', partition: 'dt={{ ds }}' },
      throughput: 100,
      job: { 'key-by': 'status', window: { type: 'tumbling', size: 10_000 }, aggregate: 'count' },
    });
  });

  it('three scheduled runs, each 10 s over the 1,000 lines of the day', () => {
    const r = run({ insert: 'INSERT OVERWRITE TABLE' });
    expect(r.dagRuns.map((d) => [d.runId, d.state, d.tries.map((t) => [t.startMs, t.endMs, t.outcome])])).toEqual([
      [scheduled('00'), 'success', [[60_000, 70_000, 'success']]],
      [scheduled('01'), 'success', [[120_000, 130_000, 'success']]],
      [scheduled('02'), 'success', [[180_000, 190_000, 'success']]],
    ]);
  });
});

describe('INSERT OVERWRITE vs INSERT INTO', () => {
  it('re-runs over the same day: OVERWRITE counts every line once, INTO once per run (3 runs → 3,000)', () => {
    expect(run({ insert: 'INSERT OVERWRITE TABLE' }).counted).toBe(1000);
    expect(run({ insert: 'INSERT INTO' }).counted).toBe(3000);
  });

  it('a try killed before its commit is retried 30 s after the kill; it added nothing, so the counts do not change', () => {
    // The batch host crashes at 65 s (5 s into the first run's 10 s Spark job) and is back at 70 s.
    const faults = 'faults:\n  - { crash: batch, at: 65s, restart-after: 5s }\n';
    const over = run({ insert: 'INSERT OVERWRITE TABLE', retries: 1, faults });
    expect(over.dagRuns[0]!.tries.map((t) => [t.tryNumber, t.startMs, t.endMs, t.outcome])).toEqual([
      [1, 60_000, 65_000, 'failed'],
      [2, 95_000, 105_000, 'success'],
    ]);
    expect(over.counted).toBe(1000);
    expect(run({ insert: 'INSERT INTO', retries: 1, faults }).counted).toBe(3000);
    // Without retries the first run fails for good; the two later runs still read the whole day.
    const noRetry = run({ insert: 'INSERT INTO', retries: 0, faults });
    expect(noRetry.dagRuns.map((d) => d.state)).toEqual(['failed', 'success', 'success']);
    expect(noRetry.counted).toBe(2000);
  });

  it('a backfill: down from 50 s to 150 s, catchup=True runs both missed intervals at 150 s; INTO appends the day for each', () => {
    const faults = 'faults:\n  - { crash: batch, at: 50s, restart-after: 100s }\n';
    const backfill = run({ insert: 'INSERT INTO', catchup: true, faults });
    expect(backfill.dagRuns.map((d) => [d.runId, d.tries.map((t) => t.startMs)])).toEqual([
      [scheduled('00'), [150_000]],
      [scheduled('01'), [160_000]], // max_active_runs=1: it waits for the first
      [scheduled('02'), [180_000]],
    ]);
    expect(backfill.counted).toBe(3000);
    expect(run({ insert: 'INSERT OVERWRITE TABLE', catchup: true, faults }).counted).toBe(1000);
    // catchup=False: only the latest missed interval gets a run ([AF1]); the first is skipped for good.
    const latest = run({ insert: 'INSERT INTO', catchup: false, faults });
    expect(latest.dagRuns.map((d) => d.runId)).toEqual([scheduled('01'), scheduled('02')]);
    expect(latest.counted).toBe(2000);
  });
});
