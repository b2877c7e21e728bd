-- Flink 2.0 job of flink, written from the simulator's spec: read logs, write the index logs.
CREATE TABLE `logs` (
  `event_id` STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'logs',
  'properties.bootstrap.servers' = 'kafka-1:9092,kafka-2:9092,kafka-3:9092',
  'properties.isolation.level' = 'read_committed',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

CREATE TABLE `logs_out` (
  `event_id` STRING,
  PRIMARY KEY (`event_id`) NOT ENFORCED
) WITH (
  'connector' = 'elasticsearch-7',
  'hosts' = 'http://es:9200',
  'index' = 'logs'
);

INSERT INTO `logs_out`
SELECT `event_id`
FROM `logs`;
