-- The batch view: requests per status per 10 s window, from every line of the run's minute.
CREATE TABLE IF NOT EXISTS raw_logs (
  status STRING,
  `@timestamp` TIMESTAMP,
  dt STRING,
  minute STRING
) USING json PARTITIONED BY (dt, minute) LOCATION 's3a://lake/raw/';

CREATE TABLE IF NOT EXISTS batch_view (
  window_start TIMESTAMP,
  window_end TIMESTAMP,
  status STRING,
  requests BIGINT,
  minute STRING
) USING parquet PARTITIONED BY (minute) LOCATION 's3a://lake/views/batch_view/';

-- Dynamic partition overwrite: each run replaces its minute's partition, so a re-run counts each line once.
INSERT OVERWRITE TABLE batch_view PARTITION (minute = '{{ data_interval_start.strftime("%H%M") }}')
SELECT window.start, window.end, status, count(*)
FROM raw_logs
WHERE dt = '{{ ds }}' AND minute = '{{ data_interval_start.strftime("%H%M") }}'
GROUP BY window(`@timestamp`, '10 seconds'), status;
