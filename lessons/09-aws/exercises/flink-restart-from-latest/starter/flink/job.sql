-- Copies every line of the Kinesis stream `logs` into the index `logs`.
CREATE TABLE lines (
  message STRING
) WITH (
  'connector' = 'kinesis',
  'stream.arn' = 'arn:aws:kinesis:us-east-1:123456789012:stream/logs',
  'aws.region' = 'us-east-1',
  'source.init.position' = 'LATEST',
  'format' = 'json'
);

CREATE TABLE archive (
  message STRING
) WITH (
  'connector' = 'elasticsearch-7',
  'hosts' = 'http://es:9200',
  'index' = 'logs'
);

INSERT INTO archive
SELECT message FROM lines;
