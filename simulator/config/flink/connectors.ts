/**
 * The table connectors a job.sql may name in `WITH ('connector' = …)`, one declaration per
 * connector: each option with its type, default and whether the simulation models it. Sources:
 * flink-connector-kafka 3.3 (KafkaConnectorOptions, KafkaConnectorOptionsUtil), flink-connector-
 * elasticsearch 3.1 (ElasticsearchConnectorOptions, Elasticsearch7DynamicSinkFactory), flink-connector-aws
 * 5.1 (the `kinesis` source, connector-kinesis.ts), Flink 1.20
 * FileSystemConnectorOptions and FactoryUtil. Flink validates the options of a table when the job
 * is planned: an option the connector does not have stops the job ("Unsupported options found
 * for 'kafka'"), so here it is an error; a real option the simulation does not model is a warning.
 */

import { KINESIS_OWN_OPTIONS } from './connector-kinesis.js';

export type OptionKind = 'string' | 'int' | 'long' | 'boolean' | 'duration' | 'memory' | 'list' | readonly string[];

export interface ConnectorOption {
  kind: OptionKind;
  default?: string;
  doc: string;
  /** False: a real option whose effect is not simulated (a warning when set). */
  simulated: boolean;
}

const o = (kind: OptionKind, doc: string, simulated: boolean, def?: string): ConnectorOption => ({ kind, doc, simulated, ...(def !== undefined ? { default: def } : {}) });

/** FactoryUtil options every connector accepts. */
const COMMON: Readonly<Record<string, ConnectorOption>> = {
  connector: o('string', 'The connector.', true),
  'sink.parallelism': o('int', 'Parallelism of the sink operator.', false),
};

const SCAN_WATERMARK: Readonly<Record<string, ConnectorOption>> = {
  'scan.watermark.idle-timeout': o('duration', 'A source split with no records for this long stops holding back the watermark (per table; table.exec.source.idle-timeout for all).', true),
  'scan.watermark.emit.strategy': o(['on-event', 'on-periodic'], 'When watermarks are emitted.', false, 'on-periodic'),
  'scan.watermark.alignment.group': o('string', 'Watermark alignment group.', false),
  'scan.watermark.alignment.max-drift': o('duration', 'Watermark alignment drift.', false),
  'scan.watermark.alignment.update-interval': o('duration', 'Watermark alignment update interval.', false, '1 s'),
};

export const KAFKA_OPTIONS: Readonly<Record<string, ConnectorOption>> = {
  ...COMMON,
  ...SCAN_WATERMARK,
  topic: o('list', "Topic(s) to read from or write to; a list is separated by ';'.", true),
  'topic-pattern': o('string', 'Regular expression of the topics to read.', false),
  'properties.bootstrap.servers': o('string', 'Kafka brokers, host:port[,host:port…].', true),
  'properties.group.id': o('string', 'Consumer group of the source.', true),
  format: o('string', 'Format of the record value (json, csv, raw, avro, …).', true),
  'value.format': o('string', 'Format of the record value.', true),
  'key.format': o('string', 'Format of the record key.', false),
  'key.fields': o('list', 'Columns that form the record key.', false),
  'key.fields-prefix': o('string', 'Prefix of key columns.', false),
  'value.fields-include': o(['ALL', 'EXCEPT_KEY'], 'Whether key columns are also in the value.', false, 'ALL'),
  'scan.startup.mode': o(['earliest-offset', 'latest-offset', 'group-offsets', 'timestamp', 'specific-offsets'], 'Where a job without a checkpoint starts reading.', true, 'group-offsets'),
  'scan.startup.specific-offsets': o('string', 'Offsets for specific-offsets.', false),
  'scan.startup.timestamp-millis': o('long', 'Timestamp for the timestamp startup mode.', false),
  'scan.bounded.mode': o(['unbounded', 'latest-offset', 'group-offsets', 'timestamp', 'specific-offsets'], 'Where a bounded read stops.', false, 'unbounded'),
  'scan.bounded.specific-offsets': o('string', 'Offsets for a bounded read.', false),
  'scan.bounded.timestamp-millis': o('long', 'Timestamp for a bounded read.', false),
  'scan.topic-partition-discovery.interval': o('duration', 'How often new partitions are looked for (0 disables).', true, '5 min'),
  'scan.parallelism': o('int', 'Parallelism of the source.', false),
  'sink.partitioner': o('string', 'default | fixed | round-robin | a class name.', false, 'default'),
  'sink.delivery-guarantee': o(['at-least-once', 'exactly-once', 'none'], 'The KafkaSink DeliveryGuarantee.', true, 'at-least-once'),
  'sink.transactional-id-prefix': o('string', 'Prefix of the transactional ids (required with exactly-once).', true),
  'sink.semantic': o(['at-least-once', 'exactly-once', 'none'], 'Deprecated name of sink.delivery-guarantee.', true),
  'record.key.include.kafka.connect.json.schema': o('boolean', 'Kafka Connect JSON schema in keys.', false, 'false'),
  'record.value.include.kafka.connect.json.schema': o('boolean', 'Kafka Connect JSON schema in values.', false, 'false'),
};

