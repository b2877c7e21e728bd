# The batch layer of batch: one Spark SQL run per 20s data interval, once the interval has ended.
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_sql import SparkSqlOperator

with DAG(
    dag_id="batch",
    schedule=timedelta(seconds=20),
    start_date=datetime(2026, 1, 1),
    catchup=False,
    template_searchpath="/opt/airflow/jobs",
) as dag:
    view = SparkSqlOperator(
        task_id="spark_job",
        sql="batch_view.sql",
        num_executors=50,            # × 1 core × 100 records/s = 5000 records a second
    )
