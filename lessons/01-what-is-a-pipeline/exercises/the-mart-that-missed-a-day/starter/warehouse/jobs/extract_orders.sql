CREATE TEMPORARY VIEW orders_src
USING org.apache.spark.sql.jdbc
OPTIONS (url 'jdbc:postgresql://orders-db:5432/shop', dbtable 'public.orders', user 'etl');

INSERT INTO stg_orders
SELECT order_id, customer_id, amount_cents, status, created_at, updated_at FROM orders_src
WHERE updated_at >= '{{ data_interval_start }}' AND updated_at < '{{ data_interval_end }}';
