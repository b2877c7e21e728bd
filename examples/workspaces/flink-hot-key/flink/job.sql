-- Flink 2.0 job of flink, written from the simulator's spec: read logs, write the index counts.
CREATE TABLE `logs` (
  `status` STRING,
  `@timestamp` TIMESTAMP(3),
  WATERMARK FOR `@timestamp` AS `@timestamp` - INTERVAL '1' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'logs',
  'properties.bootstrap.servers' = 'kafka:9092',
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
  'index' = 'counts',
  'document-id.key-delimiter' = '-',
  'sink.bulk-flush.interval' = '0'
);

INSERT INTO `counts`
SELECT window_start, window_end, `status`, COUNT(*) AS `records`
FROM TABLE(TUMBLE(TABLE `logs`, DESCRIPTOR(`@timestamp`), INTERVAL '5' SECOND))
GROUP BY window_start, window_end, `status`;
