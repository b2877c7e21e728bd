-- Requests per status per 5 s window, by event time (the log line's own time).
CREATE TABLE logs (
  status STRING,
  `@timestamp` TIMESTAMP(3),
  -- A window closes 1 s after its end has passed in the data.
  WATERMARK FOR `@timestamp` AS `@timestamp` - INTERVAL '1' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'logs',
  'properties.bootstrap.servers' = 'kafka:9092',
  'properties.group.id' = 'counter',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json',
  'json.timestamp-format.standard' = 'ISO-8601'
);

-- No PRIMARY KEY: every result is sent (each second, sink.bulk-flush.interval) with an id
-- Elasticsearch makes up.
CREATE TABLE counts (
  window_start TIMESTAMP(3),
  window_end TIMESTAMP(3),
  status STRING,
  requests BIGINT
) WITH (
  'connector' = 'elasticsearch-7',
  'hosts' = 'http://es:9200',
  'index' = 'counts',
  'sink.bulk-flush.interval' = '1s'
);

INSERT INTO counts
SELECT window_start, window_end, status, COUNT(*) AS requests
FROM TABLE(TUMBLE(TABLE logs, DESCRIPTOR(`@timestamp`), INTERVAL '5' SECOND))
GROUP BY window_start, window_end, status;
