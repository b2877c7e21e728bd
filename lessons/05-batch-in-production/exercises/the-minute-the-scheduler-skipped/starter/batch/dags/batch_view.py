# The batch layer: once a minute, count the minute that has just ended into its partition of the view.
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_sql import SparkSqlOperator
from airflow.providers.standard.sensors.time_delta import TimeDeltaSensor

with DAG(
    dag_id="batch_view",
    schedule=timedelta(minutes=1),
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    template_searchpath="/opt/airflow/jobs",
) as dag:
    # Logstash uploads a minute's last lines up to about 20 s after it ends: wait 30 s past the interval.
    wait = TimeDeltaSensor(
        task_id="wait_for_late_lines",
        delta=timedelta(seconds=30),
        poke_interval=5,
        mode="reschedule",            # holds no worker slot while it waits
    )
    view = SparkSqlOperator(
        task_id="batch_view",
        sql="batch_view.sql",
        num_executors=20,             # a minute of traffic takes about a second
        executor_cores=1,
        retries=2,                    # a try that dies is tried again 5 s later
        retry_delay=timedelta(seconds=5),
    )
    wait >> view
