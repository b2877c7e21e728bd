-- Flink 2.0 job of flink, written from the simulator's spec: read logs, write the index logs.
CREATE TABLE `logs` (
  `message` STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'logs',
  'properties.bootstrap.servers' = 'kafka:9092',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

CREATE TABLE `logs_out` (
  `message` STRING
) WITH (
  'connector' = 'elasticsearch-7',
  'hosts' = 'http://es:9200',
  'index' = 'logs'
);

INSERT INTO `logs_out`
SELECT *
FROM `logs`;
