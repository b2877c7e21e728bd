-- Requests per status per 10 s window of event time.
CREATE TABLE logs (
  status STRING,
  event_id STRING,                 -- the id Filebeat gave the line, carried by Logstash
  `@timestamp` TIMESTAMP(3),
  WATERMARK FOR `@timestamp` AS `@timestamp` - INTERVAL '1' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'logs',
  'properties.bootstrap.servers' = 'kafka:9092',
  'properties.group.id' = 'stream',
  'scan.startup.mode' = 'latest-offset',
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
  'index' = 'counts'
);

-- The legacy group window GROUP BY TUMBLE(…), not TABLE(TUMBLE(…)): only it keeps a fired window
-- open for late rows (table.exec.emit.allow-lateness in config.yaml); a late row re-fires its window
-- and the new count overwrites the document.
-- A line sent twice (resent by Filebeat, replayed by Logstash) keeps its id: count each id once.
INSERT INTO counts
SELECT TUMBLE_START(`@timestamp`, INTERVAL '10' SECOND), TUMBLE_END(`@timestamp`, INTERVAL '10' SECOND), status, COUNT(DISTINCT event_id)
FROM logs
GROUP BY TUMBLE(`@timestamp`, INTERVAL '10' SECOND), status;
