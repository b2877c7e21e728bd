INSERT OVERWRITE TABLE mart_daily_revenue
SELECT dt, count(*) AS orders, sum(amount) AS revenue FROM fact_orders GROUP BY dt;

INSERT OVERWRITE TABLE mart_customer_revenue
SELECT customer_id, count(*) AS orders, sum(amount) AS revenue FROM fact_orders GROUP BY customer_id;
