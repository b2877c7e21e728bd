-- Flink 2.0 job of flink, written from the simulator's spec: read logs, write the topic out.
CREATE TABLE `logs` (
  `message` STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'logs',
  'properties.bootstrap.servers' = 'kafka:9092',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

CREATE TABLE `out` (
  `message` STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'out',
  'properties.bootstrap.servers' = 'kafka:9092',
  'format' = 'json',
  'sink.delivery-guarantee' = 'none'
);

INSERT INTO `out`
SELECT *
FROM `logs`;
