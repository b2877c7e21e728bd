/**
 * The batch layer's real files: an Airflow DAG (simulator/config/airflow) and the Spark SQL job its
 * SparkSqlOperator runs (simulator/config/spark). Each accepted form compiles to the internal batch
 * node's settings; each refused one is an error at file:line:col.
 */
import { describe, expect, it } from 'vitest';
import { checkDagFile, RECORDS_PER_CORE } from '../../../simulator/config/airflow/dag-file.js';
import { checkSparkSql } from '../../../simulator/config/spark/job-sql.js';
import { checkConfigFile } from '../../../simulator/config/workspace/index.js';

const SQL_PATH = 'batch/jobs/batch_view.sql';
const exists = (p: string) => p === SQL_PATH;
const dag = (text: string) => checkDagFile(text, 'batch/dags/view.py', 'batch/dags/view.py', exists);
const errors = (p: { problems: { list: { severity: string; line: number; column: number; message: string }[] } }) =>
  p.problems.list.filter((i) => i.severity === 'error').map((i) => `${i.line}:${i.column} ${i.message}`);

// In the shape of the Airflow tutorial's DAG (docs: tutorial/fundamentals.rst) with the Spark provider's
// SparkSqlOperator (providers/apache/spark: operators.rst) running a templated .sql file.
const TUTORIAL = `from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_sql import SparkSqlOperator

with DAG(
    dag_id="batch_view",
    description="Requests per status per window, from the lake",
    schedule="@hourly",
    start_date=datetime(2026, 1, 1),
    catchup=True,
    max_active_runs=1,
    template_searchpath="/opt/airflow/jobs",
) as dag:
    view = SparkSqlOperator(
        task_id="batch_view",
        sql="batch_view.sql",
        conn_id="spark_sql_default",
        num_executors=4,
        executor_cores=2,
        retries=3,
        retry_delay=timedelta(minutes=5),
    )
`;

describe('DAG files', () => {
  it('a DAG in the subset compiles to the batch node schedule, retries and throughput', () => {
    const r = dag(TUTORIAL);
    expect(errors(r)).toEqual([]);
    expect(r.compiled).toEqual({
      dagId: 'batch_view',
      taskId: 'batch_view',
      sqlPath: SQL_PATH,
      sqlLoc: { line: 17, column: 14, endLine: 17, endColumn: 28 },
      schedule: { interval: 3_600_000, start: 0, catchup: true, 'max-active-runs': 1, retries: 3, 'retry-delay': 300_000 },
      throughput: 4 * 2 * RECORDS_PER_CORE,
    });
  });

  it("Airflow's defaults: catchup False (Airflow 3), max_active_runs 16, retries 0, retry_delay 300 s, 2 executors × 1 core", () => {
    const r = dag(`from airflow import DAG
with DAG(dag_id="d", schedule=timedelta(seconds=20), start_date=datetime(2026, 1, 1), template_searchpath="/opt/airflow/jobs") as dag:
    v = SparkSqlOperator(task_id="v", sql="batch_view.sql")
`);
    expect(r.compiled?.schedule).toEqual({ interval: 20_000, start: 0, catchup: false, 'max-active-runs': 16, retries: 0, 'retry-delay': 300_000 });
    expect(r.compiled?.throughput).toBe(2 * RECORDS_PER_CORE);
  });

  it('refuses, at the place: syntax, lists, schedule=None, other operators, unknown arguments, a missing sql file', () => {
    expect(errors(dag('with DAG(dag_id="d" as dag:\n'))).toEqual(['1:21 Python syntax error']);
    expect(errors(dag('with DAG(dag_id="d", tags=["x"]) as dag:\n    pass\n'))[0]).toMatch(/^1:27 `\["x"\]` is not supported as a value/);
    expect(errors(dag('with DAG(dag_id="d", schedule=None, start_date=datetime(2026, 1, 1)) as dag:\n    v = SparkSqlOperator(task_id="v", sql="x.sql")\n'))[0]).toMatch(/^1:6 schedule=None: the DAG runs only when triggered/);
    const other = errors(dag('with DAG(dag_id="d", schedule="@daily", start_date=datetime(2026, 1, 1)) as dag:\n    s = SparkSubmitOperator(task_id="s", application="job.py")\n'));
    expect(other).toContain('2:9 SparkSubmitOperator is not simulated in the batch layer');
    expect(errors(dag('with DAG(dag_id="d", schedule="@daily", start_date=datetime(2026, 1, 1), template_searchpath="/opt/airflow/jobs") as dag:\n    v = SparkSqlOperator(task_id="v", sql="batch_view.sql", executors=3)\n'))).toEqual([
      "2:9 airflow.exceptions.AirflowException: Invalid arguments were passed to SparkSqlOperator (task_id: v). Invalid arguments were: **kwargs: {'executors'}",
    ]);
    expect(errors(dag('with DAG(dag_id="d", schedule="@daily", start_date=datetime(2026, 1, 1)) as dag:\n    v = SparkSqlOperator(task_id="v", sql="batch_view.sql")\n'))).toEqual(['2:44 jinja2.exceptions.TemplateNotFound: batch_view.sql']);
    expect(errors(dag('with DAG(dag_id="d", schedule="@daily", start_date=datetime(2026, 1, 1), owner="me") as dag:\n    v = SparkSqlOperator(task_id="v", sql="x.sql")\n'))[0]).toBe("1:6 TypeError: DAG.__init__() got an unexpected keyword argument 'owner'");
  });
});

