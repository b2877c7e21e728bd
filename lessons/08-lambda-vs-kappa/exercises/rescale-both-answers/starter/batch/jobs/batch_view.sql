-- The batch view: requests per status per 10 s window, from every line of the day's partition.
CREATE TABLE IF NOT EXISTS raw_logs (
  status STRING,
  `@timestamp` TIMESTAMP,
  dt STRING
) USING json PARTITIONED BY (dt) LOCATION 's3a://lake/raw/';

CREATE TABLE IF NOT EXISTS batch_view (
  window_start TIMESTAMP,
  window_end TIMESTAMP,
  status STRING,
  requests BIGINT,
  dt STRING
) USING parquet PARTITIONED BY (dt) LOCATION 's3a://lake/views/batch_view/';

-- Dynamic partition overwrite: each run replaces the day's partition of the view.
INSERT OVERWRITE TABLE batch_view PARTITION (dt = '{{ ds }}')
SELECT window.start, window.end, status, count(*)
FROM raw_logs
WHERE dt = '{{ ds }}'
GROUP BY window(`@timestamp`, '10 seconds'), status;
