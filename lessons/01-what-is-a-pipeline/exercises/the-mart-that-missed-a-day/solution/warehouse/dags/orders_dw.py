from datetime import datetime, timedelta
from airflow import DAG
from airflow.providers.apache.spark.operators.spark_sql import SparkSqlOperator

# ELT: extract the day's changed orders raw into stg_orders, rebuild fact_orders inside the warehouse,
# then rebuild the marts from fact_orders.
with DAG(dag_id="orders_dw", schedule="@daily", start_date=datetime(2026, 1, 1),
         catchup=False, template_searchpath="/opt/airflow/jobs") as dag:
    extract = SparkSqlOperator(task_id="extract_orders", sql="extract_orders.sql",
                               retries=2, retry_delay=timedelta(minutes=30))
    transform = SparkSqlOperator(task_id="load_fact_orders", sql="load_fact_orders.sql")
    marts = SparkSqlOperator(task_id="build_marts", sql="build_marts.sql")
    extract >> transform >> marts
