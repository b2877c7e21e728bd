/**
 * The Kinesis source table of a Flink job (flink-connector-aws 5.x `'connector' = 'kinesis'`, the
 * same `source.*` options in 6.0 for Flink 2.0: KinesisConnectorOptions, KinesisSourceConfigOptions,
 * AWSConfigOptions; docs/content/docs/connectors/table/kinesis.md): the inverse of
 * simulator/config/flink/kinesis-table.ts. The stream is named by its ARN in the workspace's account
 * and region (the pseudo parameters of aws/template.yaml); options at the connector's default are
 * left out, except `source.init.position`, which a reader of the file should not have to know.
 */
import type { FlinkKinesisSourceSpec, FlinkSpec } from '../spec/schema/flink.js';
import { ACCOUNT, REGION } from '../config/aws/resolve.js';
import { isoTimestamp } from '../workload/clock.js';
import { refuse, type Refusal } from './refusal.js';
import { flinkDuration } from './text.js';

/** The connector's defaults (KinesisSourceConfigOptions), which the importer assumes when an option is absent. */
const DEFAULT_DISCOVERY_MS = 10_000;
const DEFAULT_MAX_RECORDS = 10_000;
const DEFAULT_EMPTY_FETCH_MS = 250;

/** The ARN `'stream.arn'` names: a stream of aws/template.yaml, in the account and region the importer assumes. */
export const streamArn = (streamName: string): string => `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/${streamName}`;

/** What a Kinesis source table cannot say; empty when the source can be written. */
export function kinesisRefusals(at: string, node: FlinkSpec, source: FlinkKinesisSourceSpec): Refusal[] {
  const out: Refusal[] = [];
  if (source['source.init.position'] === 'AT_TIMESTAMP' && source['source.init.timestamp'] === undefined) {
    out.push(refuse(`${at}.source.source.init.timestamp`, "'source.init.position' = 'AT_TIMESTAMP' needs 'source.init.timestamp': the Kinesis source refuses the table without it", "'source.init.position' = 'AT_TIMESTAMP'에는 'source.init.timestamp'가 필요합니다. Kinesis 소스는 이 값이 없는 테이블을 받지 않습니다"));
  }
  if (Object.keys(node.versions ?? {}).length > 0 || (node.deploy ?? []).length > 0) {
    out.push(refuse(`${at}.deploy`, 'the export writes later versions (job-<version>.sql with world.yaml deploys) of a job that reads Kafka: this job reads Kinesis', '내보내기는 Kafka를 읽는 잡의 다음 버전(job-<version>.sql과 world.yaml의 deploys)만 씁니다. 이 잡은 Kinesis를 읽습니다'));
  }
  return out;
}

/** The WITH options of the source table, before the format's. */
export function kinesisTableOptions(s: FlinkKinesisSourceSpec, streamName: string): string[] {
  const position = s['source.init.position'];
  return [
    `'connector' = 'kinesis'`,
    `'stream.arn' = '${streamArn(streamName)}'`,
    `'aws.region' = '${REGION}'`,
    `'source.init.position' = '${position}'`,
    // The run's moment in the connector's default pattern yyyy-MM-dd'T'HH:mm:ss.SSSXXX (`Z` is UTC); kinesis-table.ts reads it back.
    ...(position === 'AT_TIMESTAMP' ? [`'source.init.timestamp' = '${isoTimestamp(s['source.init.timestamp']!)}'`] : []),
    ...(s['source.shard.discovery.interval'] !== DEFAULT_DISCOVERY_MS ? [`'source.shard.discovery.interval' = '${flinkDuration(s['source.shard.discovery.interval'])}'`] : []),
    ...(s['source.shard.get-records.max-record-count'] !== DEFAULT_MAX_RECORDS ? [`'source.shard.get-records.max-record-count' = '${s['source.shard.get-records.max-record-count']}'`] : []),
    ...(s['source.reader.empty-records-fetch-interval'] !== DEFAULT_EMPTY_FETCH_MS ? [`'source.reader.empty-records-fetch-interval' = '${flinkDuration(s['source.reader.empty-records-fetch-interval'])}'`] : []),
    ...(s.idleness !== undefined ? [`'scan.watermark.idle-timeout' = '${flinkDuration(s.idleness)}'`] : []),
  ];
}