export const ELASTICSEARCH_OPTIONS: Readonly<Record<string, ConnectorOption>> = {
  ...COMMON,
  hosts: o('list', "Elasticsearch nodes, 'http://host:9200' separated by ';'.", true),
  index: o('string', 'Target index.', true),
  username: o('string', 'Basic-auth user.', false),
  password: o('string', 'Basic-auth password.', false),
  'document-id.key-delimiter': o('string', 'Joins the primary-key columns into the document _id.', true, '_'),
  'sink.bulk-flush.max-actions': o('int', 'Actions buffered per bulk request (0 disables the limit).', true, '1000'),
  'sink.bulk-flush.max-size': o('memory', 'Bytes buffered per bulk request.', false, '2mb'),
  'sink.bulk-flush.interval': o('duration', 'Flush buffered actions this often (0 disables).', true, '1 s'),
  'sink.bulk-flush.backoff.strategy': o(['CONSTANT', 'EXPONENTIAL', 'NONE'], 'Retry of failed bulk requests.', false),
  'sink.bulk-flush.backoff.max-retries': o('int', 'Retries of a failed bulk request.', false),
  'sink.bulk-flush.backoff.delay': o('duration', 'Delay between retries.', false),
  'sink.delivery-guarantee': o(['at-least-once', 'none', 'exactly-once'], 'at-least-once flushes at every checkpoint.', true, 'at-least-once'),
  'connection.path-prefix': o('string', 'Prefix of every REST path.', false),
  'connection.request-timeout': o('duration', 'Timeout for a connection from the pool.', false),
  'connection.timeout': o('duration', 'Connect timeout.', false),
  'socket.timeout': o('duration', 'Socket timeout.', false),
  'connection.skip-verify-ssl': o('boolean', 'Skip TLS verification.', false, 'false'),
  format: o('string', 'Format of the documents (must produce JSON).', true, 'json'),
};

export const FILESYSTEM_OPTIONS: Readonly<Record<string, ConnectorOption>> = {
  ...COMMON,
  path: o('string', 'Directory to write to (s3://bucket/prefix/, hdfs://…, file:///…).', true),
  format: o('string', 'File format (csv, json, parquet, orc, avro, raw).', true),
  'partition.default-name': o('string', 'Name of the default partition.', false, '__DEFAULT_PARTITION__'),
  'sink.rolling-policy.file-size': o('memory', 'Roll a part file at this size.', false, '128mb'),
  'sink.rolling-policy.rollover-interval': o('duration', 'Roll a part file after this long.', false, '30 min'),
  'sink.rolling-policy.check-interval': o('duration', 'How often rolling is checked.', false, '1 min'),
  'sink.rolling-policy.inactivity-interval': o('duration', 'Roll an inactive part file.', false),
  'auto-compaction': o('boolean', 'Compact small files.', false, 'false'),
  'compaction.file-size': o('memory', 'Target size of compacted files.', false),
  'sink.partition-commit.trigger': o(['process-time', 'partition-time'], 'When a partition is committed.', false, 'process-time'),
  'sink.partition-commit.delay': o('duration', 'Delay before a partition is committed.', false, '0 s'),
  'sink.partition-commit.policy.kind': o('string', 'metastore, success-file, custom.', false),
  'sink.partition-commit.success-file.name': o('string', 'Name of the success file.', false, '_SUCCESS'),
  'sink.shuffle-by-partition.enable': o('boolean', 'Shuffle by partition.', false, 'false'),
  'source.monitor-interval': o('duration', 'Watch the directory for new files.', false),
};

export const KINESIS_OPTIONS: Readonly<Record<string, ConnectorOption>> = { ...COMMON, ...SCAN_WATERMARK, ...KINESIS_OWN_OPTIONS };

