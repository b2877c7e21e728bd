/**
 * `aws …` in the terminal: the AWS CLI v2's JSON, with the Kinesis, Firehose, DynamoDB and
 * CloudWatch APIs' field names, over the run of examples/workspaces/aws-kinesis-firehose.spec.yaml.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSpec, terminal } from './fixtures.js';
import { complete } from '../../../simulator/shell/index.js';

const SPEC = readFileSync(join(import.meta.dirname, '../../../examples/workspaces/aws-kinesis-firehose.spec.yaml'), 'utf8');
const handle = runSpec(SPEC);
const sh = terminal(handle);
const parsed = (line: string) => {
  const out = sh(line);
  expect(out.status, out.text).toBe(0);
  return JSON.parse(out.text) as Record<string, Record<string, unknown>>;
};

describe('aws kinesis', () => {
  it('describe-stream-summary: the stream as DescribeStreamSummary reports it', () => {
    expect(parsed('aws kinesis describe-stream-summary --stream-name logs').StreamDescriptionSummary).toEqual({
      StreamName: 'logs',
      StreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/logs',
      StreamStatus: 'ACTIVE',
      StreamModeDetails: { StreamMode: 'PROVISIONED' },
      RetentionPeriodHours: 24,
      StreamCreationTimestamp: '2026-01-01T00:00:00+00:00',
      EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
      EncryptionType: 'NONE',
      OpenShardCount: 2,
      ConsumerCount: 0,
    });
    expect(sh('aws kinesis describe-stream-summary --stream-name log')).toMatchObject({ status: 254, text: '\nAn error occurred (ResourceNotFoundException) when calling the DescribeStreamSummary operation: Stream log under account 123456789012 not found.' });
    expect(sh('aws kinesis describe-stream-summary').text).toMatch(/aws: error: the following arguments are required: --stream-name$/);
  });

  it('list-shards: two shards splitting the 128-bit hash-key space in halves', () => {
    const shards = parsed('aws kinesis list-shards --stream-name logs').Shards as unknown as { ShardId: string; HashKeyRange: Record<string, string> }[];
    expect(shards.map((s) => s.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    expect(shards[0]!.HashKeyRange).toEqual({ StartingHashKey: '0', EndingHashKey: '170141183460469231731687303715884105727' });
    expect(shards[1]!.HashKeyRange.EndingHashKey).toBe('340282366920938463463374607431768211455');
  });
});

describe('aws firehose describe-delivery-stream', () => {
  it('the Firehose stream with its source, destination and buffering hints', () => {
    const d = parsed('aws firehose describe-delivery-stream --delivery-stream-name to-lake').DeliveryStreamDescription as Record<string, unknown>;
    expect(d).toMatchObject({ DeliveryStreamName: 'to-lake', DeliveryStreamStatus: 'ACTIVE', DeliveryStreamType: 'KinesisStreamAsSource', Source: { KinesisStreamSourceDescription: { KinesisStreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/logs' } } });
    expect((d.Destinations as Record<string, unknown>[])[0]!.ExtendedS3DestinationDescription).toMatchObject({ BucketARN: 'arn:aws:s3:::s3', Prefix: 'raw/', ErrorOutputPrefix: 'failed/', BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 60 } });
    expect(sh('aws firehose describe-delivery-stream --delivery-stream-name lake').text).toBe('\nAn error occurred (ResourceNotFoundException) when calling the DescribeDeliveryStream operation: Firehose lake under account 123456789012 not found.');
  });
});

describe('aws dynamodb scan: the KCL lease table', () => {
  it('one lease per shard, owned by the worker, checkpointed at the last record it wrote', () => {
    const out = parsed('aws dynamodb scan --table-name indexer') as unknown as { Items: Record<string, { S?: string; N?: string }>[]; Count: number };
    expect(out.Count).toBe(2);
    expect(out.Items.map((i) => i.leaseKey!.S)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    for (const item of out.Items) {
      expect(item.checkpoint!.S).toMatch(/^49\d{54}$/);
      expect(item.leaseOwner!.S).toBeTruthy();
    }
    expect(sh('aws dynamodb scan --table-name nope').text).toBe('\nAn error occurred (ResourceNotFoundException) when calling the Scan operation: Requested resource not found');
  });
});

describe('aws cloudwatch get-metric-statistics', () => {
  const stats = (metric: string, extra = '') => parsed(`aws cloudwatch get-metric-statistics --namespace AWS/Kinesis --metric-name ${metric} --dimensions Name=StreamName,Value=logs --statistics Sum --period 60${extra}`) as unknown as { Label: string; Datapoints: { Timestamp: string; Sum: number }[] };

  it('IncomingRecords per minute add up to every record stored; the series ends at the `at` instant', () => {
    const incoming = stats('IncomingRecords');
    expect(incoming.Datapoints.reduce((n, d) => n + d.Sum, 0)).toBe(12000);
    expect(incoming.Datapoints[0]!.Timestamp).toBe('2026-01-01T00:00:00+00:00');
    expect(stats('WriteProvisionedThroughputExceeded').Datapoints.every((d) => d.Sum === 0)).toBe(true);
    const early = terminal(handle);
    expect(early('at 30s').status).toBe(0);
    const first = JSON.parse(early('aws cloudwatch get-metric-statistics --namespace AWS/Kinesis --metric-name IncomingRecords --dimensions Name=StreamName,Value=logs --statistics Sum --period 60').text) as { Datapoints: { Sum: number }[] };
    expect(first.Datapoints).toHaveLength(1);
    expect(first.Datapoints[0]!.Sum).toBeGreaterThan(5000);
    expect(first.Datapoints[0]!.Sum).toBeLessThan(6200);
  });

  it('--start-time and --end-time in ISO 8601', () => {
    expect(stats('IncomingRecords', ' --start-time 2026-01-01T00:00:10Z --end-time 2026-01-01T00:00:20Z --period 10').Datapoints).toHaveLength(1);
  });
});

describe('aws: usage and completion', () => {
  it('refuses a service or operation the CLI does not have, as its parser does', () => {
    expect(sh('aws kinesis put-record').text).toMatch(/aws: error: argument operation: Invalid choice, valid choices are:\n\ndescribe-stream-summary \| list-shards \| update-shard-count \| split-shard \| merge-shards$/);
    expect(sh('aws lambda invoke').status).toBe(252);
  });

  it('completes services, operations and the run\'s resource names', () => {
    expect(complete({ handle }, 'aws ki').candidates).toEqual(['kinesis']);
    expect(complete({ handle }, 'aws kinesis list-shards --stream-name ').candidates).toEqual(['logs']);
    expect(complete({ handle }, 'aws dynamodb scan --table-name ').candidates).toEqual(['indexer']);
  });
});
