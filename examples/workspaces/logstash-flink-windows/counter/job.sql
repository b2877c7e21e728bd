-- Requests per status in 10 s windows that slide every 5 s, by event time.
CREATE TABLE logs (
  status STRING,
  verb STRING,
  `@timestamp` TIMESTAMP(3),
  -- Bounded out-of-orderness: a window closes 2 s after its end has passed in the data.
  WATERMARK FOR `@timestamp` AS `@timestamp` - INTERVAL '2' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'logs',
  'properties.bootstrap.servers' = 'kafka:9092',
  'properties.group.id' = 'counter',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json',
  'json.timestamp-format.standard' = 'ISO-8601'
);

-- The primary key becomes the document _id (status_windowstart): a window written again after
-- the restore overwrites its document instead of adding one.
CREATE TABLE counts (
  window_start TIMESTAMP(3),
  window_end TIMESTAMP(3),
  status STRING,
  requests BIGINT,
  PRIMARY KEY (status, window_start) NOT ENFORCED
) WITH (
  'connector' = 'elasticsearch-7',
  'hosts' = 'http://elasticsearch:9200',
  'index' = 'counts'
);

INSERT INTO counts
SELECT window_start, window_end, status, COUNT(*) AS requests
FROM TABLE(HOP(TABLE logs, DESCRIPTOR(`@timestamp`), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end, status;
