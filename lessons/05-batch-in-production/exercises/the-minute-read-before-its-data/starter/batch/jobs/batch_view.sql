-- The batch view: requests per status per 10 s window, from every line of the run's minute.
CREATE TABLE IF NOT EXISTS raw_logs (
  status STRING,
  `@timestamp` TIMESTAMP,
  ts STRING
) USING json PARTITIONED BY (ts) LOCATION 's3a://lake/raw/';

CREATE TABLE IF NOT EXISTS batch_view (
  window_start TIMESTAMP,
  window_end TIMESTAMP,
  status STRING,
  requests BIGINT,
  ts STRING
) USING parquet PARTITIONED BY (ts) LOCATION 's3a://lake/views/batch_view/';

-- Each run reads its own minute once and replaces that minute's partition of the view.
INSERT OVERWRITE TABLE batch_view PARTITION (ts = '{{ ts_nodash }}')
SELECT window.start, window.end, status, count(*)
FROM raw_logs
WHERE ts = '{{ ts_nodash }}'
GROUP BY window(`@timestamp`, '10 seconds'), status;
