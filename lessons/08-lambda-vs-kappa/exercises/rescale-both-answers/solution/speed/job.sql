-- Requests per status per 10 s window of event time.
CREATE TABLE logs (
  status STRING,
  `@timestamp` TIMESTAMP(3),
  WATERMARK FOR `@timestamp` AS `@timestamp` - INTERVAL '1' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'logs',
  'properties.bootstrap.servers' = 'kafka:9092',
  'properties.group.id' = 'speed',
  -- A job submitted without a savepoint starts at the offsets its group committed at the last checkpoint.
  'scan.startup.mode' = 'group-offsets',
  'properties.auto.offset.reset' = 'earliest',
  'format' = 'json'
);

-- The primary key is the document _id: a window written again overwrites its document.
CREATE TABLE counts (
  window_start TIMESTAMP(3),
  window_end TIMESTAMP(3),
  status STRING,
  requests BIGINT,
  PRIMARY KEY (status, window_start) NOT ENFORCED
) WITH (
  'connector' = 'elasticsearch-7',
  'hosts' = 'http://es:9200',
  'index' = 'realtime'
);

INSERT INTO counts
SELECT window_start, window_end, status, COUNT(*)
FROM TABLE(TUMBLE(TABLE logs, DESCRIPTOR(`@timestamp`), INTERVAL '10' SECOND))
GROUP BY window_start, window_end, status;
