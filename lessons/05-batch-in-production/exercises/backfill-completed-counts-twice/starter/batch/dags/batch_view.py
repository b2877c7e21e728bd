# The batch layer: one run per minute of data, each writing that minute's partition of the batch view.
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_sql import SparkSqlOperator

with DAG(
    dag_id="batch_view",
    schedule=timedelta(minutes=1),
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    template_searchpath="/opt/airflow/jobs",
) as dag:
    view = SparkSqlOperator(
        task_id="batch_view",
        sql="batch_view.sql",
        num_executors=20,             # 2,000 records a second: a run over a minute takes under a second
        executor_cores=1,
        retries=2,                    # a try that dies is tried again 5 s later
        retry_delay=timedelta(seconds=5),
    )
