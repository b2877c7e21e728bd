-- Index every access-log record from `logs` into Elasticsearch, one document per record.
CREATE TABLE logs (
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

-- No PRIMARY KEY: Elasticsearch gives every document an id of its own.
CREATE TABLE docs (
  clientip STRING,
  verb STRING,
  request STRING,
  status STRING
) WITH (
  'connector' = 'elasticsearch-7',
  'hosts' = 'http://es:9200',
  'index' = 'logs'
);

INSERT INTO docs
SELECT clientip, verb, request, status FROM logs;
