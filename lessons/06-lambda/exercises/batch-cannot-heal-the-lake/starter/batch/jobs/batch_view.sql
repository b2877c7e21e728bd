-- The batch view: requests per status per 10 s window, recomputed from the whole lake.
CREATE TABLE IF NOT EXISTS raw_logs (
  status STRING,
  `@timestamp` TIMESTAMP
) USING json LOCATION 's3a://lake/raw/';

CREATE TABLE IF NOT EXISTS batch_view (
  window_start TIMESTAMP,
  window_end TIMESTAMP,
  status STRING,
  requests BIGINT
) USING parquet LOCATION 's3a://lake/views/batch_view/';

-- Each run replaces the whole view.
INSERT OVERWRITE TABLE batch_view
SELECT window.start, window.end, status, count(*)
FROM raw_logs
GROUP BY window(`@timestamp`, '10 seconds'), status;
