-- Archive every access-log record from `logs` to S3 as JSON lines, in part files under archive/.
CREATE TABLE logs (
  verb STRING,
  request STRING,
  status STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'logs',
  'properties.bootstrap.servers' = 'kafka:9092',
  'properties.group.id' = 'archiver',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

-- Flink's FileSink: each part file goes in-progress → pending → finished.
CREATE TABLE archive (
  verb STRING,
  request STRING,
  status STRING
) WITH (
  'connector' = 'filesystem',
  'path' = 's3://lake/archive/',
  'format' = 'json'
);

INSERT INTO archive SELECT * FROM logs;
