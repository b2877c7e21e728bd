/**
 * The `kinesis` table connector of flink-connector-aws 5.x (apache/flink-connector-aws v5.1.0:
 * KinesisDynamicTableFactory, KinesisConnectorOptions, KinesisSourceConfigOptions, AWSConfigOptions;
 * docs/content/docs/connectors/table/kinesis.md, "Amazon Kinesis Data Streams SQL Connector").
 *
 * Required: `stream.arn`, `aws.region`, `format`. The factory checks the other keys like any table
 * (an unknown key stops the job: "Unsupported options found for 'kinesis'"), except the `source.`
 * and `aws.` prefixes, which it passes on unchecked (getNonValidatedPrefixes): an unknown key there
 * is silently ignored by the real job, so here it is a warning.
 *
 * 5.x renamed the source options. A 4.x table (`'stream'`, `'scan.stream.initpos'`, …) fails under
 * 5.x with "Unsupported options found"; only the `kinesis-legacy` identifier (flink-sql-connector-
 * kinesis 5.x) still reads the old names. KINESIS_4X_NAMES maps them to the 5.x option.
 */
import type { ConnectorOption, OptionKind } from './connectors.js';

const o = (kind: OptionKind, doc: string, simulated: boolean, def?: string): ConnectorOption => ({ kind, doc, simulated, ...(def !== undefined ? { default: def } : {}) });

export const KINESIS_INITIAL_POSITIONS = ['LATEST', 'TRIM_HORIZON', 'AT_TIMESTAMP'] as const;
export const KINESIS_DEFAULT_TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

const AWS: Readonly<Record<string, ConnectorOption>> = {
  'aws.region': o('string', 'The AWS region of the stream.', true),
  'aws.endpoint': o('string', 'The Kinesis endpoint (derived from aws.region when not set).', false),
  'aws.trust.all.certificates': o('boolean', 'Accept every TLS certificate (testing only).', false, 'false'),
  'aws.credentials.provider': o(['AUTO', 'BASIC', 'ENV_VAR', 'SYS_PROP', 'PROFILE', 'ASSUME_ROLE', 'WEB_IDENTITY_TOKEN', 'CUSTOM'], 'How the client finds AWS credentials.', false, 'AUTO'),
  'aws.credentials.basic.accesskeyid': o('string', 'Access key id (provider BASIC).', false),
  'aws.credentials.basic.secretkey': o('string', 'Secret key (provider BASIC).', false),
  'aws.credentials.profile.path': o('string', 'Profile file (provider PROFILE).', false),
  'aws.credentials.profile.name': o('string', 'Profile name (provider PROFILE).', false),
  'aws.credentials.role.arn': o('string', 'Role to assume (ASSUME_ROLE, WEB_IDENTITY_TOKEN).', false),
  'aws.credentials.role.sessionName': o('string', 'Role session name.', false),
  'aws.credentials.role.externalId': o('string', 'External id (ASSUME_ROLE).', false),
  'aws.credentials.role.stsEndpoint': o('string', 'STS endpoint (ASSUME_ROLE).', false),
  'aws.credentials.role.provider': o('string', 'Credentials used to assume the role.', false),
  'aws.credentials.webIdentityToken.file': o('string', 'Web identity token file.', false),
  'aws.credentials.custom.class': o('string', 'Credentials provider class (CUSTOM).', false),
};

