# The batch layer: every 20 s, recompute the day's batch view from the lake.
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_sql import SparkSqlOperator

with DAG(
    dag_id="batch_view",
    schedule=timedelta(seconds=20),
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
