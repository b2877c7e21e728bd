/**
 * `aws firehose describe-delivery-stream --delivery-stream-name X`, in the AWS CLI v2's JSON with the
 * Firehose API's field names (https://docs.aws.amazon.com/firehose/latest/APIReference/API_DescribeDeliveryStream.html,
 * API_ExtendedS3DestinationDescription.html, API_AmazonopensearchserviceDestinationDescription.html).
 * Values are the stream's configuration with its defaults filled in, as the service reports them.
 * IAM roles are not simulated, so no RoleARN is shown.
 */
import type { RunHandle } from '../../../run/run.js';
import type { FirehoseS3DestinationSpec } from '../../../spec/schema/firehose.js';
import { ok, type ShellOutput } from '../../types.js';
import { ACCOUNT, REGION, deliveryStreams, isoTimestamp, json, requiredOption, serviceError, streamArn, streams } from './cli.js';

function s3Description(d: FirehoseS3DestinationSpec, bucket: string): Record<string, unknown> {
  return {
    BucketARN: `arn:aws:s3:::${bucket}`,
    Prefix: d.Prefix,
    ...(d.ErrorOutputPrefix !== undefined ? { ErrorOutputPrefix: d.ErrorOutputPrefix } : {}),
    BufferingHints: { SizeInMBs: d.BufferingHints.SizeInMBs, IntervalInSeconds: d.BufferingHints.IntervalInSeconds },
    CompressionFormat: 'UNCOMPRESSED',
    EncryptionConfiguration: { NoEncryptionConfig: 'NoEncryption' },
    CloudWatchLoggingOptions: { Enabled: false },
  };
}

export function firehoseCommand(handle: RunHandle, args: readonly string[]): ShellOutput {
  const usage = 'aws firehose describe-delivery-stream --delivery-stream-name <value>';
  const name = requiredOption(args, usage, 'delivery-stream-name');
  if (typeof name !== 'string') return name;
  const f = deliveryStreams(handle).find((d) => d.name === name);
  if (!f) return serviceError('ResourceNotFoundException', 'DescribeDeliveryStream', `Firehose ${name} under account ${ACCOUNT} not found.`);
  const source = streams(handle).find((s) => s.id === f.spec.KinesisStreamSourceConfiguration.KinesisStreamARN);
  const s3 = f.spec.ExtendedS3DestinationConfiguration;
  const search = f.spec.AmazonopensearchserviceDestinationConfiguration;
  const destination: Record<string, unknown> = { DestinationId: 'destinationId-000000000001' };
  if (s3) {
    destination.S3DestinationDescription = s3Description(s3, s3.BucketARN);
    destination.ExtendedS3DestinationDescription = { ...s3Description(s3, s3.BucketARN), S3BackupMode: 'Disabled' };
  } else if (search) {
    destination.AmazonopensearchserviceDestinationDescription = {
      ClusterEndpoint: `https://${search.DomainARN}`,
      IndexName: search.IndexName,
      IndexRotationPeriod: 'NoRotation',
      BufferingHints: { IntervalInSeconds: search.BufferingHints.IntervalInSeconds, SizeInMBs: search.BufferingHints.SizeInMBs },
      RetryOptions: { DurationInSeconds: search.RetryOptions.DurationInSeconds },
      S3BackupMode: search.S3BackupMode,
      S3DestinationDescription: s3Description(search.S3Configuration, search.S3Configuration.BucketARN),
      DocumentIdOptions: { DefaultDocumentIdFormat: search.DocumentIdOptions.DefaultDocumentIdFormat },
      CloudWatchLoggingOptions: { Enabled: false },
    };
  }
  return ok(
    json({
      DeliveryStreamDescription: {
        DeliveryStreamName: f.name,
        DeliveryStreamARN: `arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/${f.name}`,
        DeliveryStreamStatus: 'ACTIVE',
        DeliveryStreamEncryptionConfiguration: { Status: 'DISABLED' },
        DeliveryStreamType: 'KinesisStreamAsSource',
        VersionId: '1',
        CreateTimestamp: isoTimestamp(0),
        Source: { KinesisStreamSourceDescription: { KinesisStreamARN: streamArn(source?.name ?? f.spec.KinesisStreamSourceConfiguration.KinesisStreamARN), DeliveryStartTimestamp: isoTimestamp(0) } },
        Destinations: [destination],
        HasMoreDestinations: false,
      },
    }),
  );
}
