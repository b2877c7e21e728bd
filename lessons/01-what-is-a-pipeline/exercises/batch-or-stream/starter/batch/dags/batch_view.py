# The batch layer: a "nightly" job — every 10 minutes here — recomputes the day's batch view from the lake.
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_sql import SparkSqlOperator

with DAG(
    dag_id="batch_view",
    schedule=timedelta(minutes=10),   # it will not run during this 100-second run
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,              # runs never overlap: the next one waits for this one
    template_searchpath="/opt/airflow/jobs",
) as dag:
    view = SparkSqlOperator(
        task_id="batch_view",
        sql="batch_view.sql",
        num_executors=50,
        executor_cores=1,
    )