const TABLES = `CREATE TABLE IF NOT EXISTS raw_logs (event_id STRING, status STRING, bytes BIGINT, \`@timestamp\` TIMESTAMP, dt STRING)
USING json PARTITIONED BY (dt) LOCATION 's3a://lake/raw/';
CREATE TABLE IF NOT EXISTS batch_view (window_start TIMESTAMP, window_end TIMESTAMP, status STRING, requests BIGINT, dt STRING)
USING parquet PARTITIONED BY (dt) LOCATION 's3a://lake/views/batch_view/';
`;
const spark = (insert: string) => checkSparkSql(TABLES + insert, 'batch/jobs/batch_view.sql');

describe('Spark SQL jobs', () => {
  it('INSERT OVERWRITE … PARTITION over one partition of the lake: a dynamic overwrite of that partition', () => {
    const r = spark(`INSERT OVERWRITE TABLE batch_view PARTITION (dt = '{{ ds }}')
SELECT window.start, window.end, status, count(*) FROM raw_logs
WHERE dt = '{{ ds }}' AND status <> '404'
GROUP BY window(\`@timestamp\`, '10 seconds'), status;`);
    expect(errors(r)).toEqual([]);
    expect(r.job).toMatchObject({
      mode: 'overwrite',
      partition: 'dt={{ ds }}',
      sourcePrefix: 'raw/dt={{ ds }}/',
      job: { where: '[status] != "404"', 'key-by': 'status', window: { type: 'tumbling', size: 10_000 }, aggregate: 'count' },
    });
  });

  it('INSERT INTO appends; count(DISTINCT id) counts each id once; sum/avg; window(ts, size, slide) slides', () => {
    expect(spark(`INSERT INTO batch_view PARTITION (dt = '{{ ds }}') SELECT window.start, window.end, status, count(DISTINCT event_id) FROM raw_logs WHERE dt = '{{ ds }}' GROUP BY window(\`@timestamp\`, '10 seconds'), status`).job).toMatchObject({
      mode: 'append',
      job: { aggregate: 'count', dedupe: { field: 'event_id' } },
    });
    expect(spark(`INSERT INTO batch_view SELECT window.start, window.end, status, avg(bytes) FROM raw_logs GROUP BY window(\`@timestamp\`, '1 minute', '30 seconds'), status`).job?.job).toEqual({
      'key-by': 'status',
      window: { type: 'sliding', size: 60_000, slide: 30_000 },
      aggregate: 'avg:bytes',
    });
  });

  it('refuses, at the place: syntax, unknown tables and columns, no window, OR, a non-partition column in PARTITION', () => {
    const syntax = errors(checkSparkSql('INSERT INTO TABLE batch_view SELEC status FROM raw_logs;', 'j.sql'));
    expect(syntax).toHaveLength(1);
    expect(syntax[0]).toMatch(/^1:\d+ \[PARSE_SYNTAX_ERROR\]/);
    expect(errors(spark('INSERT INTO nowhere SELECT window.start, window.end, status, count(*) FROM raw_logs GROUP BY window(`@timestamp`, \'10 seconds\'), status;'))).toEqual([
      '5:13 [TABLE_OR_VIEW_NOT_FOUND] The table or view `nowhere` cannot be found',
    ]);
    expect(errors(spark('INSERT INTO batch_view SELECT status, count(*) FROM raw_logs GROUP BY status;'))).toEqual([
      "5:71 GROUP BY needs a time window: window(`@timestamp`, '10 seconds')",
    ]);
    expect(errors(spark("INSERT INTO batch_view SELECT window.start, window.end, status, count(*) FROM raw_logs WHERE status = '500' OR status = '404' GROUP BY window(`@timestamp`, '10 seconds'), status;"))[0]).toMatch(/^5:94 `status = '500' OR status = '404'`: the simulator reads WHERE as comparisons/);
    expect(errors(spark("INSERT OVERWRITE TABLE batch_view PARTITION (status = '200') SELECT window.start, window.end, status, count(*) FROM raw_logs GROUP BY window(`@timestamp`, '10 seconds'), status;"))).toEqual([
      '5:35 [PARTITIONS_NOT_FOUND] `status` is not a partition column of `batch_view` (partitioned by: dt)',
    ]);
  });

  it('`sim check` reads jobs/*.sql as Spark SQL, dags/*.py as a DAG and serving.yaml as the serving layer', () => {
    expect(checkConfigFile('batch/jobs/x.sql', TABLES + "INSERT INTO batch_view SELECT window.start, window.end, status, count(*) FROM raw_logs GROUP BY window(`@timestamp`, '10 seconds'), status;")).toEqual([]);
    expect(checkConfigFile('batch/dags/x.py', TUTORIAL)).toEqual([]);
    expect(checkConfigFile('lambda/serving.yaml', 'architecture: lambda\nbatch-view: batch_view\nrealtime-view: http://es:9200/realtime\n')).toEqual([]);
    expect(checkConfigFile('kappa/serving.yaml', 'architecture: kappa\nindex: counts\n')!.map((i) => i.message)).toEqual(['index: the URL of the index or alias the readers query']);
  });
});
