-- Flink 2.0 job of stream, version v2, written from the simulator's spec: read logs, write the index counts, a replay of the topic into a new index (readers switch when it has caught up).
CREATE TABLE `logs` (
  `status` STRING,
  `@timestamp` TIMESTAMP(3),
  WATERMARK FOR `@timestamp` AS `@timestamp` - INTERVAL '2' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'logs',
  'properties.bootstrap.servers' = 'kafka-1:9092,kafka-2:9092,kafka-3:9092',
  'properties.group.id' = 'stream-v2',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json',
  'json.timestamp-format.standard' = 'ISO-8601'
);

CREATE TABLE `counts` (
  `window_start` TIMESTAMP(3),
  `window_end` TIMESTAMP(3),
  `status` STRING,
  `records` BIGINT,
  PRIMARY KEY (`status`, `window_start`) NOT ENFORCED
) WITH (
  'connector' = 'elasticsearch-7',
  'hosts' = 'http://es:9200',
  'index' = 'counts-v2',
  'document-id.key-delimiter' = '-'
);

INSERT INTO `counts`
SELECT window_start, window_end, `status`, COUNT(*) AS `records`
FROM TABLE(TUMBLE(TABLE `logs`, DESCRIPTOR(`@timestamp`), INTERVAL '10' SECOND))
GROUP BY window_start, window_end, `status`;
