-- Index every access-log record from `logs` into Elasticsearch, one document per log line.
CREATE TABLE logs (
  event_id STRING,
  clientip STRING,
  verb STRING,
  request STRING,
  status STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'logs',
  'properties.bootstrap.servers' = 'kafka:9092',
  'properties.group.id' = 'indexer',
  'properties.isolation.level' = 'read_committed',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

-- The primary key becomes the document _id: a copy of a line overwrites its first document.
CREATE TABLE docs (
  event_id STRING,
  clientip STRING,
  verb STRING,
  request STRING,
  status STRING,
  PRIMARY KEY (event_id) NOT ENFORCED
) WITH (
  'connector' = 'elasticsearch-7',
  'hosts' = 'http://es:9200',
  'index' = 'logs'
);

INSERT INTO docs
SELECT event_id, clientip, verb, request, status FROM logs;
