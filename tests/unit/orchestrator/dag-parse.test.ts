/**
 * The DAG file subset (simulator/orchestrator/dag-parse.ts): real Airflow syntax — `with DAG(...) as dag:`
 * (Airflow docs, core-concepts/dags.rst "Declaring a DAG"), operators with task_id and keyword arguments,
 * and `>>` / `<<` dependencies ("Task Dependencies"; `a >> [b, c]` fans out). Outside the subset: a
 * located error.
 */
import { describe, it, expect } from 'vitest';
import { parseDag } from '../../../simulator/orchestrator/dag-parse.js';

const DAG = `from datetime import datetime, timedelta
from airflow import DAG
from airflow.providers.amazon.aws.sensors.s3 import S3KeySensor

with DAG(
    dag_id="hourly_counts",
    schedule="@hourly",
    start_date=datetime(2026, 1, 1),
    catchup=True,
    max_active_runs=1,
) as dag:
    wait = S3KeySensor(task_id="wait_for_partition", bucket_key="raw/dt={{ ds }}/", poke_interval=60, timeout=600, mode="reschedule")
    agg = SparkSubmitOperator(task_id="aggregate", retries=2, retry_delay=timedelta(minutes=5), depends_on_past=True)
    publish = EmptyOperator(task_id="publish")
    audit = EmptyOperator(task_id="audit")
    wait >> agg >> [publish, audit]
`;

describe('parseDag', () => {
  it('reads the DAG, its tasks with their arguments, and the dependencies', () => {
    const r = parseDag(DAG, 'dags/hourly.py');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.dag.dagId).toBe('hourly_counts');
    expect(r.dag.args['schedule']).toBe('@hourly');
    expect(r.dag.args['start_date']).toEqual({ kind: 'datetime', virtualMs: 0 });
    expect(r.dag.args['catchup']).toBe(true);
    expect(r.dag.args['max_active_runs']).toBe(1);
    expect(r.dag.tasks.map((t) => [t.taskId, t.operator])).toEqual([
      ['wait_for_partition', 'S3KeySensor'],
      ['aggregate', 'SparkSubmitOperator'],
      ['publish', 'EmptyOperator'],
      ['audit', 'EmptyOperator'],
    ]);
    expect(r.dag.tasks[1]!.args['retry_delay']).toEqual({ kind: 'timedelta', ms: 300_000 });
    expect(r.dag.tasks[0]!.args['bucket_key']).toBe('raw/dt={{ ds }}/');
    expect(r.dag.edges).toEqual([
      ['wait_for_partition', 'aggregate'],
      ['aggregate', 'publish'],
      ['aggregate', 'audit'],
    ]);
  });

  it('Python outside the subset gets file:line:col and names what is supported', () => {
    const r = parseDag(DAG.replace('    wait >> agg', '    for t in range(3):\n        pass\n    wait >> agg'), 'dags/hourly.py');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ file: 'dags/hourly.py', line: 16, column: 5 });
    expect(r.errors[0]!.message).toMatch(/supported: imports, `with DAG/);
  });

  it('a syntax error and an unknown task are located too', () => {
    const bad = parseDag('with DAG(dag_id="x") as dag:\n    a = EmptyOperator(task_id="a"\n', 'd.py');
    expect(bad.ok).toBe(false);
    const unknown = parseDag('with DAG(dag_id="x") as dag:\n    a = EmptyOperator(task_id="a")\n    a >> b\n', 'd.py');
    expect(unknown).toEqual({ ok: false, errors: [{ file: 'd.py', line: 3, column: 10, message: '`b` is not a task defined above' }] });
  });
});
