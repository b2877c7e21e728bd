INSERT OVERWRITE TABLE fact_orders
SELECT order_id, customer_id, amount_cents / 100.0 AS amount, status, to_date(created_at) AS dt
FROM (SELECT *, row_number() OVER (PARTITION BY order_id ORDER BY updated_at DESC) AS rn FROM stg_orders) s
WHERE rn = 1 AND status <> 'cancelled';