const SOURCE: Readonly<Record<string, ConnectorOption>> = {
  'source.init.position': o([...KINESIS_INITIAL_POSITIONS], 'Where a job without a checkpoint starts reading every shard; ignored on a restore from a checkpoint or savepoint.', true, 'LATEST'),
  'source.init.timestamp': o('string', "With AT_TIMESTAMP: the arrival time to start from, in source.init.timestamp.format or as seconds since the epoch (e.g. '1767225600.5').", true),
  'source.init.timestamp.format': o('string', 'SimpleDateFormat pattern of source.init.timestamp.', false, KINESIS_DEFAULT_TIMESTAMP_FORMAT),
  'source.shard.discovery.interval': o('duration', 'How often the enumerator lists the shards (new shards after a reshard are read from then on).', true, '10 s'),
  'source.shard.get-records.max-record-count': o('int', 'Most records one GetRecords call returns (POLLING).', true, '10000'),
  'source.reader.empty-records-fetch-interval': o('duration', 'Pause after a GetRecords call that returned no records.', true, '250 ms'),
  'source.reader.type': o(['POLLING', 'EFO'], 'POLLING (GetRecords, shared read throughput) or EFO (enhanced fan-out, SubscribeToShard).', false, 'POLLING'),
  'source.shard-assigner': o('string', 'How shards are mapped to source subtasks (uniform by hash-key range).', false, 'default'),
  'source.efo.consumer.name': o('string', 'EFO consumer name.', false),
  'source.efo.lifecycle': o(['JOB_MANAGED', 'SELF_MANAGED'], 'Who registers the EFO consumer.', false, 'JOB_MANAGED'),
  'source.efo.subscription.timeout': o('duration', 'SubscribeToShard timeout.', false, '60 s'),
  'source.efo.deregister.timeout': o('duration', 'DeregisterStreamConsumer timeout.', false, '10 s'),
  'source.efo.describe.retry-strategy.attempts.max': o('int', 'DescribeStreamConsumer retries.', false, '100'),
  'source.efo.describe.retry-strategy.delay.min': o('duration', 'DescribeStreamConsumer minimum delay.', false, '2 s'),
  'source.efo.describe.retry-strategy.delay.max': o('duration', 'DescribeStreamConsumer maximum delay.', false, '60 s'),
};

const SINK: Readonly<Record<string, ConnectorOption>> = {
  'sink.partitioner': o('string', 'random | fixed | a PartitionKeyGenerator class.', false),
  'sink.partitioner-field-delimiter': o('string', 'Delimiter of PARTITION BY fields in the partition key.', false, '|'),
  'sink.fail-on-error': o('boolean', 'Fail the job on a failed request instead of retrying.', false, 'false'),
  'sink.batch.max-size': o('int', 'Records per PutRecords batch.', false, '500'),
  'sink.requests.max-inflight': o('int', 'Requests in flight.', false, '16'),
  'sink.requests.max-buffered': o('int', 'Requests buffered.', false, '10000'),
  'sink.flush-buffer.size': o('long', 'Bytes buffered before a flush.', false, '5242880'),
  'sink.flush-buffer.timeout': o('long', 'Milliseconds a record may wait in the buffer.', false, '5000'),
  'sink.http-client.max-concurrency': o('int', 'HTTP client concurrency.', false, '10000'),
  'sink.http-client.read-timeout': o('int', 'HTTP client read timeout (ms).', false, '360000'),
  'sink.http-client.protocol.version': o('string', 'HTTP protocol version.', false, 'HTTP2'),
};

/** Options of the `kinesis` identifier; COMMON and SCAN_WATERMARK are added by connectors.ts. */
export const KINESIS_OWN_OPTIONS: Readonly<Record<string, ConnectorOption>> = {
  'stream.arn': o('string', 'ARN of the stream: arn:aws:kinesis:<region>:<account>:stream/<name>.', true),
  format: o('string', 'Format of the record data (json, csv, raw, avro, …).', true),
  ...AWS,
  ...SOURCE,
  ...SINK,
};

/** A 4.x (or `kinesis-legacy`) option → the 5.x option that replaces it, or a sentence when none does. */
export const KINESIS_4X_NAMES: Readonly<Record<string, string>> = {
  stream: 'stream.arn',
  'scan.stream.initpos': 'source.init.position',
  'scan.stream.initpos-timestamp': 'source.init.timestamp',
  'scan.stream.initpos-timestamp-format': 'source.init.timestamp.format',
  'scan.shard.discovery.intervalmillis': 'source.shard.discovery.interval',
  'scan.shard.getrecords.maxrecordcount': 'source.shard.get-records.max-record-count',
  'scan.shard.getrecords.intervalmillis': 'source.reader.empty-records-fetch-interval',
  'scan.stream.recordpublisher': 'source.reader.type',
  'scan.stream.efo.consumername': 'source.efo.consumer.name',
  'scan.stream.efo.registration': 'source.efo.lifecycle',
  'scan.shard-assigner': 'source.shard-assigner',
};

/** Every 4.x source key that 5.x dropped without a direct replacement (`scan.*` retry and backoff knobs, adaptive reads, watermark sync). */
export function isKinesis4xKey(key: string): boolean {
  return key in KINESIS_4X_NAMES || /^scan\.(stream|shard|list|watermark\.(sync|lookahead))\./.test(key) || key.startsWith('shard.consumer.');
}
