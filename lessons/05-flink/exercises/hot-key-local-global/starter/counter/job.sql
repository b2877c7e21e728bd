-- Requests per status in 5 s windows of event time, written as the job was first written:
-- with the legacy group window GROUP BY TUMBLE(…).
CREATE TABLE logs (
  status STRING,
  verb STRING,
  `@timestamp` TIMESTAMP(3),
  -- Bounded out-of-orderness: a window closes 1 s after its end has passed in the data.
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

-- The primary key becomes the document _id (status_windowstart): one document per status and window.
CREATE TABLE counts (
  window_start TIMESTAMP(3),
  window_end TIMESTAMP(3),
  status STRING,
  requests BIGINT,
  PRIMARY KEY (status, window_start) NOT ENFORCED
) WITH (
  'connector' = 'elasticsearch-7',
  'hosts' = 'http://es:9200',
  'index' = 'counts'
);

INSERT INTO counts
SELECT TUMBLE_START(`@timestamp`, INTERVAL '5' SECOND), TUMBLE_END(`@timestamp`, INTERVAL '5' SECOND), status, COUNT(*) AS requests
FROM logs
GROUP BY TUMBLE(`@timestamp`, INTERVAL '5' SECOND), status;
