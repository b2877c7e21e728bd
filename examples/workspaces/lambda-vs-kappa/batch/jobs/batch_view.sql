-- The batch view of batch: count per status per 10 seconds window, recomputed from the lake.
CREATE TABLE IF NOT EXISTS raw_logs (
  status STRING,
  `@timestamp` TIMESTAMP
) USING json LOCATION 's3a://pipeline-lab/raw/';

CREATE TABLE IF NOT EXISTS batch_view (
  window_start TIMESTAMP,
  window_end TIMESTAMP,
  status STRING,
  records BIGINT
) USING parquet LOCATION 's3a://pipeline-lab/views/batch_view/';

-- Each run replaces its partition of the view (dynamic partition overwrite): a re-run counts once.
INSERT OVERWRITE TABLE batch_view
SELECT window.start, window.end, status, count(*)
FROM raw_logs
GROUP BY window(`@timestamp`, '10 seconds'), status;
