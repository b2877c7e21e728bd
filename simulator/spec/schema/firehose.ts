/**
 * `type: firehose` — an Amazon Data Firehose stream (`AWS::KinesisFirehose::DeliveryStream`) that
 * reads a Kinesis data stream and delivers to S3 or to Elasticsearch/OpenSearch, with the
 * CloudFormation property names (SEMANTICS-2 §6.2).
 *
 * Sources:
 * - https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html [FH1]
 * - https://docs.aws.amazon.com/firehose/latest/APIReference/API_AmazonopensearchserviceRetryOptions.html [FH2]
 * - https://docs.aws.amazon.com/firehose/latest/APIReference/API_DocumentIdOptions.html [FH3]
 * - https://docs.aws.amazon.com/firehose/latest/dev/retry.html [FH4]
 */
import { z } from 'zod';
import { nodeRef } from './common.js';

const bufferingHints = z
  .strictObject({
    SizeInMBs: z.number().int().min(1).max(128).default(5).describe('Deliver once this many MiB are buffered (default 5).'),
    IntervalInSeconds: z.number().int().min(0).max(900).default(300).describe('Deliver once the oldest buffered record is this old (default 300 s). Whichever condition is met first triggers delivery [FH1].'),
  })
  .prefault({})
  .describe('`BufferingHints`: Firehose buffers records and delivers by size or age, whichever comes first.');

const s3Destination = z
  .strictObject({
    BucketARN: nodeRef('The `s3` node (the bucket).'),
    Prefix: z.string().default('').describe('Key prefix of the objects delivered.'),
    ErrorOutputPrefix: z.string().optional().describe('Key prefix for records Firehose could not deliver (default `AmazonOpenSearchService_failed/` for failed OpenSearch documents).'),
    BufferingHints: bufferingHints,
  })
  .describe('An S3 destination. If a put fails Firehose keeps retrying for up to 24 hours; after that the data is lost [FH4].');

const openSearchDestination = z
  .strictObject({
    DomainARN: nodeRef('The `elasticsearch` node (an OpenSearch/Elasticsearch domain).'),
    IndexName: z.string().default('logs').describe('Index the documents go to.'),
    BufferingHints: bufferingHints,
    RetryOptions: z
      .strictObject({
        DurationInSeconds: z.number().int().min(0).max(7200).default(300).describe('How long, after a first failure, Firehose keeps retrying a document (default 300 s; 0 = no retries). Then it is written to S3 under the error prefix [FH2].'),
      })
      .prefault({})
      .describe('`RetryOptions`.'),
    DocumentIdOptions: z
      .strictObject({
        DefaultDocumentIdFormat: z
          .enum(['FIREHOSE_DEFAULT', 'NO_DOCUMENT_ID'])
          .default('FIREHOSE_DEFAULT')
          .describe('`FIREHOSE_DEFAULT`: Firehose sends its own id per record, stable across delivery attempts, so a retry overwrites. `NO_DOCUMENT_ID`: OpenSearch generates ids, so a retried record can be indexed twice [FH3].'),
      })
      .prefault({})
      .describe('`DocumentIdOptions`.'),
    S3BackupMode: z.enum(['FailedDocumentsOnly', 'AllDocuments']).default('FailedDocumentsOnly').describe('`FailedDocumentsOnly`: only documents that failed after the retry duration go to S3. `AllDocuments`: every record is also written to S3.'),
    S3Configuration: s3Destination.describe('The S3 bucket for failed (or all) documents.'),
  })
  .describe('An OpenSearch (Elasticsearch) destination.');

export const firehoseSchema = z
  .strictObject({
    type: z.literal('firehose').describe('An Amazon Data Firehose stream reading a Kinesis data stream. Fully managed: it does not crash in the simulator.'),
    DeliveryStreamName: z.string().optional().describe('The Firehose stream name (default: the node id).'),
    DeliveryStreamType: z.literal('KinesisStreamAsSource').default('KinesisStreamAsSource').describe('Only `KinesisStreamAsSource` is modelled: Firehose reads the stream in `KinesisStreamSourceConfiguration`.'),
    KinesisStreamSourceConfiguration: z
      .strictObject({
        KinesisStreamARN: nodeRef('The `kinesis` node to read. Firehose starts at the stream\'s LATEST position: records written before it started are not delivered.'),
      })
      .describe('The source stream.'),
    ExtendedS3DestinationConfiguration: s3Destination.optional(),
    AmazonopensearchserviceDestinationConfiguration: openSearchDestination.optional(),
  })
  .superRefine((f, ctx) => {
    const n = (f.ExtendedS3DestinationConfiguration ? 1 : 0) + (f.AmazonopensearchserviceDestinationConfiguration ? 1 : 0);
    if (n !== 1) ctx.addIssue({ code: 'custom', path: [], message: 'a Firehose stream has exactly one destination: `ExtendedS3DestinationConfiguration` or `AmazonopensearchserviceDestinationConfiguration`' });
  })
  .describe('Amazon Data Firehose (SEMANTICS-2 §6.2).');

export type FirehoseSpec = z.output<typeof firehoseSchema>;
export type FirehoseS3DestinationSpec = z.output<typeof s3Destination>;
export type FirehoseOpenSearchDestinationSpec = z.output<typeof openSearchDestination>;
