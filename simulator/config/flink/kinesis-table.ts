/**
 * A `'connector' = 'kinesis'` source table (flink-connector-aws 5.x) → the internal spec's Kinesis
 * source. The stream is named by its ARN (`stream.arn`), which must be a Kinesis stream ARN of the
 * region the client is in (`aws.region`); the workspace then finds the stream in aws/template.yaml.
 * AT_TIMESTAMP's `source.init.timestamp` is read as the connector reads it: the default pattern
 * yyyy-MM-dd'T'HH:mm:ss.SSSXXX, else a number of seconds since the epoch
 * (KinesisStreamsSourceConfigUtil.parseStreamTimestampStartingPosition).
 */
import type { Loc } from '../logstash/ast.js';
import type { Problems } from '../shared/issues.js';
import { EPOCH_MS } from '../../workload/clock.js';
import { parseFlinkDuration } from './connectors.js';
import { KINESIS_DEFAULT_TIMESTAMP_FORMAT } from './connector-kinesis.js';
import type { SqlTable } from './sql-parse.js';

export interface CompiledKinesisSource {
  kind: 'kinesis';
  table: string;
  streamName: string;
  region: string;
  account: string;
  arnLoc: Loc;
  spec: Record<string, unknown>;
}

/** `arn:aws:kinesis:<region>:<account>:stream/<name>`. */
const STREAM_ARN = /^arn:aws[\w-]*:kinesis:([a-z0-9-]+):(\d{12}):stream\/([A-Za-z0-9_.-]{1,128})$/;
/** The default pattern yyyy-MM-dd'T'HH:mm:ss.SSSXXX (XXX: Z or ±hh:mm). */
const ISO_MS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})(Z|[+-]\d{2}:\d{2})$/;

export function compileKinesisSource(table: SqlTable, problems: Problems): CompiledKinesisSource | undefined {
  const opt = (k: string) => table.options.get(k);
  const arn = opt('stream.arn')!;
  const m = STREAM_ARN.exec(arn.value.trim());
  if (!m) {
    problems.error(arn.valueLoc, arn.value.startsWith('arn:') ? `'${arn.value}' is not the ARN of a Kinesis data stream` : "Malformed ARN - doesn't start with 'arn:'", "'stream.arn' = 'arn:aws:kinesis:us-east-1:123456789012:stream/logs' (aws cloudformation describe-stacks, or !GetAtt Stream.Arn)");
    return undefined;
  }
  const [, region, account, streamName] = m as unknown as [string, string, string, string];
  const awsRegion = opt('aws.region')!;
  if (awsRegion.value !== region) {
    problems.error(awsRegion.valueLoc, `ResourceNotFoundException: the client in ${awsRegion.value} cannot find ${arn.value}: the stream is in ${region}`, `'aws.region' = '${region}'`);
    return undefined;
  }
  const spec: Record<string, unknown> = { connector: 'kinesis' };
  const position = (opt('source.init.position')?.value ?? 'LATEST').toUpperCase();
  spec['source.init.position'] = position;
  if (position === 'AT_TIMESTAMP') {
    const ts = opt('source.init.timestamp')!;
    const format = opt('source.init.timestamp.format');
    if (format && format.value !== KINESIS_DEFAULT_TIMESTAMP_FORMAT) {
      problems.warn(format.valueLoc, `a custom 'source.init.timestamp.format' is valid but not simulated: write the timestamp as ${KINESIS_DEFAULT_TIMESTAMP_FORMAT} or as seconds since the epoch`);
      return undefined;
    }
    const ms = timestampMs(ts.value);
    if (ms === undefined) {
      problems.error(ts.valueLoc, `Invalid value given for initial timestamp for AT_TIMESTAMP initial position in stream. Must be a valid format: (${KINESIS_DEFAULT_TIMESTAMP_FORMAT}) or non-negative double value. For example, 2016-04-04T19:58:46.480-00:00 or 1459799926.480 .`);
      return undefined;
    }
    // The run's virtual time 0 is EPOCH_MS; a moment before it is "before the stream had records".
    spec['source.init.timestamp'] = Math.max(0, ms - EPOCH_MS);
  } else if (opt('source.init.timestamp')) {
    problems.warn(opt('source.init.timestamp')!.keyLoc, `'source.init.timestamp' is read only with 'source.init.position' = 'AT_TIMESTAMP'`);
  }
  const discovery = opt('source.shard.discovery.interval');
  if (discovery) spec['source.shard.discovery.interval'] = parseFlinkDuration(discovery.value)!;
  const max = opt('source.shard.get-records.max-record-count');
  if (max) {
    const n = Number(max.value);
    if (n < 1 || n > 10_000) {
      problems.error(max.valueLoc, `1 validation error detected: Value '${n}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 10000`, 'GetRecords returns at most 10,000 records a call');
      return undefined;
    }
    spec['source.shard.get-records.max-record-count'] = n;
  }
  const empty = opt('source.reader.empty-records-fetch-interval');
  if (empty) spec['source.reader.empty-records-fetch-interval'] = parseFlinkDuration(empty.value)!;
  const idle = opt('scan.watermark.idle-timeout');
  if (idle) {
    const ms = parseFlinkDuration(idle.value)!;
    if (ms > 0) spec.idleness = ms;
  }
  return { kind: 'kinesis', table: table.name, streamName, region, account, arnLoc: arn.valueLoc, spec };
}

/** Milliseconds since the epoch, or undefined when the connector could not parse it. */
function timestampMs(value: string): number | undefined {
  const v = value.trim();
  const iso = ISO_MS.exec(v);
  if (iso) {
    const ms = Date.parse(v);
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (!/^\d+(\.\d+)?$/.test(v)) return undefined;
  return Math.round(Number(v) * 1000);
}
