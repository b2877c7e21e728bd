-- Index every access-log record from `logs` into Elasticsearch, one document per record.
CREATE TABLE logs (
  verb STRING,
  request STRING,
  status STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'logs',
  'properties.bootstrap.servers' = 'kafka:9092',
  'properties.group.id' = 'indexer',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

-- No PRIMARY KEY: the sink appends, and Elasticsearch gives each document a new id.
CREATE TABLE indexed (
  verb STRING,
  request STRING,
  status STRING
) WITH (
  'connector' = 'elasticsearch-7',
  'hosts' = 'http://es:9200',
  'index' = 'logs'
);

INSERT INTO indexed SELECT * FROM logs;
