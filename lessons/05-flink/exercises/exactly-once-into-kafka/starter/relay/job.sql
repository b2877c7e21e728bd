-- Copy every access-log record from `logs` to `out` with Kafka transactions: the KafkaSink opens one
-- transaction per checkpoint and commits it when the checkpoint completes (two-phase commit).
CREATE TABLE logs (
  status STRING,
  verb STRING,
  request STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'logs',
  'properties.bootstrap.servers' = 'kafka:9092',
  'properties.group.id' = 'relay',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

-- `out` is a reserved word in Flink SQL: as a table name it needs backquotes.
CREATE TABLE `out` (
  status STRING,
  verb STRING,
  request STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'out',
  'properties.bootstrap.servers' = 'kafka:9092',
  'format' = 'json',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = 'relay'
);

INSERT INTO `out` SELECT * FROM logs;