/** The connectors the simulation runs, and others Flink ships or commonly has on the classpath. */
export const CONNECTORS: Readonly<Record<string, Readonly<Record<string, ConnectorOption>>>> = {
  kafka: KAFKA_OPTIONS,
  kinesis: KINESIS_OPTIONS,
  'elasticsearch-7': ELASTICSEARCH_OPTIONS,
  filesystem: FILESYSTEM_OPTIONS,
};
export const UNSIMULATED_CONNECTORS = ['upsert-kafka', 'elasticsearch-6', 'jdbc', 'datagen', 'print', 'blackhole', 'hbase-2.2', 'kinesis-legacy', 'firehose', 'mongodb', 'opensearch', 'pulsar'] as const;

/** Options of the formats, by the format's prefix (Flink's format factories; json from JsonFormatOptions). */
export const FORMAT_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  json: ['fail-on-missing-field', 'ignore-parse-errors', 'timestamp-format.standard', 'map-null-key.mode', 'map-null-key.literal', 'encode.decimal-as-plain-number', 'encode.ignore-null-fields', 'decode.json-parser.enabled'],
  csv: ['field-delimiter', 'disable-quote-character', 'quote-character', 'allow-comments', 'ignore-parse-errors', 'array-element-delimiter', 'escape-character', 'null-literal', 'write-bigdecimal-in-scientific-notation'],
  raw: ['charset', 'endianness'],
  avro: ['encoding', 'codec', 'timestamp_mapping.legacy'],
  'avro-confluent': ['url', 'subject', 'schema', 'properties', 'basic-auth.credentials-source', 'basic-auth.user-info'],
  'debezium-json': ['schema-include', 'ignore-parse-errors', 'timestamp-format.standard', 'map-null-key.mode', 'map-null-key.literal', 'encode.decimal-as-plain-number'],
  'canal-json': ['ignore-parse-errors', 'timestamp-format.standard', 'map-null-key.mode', 'map-null-key.literal', 'encode.decimal-as-plain-number', 'database.include', 'table.include'],
  parquet: ['utc-timezone', 'timestamp.time.unit', 'write.int64.timestamp'],
  orc: [],
};

/** Checks a value against its kind; the message is Flink's ConfigOption parse failure in words. */
export function invalidOptionValue(kind: OptionKind, value: string): string | undefined {
  if (Array.isArray(kind)) return kind.some((k) => k.toLowerCase() === value.toLowerCase()) ? undefined : `Could not parse value '${value}'. Expected one of: [${kind.join(', ')}]`;
  if (kind === 'int' || kind === 'long') return /^-?\d+$/.test(value.trim()) ? undefined : `Could not parse value '${value}' for ${kind === 'int' ? 'an integer' : 'a long'}`;
  if (kind === 'boolean') return /^(true|false)$/i.test(value.trim()) ? undefined : `Unrecognized option for boolean: ${value}. Expected either true or false(case insensitive)`;
  if (kind === 'duration') return parseFlinkDuration(value) === undefined ? `Could not parse value '${value}' for a duration (e.g. '10 s', '500 ms', '5 min')` : undefined;
  if (kind === 'memory') return /^\s*\d+\s*(b|bytes|k|kb|kibibytes|m|mb|mebibytes|g|gb|gibibytes|t|tb|tebibytes)?\s*$/i.test(value) ? undefined : `Could not parse value '${value}' for a memory size (e.g. '2mb')`;
  return undefined;
}

const DURATION_UNITS: readonly [RegExp, number][] = [
  [/^(d|day|days)$/, 86_400_000], [/^(h|hour|hours)$/, 3_600_000], [/^(min|m|minute|minutes)$/, 60_000], [/^(s|sec|secs|second|seconds)$/, 1000],
  [/^(ms|milli|millis|millisecond|milliseconds)$/, 1], [/^(µs|us|micro|micros|microsecond|microseconds)$/, 0.001], [/^(ns|nano|nanos|nanosecond|nanoseconds)$/, 0.000001],
];

/** A duration as Flink's TimeUtils.parseDuration reads it: `10 s`, `10s`, `5 min`, `500ms`; a bare number is ms. */
export function parseFlinkDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d+)\s*([a-zµ]*)\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[2] === '') return n;
  const unit = DURATION_UNITS.find(([re]) => re.test(m[2]!.toLowerCase()));
  return unit ? Math.round(n * unit[1]) : undefined;
}
