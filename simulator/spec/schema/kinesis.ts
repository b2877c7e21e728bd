/**
 * `type: kinesis` — an Amazon Kinesis Data Streams stream, configured with the names of its
 * CloudFormation resource `AWS::Kinesis::Stream` (SEMANTICS-2 §6.1), and `type: kinesis-consumer`,
 * a consumer application built on the Kinesis Client Library (leases and checkpoints per shard).
 *
 * Sources:
 * - https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-kinesis-stream.html
 *   (`Name`, `ShardCount`, `RetentionPeriodHours`, `StreamModeDetails.StreamMode`)
 * - https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html [KDS1]
 * - https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html [KDS5]
 * - https://docs.aws.amazon.com/streams/latest/dev/kcl-concepts.html [KDS7]
 */
import { z } from 'zod';
import { duration, nodeRef, positiveInt } from './common.js';
import { sinkOutputSchema } from './consumer.js';

/** One resharding call at a moment of the run, with the API's own parameter names. */
const reshardSchema = z.union([
  z.strictObject({
    at: duration('When the call is made.'),
    UpdateShardCount: z.strictObject({
      TargetShardCount: positiveInt('The open shard count wanted: at most double and at least half the current one.'),
      ScalingType: z.literal('UNIFORM_SCALING').default('UNIFORM_SCALING').describe('The only scaling type: equal-sized shards.'),
    }),
  }),
  z.strictObject({
    at: duration('When the call is made.'),
    SplitShard: z.strictObject({
      ShardToSplit: z.string().describe('The open shard to split, e.g. `shardId-000000000000`.'),
      NewStartingHashKey: z.string().regex(/^\d+$/).describe('The first hash key (decimal) of the upper child; the lower child keeps the keys below it.'),
    }),
  }),
  z.strictObject({
    at: duration('When the call is made.'),
    MergeShards: z.strictObject({
      ShardToMerge: z.string().describe('One of two open shards with adjacent hash-key ranges.'),
      AdjacentShardToMerge: z.string().describe('The other one.'),
    }),
  }),
]);

export const kinesisSchema = z
  .strictObject({
    type: z.literal('kinesis').describe('An Amazon Kinesis data stream (`AWS::Kinesis::Stream`). Fully managed: it does not crash in the simulator.'),
    Name: z.string().optional().describe('The stream name (default: the node id). `aws kinesis describe-stream-summary --stream-name <Name>` finds it.'),
    ShardCount: positiveInt('Shards of a provisioned stream. Each takes 1 MB/s or 1,000 records/s in and serves 2 MB/s out; more is refused with `ProvisionedThroughputExceededException` [KDS1].').default(1),
    RetentionPeriodHours: z
      .number()
      .int()
      .min(24)
      .max(8760)
      .default(24)
      .describe('How long records stay readable, 24 (default) to 8760 hours (365 days). Older records are deleted whether read or not; raising it later does not bring expired records back [KDS5].'),
    StreamModeDetails: z
      .strictObject({
        StreamMode: z.enum(['PROVISIONED', 'ON_DEMAND']).default('PROVISIONED').describe('`PROVISIONED`: you choose `ShardCount`. `ON_DEMAND`: AWS sizes the stream; a new on-demand stream starts with 4 shards (4 MB/s in), which is what the simulator gives it (it does not rescale).'),
      })
      .prefault({})
      .describe('The capacity mode.'),
    reshards: z
      .array(reshardSchema)
      .optional()
      .describe('Simulator-only schedule (not a CloudFormation property): resharding calls made during the run, as `aws kinesis update-shard-count` / `split-shard` / `merge-shards` would make them. In a workspace, world.yaml `reshards:` fills it.'),
  })
  .describe('Amazon Kinesis Data Streams (SEMANTICS-2 §6.1).');

export const kinesisSourceSchema = z
  .strictObject({
    node: nodeRef('The `kinesis` stream to read.'),
    'application-name': z.string().optional().describe('KCL `applicationName`: names the lease table (one per application); default the node id.'),
    initialPositionInStream: z.enum(['TRIM_HORIZON', 'LATEST']).default('LATEST').describe('Where a shard without a checkpoint is read from: `TRIM_HORIZON` (the oldest record kept) or `LATEST` (KCL default: only records written from now on).'),
    failoverTimeMillis: duration('A lease not renewed for this long is taken by another worker, which resumes after the last checkpoint (KCL default 10000 ms).').default(10_000),
    maxRecords: z.number().int().min(1).max(10_000).default(10_000).describe('Most records one `GetRecords` call returns (KCL default and service maximum 10,000).'),
    parentShardPollIntervalMillis: duration('After a reshard: how often a worker holding a child shard\'s lease looks whether its parent shards are processed to their end (KCL default 10000 ms).').default(10_000),
    idleTimeBetweenReadsInMillis: duration('Pause between `GetRecords` calls on a shard (1000 ms here; each shard serves at most 5 reads/s).').default(1000),
  })
  .describe('Where a KCL application reads.');

export const kinesisConsumerSchema = z
  .strictObject({
    type: z.literal('kinesis-consumer').describe('A Kinesis Client Library (KCL) application: a worker leases shards, processes their records and checkpoints its place per shard.'),
    source: kinesisSourceSchema,
    checkpoint: z
      .enum(['before-processing', 'after-processing'])
      .default('after-processing')
      .describe('When `checkpoint()` is called in `processRecords`: `after-processing` (records written, then checkpointed: a crash repeats the records since the checkpoint — at-least-once) or `before-processing` (checkpointed first: a crash skips what was not written — at-most-once).'),
    'processing-time': duration('Time to process one record (default 1ms). A crash part-way through a batch interrupts it.').default(1),
    instances: positiveInt('Workers of the application; the shards\' leases are shared among them.').default(1),
    output: sinkOutputSchema,
  })
  .describe('A KCL consumer application (SEMANTICS-2 §6.1 [KDS7]).');

export type KinesisSpec = z.output<typeof kinesisSchema>;
export type KinesisSourceSpec = z.output<typeof kinesisSourceSchema>;
export type KinesisConsumerSpec = z.output<typeof kinesisConsumerSchema>;
